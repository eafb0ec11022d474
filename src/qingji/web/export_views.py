"""The ledger page's export: the same filtered, visible cases as an Excel or CSV ledger in the court's layout.

The rows are the page's own query (queries.ledger), so an export never holds a case the page would not list;
each export is written to the audit trail (who, which filters, how many rows).
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import polars as pl
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse

from qingji.audit.deferred import audit_read
from qingji.cases.snapshot import snapshot_date
from qingji.engine.facts import CASE_SCHEMA
from qingji.interchange.ledger_writer import EXCEL_MAX_DATA_ROWS, write_ledger
from qingji.web.params import BadParameter
from qingji.web.queries import LedgerFilters, courts_of, ledger
from qingji.web.views import person_of

FORMATS = ("xlsx", "csv")
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


@login_required
def ledger_export(request: HttpRequest) -> HttpResponse | FileResponse:
    """``?format=xlsx`` (default) or ``csv``, with the ledger page's filters."""
    person = person_of(request)
    filters = LedgerFilters.from_query(request.GET)
    kind = request.GET.get("format") or "xlsx"
    if kind not in FORMATS:
        raise BadParameter("export_format", kind, "not_a_format")
    states = ledger(person, filters).select_related(None)
    rows = states.values_list(*(f"case__{name}" for name in _CASE_FIELDS), *_STATE_FIELDS)
    frame = pl.DataFrame(list(rows.iterator(chunk_size=5000)), schema=_SCHEMA, orient="row")
    names = courts_of(person)
    frame = frame.with_columns(
        pl.col("procedure", "age_bucket").replace("", None),
        court_name=pl.col("court_code").replace_strict(names, default=pl.col("court_code")),
    )
    if kind == "xlsx" and frame.height > EXCEL_MAX_DATA_ROWS:
        kind = "csv"  # more rows than an Excel sheet holds
    as_of = snapshot_date() or date.today()
    directory = Path(settings.HOME) / "exports"
    directory.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(dir=directory)) / f"台账_{as_of.isoformat()}.{kind}"
    write_ledger(frame, path, as_of=as_of)
    # Written now, or kept on disk and written as soon as an import lets go of the database (audit.deferred).
    audit_read("ledger_exported", "ledger", kind, actor=request.user,
               court_code=person.court.code if person is not None else "",
               after={"filters": filters.__dict__, "rows": frame.height, "as_of": as_of.isoformat()})  # fmt: skip
    handle = path.open("rb")
    path.unlink()  # the open handle keeps the data until the response is sent; nothing stays on disk
    path.parent.rmdir()
    return FileResponse(handle, as_attachment=True, filename=path.name)
