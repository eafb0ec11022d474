"""What-if for a court of a campaign: "k more closures a week (or these named cases closed by a date)" — when does
it finish, where does it rank on the target date, and what pace would finish by the target? Pure arithmetic over
the progress of qingji.core.progress and the ranking of qingji.core.escalation (清积率 first, then fewer
remaining, then code: docs/campaigns.md "Supervision, ranking and the escalation ladder").

The figures, for a court with R cases remaining on the as-of date T:

- **pace** p: the campaign's cases it closed in the last four weeks, per week — closings on the days
  (T − 28, T], not before the campaign's start (then over the days since the start), of cases in scope on T;
- with k more a week the court closes at p + k a week, continuously: by a day T + d it has closed
  ⌊(p + k) · d ÷ 7⌋ cases, and the n named cases besides from their date B on (they may close sooner, among the
  pace's: "by" B), never more than R;
- **finish** D: the first day it has closed all R — T + ⌈7R ÷ (p + k)⌉, or, with named cases, the earlier of that
  and max(B, T + ⌈7(R − n) ÷ (p + k)⌉); none at a pace of 0 without named cases to close the rest;
- **rank** on the target date: every unit of its ranking group (the basic courts among themselves, as the
  campaign's standings) projected to the target at its own pace, this court at its what-if, ranked as the
  standings rank; ``rank_now`` is its place on T;
- **needed pace**: the closures a week (besides the named cases, when they are closed by the target) that finish
  by the target: 7(R − n) ÷ (target − T) days (n = 0 when the named cases' date is after the target), rounded up
  to the hundredth so that it still finishes in time; none when the target is past and cases remain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from fractions import Fraction
from math import ceil, floor

from qingji.core.escalation import ranking
from qingji.core.progress import Progress, ScopedCase, clearance_rate

PACE_WEEKS = 4


@dataclass(frozen=True)
class WhatIf:
    campaign: str
    court_code: str
    as_of: date
    target: date
    remaining: int
    pace_per_week: Fraction  # closures a week over the last four weeks
    per_week_added: Fraction  # the what-if's k
    close: tuple[str, ...]  # the named cases closed by close_by
    close_by: date | None
    finish_on: date | None  # None: never, at that pace
    finish_at_pace: date | None  # the same without the what-if
    rank: int | None  # on the target date; None for a court not ranked (a court above the basic courts)
    of: int | None  # the size of its ranking group
    rank_now: int | None
    needed_per_week: Fraction | None  # None: the target is past with cases remaining

    @property
    def on_track(self) -> bool:
        return self.finish_on is not None and self.finish_on <= self.target

    def lines(self) -> list[str]:
        """The what-if in words, Chinese first with English beside (`qingji campaign whatif`)."""
        never = "无 never"
        closing = f"，另结 closing {len(self.close)} 件 cases by {self.close_by}" if self.close else ""
        rank = (
            f"{self.rank}/{self.of}（现 now {self.rank_now}/{self.of}）"
            if self.rank is not None
            else "不排名 not ranked"
        )
        needed = never if self.needed_per_week is None else f"{float(self.needed_per_week):g}"
        return [
            f"「{self.campaign}」{self.court_code} 截至 as of {self.as_of}，目标 target {self.target}",
            f"未结 remaining {self.remaining}；近四周每周结案 pace {float(self.pace_per_week):.2f} a week；"
            f"每周多结 added {float(self.per_week_added):g}{closing}",
            f"预计完成 finish {self.finish_on or never}（原速度 at pace {self.finish_at_pace or never}）；"
            f"目标日排名 rank on the target {rank}",
            f"按期完成需每周结案 needed a week {needed}；按期 on track: {'是 yes' if self.on_track else '否 no'}",
        ]

    def as_json(self) -> dict[str, object]:
        """The keys relied on from outside: campaign, court_code, as_of, target, remaining, pace_per_week,
        per_week_added, finish_on, rank, of, rank_now, needed_per_week, on_track; besides them close, close_by
        and finish_at_pace."""
        return {
            "campaign": self.campaign,
            "court_code": self.court_code,
            "as_of": self.as_of.isoformat(),
            "target": self.target.isoformat(),
            "remaining": self.remaining,
            "pace_per_week": round(float(self.pace_per_week), 2),
            "per_week_added": float(self.per_week_added),
            "finish_on": _iso(self.finish_on),
            "rank": self.rank,
            "of": self.of,
            "rank_now": self.rank_now,
            "needed_per_week": None if self.needed_per_week is None else float(self.needed_per_week),
            "on_track": self.on_track,
            "close": list(self.close),
            "close_by": _iso(self.close_by),
            "finish_at_pace": _iso(self.finish_at_pace),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def recent_pace(
    cases: Iterable[ScopedCase], *, start: date, as_of: date, weeks: int = PACE_WEEKS
) -> Fraction:
    """Closures a week of ``cases`` (a court's, counted as qingji.campaigns.figures counts them) over the last
    ``weeks`` weeks: those in scope on ``as_of`` closed on a day of (as_of − 7·weeks, as_of], not before
    ``start``, over the days of that window in weeks. 0 before the start."""
    first = max(as_of - timedelta(days=7 * weeks - 1), start)
    days = (as_of - first).days + 1
    if days <= 0:
        return Fraction(0)
    closed = sum(
        case.cases
        for case in cases
        if case.added_on <= as_of and case.closed_on is not None and first <= case.closed_on <= as_of
    )
    return Fraction(7 * closed, days)


def _days(cases: int, per_week: Fraction) -> int | None:
    if cases <= 0:
        return 0
    return ceil(Fraction(7 * cases) / per_week) if per_week > 0 else None


def finish_on(
    remaining: int, per_week: Fraction, as_of: date, *, named: int = 0, named_by: date | None = None
) -> date | None:
    """The first day by which all ``remaining`` cases are closed at ``per_week``, ``named`` of them by
    ``named_by`` at the latest (see the module); None when never."""
    if remaining <= 0:
        return as_of
    finishes = []
    by_pace = _days(remaining, per_week)
    if by_pace is not None:
        finishes.append(as_of + timedelta(days=by_pace))
    if named > 0 and named_by is not None:
        rest = _days(remaining - min(named, remaining), per_week)
        if rest is not None:
            finishes.append(max(named_by, as_of + timedelta(days=rest)))
    return min(finishes) if finishes else None


def closed_by(
    day: date,
    remaining: int,
    per_week: Fraction,
    as_of: date,
    *,
    named: int = 0,
    named_by: date | None = None,
) -> int:
    """How many of the ``remaining`` cases are closed by ``day`` (see the module)."""
    span = max((day - as_of).days, 0)
    done = floor(per_week * span / 7) + (named if named_by is not None and named_by <= day else 0)
    return min(done, max(remaining, 0))


def needed_per_week(
    remaining: int, as_of: date, target: date, *, named: int = 0, named_by: date | None = None
) -> Fraction | None:
    """The closures a week that finish by ``target`` (besides the named cases closed by ``named_by`` when that is
    not after the target), rounded up to the hundredth; None when the target is past with cases to close."""
    counted = named if named_by is not None and named_by <= target else 0
    rest = remaining - min(counted, max(remaining, 0))
    if rest <= 0:
        return Fraction(0)
    days = (target - as_of).days
    if days <= 0:
        return None
    return Fraction(ceil(Fraction(700 * rest, days)), 100)


def projected(
    row: Progress, per_week: Fraction, as_of: date, on: date, *, named: int = 0, named_by: date | None = None
) -> Progress:
    """``row`` (its progress on ``as_of``) carried to ``on`` at ``per_week``: what the ranking reads."""
    cleared = row.cleared + closed_by(on, row.remaining, per_week, as_of, named=named, named_by=named_by)
    return replace(
        row,
        cleared=cleared,
        remaining=row.in_scope - cleared,
        clearance_rate=clearance_rate(cleared, row.in_scope),
    )


def rank_of(rows: Sequence[Progress], court_code: str) -> int:
    """The place (1 = best) of ``court_code`` among ``rows``, as the standings rank."""
    return 1 + [row.court_code for row in ranking(rows)].index(court_code)


def what_if(
    group: Sequence[Progress],
    paces: Mapping[str, Fraction],
    *,
    court_code: str,
    as_of: date,
    target: date,
    per_week_added: Fraction = Fraction(0),
    close: Sequence[str] = (),
    close_by: date | None = None,
    ranked: bool = True,
    campaign: str = "",
) -> WhatIf:
    """The what-if of ``court_code``: ``group`` holds its progress on ``as_of`` and, when ``ranked``, that of the
    other units of its ranking group; ``paces`` each unit's recent pace (missing: 0). The named cases ``close``
    are closed by ``close_by`` (default: the as-of date)."""
    if per_week_added < 0:
        raise ValueError(
            f"每周增加结案数不能为负 / the closures added a week cannot be negative: {per_week_added}"
        )
    row = next((unit for unit in group if unit.court_code == court_code), None)
    if row is None:
        raise ValueError(f"{court_code} 不在其排名组中 / not in its ranking group")
    named = min(len(close), row.remaining)
    by = max(close_by or as_of, as_of) if named else None
    pace = paces.get(court_code, Fraction(0))
    rate = pace + per_week_added
    on = max(target, as_of)
    rank = of = rank_now = None
    if ranked:
        later = [
            projected(unit, rate, as_of, on, named=named, named_by=by)
            if unit.court_code == court_code
            else projected(unit, paces.get(unit.court_code, Fraction(0)), as_of, on)
            for unit in group
        ]
        rank, of, rank_now = rank_of(later, court_code), len(group), rank_of(group, court_code)
    finished = row.completed_on if not row.remaining else None
    return WhatIf(
        campaign=campaign,
        court_code=court_code,
        as_of=as_of,
        target=target,
        remaining=row.remaining,
        pace_per_week=pace,
        per_week_added=per_week_added,
        close=tuple(close),
        close_by=by,
        finish_on=finished or finish_on(row.remaining, rate, as_of, named=named, named_by=by),
        finish_at_pace=finished or finish_on(row.remaining, pace, as_of),
        rank=rank,
        of=of,
        rank_now=rank_now,
        needed_per_week=needed_per_week(row.remaining, as_of, target, named=named, named_by=by),
    )
