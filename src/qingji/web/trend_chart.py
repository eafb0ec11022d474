"""The statistics page's monthly trend drawn (templates/web/trend_chart.html): the cases pending at each month's end
as a line, the cases filed and closed in each month as pairs of bars, on one time axis with a count axis each.
Plain geometry for an inline SVG: no script, nothing fetched."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from qingji.engine.trend import MonthRow
from qingji.web.charts import Tick

WIDTH, PANEL = 640, 150
LEFT, RIGHT = 52, WIDTH - 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    month: str


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int
    month: str


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    left: int
    right: int
    pending_top: int  # the pending panel's box
    pending_bottom: int
    flow_top: int  # the filed-and-closed panel's box
    flow_bottom: int
    pending_line: str  # SVG polyline points
    points: tuple[Point, ...]
    filed: tuple[Bar, ...]
    closed: tuple[Bar, ...]
    months: tuple[Tick, ...]  # under the lower panel
    pending_ticks: tuple[Tick, ...]
    flow_ticks: tuple[Tick, ...]


def trend_chart(rows: Sequence[MonthRow]) -> TrendChart | None:
    if not rows:
        return None
    pending_top, pending_bottom = 12, 12 + PANEL
    flow_top, flow_bottom = pending_bottom + 30, pending_bottom + 30 + PANEL
    slot = (RIGHT - LEFT) / len(rows)
    highest_pending = max(max(row.pending for row in rows), 1)
    highest_flow = max(max(max(row.filed, row.closed) for row in rows), 1)

    def y(value: int, highest: int, top: int, bottom: int) -> float:
        return round(bottom - (bottom - top) * value / highest, 1)

    def centre(index: int) -> float:
        return round(LEFT + slot * (index + 0.5), 1)

    points = tuple(
        Point(
            centre(i), y(row.pending, highest_pending, pending_top, pending_bottom), row.pending, _label(row)
        )
        for i, row in enumerate(rows)
    )
    bar = round(min(slot * 0.38, 18), 1)
    filed: list[Bar] = []
    closed: list[Bar] = []
    for i, row in enumerate(rows):
        for value, offset, bars in ((row.filed, -bar, filed), (row.closed, 0.0, closed)):
            top = y(value, highest_flow, flow_top, flow_bottom)
            bars.append(
                Bar(round(centre(i) + offset, 1), top, bar, round(flow_bottom - top, 1), value, _label(row))
            )
    step = 1 if len(rows) <= 12 else 2
    months = tuple(Tick(centre(i), _label(row)) for i, row in enumerate(rows) if i % step == 0)
    return TrendChart(
        width=WIDTH, height=flow_bottom + 24, left=LEFT, right=RIGHT,
        pending_top=pending_top, pending_bottom=pending_bottom, flow_top=flow_top, flow_bottom=flow_bottom,
        pending_line=" ".join(f"{p.x},{p.y}" for p in points), points=points,
        filed=tuple(filed), closed=tuple(closed), months=months,
        pending_ticks=_ticks(highest_pending, lambda v: y(v, highest_pending, pending_top, pending_bottom)),
        flow_ticks=_ticks(highest_flow, lambda v: y(v, highest_flow, flow_top, flow_bottom)),
    )  # fmt: skip


def _label(row: MonthRow) -> str:
    return row.month.strftime("%Y-%m")


def _ticks(highest: int, at: Callable[[int], float]) -> tuple[Tick, ...]:
    """0, the middle and the highest count: three labels that never overlap."""
    values = sorted({0, highest // 2, highest})
    return tuple(Tick(at(value), str(value)) for value in values)
