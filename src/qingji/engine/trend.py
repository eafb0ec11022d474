"""The monthly trend of the statistics page: per calendar month, the cases filed and closed in it and the cases
pending at its end, over the twelve months that end with the as-of date's month (or from the month of the first
filing, when the data begin later). The last month runs to the as-of date: its pending figure is the pending on
the as-of date. One pass over the columns (3 × 12 sums), with the other statistics, so that it is cached with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from qingji.engine.counts import pending_expr

TREND_MONTHS = 12


@dataclass(frozen=True)
class MonthRow:
    month: date  # its first day
    until: date  # its last day counted: the month's end, or the as-of date in the last month
    filed: int  # filed from ``month`` to ``until``
    closed: int  # closed from ``month`` to ``until`` (of the cases filed by the as-of date)
    pending: int  # pending on ``until``

    def as_json(self) -> dict[str, object]:
        return {"month": self.month.strftime("%Y-%m"), "until": self.until.isoformat(), "filed": self.filed,
                "closed": self.closed, "pending": self.pending}  # fmt: skip


def trend_months(
    first_filed: date | None, as_of: date, months: int = TREND_MONTHS
) -> list[tuple[date, date]]:
    """(first day, last day counted) of each month of the trend, oldest first."""
    start = _add_months(date(as_of.year, as_of.month, 1), 1 - months)
    if first_filed is not None and first_filed <= as_of:
        start = max(start, date(first_filed.year, first_filed.month, 1))
    spans = []
    month = start
    while month <= as_of:
        following = _add_months(month, 1)
        spans.append((month, min(following - timedelta(days=1), as_of)))
        month = following
    return spans


def monthly_trend(frame: pl.DataFrame, as_of: date, months: int = TREND_MONTHS) -> list[MonthRow]:
    """The trend of ``frame`` (filed_on, closed_on; the work frame of :mod:`qingji.engine.counts`)."""
    known = frame.filter(pl.col("filed_on") <= as_of)
    first = known.get_column("filed_on").min() if known.height else None
    spans = trend_months(first if isinstance(first, date) else None, as_of, months)
    if not spans:
        return []
    exprs = []
    for n, (start, until) in enumerate(spans):
        exprs += [
            pl.col("filed_on").is_between(start, until).sum().alias(f"filed_{n}"),
            pl.col("closed_on").is_between(start, until).fill_null(False).sum().alias(f"closed_{n}"),
            pending_expr(until).sum().alias(f"pending_{n}"),
        ]
    row = known.select(exprs).row(0, named=True)
    return [
        MonthRow(start, until, int(row[f"filed_{n}"] or 0), int(row[f"closed_{n}"] or 0), int(row[f"pending_{n}"] or 0))
        for n, (start, until) in enumerate(spans)
    ]  # fmt: skip


def _add_months(first_day: date, months: int) -> date:
    index = first_day.year * 12 + first_day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
