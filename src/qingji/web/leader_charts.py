"""The leaders' home drawn: the courts (divisions, judges) ranked as horizontal bars, and pending cases by row and
age band as a heat map. Plain geometry for inline SVGs (templates/web/bar_chart.html, heat_map.html), as
web/charts.py draws the countdown: no script, nothing fetched, printable; each bar and cell a link to its cases,
and the figures in a table beside the chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qingji.web.home_leader_data import Figure, Row

LABEL_WIDTH = 150  # pixels for the row names left of the bars and cells
BAR_HEIGHT, BAR_GAP = 18, 6
CELL_WIDTH, CELL_HEIGHT = 84, 24
SHADES = 6  # heat-0 (none) … heat-5 (the most)


@dataclass(frozen=True)
class Bar:
    name: str
    y: float  # top of the bar
    width: float
    figure: Figure
    text_x: float  # where its number is written


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    left: int
    bars: tuple[Bar, ...]
    bar_height: int
    summary: str  # the figures in words, for screen readers


def bar_chart(rows: Sequence[Row], *, width: int = 560) -> BarChart:
    """One bar per row, its length the row's overdue cases against the largest."""
    plot = width - LABEL_WIDTH - 48
    highest = max([row.overdue.count for row in rows] + [1])
    bars = []
    for place, row in enumerate(rows):
        length = round(plot * row.overdue.count / highest, 1)
        y = 4 + place * (BAR_HEIGHT + BAR_GAP)
        bars.append(Bar(row.name, y, length, row.overdue, LABEL_WIDTH + length + 4))
    height = 8 + len(rows) * (BAR_HEIGHT + BAR_GAP)
    summary = "; ".join(f"{row.name} {row.overdue.count}" for row in rows)
    return BarChart(width, height, LABEL_WIDTH, tuple(bars), BAR_HEIGHT, summary)


@dataclass(frozen=True)
class Cell:
    x: int
    figure: Figure
    shade: int  # 0 … SHADES - 1


@dataclass(frozen=True)
class HeatRow:
    name: str
    y: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class HeatMap:
    width: int
    height: int
    left: int
    top: int
    cell_width: int
    cell_height: int
    columns: tuple[tuple[float, str], ...]  # (centre x, label)
    rows: tuple[HeatRow, ...]
    summary: str


def shade(count: int, highest: int) -> int:
    """0 for no case; else 1 … SHADES - 1 by the count's share of the largest cell."""
    if count <= 0 or highest <= 0:
        return 0
    return max(1, min(SHADES - 1, -(-count * (SHADES - 1) // highest)))


def heat_map(rows: Sequence[Row], columns: Sequence[str]) -> HeatMap:
    """Rows × age bands (``columns``: the bands' words), each cell shaded by its pending cases."""
    top = 24
    highest = max([figure.count for row in rows for figure in row.buckets] + [0])
    drawn = tuple(
        HeatRow(
            row.name,
            top + place * CELL_HEIGHT,
            tuple(
                Cell(LABEL_WIDTH + i * CELL_WIDTH, figure, shade(figure.count, highest))
                for i, figure in enumerate(row.buckets)
            ),
        )
        for place, row in enumerate(rows)
    )
    heads = tuple((LABEL_WIDTH + (i + 0.5) * CELL_WIDTH, label) for i, label in enumerate(columns))
    summary = "; ".join(
        f"{row.name}: "
        + ", ".join(f"{label} {f.count}" for label, f in zip(columns, row.buckets, strict=True))
        for row in rows
    )
    return HeatMap(
        width=LABEL_WIDTH + len(columns) * CELL_WIDTH + 4, height=top + len(rows) * CELL_HEIGHT + 4,
        left=LABEL_WIDTH, top=top, cell_width=CELL_WIDTH, cell_height=CELL_HEIGHT,
        columns=heads, rows=drawn, summary=summary,
    )  # fmt: skip
