"""A campaign's progress on a date (清积率, 完成日期, 提前天数) and its countdown schedule (倒排工期).

Pure Python: the campaigns app, the pages and the commands hand in the campaign's cases as :class:`ScopedCase`
and read the figures back. The words are DESIGN.md §3 (清积率 = cleared in-scope cases ÷ in-scope cases); the
practice is DESIGN.md §1 (the half-year campaign: 49 cases of a feedback ledger, all closed by 12 April, 100%,
49 days before 31 May; the countdown schedule against the actual line). docs/measures.md states every boundary.

Boundaries, on a date ``as_of``:

- a case is in scope from its ``added_on`` (the start date for the initial scope; a later day for a case added
  late), so on a date before that it is not counted at all;
- it is cleared when it closed on or before ``as_of`` (a case closed *on* the as-of date is cleared that day; a
  closing known today but after the as-of date is ignored for that date);
- a case that closed before it was added (already closed when the higher court sent it) counts as cleared as soon
  as it is in scope;
- a case closed *on* the target date is cleared in time: ``days_ahead`` is 0, and negative only when the last case
  closed after the target.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from math import ceil, floor

RATE_PLACES = 4


@dataclass(frozen=True)
class ScopedCase:
    case_number: str
    court_code: str
    added_on: date  # the day the case entered the campaign's scope (the start date for the initial scope)
    closed_on: date | None  # as known today; a closing after the as-of date is ignored for that date
    # How many cases this one stands for: the pages hand in the campaign's cases counted by court, day added and
    # day closed (a few thousand groups for a hundred thousand cases) instead of one by one.
    cases: int = 1


@dataclass(frozen=True)
class Progress:
    """One court's (or, with ``court_code`` "", the whole campaign's) progress on a date."""

    court_code: str  # "" for the whole campaign
    in_scope: int  # cases added on or before as_of
    cleared: int  # of those, closed on or before as_of
    remaining: int  # in_scope - cleared
    # cleared / in_scope as a fraction rounded to 4 places (1.0 = 100%); 0.0 when nothing is in scope (an empty
    # scope is not a cleared one: it neither completes nor ranks as fastest).
    clearance_rate: float
    completed_on: date | None  # the date the last in-scope case closed, when all are cleared by as_of
    target: date
    days_ahead: int | None  # (target - completed_on).days when completed (negative when completed late)
    # At the current pace, when not completed: as_of + ceil(remaining / pace) days, the pace being the cases
    # cleared from the start to as_of (closed on or after the start) per day of that span, both days counted.
    # None when nothing has been cleared since the start (no pace) or when completed.
    projected_completion: date | None

    def as_json(self) -> dict[str, object]:
        return {
            "court_code": self.court_code,
            "in_scope": self.in_scope,
            "cleared": self.cleared,
            "remaining": self.remaining,
            "clearance_rate": self.clearance_rate,
            "completed_on": _iso(self.completed_on),
            "target": self.target.isoformat(),
            "days_ahead": self.days_ahead,
            "projected_completion": _iso(self.projected_completion),
        }


@dataclass(frozen=True)
class CampaignReport:
    overall: Progress
    by_court: list[Progress]  # in court-code order; the courts with at least one case in scope on as_of
    # The court that completed first (ties by code); None while no court has completed.
    fastest_court: str | None

    def as_json(self) -> dict[str, object]:
        return {
            **self.overall.as_json(),
            "by_court": [row.as_json() for row in self.by_court],
            "fastest_court": self.fastest_court,
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def clearance_rate(cleared: int, in_scope: int) -> float:
    """cleared ÷ in_scope rounded to 4 places; 0.0 for an empty scope."""
    return round(cleared / in_scope, RATE_PLACES) if in_scope else 0.0


def cleared_on_or_before(case: ScopedCase, day: date) -> bool:
    """In scope on ``day`` and closed by then (a case closed before it was added is cleared once added)."""
    return case.added_on <= day and case.closed_on is not None and case.closed_on <= day


def progress(
    cases: Iterable[ScopedCase], *, court_code: str = "", start: date, target: date, as_of: date
) -> Progress:
    """The progress of ``cases`` (one court's, or all) on ``as_of``; the boundaries are the module's."""
    scoped = [case for case in cases if case.added_on <= as_of and case.cases > 0]
    cleared = [case for case in scoped if cleared_on_or_before(case, as_of)]
    in_scope, done = sum(case.cases for case in scoped), sum(case.cases for case in cleared)
    remaining = in_scope - done
    completed_on: date | None = None
    projected: date | None = None
    if in_scope and not remaining:
        completed_on = max(case.closed_on for case in cleared if case.closed_on is not None)
    elif remaining:
        projected = project(
            sum(case.cases for case in cleared if case.closed_on is not None and case.closed_on >= start),
            remaining,
            start=start,
            as_of=as_of,
        )
    return Progress(
        court_code=court_code,
        in_scope=in_scope,
        cleared=done,
        remaining=remaining,
        clearance_rate=clearance_rate(done, in_scope),
        completed_on=completed_on,
        target=target,
        days_ahead=(target - completed_on).days if completed_on is not None else None,
        projected_completion=projected,
    )


def project(cleared_since_start: int, remaining: int, *, start: date, as_of: date) -> date | None:
    """The day the ``remaining`` cases would all be cleared at the pace of ``cleared_since_start`` cases over the
    days from ``start`` to ``as_of`` (both counted): as_of + ceil(remaining ÷ pace). None without a pace."""
    span = (as_of - start).days + 1
    if span <= 0 or cleared_since_start <= 0:
        return None
    return as_of + timedelta(days=ceil(Fraction(remaining * span, cleared_since_start)))


def campaign_progress(
    cases: Iterable[ScopedCase], *, start: date, target: date, as_of: date
) -> CampaignReport:
    """Progress on ``as_of``, overall and per court, with the fastest court."""
    every = list(cases)
    overall = progress(every, start=start, target=target, as_of=as_of)
    courts: dict[str, list[ScopedCase]] = {}
    for case in every:
        if case.added_on <= as_of:
            courts.setdefault(case.court_code, []).append(case)
    by_court = [
        progress(courts[code], court_code=code, start=start, target=target, as_of=as_of)
        for code in sorted(courts)
    ]
    return CampaignReport(overall, by_court, fastest_court(by_court))


def fastest_court(rows: Sequence[Progress]) -> str | None:
    """The court that completed first (ties by court code): "fastest" is said only of a court that has finished.
    None while no court has completed."""
    completed = [row for row in rows if row.completed_on is not None]
    if completed:
        return min(completed, key=lambda row: (row.completed_on, row.court_code)).court_code
    return None


@dataclass(frozen=True)
class ScheduleRow:  # the countdown schedule (倒排工期): one row per week
    on: date
    planned: int  # remaining cases planned on this date: straight from the in-scope count on start to 0
    actual: int | None  # remaining on this date (None after as_of)


def planned_remaining(in_scope_at_start: int, *, start: date, target: date, on: date) -> int:
    """The planned line (倒排工期): ``in_scope_at_start`` on the start, 0 on the target, straight between, rounded
    up (a plan never counts a case as done before its share of the time is over); 0 from the target on."""
    if on >= target:
        return 0
    if on <= start:
        return in_scope_at_start
    total = (target - start).days
    return ceil(Fraction(in_scope_at_start * (target - on).days, total))


def countdown(
    cases: Iterable[ScopedCase], *, start: date, target: date, as_of: date, step_days: int = 7
) -> list[ScheduleRow]:
    """The countdown schedule: a row on the start and every ``step_days`` after it, a row on the target, and a row
    on ``as_of`` when it falls after the start on no other row (so that the actual line reaches the as-of date).

    ``planned`` runs straight from the cases in scope on the start to 0 on the target (late additions are not in
    the plan; they show as the actual line above it). ``actual`` is what remained on each date up to ``as_of``:
    cases added by then and not cleared by then. When the target is the start, there is one row, planned 0.
    """
    if step_days <= 0:
        raise ValueError("step_days must be positive")
    every = list(cases)
    added = _cumulative((case.added_on, case.cases) for case in every)
    # A case stops being remaining on the later of its adding and its closing.
    cleared = _cumulative(
        (max(case.added_on, case.closed_on), case.cases) for case in every if case.closed_on is not None
    )
    at_start = added.upto(start)
    days = set()
    day = start
    while day < target:
        days.add(day)
        day += timedelta(days=step_days)
    days.add(max(target, start))
    if as_of > start:
        days.add(as_of)
    return [
        ScheduleRow(
            on=day,
            planned=planned_remaining(at_start, start=start, target=target, on=day),
            actual=added.upto(day) - cleared.upto(day) if day <= as_of else None,
        )
        for day in sorted(days)
    ]


@dataclass(frozen=True)
class _Cumulative:
    """Counts by day, summed: how many up to and including a day."""

    days: list[date]
    totals: list[int]

    def upto(self, day: date) -> int:
        place = bisect_right(self.days, day)
        return self.totals[place - 1] if place else 0


def _cumulative(counted: Iterable[tuple[date, int]]) -> _Cumulative:
    by_day: dict[date, int] = {}
    for day, count in counted:
        by_day[day] = by_day.get(day, 0) + count
    days = sorted(by_day)
    totals, running = [], 0
    for day in days:
        running += by_day[day]
        totals.append(running)
    return _Cumulative(days, totals)


def days_behind(rows: list[ScheduleRow], as_of: date) -> int:
    """How many days the actual line lags the planned line on ``as_of`` (negative: ahead of plan).

    With N planned on the start (the first row), T days from the start to the target (the first row planned 0)
    and A actually remaining on ``as_of`` (its row, else the last row before it with an actual figure): the
    plan clears N ÷ T cases a day, so the surplus A − planned(as_of), on the straight unrounded line, is worth
    (A − planned(as_of)) × T ÷ N days — the same as ``as_of`` minus the day the straight line reaches A. Rounded to
    the nearest day (halves up). Examples: A = planned → 0; all cleared on as_of, 10 days before the target → −10;
    after the target with A left → A × T ÷ N. 0 when there is no actual figure yet (before the start) or no
    plan to measure by (N = 0).
    """
    if not rows:
        return 0
    known = [row for row in rows if row.on <= as_of and row.actual is not None]
    if not known:
        return 0
    actual = known[-1].actual
    assert actual is not None
    start, planned_at_start = rows[0].on, rows[0].planned
    target = next((row.on for row in rows if row.planned == 0), rows[-1].on)
    total = (target - start).days
    if planned_at_start == 0 or total <= 0:
        return 0
    left = min(max((target - as_of).days, 0), total)  # days of the plan still to run on as_of
    surplus_days = Fraction(actual * total, planned_at_start) - left
    return floor(surplus_days + Fraction(1, 2))
