"""The forecast (qingji.forecast: the cases about to age, the backlog projected month by month) of cases in the
database, as the forecast page shows it (docs/pages.md "The forecast page", docs/forecast.md).

Only the cases the forecast can use are read: those filed by the as-of date that are pending on it or closed
within the rates' window (history_months before it). A case closed before the window counts neither in the
ageing (not pending) nor in the projection (qingji.forecast.hazard counts the cases closed after the window's
first day; the filing rate, the cases filed in it), so leaving it out changes no figure.

On the snapshot's date the ledger columns the forecast reads besides the cases' own — each case's expiry and the
days deducted — are the stored states (qingji.cases.snapshot: no computing); on another date, or when a case
filed by then has no stored state (imported after the snapshot), the ledger of those cases is computed from their
cases and events with the calendar and conventions in force. The result is kept in the cache the server's
processes share, under the question (which cases, which date, how many months, the conventions) and the version of
the data it was asked of (the snapshot, the newest import and case, the holiday notices, the settings recorded);
the nightly run computes the court-wide views of the snapshot's date ahead (:func:`warm_forecasts`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

import polars as pl
from django.core.cache import cache
from django.db.models import Max, Q, QuerySet

from qingji.cases.frames import frames_from_database, read_frame
from qingji.cases.models import Case, ImportRecord, Snapshot
from qingji.cases.selectors import court_wide_views
from qingji.core.conventions import Conventions
from qingji.core.dates import add_months, older_than_cutoff
from qingji.engine.ledger import compute_ledger
from qingji.forecast.projection import HISTORY_MONTHS, MONTHS
from qingji.forecast.summary import Forecast, forecast
from qingji.site.in_force import site_settings
from qingji.site.models import HolidayNotice, SettingsRecord
from qingji.site.notices import calendar_in_force

CACHE_SECONDS = 26 * 3600  # from one night's run past the next: the key changes with the data anyway
# The ledger columns the forecast reads (qingji.forecast.ageing, .projection), and whether the case has a state.
_FIELDS = ("case_number", "court_code", "division", "judge", "filed_on", "closed_on")
_SCHEMA = {
    "case_number": pl.String,
    "court_code": pl.String,
    "division": pl.String,
    "judge": pl.String,
    "filed_on": pl.Date,
    "closed_on": pl.Date,
    "expiry": pl.Date,
    "deducted_days": pl.Int64,
    "status": pl.String,
}


@dataclass(frozen=True)
class DatabaseForecast:
    forecast: Forecast
    from_snapshot: bool  # the stored states were read (else the ledger was computed)


def forecast_cases(
    cases: QuerySet[Case], as_of: date, history_months: int = HISTORY_MONTHS
) -> QuerySet[Case]:
    """The cases of ``cases`` the forecast on ``as_of`` reads: filed by then, and pending on it or closed after the
    first day of the rates' window."""
    window_start = add_months(as_of, -history_months)
    return cases.filter(filed_on__lte=as_of).filter(Q(closed_on__isnull=True) | Q(closed_on__gt=window_start))


def database_forecast(
    cases: QuerySet[Case],
    as_of: date,
    conventions: Conventions,
    *,
    months: int = MONTHS,
    history_months: int = HISTORY_MONTHS,
) -> DatabaseForecast:
    """:func:`qingji.forecast.summary.forecast` of ``cases`` on ``as_of`` (the conventions in force), from the
    cache when the same question was asked of the same data."""
    key = _cache_key(cases, as_of, months, history_months, conventions)
    kept = cache.get(key)
    if isinstance(kept, DatabaseForecast):
        return kept
    chosen = forecast_cases(cases, as_of, history_months)
    ledger = _stored(chosen, as_of)
    from_snapshot = ledger is not None
    if ledger is None:
        frame, events = frames_from_database(chosen)
        ledger = compute_ledger(frame, events, as_of, calendar_in_force(), conventions)
    result = DatabaseForecast(
        forecast(ledger, as_of, months=months, history_months=history_months, conventions=conventions),
        from_snapshot,
    )
    cache.set(key, result, CACHE_SECONDS)
    return result


def warm_forecasts(as_of: date) -> int:
    """Compute into the cache the forecast page's first view on ``as_of`` (the snapshot's date) for each set of
    whole courts someone sees; returns how many. The nightly run calls it after the snapshot."""
    conventions = site_settings().conventions
    views = court_wide_views()
    for cases in views:
        database_forecast(cases, as_of, conventions)
    return len(views)


def _stored(chosen: QuerySet[Case], as_of: date) -> pl.DataFrame | None:
    """The ledger columns of ``chosen`` from their stored states, on the snapshot's date when every one of them
    has a state; else None."""
    snapshot = Snapshot.objects.first()
    if snapshot is None or snapshot.as_of != as_of:
        return None
    frame = read_frame(
        chosen.order_by("id").values_list(*_FIELDS, "state__expiry", "state__deducted_days", "state__status"),
        _SCHEMA,
    )
    if frame.get_column("status").null_count():
        return None
    return frame.drop("status")


def _cache_key(
    cases: QuerySet[Case], as_of: date, months: int, history_months: int, conventions: Conventions
) -> str:
    """The question and the state of the data it was asked of: the snapshot's time, the last import (cases change
    only by imports), the last case made, the holiday notices loaded and the settings recorded."""
    data = (
        Snapshot.objects.values_list("computed_at", flat=True).first(),
        ImportRecord.objects.aggregate(last=Max("id"))["last"],
        Case.objects.aggregate(last=Max("id"))["last"],
        HolidayNotice.objects.aggregate(last=Max("id"))["last"],
        SettingsRecord.objects.aggregate(last=Max("id"))["last"],
    )
    sql, params = cases.query.sql_with_params()
    question = repr((sql, params, as_of, months, history_months, conventions, data))
    return "qingji-forecast-" + hashlib.sha256(question.encode()).hexdigest()


def older_cases(cases: QuerySet[Case], as_of: date, months: int, court: str = "") -> QuerySet[Case]:
    """The cases of ``cases`` pending on ``as_of`` and older than ``months`` months then (gross age, C10: filed
    before :func:`qingji.core.dates.older_than_cutoff`) — those the projection's count on the as-of date counts —
    of one court when ``court`` is given, the oldest first."""
    chosen = cases.filter(filed_on__lt=older_than_cutoff(as_of, months)).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gt=as_of)
    )
    if court:
        chosen = chosen.filter(court_code=court)
    return chosen.order_by("filed_on", "case_number")
