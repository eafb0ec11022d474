"""Vectorised random draws and date arithmetic shared by the generator.

Dates are whole days since 1970-01-01 in int64 arrays (Polars' ``Date`` is the same count), so that a million
cases are handled without a Python loop per case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

EPOCH = date(1970, 1, 1)


def to_day(value: date) -> int:
    """Days since 1970-01-01."""
    return (value - EPOCH).days


def categorical(rng: np.random.Generator, groups: IntArray, weights: Sequence[Sequence[float]]) -> IntArray:
    """For each row, an option drawn from ``weights[groups[row]]`` (one inverse-CDF lookup for all rows).

    The cumulative weights of group g are laid out as g + cdf, so that one ``searchsorted`` of g + u finds the
    option within the row's own group. A group whose weights are all zero always gives option 0.
    """
    flat: list[FloatArray] = []
    offsets = np.zeros(len(weights) + 1, dtype=np.int64)
    for g, row in enumerate(weights):
        w = np.asarray(row, dtype=np.float64)
        total = float(w.sum())
        cdf = np.cumsum(w) / total if total > 0 else np.ones(len(w))
        cdf[-1] = 1.0
        flat.append(g + cdf)
        offsets[g + 1] = offsets[g] + len(w)
    table = np.concatenate(flat)
    # Scaled so that g + u stays below g + 1 in floating point.
    u = rng.random(len(groups)) * (1.0 - 1e-9)
    position = np.searchsorted(table, groups + u, side="right").astype(np.int64)
    return np.minimum(position, offsets[groups + 1] - 1) - offsets[groups]


def choice(rng: np.random.Generator, n: int, weights: Sequence[float]) -> IntArray:
    """``n`` draws from one weighted list of options."""
    return categorical(rng, np.zeros(n, dtype=np.int64), [weights])


def lognormal_days(rng: np.random.Generator, median: FloatArray, sigma: FloatArray) -> IntArray:
    """Whole days from a log-normal law with the given medians and log-standard deviations."""
    z = rng.standard_normal(len(median))
    return np.rint(median * np.exp(sigma * z)).astype(np.int64)


def uniform_days(rng: np.random.Generator, low: IntArray | int, high: IntArray | int, n: int) -> IntArray:
    """Whole days uniform in [low, high] (inclusive), element-wise."""
    lo = np.broadcast_to(np.asarray(low, dtype=np.int64), (n,))
    hi = np.maximum(np.broadcast_to(np.asarray(high, dtype=np.int64), (n,)), lo)
    return lo + np.floor(rng.random(n) * (hi - lo + 1)).astype(np.int64)


def split_days(days: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """(year, month, day) of day numbers, in integer arithmetic (H. Hinnant's civil_from_days)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = np.where(mp < 10, mp + 3, mp - 9)
    year = yoe + era * 400 + (month <= 2)
    return year, month, day


def join_days(year: IntArray, month: IntArray, day: IntArray) -> IntArray:
    """Day numbers of (year, month, day) (H. Hinnant's days_from_civil)."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return np.asarray(era * 146097 + doe - 719468, dtype=np.int64)


_MONTH_DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def month_length(year: IntArray, month: IntArray) -> IntArray:
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    return np.asarray(_MONTH_DAYS[month - 1] + (leap & (month == 2)), dtype=np.int64)


@dataclass(frozen=True)
class _MonthTable:
    """Lookup tables over 1900-01-01 … 2249-12-31: the month index and day of every day, and per month its first
    day and length. Month arithmetic on a million dates is then a few gathers."""

    first_day: int
    month_of_day: IntArray
    day_of_month: IntArray
    month_first: IntArray
    month_len: IntArray


FIRST_YEAR, LAST_YEAR = 1900, 2249


@cache
def _months() -> _MonthTable:
    months = np.arange((LAST_YEAR - FIRST_YEAR + 1) * 12, dtype=np.int64)
    year, month = FIRST_YEAR + months // 12, months % 12 + 1
    first = join_days(year, month, np.ones_like(months))
    length = month_length(year, month)
    days = np.arange(first[0], first[-1] + length[-1], dtype=np.int64)
    month_of_day = np.repeat(months, length)
    return _MonthTable(int(first[0]), month_of_day, days - first[month_of_day] + 1, first, length)


class MonthAnchor:
    """Dates prepared once for adding several numbers of months to them (the same result as add_months)."""

    def __init__(self, days: IntArray) -> None:
        table = _months()
        index = days - table.first_day
        self.month = table.month_of_day[index]
        self.day = table.day_of_month[index]

    def add(self, months: IntArray | int) -> IntArray:
        table = _months()
        target = self.month + np.asarray(months, dtype=np.int64)
        return table.month_first[target] + np.minimum(self.day, table.month_len[target]) - 1


def add_months(days: IntArray, months: IntArray | int) -> IntArray:
    """The same-numbered day ``months`` later, clamped to the target month's end (Civil Code 202; C2)."""
    return MonthAnchor(days).add(months)


def year_of(days: IntArray) -> IntArray:
    table = _months()
    return FIRST_YEAR + table.month_of_day[days - table.first_day] // 12


def day_of_month(days: IntArray) -> IntArray:
    table = _months()
    return table.day_of_month[days - table.first_day]


def month_of(days: IntArray) -> IntArray:
    """Month number 1–12."""
    table = _months()
    return table.month_of_day[days - table.first_day] % 12 + 1


def group_starts(sorted_keys: IntArray) -> BoolArray:
    """True at the first row of each run of equal keys in a sorted array."""
    first = np.ones(len(sorted_keys), dtype=np.bool_)
    if len(sorted_keys) > 1:
        first[1:] = sorted_keys[1:] != sorted_keys[:-1]
    return first


def rank_within(sorted_keys: IntArray) -> IntArray:
    """0, 1, 2 … within each run of equal keys of a sorted array."""
    n = len(sorted_keys)
    index = np.arange(n, dtype=np.int64)
    starts = np.where(group_starts(sorted_keys), index, 0)
    return index - np.maximum.accumulate(starts) if n else index
