"""The projection measured on the past: run as it would have run on a start date, compared with what happened.

On ``start`` only the cases filed by then were known, and none of the closings after it: the projection is run on
the ledger as it stood then (qingji.forecast.projection.project), and at each month end after it the actual count
of pending cases older than each band is read from the same frames (filed by the month end, not closed by it,
older than N months then: C10, gross). Per month and band: the projected value, its interval, the actual value and
the error (projected − actual); overall the mean absolute percentage error (MAPE: the mean of |error| ÷ actual over
the months and bands with an actual count above 0; Hyndman & Koehler, "Another look at measures of forecast
accuracy", *International Journal of Forecasting* 22 (2006), §3.2) and the share of actual values inside their
interval (the coverage, to be read against the interval's level).

Only month ends up to the data's last known day are compared (by default the latest filing or closing date in the
frames: an export knows nothing after it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import DEFAULT_CONVENTIONS, Conventions
from qingji.core.dates import older_than_cutoff
from qingji.engine.ledger import compute_ledger
from qingji.forecast.projection import BANDS, HISTORY_MONTHS, LEVEL, Projection, project


@dataclass(frozen=True)
class BacktestRow:
    month_end: date
    band: int
    projected: float
    low: float
    high: float
    actual: int
    error: float  # projected − actual

    @property
    def inside(self) -> bool:
        return self.low <= self.actual <= self.high

    def as_json(self) -> dict[str, object]:
        return {
            "month_end": self.month_end.isoformat(),
            "band": self.band,
            "projected": round(self.projected, 1),
            "low": round(self.low, 1),
            "high": round(self.high, 1),
            "actual": self.actual,
            "error": round(self.error, 1),
            "inside": self.inside,
        }


@dataclass(frozen=True)
class Backtest:
    start: date
    known_until: date  # month ends after this day are not compared
    level: float
    rows: list[BacktestRow]  # by month end, then band
    mape: float | None  # percent; None when no actual count is above 0
    mean_absolute_error: float | None
    share_inside: float | None  # of the rows, inside their interval
    projection: Projection

    def as_json(self) -> dict[str, object]:
        return {
            "start": self.start.isoformat(),
            "known_until": self.known_until.isoformat(),
            "level": self.level,
            "months": len({row.month_end for row in self.rows}),
            "mape": _round(self.mape, 2),
            "mean_absolute_error": _round(self.mean_absolute_error, 1),
            "share_inside": _round(self.share_inside, 3),
            "rows": [row.as_json() for row in self.rows],
        }


def _round(value: float | None, places: int) -> float | None:
    return None if value is None else round(value, places)


def backtest(
    cases: pl.DataFrame,
    events: pl.DataFrame | None,
    start: date,
    months: int,
    calendar: WorkCalendar,
    conventions: Conventions = DEFAULT_CONVENTIONS,
    *,
    history_months: int = HISTORY_MONTHS,
    bands: tuple[int, ...] = BANDS,
    level: float = LEVEL,
    known_until: date | None = None,
) -> Backtest:
    """The projection of ``months`` month ends as known on ``start``, against the actual counts of ``cases``.

    Raises ValueError when no month end after ``start`` is known (``known_until``, by default the latest date in
    the frames)."""
    last = known_until or _last_known(cases)
    if last is None:
        raise ValueError("没有案件 / no cases to test against")
    as_known = cases.with_columns(
        pl.when(pl.col("closed_on") <= start).then(pl.col("closed_on")).alias("closed_on")
    )
    ledger = compute_ledger(as_known, events, start, calendar, conventions)
    projection = project(
        ledger, start, months=months, history_months=history_months, bands=bands, level=level
    )
    compared = [month for month in projection.overall.months if month.month_end <= last]
    if not compared:
        raise ValueError(
            f"{start} 之后的月末均晚于数据截止日 {last} / no month end after {start} is known (data until {last})"
        )
    actual = _actual(cases, [month.month_end for month in compared], bands)
    rows = [
        BacktestRow(month.month_end, band.band, band.value, band.low, band.high, actual[(month.month_end, band.band)],
                    band.value - actual[(month.month_end, band.band)])
        for month in compared
        for band in month.bands
    ]  # fmt: skip
    counted = [row for row in rows if row.actual > 0]
    return Backtest(
        start=start,
        known_until=last,
        level=level,
        rows=rows,
        mape=100 * sum(abs(row.error) / row.actual for row in counted) / len(counted) if counted else None,
        mean_absolute_error=sum(abs(row.error) for row in rows) / len(rows),
        share_inside=sum(row.inside for row in rows) / len(rows),
        projection=projection,
    )


def _last_known(cases: pl.DataFrame) -> date | None:
    days = [cases.get_column(column).max() for column in ("filed_on", "closed_on") if column in cases.columns]
    known = [day for day in days if isinstance(day, date)]
    return max(known) if known else None


def _actual(
    cases: pl.DataFrame, month_ends: list[date], bands: tuple[int, ...]
) -> dict[tuple[date, int], int]:
    """Pending cases older than each band at each month end, as the frames say."""
    counts = cases.select(
        (
            (pl.col("filed_on") <= end)
            & (pl.col("closed_on").is_null() | (pl.col("closed_on") > end))
            & (pl.col("filed_on") < older_than_cutoff(end, band))
        )
        .sum()
        .alias(f"{end.isoformat()}|{band}")
        for end in month_ends
        for band in bands
    ).row(0, named=True)
    return {
        (date.fromisoformat(key.split("|")[0]), int(key.split("|")[1])): int(n) for key, n in counts.items()
    }
