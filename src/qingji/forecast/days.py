"""Dates as whole days for the forecast's arrays, month ends, and "older than N months" as one cut-off day.

Dates are days since 1970-01-01 in int64 arrays (Polars' ``Date`` holds the same count), so that a million cases
are counted without a Python loop per case. Age is gross, from the filing date, as the ledger's long-pending tiers
count it (rules/trial-periods.md §4.2 C10; qingji.core.state): a case is older than N months on day d when
d > add_months(filed_on, N) (C2: clamped to the month's last day), i.e. when it was filed before
:func:`qingji.core.dates.older_than_cutoff` (d, N).
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import numpy.typing as npt
import polars as pl

from qingji.core.dates import add_months, last_day_of_month, older_than_cutoff

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

EPOCH = date(1970, 1, 1)
# A closing not known on the as-of date (pending, or closed after it) as a day: later than any day counted.
NEVER = np.iinfo(np.int64).max // 4


def to_day(value: date) -> int:
    """Days since 1970-01-01."""
    return (value - EPOCH).days


def from_day(value: int) -> date:
    return EPOCH + timedelta(days=int(value))


def day_array(column: pl.Series, missing: int = NEVER) -> IntArray:
    """A ``Date`` column as days since 1970-01-01, ``missing`` for its nulls."""
    days = column.cast(pl.Date).to_physical().cast(pl.Int64).fill_null(missing)
    return np.asarray(days.to_numpy(), dtype=np.int64)


def month_ends_after(as_of: date, months: int) -> list[date]:
    """The ``months`` month ends after ``as_of``: from the end of its own month (the next one when ``as_of`` is a
    month end itself)."""
    ends: list[date] = []
    year, month = as_of.year, as_of.month
    while len(ends) < months:
        end = date(year, month, last_day_of_month(year, month))
        if end > as_of:
            ends.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ends


def cutoff_day(on: date, months: int) -> int:
    """The first filing day that is *not* older than ``months`` months on ``on``, as a day number: a case filed on
    day f is older then when f < cutoff_day(on, months)."""
    return to_day(older_than_cutoff(on, months))


def crossing_day(filed_on: date, months: int) -> date:
    """The first day on which a case filed on ``filed_on`` is older than ``months`` months (C10)."""
    return add_months(filed_on, months) + timedelta(days=1)
