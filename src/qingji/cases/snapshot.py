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
from qingji.cases.models import Case, CaseEvent, CaseState, Snapshot, StateCount
from qingji.engine.facts import CASE_SCHEMA, EVENT_SCHEMA
from qingji.engine.ledger import compute_ledger
from qingji.holidays import work_calendar

_CASE_FIELDS = ("case_number", "court_code", "type_code", "procedure", "filed_on", "closed_on", "in_custody")
_PASSTHROUGH = ("cause", "judge", "division")
_EVENT_FIELDS = (
    "case__case_number", "event", "kind", "procedure", "start", "end", "length_months", "length_days",
    "approved_by", "approved_on", "id",
)  # fmt: skip
LONG_PENDING_12M = 12  # months: the summary's "pending over twelve months" column
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


def snapshot_date() -> date | None:
    """The date of the stored snapshot, if any."""
    return Snapshot.objects.values_list("as_of", flat=True).first()


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
    states = (
        ledger.join(ids, on="case_number", how="inner")
        # the ledger's order: pending cases before closed ones, each by expiry (open-ended last), then case number
        .sort(pl.col("age_bucket").is_null(), "expiry", "case_number", nulls_last=True)
        .select(
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
        with (
            connection.cursor() as cursor
        ):  # fresh statistics, so that the pages' queries walk the right index
            cursor.execute(f"ANALYZE {connection.ops.quote_name(CaseState._meta.db_table)}")
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
