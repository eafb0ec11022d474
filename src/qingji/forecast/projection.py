"""The backlog projected month by month (边清边积: are old cases cleared faster than new ones age into the tiers?).

For each coming month end, the pending cases older than 6, 12 and 18 months (the bands; gross age, C10, as the
ledger's long-pending tiers count it), per court and in all, projected from how cases were filed and closed in
the recent months (by default the last twelve):

- each case pending on the as-of date keeps its filing date, so the day it would enter each band is known; it is
  counted at a month end when it would be in the band then, thinned by the chance it is still pending, from the
  court's closing hazard by age (qingji.forecast.hazard: how cases of that age closed in the window);
- new filings arrive at the court's recent filing rate and join the youngest band; with horizons longer than a
  band they age into it like the others;
- each month's inflow into a band (cases crossing into it, pending when they cross) against its clearance (the
  band's cases closing in the month): the count moves by inflow − cleared.

The uncertainty is an interval (by default 80%) per month and band: the normal interval around the expected count
with the variance of qingji.forecast.outlook (the cases' own fates, the Poisson number of new filings, and the
estimation error of the hazard and the filing rate), summed over the courts, which are projected independently.
The model assumes the recent months go on as they were: a year-end push, a campaign or a change of staff after the
as-of date is not in it, which is why :func:`qingji.forecast.backtest.backtest` measures it on the past.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import NormalDist

import numpy as np
import polars as pl

from qingji.core.dates import add_months
from qingji.engine.dates import add_days
from qingji.engine.dates import add_months as add_months_column
from qingji.forecast.days import cutoff_day, day_array, month_ends_after, to_day
from qingji.forecast.hazard import estimate
from qingji.forecast.outlook import Outlook, outlook

BANDS: tuple[int, ...] = (6, 12, 18)
MONTHS = 6
HISTORY_MONTHS = 12
LEVEL = 0.8


@dataclass(frozen=True)
class BandForecast:
    """The pending cases older than ``band`` months at one month end."""

    band: int
    value: float  # the expected count
    low: float  # the interval (``Projection.level``), never below 0
    high: float
    inflow: float  # expected cases ageing into the band during the month (pending when they cross)
    cleared: (
        float  # expected closures of the band's cases during the month (the count moves by inflow − cleared)
    )

    def as_json(self) -> dict[str, object]:
        return {
            "value": round(self.value, 1),
            "low": round(self.low, 1),
            "high": round(self.high, 1),
            "inflow": round(self.inflow, 1),
            "cleared": round(self.cleared, 1),
        }


@dataclass(frozen=True)
class MonthForecast:
    month_end: date
    bands: tuple[BandForecast, ...]

    def band(self, months: int) -> BandForecast:
        return next(band for band in self.bands if band.band == months)

    def as_json(self) -> dict[str, object]:
        return {
            "month_end": self.month_end.isoformat(),
            "bands": {str(band.band): band.as_json() for band in self.bands},
        }


@dataclass(frozen=True)
class CourtProjection:
    """One court's projection (``court_code`` "" for all courts together)."""

    court_code: str
    now: dict[int, int]  # pending cases older than each band on the as-of date
    filed_per_month: float  # the recent rates the projection runs on (per month of the window)
    closed_per_month: float
    months: tuple[MonthForecast, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "court_code": self.court_code,
            "now": {str(band): count for band, count in self.now.items()},
            "filed_per_month": round(self.filed_per_month, 1),
            "closed_per_month": round(self.closed_per_month, 1),
            "months": [month.as_json() for month in self.months],
        }


@dataclass(frozen=True)
class Projection:
    as_of: date
    history_from: date  # the window of the rates: (history_from, as_of]
    level: float  # of the intervals, e.g. 0.8
    bands: tuple[int, ...]
    overall: CourtProjection
    by_court: tuple[CourtProjection, ...]  # in court-code order

    def as_json(self) -> dict[str, object]:
        return {
            "as_of": self.as_of.isoformat(),
            "history_from": self.history_from.isoformat(),
            "level": self.level,
            "bands": list(self.bands),
            **{key: value for key, value in self.overall.as_json().items() if key != "court_code"},
            "by_court": [court.as_json() for court in self.by_court],
        }


def project(
    cases: pl.DataFrame,
    as_of: date,
    *,
    months: int = MONTHS,
    history_months: int = HISTORY_MONTHS,
    bands: tuple[int, ...] = BANDS,
    level: float = LEVEL,
) -> Projection:
    """The backlog at the ``months`` month ends after ``as_of``, from the rates of the ``history_months`` before.

    ``cases`` is the ledger on ``as_of`` (qingji.engine.ledger.compute_ledger) or the cases frame: every case with
    ``court_code``, ``filed_on`` and ``closed_on``, closed cases too (they are the history). Cases filed after
    ``as_of`` and closings after it are not known on it and are ignored.
    """
    if months < 1 or history_months < 1:
        raise ValueError("months and history_months must be at least 1 / 月数至少为 1")
    if not 0 < level < 1:
        raise ValueError(f"level must lie between 0 and 1: {level}")
    month_ends = month_ends_after(as_of, months)
    history_from = add_months(as_of, -history_months)
    today, horizon = to_day(as_of), to_day(month_ends[-1]) - to_day(as_of)
    known = _known(cases, as_of, bands)
    oldest = int(day_array(known.get_column("filed_on")).min()) if known.height else today
    ages = today - min(oldest, to_day(history_from)) + horizon + 1
    window = Window(as_of, history_from, month_ends, bands, ages)
    courts = [
        _court(str(code), part, window)
        for (code,), part in sorted(known.partition_by("court_code", as_dict=True).items())
    ]
    z = NormalDist().inv_cdf((1 + level) / 2)
    by_court = tuple(court.projection(window, z) for court in courts)
    overall = _Court.total(courts, window).projection(window, z)
    return Projection(as_of, history_from, level, bands, overall, by_court)


def _known(cases: pl.DataFrame, as_of: date, bands: tuple[int, ...]) -> pl.DataFrame:
    """The cases filed by ``as_of``, closings after it forgotten, with each one's first day in each band."""
    return (
        cases.lazy()
        .select(
            pl.col("court_code").fill_null(""),
            pl.col("filed_on"),
            pl.when(pl.col("closed_on") <= as_of).then(pl.col("closed_on")).alias("closed_on"),
        )
        .filter(pl.col("filed_on") <= as_of)
        .with_columns(
            add_days(add_months_column(pl.col("filed_on"), band), 1).alias(f"x{band}") for band in bands
        )
        .collect()
    )


@dataclass(frozen=True)
class Window:
    as_of: date
    history_from: date
    month_ends: list[date]
    bands: tuple[int, ...]
    ages: int  # the largest age the hazard must reach


@dataclass(frozen=True)
class _Court:
    code: str
    now: dict[int, int]
    filed: int  # in the window (qingji.forecast.hazard.Rates)
    closed: int
    outlook: Outlook

    @classmethod
    def total(cls, courts: list[_Court], window: Window) -> _Court:
        """All courts together: the counts and the variances add up (the courts are projected independently)."""
        shape = (len(window.month_ends), len(window.bands))
        value, variance, inflow = np.zeros(shape), np.zeros(shape), np.zeros(shape)
        for court in courts:
            value, variance = value + court.outlook.value, variance + court.outlook.variance
            inflow = inflow + court.outlook.inflow
        return cls(
            "",
            {band: sum(court.now[band] for court in courts) for band in window.bands},
            sum(court.filed for court in courts),
            sum(court.closed for court in courts),
            Outlook(value, variance, inflow),
        )

    def projection(self, window: Window, z: float) -> CourtProjection:
        """The months' bands with their intervals (± z standard deviations) and the count's moves."""
        per_month = (to_day(window.as_of) - to_day(window.history_from)) / 30.4375
        value, variance, inflow = self.outlook.value, self.outlook.variance, self.outlook.inflow
        before = np.array([float(self.now[band]) for band in window.bands])
        months = []
        for j, month_end in enumerate(window.month_ends):
            bands = []
            for b, band in enumerate(window.bands):
                expected, spread = float(value[j, b]), z * float(np.sqrt(max(variance[j, b], 0.0)))
                cleared = float(before[b] + inflow[j, b] - value[j, b])
                bands.append(BandForecast(band, expected, max(expected - spread, 0.0), expected + spread,
                                          float(inflow[j, b]), max(cleared, 0.0)))  # fmt: skip
            months.append(MonthForecast(month_end, tuple(bands)))
            before = value[j]
        return CourtProjection(
            self.code, self.now, self.filed / per_month, self.closed / per_month, tuple(months)
        )


def _court(code: str, part: pl.DataFrame, window: Window) -> _Court:
    filed, closed = day_array(part.get_column("filed_on")), day_array(part.get_column("closed_on"))
    today = to_day(window.as_of)
    rates = estimate(filed, closed, window_start=to_day(window.history_from), as_of=today, ages=window.ages)
    pending = closed > today
    now = {band: int((filed[pending] < cutoff_day(window.as_of, band)).sum()) for band in window.bands}
    crossing = {band: day_array(part.get_column(f"x{band}"))[pending] for band in window.bands}
    result = outlook(
        filed[pending], crossing, rates, as_of=window.as_of, month_ends=window.month_ends, bands=window.bands
    )
    return _Court(code, now, rates.filed, rates.closed, result)
