"""The countdown schedule (倒排工期) drawn: the planned line from the cases in scope to zero on the target, the
actual line beside it up to the as-of date (the campaign's battle map, 作战图). Plain geometry for an inline SVG
(templates/web/countdown_chart.html): no script, nothing fetched, printable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from qingji.core.progress import ScheduleRow

MIN_LABEL_GAP = 72  # pixels between the first date's label and a month's


@dataclass(frozen=True)
class Tick:
    at: float  # pixels along the axis
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int  # the plot's box inside the picture
    top: int
    right: int
    bottom: int
    planned: str  # SVG polyline points
    actual: str
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    as_of_x: float | None  # the as-of date's vertical line, when it falls inside the schedule
    last_actual: tuple[float, float] | None  # the actual line's last point (a dot)
    summary: str  # the figures in words, for screen readers and printouts without colour

    @property
    def plot_width(self) -> int:
        return self.right - self.left

    @property
    def plot_height(self) -> int:
        return self.bottom - self.top


def countdown_chart(
    rows: Sequence[ScheduleRow], as_of: date, *, width: int = 640, height: int = 220, small: bool = False
) -> Chart | None:
    """The chart of ``rows`` (:func:`qingji.core.progress.countdown`); None when there is nothing to draw.

    ``small`` draws a thumbnail for the map of courts: no tick labels, tight margins."""
    if not rows:
        return None
    left, right, top, bottom = (4, width - 4, 4, height - 4) if small else (44, width - 12, 12, height - 28)
    first, last = rows[0].on, rows[-1].on
    span = max((last - first).days, 1)
    highest = max([row.planned for row in rows] + [row.actual or 0 for row in rows] + [1])

    def x(day: date) -> float:
        return round(left + (right - left) * (day - first).days / span, 1)

    def y(count: int) -> float:
        return round(bottom - (bottom - top) * count / highest, 1)

    planned = " ".join(f"{x(row.on)},{y(row.planned)}" for row in rows)
    known = [row for row in rows if row.actual is not None]
    actual = " ".join(f"{x(row.on)},{y(row.actual)}" for row in known if row.actual is not None)
    last_known = known[-1] if known else None
    return Chart(
        width=width, height=height, left=left, top=top, right=right, bottom=bottom,
        planned=planned, actual=actual,
        x_ticks=() if small else _date_ticks(rows, x),
        y_ticks=() if small else tuple(Tick(y(count), str(count)) for count in _count_ticks(highest)),
        as_of_x=x(as_of) if first <= as_of <= last else None,
        last_actual=(x(last_known.on), y(last_known.actual))
        if last_known is not None and last_known.actual is not None else None,
        summary=_summary(rows, last_known),
    )  # fmt: skip


def _date_ticks(rows: Sequence[ScheduleRow], x: Callable[[date], float]) -> tuple[Tick, ...]:
    """The schedule's first day and the first day of each month it crosses (every other month on a long one)."""
    first, last = rows[0].on, rows[-1].on
    months = []
    day = date(first.year, first.month, 1)
    while day <= last:
        if day > first:
            months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    step = 1 if len(months) <= 8 else 2
    start = Tick(x(first), first.isoformat())
    apart = [day for day in months[::step] if x(day) - start.at >= MIN_LABEL_GAP]  # no label over the first
    return (start, *(Tick(x(day), day.strftime("%Y-%m")) for day in apart))


def _count_ticks(highest: int) -> list[int]:
    """0 and round counts up to the highest (the highest too when it is not close to the last round one)."""
    step = 1
    while highest / step > 4:
        for factor in (2, 5, 10):
            if highest / (step * factor) <= 4:
                step *= factor
                break
        else:
            step *= 10
    ticks = list(range(0, highest + 1, step))
    if (highest - ticks[-1]) * 10 >= highest:  # a tenth of the height apart: the labels do not overlap
        ticks.append(highest)
    return ticks


def _summary(rows: Sequence[ScheduleRow], last_known: ScheduleRow | None) -> str:
    start, end = rows[0], rows[-1]
    text = f"{start.on.isoformat()} {start.planned} → {end.on.isoformat()} 0"
    if last_known is not None:
        text += f"; {last_known.on.isoformat()}: planned {last_known.planned}, actual {last_known.actual}"
    return text
