"""An export in the data centre's layout imports to the same ledger as its interchange twin (issue 11): the same
cases, events and computed states in the database, whether its tables come as files or as a workbook's sheets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from layout_files import twins

from qingji.audit.models import AuditRecord
from qingji.cases.import_action import run_import
from qingji.cases.models import Case, CaseEvent, CaseState, ImportRecord, Snapshot, StateCount
from qingji.courts.actions import do_ensure_courts
from qingji.interchange.profiles import BUILTIN_PROFILES, DATA_CENTRE

pytestmark = pytest.mark.django_db

LAYOUT = BUILTIN_PROFILES[DATA_CENTRE]
_CASE = [
    f.name for f in Case._meta.concrete_fields if f.name not in ("id", "created_at", "updated_at", "court")
]
_EVENT = [
    f.name
    for f in CaseEvent._meta.concrete_fields
    if f.name not in ("id", "case", "withdrawn_at", "withdrawn_by")
]
_STATE = [f.name for f in CaseState._meta.concrete_fields if f.name != "case"]


def database() -> dict[str, Any]:
    """What the database holds of the import: cases, events and states by case number, and the counts."""
    return {
        "cases": list(Case.objects.order_by("case_number").values_list("court__code", *_CASE)),
        "events": sorted(CaseEvent.objects.values_list("case__case_number", *_EVENT)),
        "states": list(
            CaseState.objects.order_by("case__case_number").values_list("case__case_number", *_STATE)
        ),
        "counts": sorted(
            StateCount.objects.values_list("court_code", "status", "age_bucket", "long_pending_12m", "cases")
        ),
    }


def wipe() -> None:
    for model in (AuditRecord, CaseState, StateCount, Snapshot, CaseEvent, Case, ImportRecord):
        model.objects.all().delete()


@pytest.mark.parametrize("as_workbook", [False, True], ids=["files", "workbook"])
def test_the_data_centre_export_imports_to_the_same_ledger(tmp_path: Path, as_workbook: bool) -> None:
    do_ensure_courts()
    files = twins(tmp_path)
    interchange = run_import(files.cases, files.events)
    assert interchange.imported and interchange.created == 300
    expected = database()
    wipe()
    tables = [files.workbook] if as_workbook else files.tables
    outcome = run_import(tables, files.events, layout=LAYOUT)
    assert outcome.imported, outcome.problems[:3]
    assert len(outcome.tables) >= 6  # several kinds of case, one table each
    assert (outcome.created, outcome.events_added) == (interchange.created, interchange.events_added)
    assert outcome.unknown_columns == []
    got = database()
    for part in expected:
        assert got[part] == expected[part], part
    record = ImportRecord.objects.get()
    assert record.profile == DATA_CENTRE and [item["name"] for item in record.files] == [
        p.name for p in tables
    ]
    assert record.file_name == "、".join(p.name for p in tables)[:255]
    # the court system's own expiry is kept with the case: here, as the synthetic court counts, qingji's own
    twin = pl.read_csv(files.cases, infer_schema=False).select("案号", "审限届满日期")
    stored = dict(Case.objects.values_list("case_number", "cms_expiry"))
    assert sum(value is not None for value in stored.values()) > 250
    assert all(str(stored[number] or "") == (expiry or "") for number, expiry in twin.iter_rows())
