"""Imports: upsert by case number in one transaction, idempotent, audited; a bad row changes nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import polars as pl
import pytest
from import_files import NEW_CASE, export, later_export, read_text

from qingji.audit.models import AuditRecord
from qingji.cases.imports import do_import, file_sha256
from qingji.cases.models import Case, CaseEvent, ImportRecord
from qingji.courts.actions import do_ensure_courts

pytestmark = pytest.mark.django_db

SAMPLES = Path("/work/shared/samples")


def test_first_import_creates_every_case_with_its_events_and_audit_records(tmp_path: Path) -> None:
    do_ensure_courts()
    cases_path, events_path = export(tmp_path)
    cases, events = read_text(cases_path), read_text(events_path)
    outcome = do_import(cases_path, events_path)
    assert outcome.imported and outcome.exit_code == 0
    assert (outcome.rows, outcome.created, outcome.updated, outcome.unchanged) == (
        cases.height,
        cases.height,
        0,
        0,
    )
    assert outcome.events_added == events.height == CaseEvent.objects.count()
    assert Case.objects.count() == cases.height
    assert set(Case.objects.values_list("case_number", flat=True)) == set(cases.get_column("案号"))
    assert Case.objects.filter(court__isnull=True).count() == 0  # every court of Qingyang is known
    record = ImportRecord.objects.get()
    assert (record.file_name, record.events_file_name) == ("cases.csv", "events.csv")
    assert (
        len(record.sha256) == 64 and len(record.events_sha256) == 64 and record.sha256 != record.events_sha256
    )
    assert (record.rows, record.created, record.events_added, record.problems) == (
        cases.height, cases.height, events.height, 0,
    )  # fmt: skip
    audits = AuditRecord.objects.filter(import_record=record)
    assert audits.filter(action="case_created").count() == cases.height
    assert audits.filter(action="event_added").count() == events.height
    created = audits.filter(action="case_created").first()
    assert created is not None and created.before is None and created.after is not None
    assert created.after["filed_on"] == Case.objects.get(case_number=created.object_id).filed_on.isoformat()
    assert all(len(key) == 64 for key in CaseEvent.objects.values_list("key", flat=True))


def test_importing_the_same_files_again_changes_nothing(tmp_path: Path) -> None:
    cases_path, events_path = export(tmp_path)
    first = do_import(cases_path, events_path)
    audits = AuditRecord.objects.count()
    stamps = dict(Case.objects.values_list("case_number", "updated_at"))
    again = do_import(cases_path, events_path)
    assert (again.created, again.updated, again.events_added) == (0, 0, 0)
    assert again.unchanged == first.created
    assert AuditRecord.objects.count() == audits
    assert dict(Case.objects.values_list("case_number", "updated_at")) == stamps
    assert CaseEvent.objects.count() == first.events_added
    assert ImportRecord.objects.count() == 2
    assert ImportRecord.objects.order_by("id").last().unchanged == first.created  # type: ignore[union-attr]


def test_a_later_export_updates_exactly_what_changed_with_before_and_after(tmp_path: Path) -> None:
    do_ensure_courts()
    cases_path, events_path = export(tmp_path / "first")
    first = do_import(cases_path, events_path)
    later_cases, later_events, changed = later_export(cases_path, events_path, tmp_path / "later")
    outcome = do_import(later_cases, later_events)
    assert (outcome.created, outcome.updated, outcome.events_added) == (1, 3, 1)
    assert outcome.unchanged == first.created - 3
    assert outcome.record_id is not None
    record = ImportRecord.objects.get(pk=outcome.record_id)
    updates = {
        a.object_id: a for a in AuditRecord.objects.filter(import_record=record, action="case_updated")
    }
    assert set(updates) == set(changed.values())
    closed = updates[changed["closed"]]
    assert closed.before == {"closed_on": None, "closure_method": ""}
    assert closed.after == {"closed_on": "2026-06-29", "closure_method": "判决"}
    procedure = updates[changed["procedure"]]
    assert procedure.before is not None and procedure.before["procedure"] == "simple"
    assert procedure.after == {"procedure": "ordinary", "procedure_raw": "普通程序"}
    judge = updates[changed["judge"]]
    assert (
        judge.after == {"judge": "新法官"} and judge.before is not None and judge.before["judge"] != "新法官"
    )
    assert Case.objects.get(case_number=changed["judge"]).judge == "新法官"
    assert Case.objects.get(case_number=changed["procedure"]).procedure == "ordinary"
    new_case = Case.objects.get(case_number=NEW_CASE)
    assert new_case.court is not None and new_case.court.code == "甘1002"
    assert AuditRecord.objects.filter(import_record=record, action="case_created").get().object_id == NEW_CASE
    added = AuditRecord.objects.filter(import_record=record, action="event_added").get()
    assert added.object_id == changed["closed"] and added.after is not None and added.after["kind"] == "鉴定"
    assert CaseEvent.objects.filter(
        case__case_number=changed["closed"], kind="鉴定", note="司法鉴定"
    ).exists()
    # The later export once more: nothing left to do.
    again = do_import(later_cases, later_events)
    assert (again.created, again.updated, again.events_added) == (0, 0, 0)


def test_a_file_with_one_bad_row_changes_nothing_and_comes_back_marked(tmp_path: Path) -> None:
    cases_path, events_path = export(tmp_path / "first")
    do_import(cases_path, events_path)
    before = (
        Case.objects.count(),
        CaseEvent.objects.count(),
        AuditRecord.objects.count(),
        ImportRecord.objects.count(),
    )
    later_cases, later_events, _ = later_export(cases_path, events_path, tmp_path / "later")
    cases = read_text(later_cases)
    bad_index = 5
    cases = cases.with_columns(
        pl.when(pl.int_range(pl.len()) == bad_index).then(pl.lit("2025-13-45")).otherwise(pl.col("立案日期")).alias("立案日期")
    )  # fmt: skip
    cases.write_csv(later_cases)
    outcome = do_import(later_cases, later_events)
    assert not outcome.imported and outcome.exit_code == 2
    assert len(outcome.problems) >= 1
    problem = outcome.problems[0]
    assert (problem.row, problem.column, problem.value) == (bad_index + 2, "立案日期", "2025-13-45")
    after = (
        Case.objects.count(),
        CaseEvent.objects.count(),
        AuditRecord.objects.count(),
        ImportRecord.objects.exclude(outcome=ImportRecord.Outcome.REFUSED).count(),
    )
    assert after == before  # nothing written but the record of the refusal, with its real problem count
    refused = ImportRecord.objects.get(outcome=ImportRecord.Outcome.REFUSED)
    assert refused.pk == outcome.record_id and refused.problems == len(outcome.problems) >= 1
    assert refused.file_name == "cases.csv" and refused.events_file_name == "events.csv"
    assert refused.sha256 == file_sha256(later_cases) and refused.events_sha256 == file_sha256(later_events)
    assert (refused.created, refused.updated, refused.rows) == (0, 0, cases.height)
    assert Case.objects.filter(judge="新法官").count() == 0
    assert (
        outcome.report is not None
        and outcome.report.parent == later_cases.parent
        and outcome.report.is_file()
    )
    sheet = openpyxl.load_workbook(outcome.report).worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    width = len(cases.columns)
    assert headers[:width] == cases.columns and headers[width : width + 2] == ["原因", "reason"]
    column = cases.columns.index("立案日期") + 1
    bad_cell = sheet.cell(row=problem.row, column=column)
    assert bad_cell.value == "2025-13-45"
    assert bad_cell.fill.fgColor.rgb.upper().endswith("FF9999")
    good_cell = sheet.cell(row=problem.row, column=1)
    assert good_cell.value == cases.item(bad_index, "案号") and good_cell.fill.fgColor.rgb in (
        None,
        "00000000",
    )
    assert sheet.cell(row=problem.row, column=width + 1).value == problem.reason_zh
    assert sheet.cell(row=problem.row, column=width + 2).value == problem.reason_en
    assert sheet.cell(row=problem.row + 1, column=width + 1).value is None
    # The events of the bad row's case are refused too (their case is not among the good rows), in the second sheet.
    assert {p.file for p in outcome.problems} <= {"cases.csv", "events.csv"}


def test_a_report_path_can_be_given(tmp_path: Path) -> None:
    cases_path, _ = export(tmp_path)
    cases = read_text(cases_path).with_columns(pl.lit("是吗").alias("羁押"))
    cases.write_csv(cases_path)
    outcome = do_import(cases_path, report_path=tmp_path / "out" / "marked.xlsx")
    assert outcome.report == tmp_path / "out" / "marked.xlsx" and outcome.report.is_file()
    assert len(outcome.problems) == cases.height
    assert Case.objects.count() == 0
    assert ImportRecord.objects.get().problems == cases.height
    # a marked copy written where the user said is not qingji's to remove
    assert ImportRecord.objects.get().report == ""


def test_the_shared_samples_import(tmp_path: Path) -> None:
    if not (SAMPLES / "cases.csv").is_file():
        pytest.skip("no shared samples")
    do_ensure_courts()
    outcome = do_import(SAMPLES / "cases.csv", SAMPLES / "events.csv")
    assert outcome.imported, outcome.problems
    assert outcome.created == Case.objects.count() == 8
    assert do_import(SAMPLES / "cases.csv", SAMPLES / "events.csv").events_added == 0


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        do_import(tmp_path / "nothing.csv")
