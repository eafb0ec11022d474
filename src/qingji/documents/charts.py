"""Charts drawn offline to PNG with the documents' Chinese font (matplotlib's Agg canvas, no display, no pyplot's
global state: safe in the server's threads)."""

from __future__ import annotations

from io import BytesIO

from qingji.documents.blocks import BarChart
from qingji.documents.fonts import chart_font

WIDTH_CM, HEIGHT_CM, DPI = 16.0, 7.5, 200
COLOURS = ("#1f5fa8", "#9bbbe0", "#c0392b", "#7f8c8d")


def bar_chart_png(chart: BarChart) -> bytes:
    """The chart as the bytes of a PNG, ``WIDTH_CM`` by ``HEIGHT_CM`` at ``DPI``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    family = chart_font()
    figure = Figure(figsize=(WIDTH_CM / 2.54, HEIGHT_CM / 2.54), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    count = max(len(chart.series), 1)
    width = 0.8 / count
    positions = range(len(chart.labels))
    for index, (name, values) in enumerate(chart.series):
        offsets = [position - 0.4 + width * (index + 0.5) for position in positions]
        axes.bar(offsets, list(values), width=width, label=name, color=COLOURS[index % len(COLOURS)])
    if chart.line is not None:
        name, value = chart.line
        axes.axhline(value, color=COLOURS[2], linestyle="--", linewidth=1, label=name)
    axes.set_xticks(list(positions), list(chart.labels), fontfamily=family, fontsize=7,
                    rotation=30 if len(chart.labels) > 6 else 0, ha="right" if len(chart.labels) > 6 else "center")  # fmt: skip
    if chart.percent:
        axes.set_ylim(0, 1)
        axes.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    axes.tick_params(axis="y", labelsize=7)
    axes.set_title(chart.title, fontfamily=family, fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)
    if len(chart.series) > 1 or chart.line is not None:
        axes.legend(
            prop={"family": family, "size": 7}, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0)
        )
    out = BytesIO()
    figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()
