"""The snapshot: every case's computed state on a date, stored for fast pages (issue 3 §4).

The engine reads the cases and events from the database as Polars frames and computes the ledger; the states,
their counts per court and state, and the snapshot's record replace the previous snapshot in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import polars as pl
from django.db import connection, transaction
from django.db.models import Max, Model, Q, QuerySet

from qingji.audit.actions import audit_per_court
from qingji.audit.models import AuditRecord
from qingji.cases.bulk import db_dates, db_json, insert_rows
from qingji.cases.frames import frames_with_ids
from qingji.cases.models import Case, CaseState, ImportRecord, Snapshot, StateCount, StateTag
from qingji.core.dates import older_than_cutoff
from qingji.engine.ledger import compute_ledger
from qingji.site.in_force import site_settings
from qingji.site.notices import calendar_in_force
from qingji.site.record import changed_since, record_settings_in_force

LONG_PENDING_12M = 12  # months: the summary's "pending over twelve months" column
NEW_BACKLOG_MONTHS = 6  # new backlog (新增长期未结): pending cases crossing six months this month
# The tables the pages read most, whose planner statistics every snapshot computes again.
PAGE_TABLES: tuple[type[Model], ...] = (CaseState, StateTag, StateCount, Case, AuditRecord)
_STATE_FIELDS = (
    "status", "age_days", "age_bucket", "long_pending", "expiry", "days_remaining", "days_over",
    "extended_months", "extended_days", "deducted_days", "provisional", "warnings", "basis",
)  # fmt: skip


def database_ledger(as_of: date) -> pl.DataFrame:
    """The ledger on ``as_of`` of every case in the database, with each case's database id (``case_id``)."""
    cases, events = frames_with_ids()
    ledger = compute_ledger(
        cases.drop("case_id"), events, as_of, calendar_in_force(), site_settings().conventions
    )
    # The ledger keeps the input order, of the cases filed by the as-of date (compute_ledger).
    ids = cases.filter(pl.col("filed_on") <= as_of).get_column("case_id")
    return ledger.with_columns(ids)


def snapshot_date() -> date | None:
    """The date of the stored snapshot, if any."""
    return Snapshot.objects.values_list("as_of", flat=True).first()


def _changing_imports() -> QuerySet[ImportRecord]:
    """The imports that changed a case or an event (the ones a snapshot must have seen)."""
    changed = Q(created__gt=0) | Q(updated__gt=0) | Q(events_added__gt=0) | Q(events_changed__gt=0)
    return ImportRecord.objects.filter(
        changed | Q(events_withdrawn__gt=0), outcome=ImportRecord.Outcome.IMPORTED
    )


def latest_import() -> int | None:
    """The id of the newest import that changed cases or events, if any."""
    latest: int | None = _changing_imports().aggregate(latest=Max("pk"))["latest"]
    return latest


def changed_since_snapshot() -> bool:
    """Whether an import changed cases or events after the stored snapshot read them (or there is none while
    cases exist), or the site settings or the holiday notices changed after it was computed: the snapshot is then
    out of date, whatever its date (say the server was stopped between an import's commit and its snapshot)."""
    snapshot = Snapshot.objects.first()
    if snapshot is None:
        return Case.objects.exists()
    if changed_since(snapshot.computed_at):  # the settings in force, or a holiday notice loaded
        return True
    stored = snapshot.last_import
    newer = _changing_imports()
    return (newer.filter(pk__gt=stored) if stored is not None else newer).exists()


def do_snapshot(as_of: date, *, actor: Any = None, ledger: pl.DataFrame | None = None) -> int:
    """Replace the stored snapshot with every case's state on ``as_of``; returns the number of states.

    ``ledger`` is :func:`database_ledger` of the same date when the caller has computed it already (before this
    call, with no import in between).
    """
    # Read before the cases: an import committed after this point is newer than the snapshot records, so the
    # snapshot is taken as stale even if it saw the import's rows (refreshed once too often, never missed).
    covers = latest_import()
    record_settings_in_force()  # a changed settings file is recorded and audited before it is counted with
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
            pl.col("type_code", "procedure", "division", "judge").fill_null(""),
            new_backlog(as_of).alias("new_backlog"),
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
    tags = state_tags(states)
    with transaction.atomic():
        CaseState.objects.all().delete()
        StateCount.objects.all().delete()
        StateTag.objects.all().delete()
        insert_rows(CaseState, [*fields, "warnings"], rows)
        insert_rows(StateCount, counts.columns, counts.rows())
        insert_rows(StateTag, tags.columns, tags.rows())
        Snapshot.objects.create(as_of=as_of, by=actor, cases=len(rows), last_import=covers)
        refresh_planner_statistics()
        per_court = states.group_by("court_code").len().rows()
        audit_per_court("snapshot_computed", "snapshot", as_of.isoformat(), actor=actor,
                        courts={court: {"cases": count} for court, count in per_court})  # fmt: skip
    return len(rows)


def refresh_planner_statistics(tables: Iterable[type[Model]] | None = PAGE_TABLES) -> None:
    """Fresh statistics for the database's query planner of ``tables`` (None: every table), so that the pages'
    queries take the right index: the audit trail grows with every import (its page reads the newest records
    along an index of their time, not a sort of millions), the states are replaced by every snapshot, a campaign
    takes its cases at once (a judge's campaign cases are then found from the judge's cases, not the other way).
    Run by every snapshot, by a campaign when it takes cases (qingji.campaigns.actions), and for every table after
    a migration (qingji.server.setup.migrate_database), which on SQLite may rebuild a table without them."""
    with connection.cursor() as cursor:
        if tables is None:
            cursor.execute("ANALYZE")
            return
        for model in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def new_backlog(as_of: date) -> pl.Expr:
    """Pending on ``as_of`` and crossed NEW_BACKLOG_MONTHS since filing (gross age, C10, as a campaign's scope
    counts it) in the calendar month of ``as_of``, up to that date: older than six months on ``as_of``, not on the
    last day of the month before (new backlog, 新增长期未结)."""
    month_before = as_of.replace(day=1) - timedelta(days=1)
    pending = pl.col("age_bucket").is_not_null() & pl.col("age_bucket").ne("")  # the ledger's, or the stored
    crossed = (pl.col("filed_on") < older_than_cutoff(as_of, NEW_BACKLOG_MONTHS)) & (
        pl.col("filed_on") >= older_than_cutoff(month_before, NEW_BACKLOG_MONTHS)
    )
    return (pending & crossed).fill_null(False)


def state_tags(states: pl.DataFrame) -> pl.DataFrame:
    """One row per state and warning, and per state of new backlog (StateTag), with the state's ledger order."""
    keys = ("case_id", "court_code", "ledger_order", "status", "age_bucket")
    warned = states.select(*keys, pl.col("warnings").alias("tag")).explode("tag").drop_nulls("tag")
    backlog = states.filter("new_backlog").select(*keys, pl.lit(StateTag.NEW_BACKLOG).alias("tag"))
    return pl.concat([warned, backlog.select(warned.columns)]).select(
        "case_id", "tag", "court_code", "ledger_order", "status", "age_bucket"
    )


COUNT_KEYS = ("court_code", "status", "age_bucket", "long_pending_12m", "division", "type_code", "procedure",
              "new_backlog", "provisional_year")  # fmt: skip


def state_counts(states: pl.DataFrame) -> pl.DataFrame:
    """How many states there are per court, status, age bucket, pending over twelve months, division, type,
    procedure, new backlog and provisional expiry's year (StateCount, ``warning`` ""); and the same for the states
    carrying each warning (``warning`` the code)."""
    keyed = states.with_columns(
        (pl.col("long_pending").fill_null(0) >= LONG_PENDING_12M).alias("long_pending_12m"),
        pl.when(pl.col("provisional"))
        .then(pl.col("expiry").dt.year())
        .otherwise(0)
        .fill_null(0)
        .cast(pl.Int64)
        .alias("provisional_year"),
    )
    whole = keyed.group_by(COUNT_KEYS).agg(pl.len().cast(pl.Int64).alias("cases"))
    warned = (
        keyed.select(*COUNT_KEYS, pl.col("warnings").alias("warning"))
        .explode("warning")
        .drop_nulls("warning")
        .group_by(*COUNT_KEYS, "warning")
        .agg(pl.len().cast(pl.Int64).alias("cases"))
    )
    columns = [*COUNT_KEYS, "warning", "cases"]
    return pl.concat([whole.with_columns(warning=pl.lit("")).select(columns), warned.select(columns)]).sort(
        *COUNT_KEYS, "warning"
    )
