"""The formulas of the court measures, on counts: pure, so that the columnar engine and the tests share them.

Sources: rules/trial-periods.md §5 (结收比, 审限内结案率, 平均审理天数, 长期未结) and ../shared/metrics.md (§1.1
CourTools clearance rate, §2 CEPEJ case turnover ratio and disposition time). docs/measures.md explains each.
"""

from __future__ import annotations

from datetime import date, timedelta

from qingji.core.dates import add_months

RATE_PLACES = 4  # fractions: 0.7525 = 75.25%
DAYS_PLACES = 1  # averages and disposition times in days


def ratio(numerator: int | float, denominator: int | float, places: int = RATE_PLACES) -> float | None:
    """numerator ÷ denominator rounded to ``places``; None when the denominator is 0 (no figure, not zero)."""
    return round(numerator / denominator, places) if denominator else None


def change(value: int, before: int) -> float | None:
    """The relative change (value − before) ÷ before, a fraction: 99 against 400 is −0.7525 (a fall of 75.25%)."""
    return ratio(value - before, before)


def period_days(since: date, until: date) -> int:
    """Days of the period from ``since`` to ``until``, both included: 365 for a whole common year."""
    return (until - since).days + 1


def disposition_time(days: int, pending_at_end: int, resolved: int) -> float | None:
    """CEPEJ disposition time (metrics.md §2): days × pending at the period's end ÷ resolved in the period, an
    estimate in days of how long the pending stock would take to clear at the period's pace."""
    return ratio(days * pending_at_end, resolved, DAYS_PLACES)


def turnover_ratio(resolved: int, pending_at_end: int) -> float | None:
    """CEPEJ case turnover ratio (metrics.md §2): resolved in the period ÷ pending at its end."""
    return ratio(resolved, pending_at_end)


def default_since(as_of: date) -> date:
    """The default period: from 1 January of the as-of year."""
    return date(as_of.year, 1, 1)


def default_compare(as_of: date) -> date:
    """The default comparison date: the same day a year before (29 February gives 28 February)."""
    return add_months(as_of, -12)


def is_pending(filed_on: date, closed_on: date | None, on: date) -> bool:
    """Pending on ``on``: filed by then and not closed by then (a case closed on ``on`` is no longer pending)."""
    return filed_on <= on and (closed_on is None or closed_on > on)


def age_days(filed_on: date, on: date) -> int:
    """Gross age in days (C9): the filing day is not counted."""
    return (on - filed_on).days


def in_period(day: date | None, since: date, until: date) -> bool:
    return day is not None and since <= day <= until


def day_before(day: date) -> date:
    return day - timedelta(days=1)
