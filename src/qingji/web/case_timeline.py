"""A case's trial period drawn as a timeline (templates/web/case_timeline.html): the filing, the restarts and
conversions, the extensions on the day they were approved, the deductions as spans, the expiry, the as-of day and
the closing. Plain geometry for an inline SVG (no script, nothing fetched); each mark carries a number that the
list of dates beside the drawing repeats, so that no label has to fit on the line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from qingji.web.charts import Tick

WIDTH = 720
LEFT, RIGHT = 16, WIDTH - 16
LABEL_TOP, LABEL_STEP, LABEL_ROWS = 14, 16, 4
SPAN_Y, SPAN_HEIGHT = 82, 10  # deductions
BAR_Y, BAR_HEIGHT = 98, 12  # the trial period, from its first day to the expiry
AXIS_Y = 118
HEIGHT = 140
MIN_GAP = 20  # pixels between two numbers on one row


@dataclass(frozen=True)
class Mark:
    """One thing on the timeline: a day, or a span of days (a deduction)."""

    kind: (
        str  # filed, restart, conversion, extension, deduction, expiry, as_of, closed (the drawing's classes)
    )
    on: date | None  # None: an act with no date (an extension whose approval date is not recorded)
    words: str
    end: date | None = None  # a span's last day
    running: bool = False  # a span still open on the as-of day


@dataclass(frozen=True)
class Placed:
    number: int
    mark: Mark
    x: float | None
    x_end: float | None
    label_y: float | None

    @property
    def width(self) -> float:
        return max((self.x_end or 0) - (self.x or 0), 2)


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    left: int
    right: int
    axis_y: int
    bar: tuple[float, float] | None  # the trial period's x from its first day to the expiry
    placed: tuple[Placed, ...]  # in date order, undated last: the drawing and the list beside it
    ticks: tuple[Tick, ...]
    summary: str

    span_y: int = SPAN_Y
    span_height: int = SPAN_HEIGHT
    bar_y: int = BAR_Y
    bar_height: int = BAR_HEIGHT

    @property
    def bar_width(self) -> float:
        return 0 if self.bar is None else max(self.bar[1] - self.bar[0], 1)

    @property
    def tick_y(self) -> int:
        return self.axis_y + 16


def timeline(marks: Sequence[Mark], period: tuple[date, date] | None) -> Timeline | None:
    """The timeline of ``marks``; ``period`` the trial period's first day (the anchor) and its expiry. None
    when nothing has a date."""
    days = [d for m in marks for d in (m.on, m.end) if d is not None]
    if period is not None:
        days += list(period)
    if not days:
        return None
    first, last = min(days), max(days)
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        return round(LEFT + (RIGHT - LEFT) * (day - first).days / span, 1)

    ordered = sorted(marks, key=lambda m: (m.on is None, m.on or first, _ORDER.get(m.kind, 9)))
    rows: list[float] = [-1e9] * LABEL_ROWS
    placed = []
    for number, mark in enumerate(ordered, start=1):
        if mark.on is None:
            placed.append(Placed(number, mark, None, None, None))
            continue
        at = x(mark.on)
        row = next((i for i, right in enumerate(rows) if at - right >= MIN_GAP), None)
        if row is None:  # crowded: the row whose last number is furthest left
            row = min(range(LABEL_ROWS), key=lambda i: rows[i])
        rows[row] = at
        end = x(mark.end) if mark.end is not None else None
        placed.append(Placed(number, mark, at, end, LABEL_TOP + LABEL_STEP * row))
    bar = (x(period[0]), x(period[1])) if period is not None else None
    summary = "; ".join(
        f"{p.number}. {p.mark.on.isoformat() if p.mark.on else '—'} {p.mark.words}" for p in placed
    )
    return Timeline(WIDTH, HEIGHT, LEFT, RIGHT, AXIS_Y, bar, tuple(placed), _ticks(first, last, x), summary)


# Marks of one day in the order a reader follows them.
_ORDER = {"filed": 0, "restart": 1, "conversion": 2, "extension": 3, "deduction": 4, "closed": 5,
          "expiry": 6, "as_of": 7}  # fmt: skip


def _ticks(first: date, last: date, x: Callable[[date], float]) -> tuple[Tick, ...]:
    """The first day of every month, or every few months on a long timeline (at most eight labels)."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= 8), 120)
    ticks = []
    year, month = first.year, first.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = date(year, month, 1)
        if day > last:
            break
        if (year * 12 + month - 1) % step == 0:
            label = day.strftime("%Y") if step >= 12 else day.strftime("%Y-%m")
            ticks.append(Tick(x(day), label))
    return tuple(ticks)
