"""The ledger page's export: the same visible, filtered cases in the court's ledger layout, audited."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.test import Client

from qingji.audit.models import AuditRecord
from qingji.cases import stored_ledger
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]


def exported_csv(client: Client, query: str) -> list[dict[str, str]]:
    response = client.get(f"/ledger/export/?format=csv&{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    return list(csv.DictReader(io.StringIO(text)))


def test_the_export_holds_what_the_page_lists(login: Login) -> None:
    client = login("甘1002", Role.PRESIDENT)
    rows = exported_csv(client, "status=overdue")
    page = client.get("/ledger/?status=overdue").context["rows"]
    assert [row["案号"] for row in rows] == [row["case"].case_number for row in page]
    assert len(rows) == 3
    first = rows[0]
    assert first["法院"] == "庆阳市西峰区人民法院" and first["状态"] == "超审限" and first["审理天数"]
    record = AuditRecord.objects.get(action="ledger_exported")
    assert record.after is not None and record.after["rows"] == 3
    assert record.after["filters"]["status"] == "overdue"


def test_a_judge_exports_only_their_own_cases_whatever_the_parameters(login: Login) -> None:
    client = login("甘1002", Role.JUDGE, name="李娜")
    numbers = {row["案号"] for row in exported_csv(client, "status=all&court=甘1027")}
    assert numbers == set()
    numbers = {row["案号"] for row in exported_csv(client, "status=all")}
    assert numbers == {"（2022）甘1002民初4号", "（2024）甘1002民初2号"}


def test_the_excel_export_is_the_courts_ledger_layout(login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = client.get("/ledger/export/?status=all")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]
    sheet = book.active
    assert sheet is not None
    values = [row for row in sheet.iter_rows(values_only=True) if any(row)]
    headers = next(row for row in values if "案号" in row)
    body = values[values.index(headers) + 1 :]
    assert len(body) == 7  # every case of both courts, closed ones included
    assert client.get("/ledger/export/?format=pdf").status_code == 400


def test_export_needs_a_login(client: Client) -> None:
    assert client.get("/ledger/export/").status_code == 302


def test_more_rows_than_a_sheet_holds_come_as_csv_and_nothing_stays_on_disk(
    login: Login, monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Path
) -> None:
    settings.HOME = tmp_path
    monkeypatch.setattr(stored_ledger, "EXCEL_MAX_DATA_ROWS", 6)  # the seven cases are over it
    response = login("甘10", Role.TRIAL_MANAGEMENT).get("/ledger/export/?status=all")
    assert response.status_code == 200 and ".csv" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    assert len(list(csv.DictReader(io.StringIO(text)))) == 7
    assert AuditRecord.objects.get(action="ledger_exported").object_id == "csv"
    assert list((tmp_path / "exports").iterdir()) == []
