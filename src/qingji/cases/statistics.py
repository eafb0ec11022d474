"""The court statistics (:mod:`qingji.engine.stats`) of cases in the database, as the statistics page shows them.

On the snapshot's date the ledger's status and deducted days are the stored states (no computing); on any other
date, or when some case has no stored state (imported after the snapshot), the ledger of the chosen cases is
computed from their cases and events. Results are kept in Django's cache until an import, a new case or a new snapshot; the nightly run computes
the court-wide views ahead (:func:`warm_statistics`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

import polars as pl
from django.core.cache import cache
from django.db.models import Max, QuerySet

from qingji.cases.frames import frames_from_database, read_frame
from qingji.cases.models import Case, ImportRecord, Snapshot
from qingji.cases.selectors import court_wide_views
from qingji.core.measures import default_compare, default_since
from qingji.engine.facts import CASE_SCHEMA
from qingji.engine.ledger import compute_ledger
from qingji.engine.stats import DEFAULT_STATS_SETTINGS, Statistics, StatsSettings, court_statistics
from qingji.site.in_force import site_settings
from qingji.site.notices import calendar_in_force

CACHE_SECONDS = 26 * 3600  # from one night's run past the next: the key changes with the data anyway
_CASE_FIELDS = ("case_number", "court_code", "type_code", "filed_on", "closed_on", "judge")
_STATE_SCHEMA = {
    **{key: CASE_SCHEMA.get(key, pl.String) for key in _CASE_FIELDS},
    "status": pl.String,
    "deducted_days": pl.Int64,
}


@dataclass(frozen=True)
class DatabaseStatistics:
    statistics: Statistics
    from_snapshot: bool  # the stored states were read (else the ledger was computed)


def database_statistics(
    cases: QuerySet[Case],
    as_of: date,
    *,
    compare: date | None = None,
    since: date | None = None,
    settings: StatsSettings = DEFAULT_STATS_SETTINGS,
) -> DatabaseStatistics:
    """:func:`qingji.engine.stats.court_statistics` of ``cases`` on ``as_of``, from the cache when the same question
    was asked of the same data."""
    compare = compare or default_compare(as_of)
    since = since or default_since(as_of)
    key = _cache_key(cases, as_of, compare, since, settings)
    kept = cache.get(key)
    if isinstance(kept, DatabaseStatistics):
        return kept
    frame, ledger = _stored(cases, as_of)
    from_snapshot = ledger is not None
    if ledger is None:
        frame, events = frames_from_database(cases)
        ledger = compute_ledger(frame, events, as_of, calendar_in_force(), site_settings().conventions)
    statistics = court_statistics(frame, ledger, as_of, compare=compare, since=since, settings=settings)
    result = DatabaseStatistics(statistics, from_snapshot)
    cache.set(key, result, CACHE_SECONDS)
    return result


def warm_statistics(as_of: date) -> int:
    """Compute into the cache the statistics page's first view on ``as_of`` (the snapshot's date, the configured
    settings) for each set of whole courts someone sees — the views that read the most cases; returns how many.
    The nightly run calls it after the snapshot, so that the morning's first view is at hand."""
    settings = site_settings().stats
    views = court_wide_views()
    for cases in views:
        database_statistics(cases, as_of, settings=settings)
    return len(views)


def _stored(cases: QuerySet[Case], as_of: date) -> tuple[pl.DataFrame, pl.DataFrame | None]:
    """The cases and, on the snapshot's date when every case filed by then has a state, their stored ledger
    columns; else (the cases or an empty frame, None)."""
    snapshot = Snapshot.objects.first()
    if snapshot is None or snapshot.as_of != as_of:
        return pl.DataFrame(), None
    frame = read_frame(
        cases.order_by("id").values_list(*_CASE_FIELDS, "state__status", "state__deducted_days"),
        _STATE_SCHEMA,
    )
    known = frame.filter(pl.col("filed_on") <= as_of)
    if known.get_column("status").null_count():
        return frame, None
    return frame.select(_CASE_FIELDS), known.select("case_number", "status", "deducted_days")


def _cache_key(
    cases: QuerySet[Case], as_of: date, compare: date, since: date, settings: StatsSettings
) -> str:
    """The question (which cases, which dates, which settings) and the state of the data it was asked of: the
    snapshot's time, the last import (cases change only by imports) and the last case made."""
    data = (
        Snapshot.objects.values_list("computed_at", flat=True).first(),
        ImportRecord.objects.aggregate(last=Max("id"))["last"],
        Case.objects.aggregate(last=Max("id"))["last"],
    )
    sql, params = cases.query.sql_with_params()
    question = repr((sql, params, as_of, compare, since, settings, data))
    return "qingji-stats-" + hashlib.sha256(question.encode()).hexdigest()
