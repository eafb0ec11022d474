"""The snapshot: every case's computed state on a date, stored for fast pages (issue 3 §4).

The engine reads the cases and events from the database as Polars frames and computes the ledger; the states,
their counts per court and state, and the snapshot's record replace the previous snapshot in one transaction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
from django.db import connection, transaction

from qingji.audit.actions import audit
from qingji.cases.bulk import db_dates, db_json, insert_rows
from qingji.cases.frames import frames_with_ids
from qingji.cases.models import Case, CaseState, Snapshot, StateCount
from qingji.engine.ledger import compute_ledger
from qingji.holidays import work_calendar

LONG_PENDING_12M = 12  # months: the summary's "pending over twelve months" column
_STATE_FIELDS = (
    "status", "age_days", "age_bucket", "long_pending", "expiry", "days_remaining", "days_over",
    "extended_months", "extended_days", "deducted_days", "provisional", "warnings", "basis",
)  # fmt: skip


def database_ledger(as_of: date) -> pl.DataFrame:
    """The ledger on ``as_of`` of every case in the database, with each case's database id (``case_id``)."""
    cases, events = frames_with_ids()
    ledger = compute_ledger(cases.drop("case_id"), events, as_of, work_calendar())
    # The ledger keeps the input order, of the cases filed by the as-of date (compute_ledger).
    ids = cases.filter(pl.col("filed_on") <= as_of).get_column("case_id")
    return ledger.with_columns(ids)


def snapshot_date() -> date | None:
    """The date of the stored snapshot, if any."""
    return Snapshot.objects.values_list("as_of", flat=True).first()


def do_snapshot(as_of: date, *, actor: Any = None, ledger: pl.DataFrame | None = None) -> int:
    """Replace the stored snapshot with every case's state on ``as_of``; returns the number of states.

    ``ledger`` is :func:`database_ledger` of the same date when the caller has computed it already.
    """
    if ledger is None:
        ledger = database_ledger(as_of)
    states = (
        ledger
        # the ledger's order: pending cases before closed ones, each by expiry (open-ended last), then case number
        .sort(pl.col("age_bucket").is_null(), "expiry", "case_number", nulls_last=True).select(
            "case_id",
            pl.lit(as_of).alias("as_of"),
            "court_code",
            pl.int_range(pl.len()).alias("ledger_order"),
            *(pl.col(key) for key in _STATE_FIELDS if key not in ("age_bucket", "basis", "warnings")),
            pl.col("age_bucket").fill_null(""),
            pl.col("basis").fill_null(""),
            pl.col("warnings"),
        )
    )
    fields = [c for c in states.columns if c != "warnings"]
    # A few combinations of warnings recur over a million cases: each is made into the database's JSON once.
    warnings = states.get_column("warnings").list.join(",")
    as_json = {key: db_json(key.split(",") if key else []) for key in warnings.unique().to_list()}
    rows = [
        (*row, as_json[key])
        for row, key in zip(db_dates(states.select(fields)).iter_rows(), warnings, strict=True)
    ]
    counts = state_counts(states)
    with transaction.atomic():
        CaseState.objects.all().delete()
        StateCount.objects.all().delete()
        insert_rows(CaseState, [*fields, "warnings"], rows)
        insert_rows(StateCount, counts.columns, counts.rows())
        Snapshot.objects.create(as_of=as_of, by=actor, cases=len(rows))
        # fresh statistics, so that the pages' queries take the right index
        with connection.cursor() as cursor:
            for model in (CaseState, Case):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        audit("snapshot_computed", "snapshot", as_of.isoformat(), actor=actor, after={"cases": len(rows)})
    return len(rows)


def state_counts(states: pl.DataFrame) -> pl.DataFrame:
    """How many states there are per court, status, age bucket and pending over twelve months (StateCount)."""
    return (
        states.group_by(
            "court_code",
            "status",
            "age_bucket",
            (pl.col("long_pending").fill_null(0) >= LONG_PENDING_12M).alias("long_pending_12m"),
        )
        .agg(pl.len().cast(pl.Int64).alias("cases"))
        .sort("court_code", "status", "age_bucket", "long_pending_12m")
    )
