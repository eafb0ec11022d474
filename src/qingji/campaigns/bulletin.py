"""The ten-day bulletin (通报, DESIGN.md §1: "每10天一通报", ranking with the last-place warning) as plain values:
what :mod:`qingji.campaigns.bulletin_data` reads from the database on a date and :mod:`.bulletin_doc` writes into
the court's template. No Django here.

Its figures are the campaign report's on the same date (``qingji campaign report --json``: in scope, cleared,
remaining, clearance rate per court and overall, the standings, the new backlog), and beside them what happened
since the previous bulletin: the cases cleared, the supervision done, the places won and lost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

# How many of the overdue and 10-month cases the bulletin lists by name (the most urgent first); it says how many
# there are in all, and the pages list every one.
LISTED_CASES = 100
# How many of the integrity checks' findings of cases the bulletin lists by name; the integrity page lists them all.
LISTED_FINDINGS = 20


@dataclass(frozen=True)
class CourtLine:
    """One court's progress on the bulletin's date and since the previous one."""

    code: str
    name: str
    in_scope: int
    cleared: int
    remaining: int
    clearance_rate: float
    behind: int  # days behind its own countdown plan (negative: ahead)
    projected: date | None  # the completion at the current pace (None: completed, or no pace yet)
    completed_on: date | None
    cleared_since: int  # cleared since the previous bulletin's date
    overdue: int  # its campaign cases pending on the date and past their expiry (超审限)
    ten_month: int  # … pending ten months or more, not yet twelve (the 10-month warning)
    new_backlog: int  # its cases aged past the campaign's threshold and not in the campaign


@dataclass(frozen=True)
class RankLine:
    """A court's (or a division's) place among those ranked with it."""

    unit: str  # the court code, or the division's key (code|name)
    name: str
    rank: int
    ranked: int  # how many are ranked together
    clearance_rate: float
    remaining: int
    behind_plan: int
    last: bool  # the last-place warning (末位警示)
    lagging: bool
    next_step: str | None  # the rung of the escalation ladder proposed (its words), None: none
    rank_then: int | None  # its place on the previous bulletin's date (None: not ranked then)

    @property
    def moved(self) -> int:
        """Places won since the previous bulletin (negative: lost; 0: the same or not ranked then)."""
        return self.rank_then - self.rank if self.rank_then is not None else 0


@dataclass(frozen=True)
class DivisionRanking:
    """The divisions of a court above the basic level, ranked among themselves."""

    court_name: str
    lines: Sequence[RankLine]


@dataclass(frozen=True)
class SupervisionLine:
    on: date
    court: str
    kind: str  # in words (电话提醒 …)
    by: str
    to: str


@dataclass(frozen=True)
class CaseLine:
    """An overdue or 10-month campaign case, its parties masked."""

    case_number: str
    court: str
    judge: str
    parties: str
    filed_on: date
    days_pending: int
    overdue_days: int | None  # days past the expiry (None: not overdue, a 10-month case)


@dataclass(frozen=True)
class IntegrityLine:
    """A court's findings of the integrity checks (docs/integrity.md), per check (the values of
    qingji.integrity.findings.Check; only those found)."""

    code: str
    name: str
    counts: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class IntegrityCase:
    """A case the integrity checks found, its parties masked."""

    check: str  # a value of qingji.integrity.findings.Check
    case_number: str
    court: str
    judge: str
    parties: str


@dataclass(frozen=True)
class IntegritySection:
    """The integrity checks' findings in the campaign's courts on the bulletin's day: per court and check, the
    whole, and the first cases found (at most LISTED_FINDINGS)."""

    as_of: date
    courts: Sequence[IntegrityLine]  # every court of the campaign, in code order
    overall: IntegrityLine  # code "", name 合计
    cases: Sequence[IntegrityCase]
    cases_total: int  # the findings of cases in all (a judge's or a court's share is not a case)


@dataclass(frozen=True)
class Bulletin:
    campaign: str
    issuer: str  # the campaign's highest court, which issues it
    start: date
    target: date
    on: date
    number: int  # the campaign's n-th bulletin (第n期)
    previous: date  # the previous bulletin's date, or the campaign's start for the first
    overall: CourtLine  # the whole campaign (code "", name 合计)
    courts: Sequence[CourtLine]  # in court-code order: the courts with cases in scope
    ranking: Sequence[RankLine]  # the basic courts, best first
    divisions: Sequence[DivisionRanking]
    supervision: Sequence[SupervisionLine]  # done since the previous bulletin, by date
    cases: Sequence[CaseLine]  # the most urgent overdue and 10-month cases (at most LISTED_CASES)
    cases_total: int  # how many there are in all
    planned_remaining: int  # what the countdown plan leaves on the date, over all courts
    integrity: IntegritySection | None = None  # the integrity checks' findings (None: not gathered)

    @property
    def last_place(self) -> list[RankLine]:
        return [line for line in self.ranking if line.last]

    @property
    def improved(self) -> list[RankLine]:
        return [line for line in self.ranking if line.moved > 0]

    @property
    def fallen(self) -> list[RankLine]:
        return [line for line in self.ranking if line.moved < 0]


def previous_bulletin_day(on: date, days: Sequence[int], start: date) -> date:
    """The bulletin day of the schedule (``days`` of the month) before ``on``, not before the campaign's start."""
    candidates = [
        date(year, month, day)
        for year, month in ((on.year, on.month), _month_before(on.year, on.month))
        for day in days
    ]
    earlier = [day for day in candidates if day < on]
    return max([*earlier, start]) if earlier else start


def bulletin_number(start: date, on: date, days: Sequence[int]) -> int:
    """The bulletin's number: 1 + the bulletin days of the schedule after the campaign's start and before
    ``on`` (a bulletin on the start itself, of a campaign not yet under way, is not made by the schedule)."""
    count, year, month = 0, start.year, start.month
    while (year, month) <= (on.year, on.month):
        count += sum(1 for day in days if start < date(year, month, day) < on)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return count + 1


def _month_before(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)
