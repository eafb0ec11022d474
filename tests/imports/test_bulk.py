"""The bulk writes and reads of imports: COPY (PostgreSQL) and statements store the same rows, text of any shape
survives, and the audit records made in Polars say what the rows hold."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from django.db import connection
from import_files import export, later_export

from qingji.audit.models import AuditRecord
from qingji.cases import bulk, import_audit
from qingji.cases.bulk import db_stamp, insert_frame, table_frame, update_frame
from qingji.cases.imports import CASE_FIELDS, EVENT_FIELDS, do_import
from qingji.cases.models import Case, CaseEvent, ImportRecord
from qingji.courts.actions import do_ensure_courts

pytestmark = pytest.mark.django_db

# Text a cell of an export may hold that CSV, COPY or JSON could take for something else.
AWKWARD = [
    "", " lead and trail ", 'a,"b",c', "line\nbreak", "cr\r\nlf", "\\.", "x\n\\.\ny", "\\N", "NULL", "tab\there",
    "反斜杠\\和引号'", "甲某;乙某", "\u001f", "{\"json\": [1]}",
]  # fmt: skip


def _ways() -> list[str]:
    return ["copy", "statements"] if connection.vendor == "postgresql" else ["statements"]


@pytest.fixture(params=["copy", "statements"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each way rows go, where the database has it: COPY on PostgreSQL only, statements on both."""
    if request.param not in _ways():
        pytest.skip("COPY is PostgreSQL's")
    if request.param == "statements":
        monkeypatch.setattr(bulk, "copies", lambda: False)
    # small blocks, so that every loop over blocks runs more than once
    monkeypatch.setattr(bulk, "BATCH_SIZE", 3)
    monkeypatch.setattr(bulk, "COPY_ROWS", 4)
    monkeypatch.setattr(import_audit, "AUDIT_ROWS", 5)
    yield request.param


def _awkward_cases() -> pl.DataFrame:
    count = len(AWKWARD)
    stamp = db_stamp(datetime(2026, 11, 28, 1, 2, 3, 456789, tzinfo=UTC))
    return pl.DataFrame(
        {
            "case_number": [f"（2026）甘1002民初{i}号" for i in range(count)],
            "court_code": ["甘1002"] * count,
            "type_code": ["民初"] * count,
            "procedure": ["ordinary"] * count,
            "procedure_raw": AWKWARD,
            "cause": list(reversed(AWKWARD)),
            "filed_on": [date(2026, 1, 1 + i) for i in range(count)],
            "closed_on": [None if i % 2 else date(2026, 6, 1 + i) for i in range(count)],
            "closure_method": AWKWARD,
            "judge": AWKWARD,
            "division": AWKWARD,
            "in_custody": [i % 3 == 0 for i in range(count)],
            "parties": AWKWARD,
            "court_id": [None] * count,
            "created_at": [stamp] * count,
            "updated_at": [stamp] * count,
        },
        schema_overrides={"court_id": pl.Int64},
    )


def test_text_of_any_shape_is_stored_and_read_back_as_it_was(way: str) -> None:
    frame = _awkward_cases()
    insert_frame(Case, frame)
    fields = [name for name in frame.columns if name not in ("created_at", "updated_at")]
    stored = Case.objects.order_by("case_number").values_list(*fields)
    assert list(stored) == frame.select(fields).sort("case_number").rows()
    case = Case.objects.get(case_number=frame.item(0, "case_number"))
    assert case.created_at == datetime(2026, 11, 28, 1, 2, 3, 456789, tzinfo=UTC)
    schema: dict[str, pl.DataType] = {"id": pl.Int64(), **dict(frame.select(fields).schema)}
    read = table_frame(Case, schema)
    assert read.drop("id").sort("case_number").equals(frame.select(fields).sort("case_number"))
    assert read.get_column("id").sort().to_list() == sorted(Case.objects.values_list("id", flat=True))


def test_updates_set_exactly_the_given_rows(way: str) -> None:
    insert_frame(Case, _awkward_cases())
    ids = table_frame(Case, {"id": pl.Int64(), "case_number": pl.String()}).sort("case_number")
    chosen = ids.head(6)
    update_frame(
        Case,
        chosen.select(
            "id",
            pl.col("case_number").str.replace("号", "").alias("judge"),
            pl.lit(date(2026, 11, 1)).alias("closed_on"),
            pl.lit(value=True).alias("in_custody"),
        ),
    )
    for number in ids.get_column("case_number"):
        case = Case.objects.get(case_number=number)
        if number in chosen.get_column("case_number"):
            assert (case.judge, case.closed_on, case.in_custody) == (number[:-1], date(2026, 11, 1), True)
        else:
            assert case.judge in AWKWARD and case.closed_on != date(2026, 11, 1)


def test_an_empty_table_reads_as_an_empty_frame(way: str) -> None:
    read = table_frame(CaseEvent, {"case_id": pl.Int64(), "key": pl.String(), "start": pl.Date()})
    assert read.is_empty() and read.schema == {"case_id": pl.Int64(), "key": pl.String(), "start": pl.Date()}


def _stored() -> dict[str, Any]:
    """Everything two imports store, without ids and moments."""

    def canonical(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    return {
        "cases": list(
            Case.objects.order_by("case_number").values_list("case_number", *CASE_FIELDS, "court__code")
        ),
        "events": list(
            CaseEvent.objects.order_by("case__case_number", "key").values_list(
                "case__case_number", "key", *EVENT_FIELDS
            )
        ),
        "audits": sorted(
            (
                record.import_record.file_name if record.import_record else "",
                record.action,
                record.object_type,
                record.object_id,
                record.court_code,
                canonical(record.before),
                canonical(record.after),
            )
            for record in AuditRecord.objects.filter(import_record__isnull=False).select_related(
                "import_record"
            )
        ),
        "imports": list(
            ImportRecord.objects.order_by("id").values_list(
                "file_name", "rows", "created", "updated", "unchanged", "events_added"
            )
        ),
    }


def _import_twice(tmp_path: Path) -> dict[str, Any]:
    cases_path, events_path = export(tmp_path / "first", cases=120, seed=3)
    later_cases, later_events, _ = later_export(cases_path, events_path, tmp_path / "later")
    first = do_import(cases_path, events_path)
    later = do_import(later_cases, later_events)
    assert first.imported and later.imported and later.updated == 3
    return _stored()


def test_copy_and_statements_store_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("COPY is PostgreSQL's: SQLite has only the statements")
    do_ensure_courts()
    monkeypatch.setattr(import_audit, "AUDIT_ROWS", 7)
    monkeypatch.setattr(bulk, "COPY_ROWS", 11)
    by_copy = _import_twice(tmp_path / "copy")
    AuditRecord.objects.all().delete()
    CaseEvent.objects.all().delete()
    Case.objects.all().delete()
    ImportRecord.objects.all().delete()
    monkeypatch.setattr(bulk, "copies", lambda: False)
    by_statements = _import_twice(tmp_path / "statements")
    assert by_copy == by_statements
    assert len(by_copy["cases"]) == 121 and len(by_copy["audits"]) > 121


def test_the_audit_records_say_what_the_rows_hold(tmp_path: Path, way: str) -> None:
    do_ensure_courts()
    cases_path, events_path = export(tmp_path, cases=60, seed=4)
    outcome = do_import(cases_path, events_path)
    audits = AuditRecord.objects.filter(import_record_id=outcome.record_id)
    assert {record.at for record in audits} == {audits[0].at}
    created = {record.object_id: record for record in audits.filter(action="case_created")}
    assert len(created) == outcome.created == 60
    for case in Case.objects.all():
        record = created[case.case_number]
        expected = {name: getattr(case, name) for name in CASE_FIELDS}
        expected.update(
            filed_on=case.filed_on.isoformat(), closed_on=case.closed_on and case.closed_on.isoformat()
        )
        assert (record.before, record.after, record.court_code, record.object_type) == (
            None, expected, case.court_code, "case",
        )  # fmt: skip
    added = sorted(
        (record.object_id, record.after["key"], record.after)
        for record in audits.filter(action="event_added")
        if record.after is not None
    )
    assert len(added) == outcome.events_added == CaseEvent.objects.count()
    events = sorted(
        (event.case.case_number, event.key, _event_json(event))
        for event in CaseEvent.objects.select_related("case")
    )
    assert added == events


def _event_json(event: CaseEvent) -> dict[str, Any]:
    values = {name: getattr(event, name) for name in EVENT_FIELDS}
    return {"key": event.key, **{k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}}
