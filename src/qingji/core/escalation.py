"""Ranking the courts of a campaign and the escalation ladder for a court that lags (DESIGN.md §1: ranking with
last-place warning, 排名及末位警示; phone reminder 电话提醒 → supervision letter 发函督办 → on-site inspection
实地督查 → interview of the person responsible 约谈). Pure Python."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from qingji.core.progress import Progress

# The rungs of the ladder, in order; the other supervision actions (daily reminders, weekly supervision,
# bulletins) are routine and do not climb it.
LADDER: tuple[str, ...] = ("phone", "letter", "on_site", "interview")


@dataclass(frozen=True)
class Standing:
    court_code: str
    rank: int  # 1 = best
    last: bool  # the last-place warning (末位警示)
    behind_plan: int  # days behind the countdown schedule (negative: ahead)
    lagging: bool  # last, or behind plan
    next_step: str | None  # the rung proposed now, None when the court does not lag or the ladder is climbed


def ranking(rows: Iterable[Progress]) -> list[Progress]:
    """Courts best first: higher clearance rate, then fewer remaining, then court code."""
    return sorted(rows, key=lambda row: (-row.clearance_rate, row.remaining, row.court_code))


def next_rung(taken: Iterable[str]) -> str | None:
    """The rung after the highest one already taken; None when the interview has been held."""
    highest = max((LADDER.index(kind) for kind in taken if kind in LADDER), default=-1)
    return LADDER[highest + 1] if highest + 1 < len(LADDER) else None


def standings(
    rows: Sequence[Progress], behind: Mapping[str, int], taken: Mapping[str, Sequence[str]]
) -> list[Standing]:
    """Each court's place, whether it lags (last among several courts with cases remaining, or behind its
    countdown plan), and the rung proposed for it given the rungs ``taken`` so far."""
    ordered = ranking(rows)
    result = []
    for place, row in enumerate(ordered, start=1):
        last = len(ordered) > 1 and place == len(ordered) and row.remaining > 0
        late = behind.get(row.court_code, 0) > 0 and row.remaining > 0
        lagging = last or late
        step = next_rung(taken.get(row.court_code, ())) if lagging else None
        result.append(Standing(row.court_code, place, last, behind.get(row.court_code, 0), lagging, step))
    return result
