"""Which audit records a person reads (qingji.courts.selectors.visible_audit) and the audit page's filters
(qingji.audit.selectors.filtered), which narrow that and never widen it."""

from __future__ import annotations

from datetime import date

import pytest

from qingji.audit.actions import audit
from qingji.audit.models import AuditRecord
from qingji.audit.selectors import AuditFilters, filtered
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Person, Role
from qingji.courts.selectors import visible_audit

pytestmark = pytest.mark.django_db


@pytest.fixture
def records() -> None:
    do_ensure_courts()
    AuditRecord.objects.all().delete()  # the courts' own records aside
    audit("case_updated", "case", "（2024）甘1002民初1号", court_code="甘1002")
    audit("case_updated", "case", "（2024）甘1027民初1号", court_code="甘1027")
    audit("campaign_created", "campaign", "1", court_code="甘10")
    audit("group_changed_in_admin", "group", "1")  # no court


def person(username: str, court: str, role: Role) -> Person:
    return do_create_user(username, "pw-12345678", name=username, court_code=court, role=role)


def seen(who: Person | None, filters: AuditFilters | None = None) -> set[str]:
    found = filtered(visible_audit(who), filters or AuditFilters())
    return {record.object_id for record in found if record.action != "user_created"}


def test_each_reads_the_records_of_their_courts_an_administrator_also_those_of_no_court(
    records: None,
) -> None:
    assert seen(person("office", "甘10", Role.TRIAL_MANAGEMENT)) == {
        "（2024）甘1002民初1号",
        "（2024）甘1027民初1号",
        "1",
    }
    assert seen(person("xf", "甘1002", Role.PRESIDENT)) == {"（2024）甘1002民初1号"}
    admin = person("admin", "甘1002", Role.ADMINISTRATOR)
    assert seen(admin) == {"（2024）甘1002民初1号", "1"}
    assert {record.court_code for record in visible_audit(admin) if record.object_id == "1"} == {""}


@pytest.mark.parametrize("role", [Role.JUDGE, Role.ASSISTANT, Role.DIVISION_HEAD, Role.HIGHER_COURT_READER])
def test_the_other_roles_read_none(records: None, role: Role) -> None:
    assert not visible_audit(person("reader", "甘10", role)).exists()
    assert not visible_audit(None).exists()


def test_filters_narrow_and_never_widen(records: None) -> None:
    xifeng = person("xf", "甘1002", Role.PRESIDENT)
    assert seen(xifeng, AuditFilters(court="甘1027")) == set()  # another court's records stay unseen
    assert seen(xifeng, AuditFilters(object_id="甘1027")) == set()
    office = person("office", "甘10", Role.TRIAL_MANAGEMENT)
    assert seen(office, AuditFilters(court="甘1027")) == {"（2024）甘1027民初1号"}
    assert seen(office, AuditFilters(action="campaign_created")) == {"1"}
    assert seen(office, AuditFilters(object_id="民初")) == {"（2024）甘1002民初1号", "（2024）甘1027民初1号"}
    assert seen(office, AuditFilters(since=date(2000, 1, 1), until=date(2000, 12, 31))) == set()
    records_in_order = list(filtered(visible_audit(office), AuditFilters()))
    assert records_in_order == sorted(records_in_order, key=lambda r: (r.at, r.pk), reverse=True)
