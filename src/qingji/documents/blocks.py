"""What a document says, as plain values: the campaigns and the cadence build these, :mod:`.template` puts them into
a Word template, :mod:`.docx_pdf` lays the filled document out as PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    """A paragraph of body text (one per line of ``text``)."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table: a header of (column name, share of the width), then rows of cells; ``empty`` stands in for a table
    with no rows."""

    columns: Sequence[tuple[str, int]]
    rows: Sequence[Sequence[str]]
    empty: str = "（无）"


@dataclass(frozen=True)
class BarChart:
    """Bars, one group per label, one bar per series (name, values: a share 0–1 when ``percent``); ``line`` draws
    a horizontal reference (e.g. the share planned by now)."""

    title: str
    labels: Sequence[str]
    series: Sequence[tuple[str, Sequence[float]]]
    percent: bool = True
    line: tuple[str, float] | None = None
    notes: Sequence[str] = field(default_factory=tuple)  # the figures said in words under the chart


Block = Text | Table | BarChart
