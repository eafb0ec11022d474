"""Month and day arithmetic for trial periods (rules/trial-periods.md §4.1, conventions C2, C3, C5)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from qingji.core.events import Period


def last_day_of_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def is_month_end(day: date) -> bool:
    return day.day == last_day_of_month(day.year, day.month)


def add_months(anchor: date, months: int, *, month_end_rule: bool = False) -> date:
    """The same-numbered day ``months`` later, clamped to the target month's last day (Civil Code 202; C2).

    With ``month_end_rule`` (criminal cases, CrPL-Interp 202): when the anchor is the last day of its month, the
    result is the last day of the target month, so 2024-04-30 + 1 month is 2024-05-31, not 2024-05-30.
    """
    index = anchor.year * 12 + anchor.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = last_day_of_month(year, month)
    if month_end_rule and is_month_end(anchor):
        return date(year, month, last)
    return date(year, month, min(anchor.day, last))


def add_period(anchor: date, period: Period, *, month_end_rule: bool = False) -> date:
    """``add_months(anchor, months) + days`` (C3; C5: half a month is 15 days after the whole months)."""
    return add_months(anchor, period.months, month_end_rule=month_end_rule) + timedelta(days=period.days)


def days_between(start: date, end: date) -> int:
    return (end - start).days


def older_than_cutoff(on: date, months: int) -> date:
    """The earliest filing date f for which ``on > add_months(f, months)`` is false, so that "older than N months
    on ``on``" (C10, gross age) is simply ``f < cutoff`` (add_months is non-decreasing in f). One date instead of
    a column of them, or a database query's bound."""
    day = add_months(on, -months) - timedelta(days=4)
    while add_months(day, months) < on:
        day += timedelta(days=1)
    return day
