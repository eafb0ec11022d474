"""The calendar of the synthetic court system: the filing window, working days and seasonality.

Working days come from the State Council schedules that the core carries (``WorkCalendar.official``); a year
without a schedule falls back to weekends plus the Spring Festival week and the National Day week, which is
enough for a plausible shape. Filing is busier in March–June and November–December and quiet around the Spring
Festival; courts rarely register cases on rest days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from qingji.core.calendar import WorkCalendar
from qingji.synth.sampling import BoolArray, FloatArray, IntArray, month_of, to_day, year_of

# Lunar New Year's Day (正月初一), for the quiet weeks around it.
SPRING_FESTIVAL: dict[int, date] = {
    year: date(year, month, day)
    for year, month, day in (
        (2010, 2, 14), (2011, 2, 3), (2012, 1, 23), (2013, 2, 10), (2014, 1, 31), (2015, 2, 19),
        (2016, 2, 8), (2017, 1, 28), (2018, 2, 16), (2019, 2, 5), (2020, 1, 25), (2021, 2, 12),
        (2022, 2, 1), (2023, 1, 22), (2024, 2, 10), (2025, 1, 29), (2026, 2, 17), (2027, 2, 6),
        (2028, 1, 26), (2029, 2, 13), (2030, 2, 3), (2031, 1, 23), (2032, 2, 11), (2033, 1, 31),
        (2034, 2, 19), (2035, 2, 8), (2036, 1, 28), (2037, 2, 15), (2038, 2, 4), (2039, 1, 24),
        (2040, 2, 12),
    )
}  # fmt: skip

# Relative filing volume by month (January … December).
MONTH_FACTORS = (0.95, 0.8, 1.15, 1.12, 1.1, 1.15, 0.95, 0.9, 1.0, 0.88, 1.1, 1.08)
REST_DAY_FILING = 0.03  # online filing and duty judges: a few cases are registered on rest days
SPRING_QUIET = (-10, 20, 0.55)  # days from Lunar New Year's Day, and the factor in that window
GROWTH_PER_YEAR = 0.05  # caseloads grow a little every year
PAD = 60  # days of calendar kept beyond ``until`` for moving dates to working days


@dataclass(frozen=True)
class Timeline:
    """Days from ``first`` (the first filing day) to ``until`` with the working-day table around them."""

    first: int
    until: int
    table_start: int
    workday: BoolArray
    next_work: IntArray
    prev_work: IntArray

    @property
    def filing_days(self) -> IntArray:
        return np.arange(self.first, self.until + 1, dtype=np.int64)

    def next_workday(self, days: IntArray) -> IntArray:
        """The first working day on or after each day (days outside the table are returned unchanged)."""
        return self._lookup(days, self.next_work)

    def prev_workday(self, days: IntArray) -> IntArray:
        """The last working day on or before each day (days outside the table are returned unchanged)."""
        return self._lookup(days, self.prev_work)

    def is_workday(self, days: IntArray) -> BoolArray:
        """Working days; days outside the table count as working days."""
        index = days - self.table_start
        inside = (index >= 0) & (index < len(self.workday))
        return np.where(inside, self.workday[np.where(inside, index, 0)], True)

    def _lookup(self, days: IntArray, table: IntArray) -> IntArray:
        index = days - self.table_start
        inside = (index >= 0) & (index < len(table))
        return np.where(inside, table[np.where(inside, index, 0)], days)

    def filing_weights(self) -> FloatArray:
        """Relative chance of a case being filed on each day of the window."""
        days = self.filing_days
        weights = np.where(self.workday[days - self.table_start], 1.0, REST_DAY_FILING)
        weights = weights * np.asarray(MONTH_FACTORS)[month_of(days) - 1]
        low, high, factor = SPRING_QUIET
        for new_year in SPRING_FESTIVAL.values():
            centre = to_day(new_year)
            weights = np.where((days >= centre + low) & (days <= centre + high), weights * factor, weights)
        years = (days - self.first) / 365.25
        return np.asarray(weights * (1.0 + GROWTH_PER_YEAR * years), dtype=np.float64)


def window_start(until: date) -> date:
    """About three years of filings: from 1 January, 2½ to 3½ years before ``until``.

    Starting on 1 January keeps the case numbers of the first year realistic (serials run from 1 each year).
    """
    return date(until.year - (3 if until.month < 7 else 2), 1, 1)


def build_timeline(until: date) -> Timeline:
    first = window_start(until)
    start = first - timedelta(days=PAD)
    end = until + timedelta(days=PAD)
    days = np.arange(to_day(start), to_day(end) + 1, dtype=np.int64)
    workday = _workdays(days)
    n = len(days)
    index = np.arange(n, dtype=np.int64)
    # Next working day: the smallest working index at or after i; previous: the largest at or before i.
    after = np.where(workday, index, n - 1)
    next_index = np.minimum.accumulate(after[::-1])[::-1]
    before = np.where(workday, index, 0)
    prev_index = np.maximum.accumulate(before)
    return Timeline(
        first=to_day(first),
        until=to_day(until),
        table_start=int(days[0]),
        workday=workday,
        next_work=days[next_index],
        prev_work=days[prev_index],
    )


def _workdays(days: IntArray) -> BoolArray:
    calendar = WorkCalendar.official()
    weekday = (days + 3) % 7  # 1970-01-01 was a Thursday; 0 = Monday
    result = weekday < 5
    years = year_of(days)
    out = result.copy()
    for year in np.unique(years).tolist():
        in_year = years == year
        schedule = calendar.schedule(int(year))
        if schedule is not None:
            holidays = np.array([to_day(d) for d in schedule.holidays], dtype=np.int64)
            workdays = np.array([to_day(d) for d in schedule.workdays], dtype=np.int64)
            out = np.where(in_year & np.isin(days, holidays), False, out)
            out = np.where(in_year & np.isin(days, workdays), True, out)
        else:
            out = np.where(in_year & _fallback_holidays(days, int(year)), False, out)
    return np.asarray(out, dtype=np.bool_)


def _fallback_holidays(days: IntArray, year: int) -> BoolArray:
    """Rest days of a year without a schedule: New Year, Spring Festival week, May Day, National Day week."""
    rest = np.zeros(len(days), dtype=np.bool_)
    spans = [(date(year, 1, 1), 1), (date(year, 5, 1), 5), (date(year, 10, 1), 7)]
    new_year = SPRING_FESTIVAL.get(year)
    if new_year is not None:
        spans.append((new_year - timedelta(days=1), 8))
    for begin, length in spans:
        first = to_day(begin)
        rest |= (days >= first) & (days < first + length)
    return rest
