"""The ledger from the stored snapshot: the states of some cases read as a ledger frame (the fields of
qingji.core.state.LEDGER_FIELDS), without computing anything, and written to a file that leaves nothing on disk.
The ledger page's export (qingji.web.export_views) is this over the page's own query.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

import polars as pl
from django.conf import settings
from django.db.models import QuerySet

from qingji.cases.models import CaseState
from qingji.engine.facts import CASE_SCHEMA
from qingji.interchange.ledger_writer import EXCEL_MAX_DATA_ROWS, write_ledger

_CASE_FIELDS = (
    "case_number",
    "type_code",
    "procedure",
    "cause",
    "filed_on",
    "closed_on",
    "judge",
    "division",
)
_STATE_FIELDS = (
    "court_code", "status", "age_days", "age_bucket", "long_pending", "expiry", "days_remaining", "days_over",
    "extended_months", "extended_days", "deducted_days", "provisional", "warnings", "basis",
)  # fmt: skip
_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    **{name: CASE_SCHEMA.get(name, pl.String) for name in _CASE_FIELDS},
    "court_code": pl.String, "status": pl.String, "age_days": pl.Int64, "age_bucket": pl.String,
    "long_pending": pl.Int64, "expiry": pl.Date, "days_remaining": pl.Int64, "days_over": pl.Int64,
    "extended_months": pl.Int64, "extended_days": pl.Int64, "deducted_days": pl.Int64, "provisional": pl.Boolean,
    "warnings": pl.List(pl.String), "basis": pl.String,
}  # fmt: skip


@dataclass(frozen=True)
class LedgerFile:
    """A ledger written out: the open file (nothing of it on disk any more), its name and its format."""

    file: BinaryIO
    name: str
    kind: str  # "xlsx" or "csv"


def stored_ledger(states: QuerySet[CaseState], court_names: Mapping[str, str]) -> pl.DataFrame:
    """The ledger rows of ``states``, in their order, with each court's name (its code when not in
    ``court_names``)."""
    rows = states.select_related(None).values_list(
        *(f"case__{name}" for name in _CASE_FIELDS), *_STATE_FIELDS
    )
    frame = pl.DataFrame(list(rows.iterator(chunk_size=5000)), schema=_SCHEMA, orient="row")
    return frame.with_columns(
        pl.col("procedure", "age_bucket").replace("", None),
        court_name=pl.col("court_code").replace_strict(dict(court_names), default=pl.col("court_code")),
    )


def ledger_file(frame: pl.DataFrame, kind: str, as_of: date) -> LedgerFile:
    """The ledger written as ``kind`` (``xlsx``, or ``csv`` also when it has more rows than an Excel sheet holds)
    to a temporary file under ``QINGJI_HOME/exports``, opened, and removed from disk: the open file keeps the data
    until it is closed."""
    if kind == "xlsx" and frame.height > EXCEL_MAX_DATA_ROWS:
        kind = "csv"
    directory = Path(settings.HOME) / "exports"
    directory.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(dir=directory)) / f"台账_{as_of.isoformat()}.{kind}"
    write_ledger(frame, path, as_of=as_of)
    handle = path.open("rb")
    path.unlink()
    path.parent.rmdir()
    return LedgerFile(handle, path.name, kind)
