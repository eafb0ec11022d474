"""A user sees their court and the courts below it; a judge their own cases and their grants; nobody another
court's cases."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import QuerySet

from qingji.audit.models import AuditRecord
from qingji.cases.models import Case
from qingji.cases.selectors import visible_cases
from qingji.courts.actions import GrantRefused, do_create_user, do_ensure_courts, do_grant, do_revoke
from qingji.courts.models import Court, Grant, Person, Role
from qingji.courts.selectors import visible_court_codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases() -> None:
    do_ensure_courts()
    rows = [
        ("（2024）甘10民终1号", "甘10", "民终", "杨帆", "民一庭"),
        ("（2024）甘1002民初1号", "甘1002", "民初", "张伟", "民一庭"),
        ("（2024）甘1002民初2号", "甘1002", "民初", "李娜", "民二庭"),
        ("（2024）甘1027民初1号", "甘1027", "民初", "赵磊", "民一庭"),
    ]
    for number, court, type_code, judge, division in rows:
        Case.objects.create(
            case_number=number, court_code=court, type_code=type_code, judge=judge, division=division,
            filed_on=date(2024, 3, 1),
        )  # fmt: skip


def numbers(person_cases: QuerySet[Case]) -> set[str]:
    return set(person_cases.values_list("case_number", flat=True))


def test_the_intermediate_court_sees_its_basic_courts(cases: None) -> None:
    office = do_create_user(
        "office", "pw-12345678", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT
    )
    assert visible_court_codes(office) == {
        "甘10",
        "甘1002",
        "甘1021",
        "甘1022",
        "甘1023",
        "甘1024",
        "甘1025",
        "甘1026",
        "甘1027",
    }
    assert numbers(visible_cases(office)) == set(Case.objects.values_list("case_number", flat=True))


def test_a_basic_court_sees_only_itself(cases: None) -> None:
    president = do_create_user("xf", "pw-12345678", name="院长甲", court_code="甘1002", role=Role.PRESIDENT)
    assert visible_court_codes(president) == {"甘1002"}
    assert numbers(visible_cases(president)) == {"（2024）甘1002民初1号", "（2024）甘1002民初2号"}


def test_a_judge_sees_their_own_cases_and_a_division_head_their_division(cases: None) -> None:
    judge = do_create_user("zw", "pw-12345678", name="张伟", court_code="甘1002", role=Role.JUDGE)
    assert numbers(visible_cases(judge)) == {"（2024）甘1002民初1号"}
    head = do_create_user(
        "head", "pw-12345678", name="庭长乙", court_code="甘1002", role=Role.DIVISION_HEAD, division="民二庭"
    )
    assert numbers(visible_cases(head)) == {"（2024）甘1002民初2号"}


def test_the_high_court_reader_sees_everything_below_it(cases: None) -> None:
    reader = do_create_user("gs", "pw-12345678", name="高院", court_code="甘", role=Role.HIGHER_COURT_READER)
    assert len(visible_court_codes(reader)) == 10
    assert visible_cases(reader).count() == 4


def test_an_assistant_sees_their_judges_cases_by_grant_and_no_more(cases: None) -> None:
    assistant = do_create_user("zl", "pw-12345678", name="助理丙", court_code="甘1002", role=Role.ASSISTANT)
    assert numbers(visible_cases(assistant)) == set()
    grant = do_grant("zl", court_code="甘1002", judge="李娜", reason="协助李娜")
    assert numbers(visible_cases(assistant)) == {"（2024）甘1002民初2号"}
    record = AuditRecord.objects.get(action="grant_created")
    assert record.after == {
        "user": "zl",
        "court": "甘1002",
        "division": "",
        "judge": "李娜",
        "reason": "协助李娜",
    }
    do_revoke(grant.pk)
    assert numbers(visible_cases(assistant)) == set()
    assert AuditRecord.objects.get(action="grant_revoked").before == record.after


def test_a_judge_granted_a_division_sees_it_beside_their_own(cases: None) -> None:
    judge = do_create_user("zw", "pw-12345678", name="张伟", court_code="甘1002", role=Role.JUDGE)
    do_grant("zw", court_code="甘1002", division="民二庭")
    assert numbers(visible_cases(judge)) == {"（2024）甘1002民初1号", "（2024）甘1002民初2号"}


def test_a_grant_never_reaches_another_court(cases: None) -> None:
    do_create_user("zw", "pw-12345678", name="张伟", court_code="甘1002", role=Role.JUDGE)
    with pytest.raises(GrantRefused, match="甘1027"):
        do_grant("zw", court_code="甘1027")
    with pytest.raises(GrantRefused, match="甘10"):
        do_grant("zw", court_code="甘10")  # the court above is not below the judge's court
    assert not Grant.objects.exists() and not AuditRecord.objects.filter(action="grant_created").exists()
    # A grant written past the action (or left behind when the person moved court) is not honoured either.
    person = Person.objects.get(user__username="zw")
    Grant.objects.create(person=person, court=Court.objects.get(code="甘1027"))
    assert numbers(visible_cases(person)) == {"（2024）甘1002民初1号"}


def test_an_intermediate_court_judge_may_be_granted_a_basic_court(cases: None) -> None:
    judge = do_create_user("yf", "pw-12345678", name="杨帆", court_code="甘10", role=Role.JUDGE)
    assert numbers(visible_cases(judge)) == {"（2024）甘10民终1号"}
    do_grant("yf", court_code="甘1027", reason="指导甘1027")
    assert numbers(visible_cases(judge)) == {"（2024）甘10民终1号", "（2024）甘1027民初1号"}
