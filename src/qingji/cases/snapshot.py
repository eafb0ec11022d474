"""The snapshot: every case's computed state on a date, stored for fast pages (issue 3 §4).

The engine reads the cases and events from the database as Polars frames and computes the ledger; the states
replace the previous snapshot in one transaction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
from django.db import transaction

from qingji.audit.actions import audit
from qingji.cases.bulk import db_dates, db_json, insert_rows
from qingji.cases.models import Case, CaseEvent, CaseState
from qingji.engine.facts import CASE_SCHEMA, EVENT_SCHEMA
from qingji.engine.ledger import compute_ledger
from qingji.holidays import work_calendar

_CASE_FIELDS = ("case_number", "court_code", "type_code", "procedure", "filed_on", "closed_on", "in_custody")
_PASSTHROUGH = ("cause", "judge", "division")
_EVENT_FIELDS = (
    "case__case_number", "event", "kind", "procedure", "start", "end", "length_months", "length_days",
    "approved_by", "approved_on", "id",
)  # fmt: skip
_STATE_FIELDS = (
    "status", "age_days", "age_bucket", "long_pending", "expiry", "days_remaining", "days_over",
    "extended_months", "extended_days", "deducted_days", "provisional", "warnings", "basis",
)  # fmt: skip


def frames_from_database() -> tuple[pl.DataFrame, pl.DataFrame]:
    """(cases, events) as the engine reads them, from the database."""
    schema = {**CASE_SCHEMA, **dict.fromkeys(_PASSTHROUGH, pl.String)}
    cases = pl.DataFrame(
        list(
            Case.objects.order_by("id").values_list(*_CASE_FIELDS, *_PASSTHROUGH).iterator(chunk_size=20000)
        ),
        schema=schema,
        orient="row",
    ).with_columns(pl.col("procedure").replace("", None))
    events = pl.DataFrame(
        list(CaseEvent.objects.order_by("id").values_list(*_EVENT_FIELDS).iterator(chunk_size=20000)),
        schema=EVENT_SCHEMA,
        orient="row",
    ).with_columns(pl.col("kind", "procedure", "approved_by").replace("", None))
    return cases, events


def database_ledger(as_of: date) -> pl.DataFrame:
    """The ledger on ``as_of`` of every case in the database."""
    cases, events = frames_from_database()
    return compute_ledger(cases, events, as_of, work_calendar())


def do_snapshot(as_of: date, *, actor: Any = None, ledger: pl.DataFrame | None = None) -> int:
    """Replace the stored snapshot with every case's state on ``as_of``; returns the number of states.

    ``ledger`` is :func:`database_ledger` of the same date when the caller has computed it already.
    """
    if ledger is None:
        ledger = database_ledger(as_of)
    ids = pl.DataFrame(
        list(Case.objects.values_list("case_number", "id").iterator(chunk_size=50000)),
        schema={"case_number": pl.String, "case_id": pl.Int64},
        orient="row",
    )
    states = ledger.join(ids, on="case_number", how="inner").select(
        "case_id",
        pl.lit(as_of).alias("as_of"),
        *(pl.col(key) for key in _STATE_FIELDS if key not in ("age_bucket", "basis", "warnings")),
        pl.col("age_bucket").fill_null(""),
        pl.col("basis").fill_null(""),
        pl.col("warnings"),
    )
    fields = [c for c in states.columns if c != "warnings"]
    rows = [(*row[:-1], db_json(row[-1])) for row in db_dates(states.select(*fields, "warnings")).iter_rows()]
    with transaction.atomic():
        CaseState.objects.all().delete()
        insert_rows(CaseState, [*fields, "warnings"], rows)
        audit("snapshot_computed", "snapshot", as_of.isoformat(), actor=actor, after={"cases": len(rows)})
    return len(rows)
