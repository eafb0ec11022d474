"""A corrected export through the upload page: the same result as `qingji import` (test_corrections.py), shown
on the page, on the case page and in the audit trail (issue 9, "Corrections in a later export")."""

from __future__ import annotations

from pathlib import Path

import pytest
from correction_files import (
    CORRECTED_EVENTS,
    DEDUCTION,
    EXTENDED,
    ORIGINAL_EVENTS,
    WITHDRAWN,
    ledger,
    write_export,
)
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from qingji.cases.models import CaseEvent, ImportRecord
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client: Client, settings: object, tmp_path: Path) -> Client:
    settings.HOME = tmp_path / "home"  # type: ignore[attr-defined]
    do_ensure_courts()
    person = do_create_user(
        "office1002", "password-1002", name="西峰审管办", court_code="甘1002", role=Role.TRIAL_MANAGEMENT
    )
    client.force_login(person.user)
    return client


def upload(client: Client, cases: Path, events: Path) -> str:
    files = {
        name: SimpleUploadedFile(path.name, path.read_bytes())
        for name, path in (("cases", cases), ("events", events))
    }
    response = client.post("/import/", files)
    page = response.content.decode()
    assert response.status_code == 200, page
    return " ".join(page.split())


def counts() -> tuple[int, int, int]:
    record = ImportRecord.objects.order_by("-id").first()
    assert record is not None
    return record.events_added, record.events_changed, record.events_withdrawn


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_corrected_export_uploaded(office: Client, tmp_path: Path, suffix: str) -> None:
    original = write_export(tmp_path / "original", ORIGINAL_EVENTS, suffix)
    corrected = write_export(tmp_path / "corrected", CORRECTED_EVENTS, suffix)
    upload(office, *original)
    before = ledger()
    assert before == ledger(*original)

    page = upload(office, *corrected)
    assert counts() == (0, 2, 1)
    assert "更正事项 2" in page and "撤回事项 1" in page
    assert "案件状态已重新计算" in page  # a correction of events alone brings the snapshot up to date too
    assert ledger() == ledger(*corrected) != before

    case_page = office.get(reverse("web:case", args=[WITHDRAWN])).content.decode()
    withdrawn_part = case_page.split("被后来的导出撤回的事项")[1]
    assert "2024-09-20" in withdrawn_part and "误录" in withdrawn_part
    assert "2024-09-20" not in case_page.split("被后来的导出撤回的事项")[0]
    record = ImportRecord.objects.order_by("-id").first()
    assert (
        record is not None and f"导入记录 #{record.pk}" in withdrawn_part and "office1002" in withdrawn_part
    )

    audit = office.get("/audit/", {"object_id": DEDUCTION}).content.decode()
    assert (
        "事项更正（导入）" in audit
        and "2024-12-30" in audit
        and "event_changed" not in audit.split("<tbody>")[1]
    )

    upload(office, *corrected)
    assert counts() == (0, 0, 0)
    page = upload(office, *original)
    assert counts() == (1, 2, 0)
    assert ledger() == before
    assert (
        CaseEvent.objects.filter(case__case_number=EXTENDED).count() == 2
    )  # both lengths kept in the history
