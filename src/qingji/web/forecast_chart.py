"""The forecast page's projection drawn (templates/web/forecast_chart.html): for each band (over 6, 12 and 18
months) the expected count at each month end as a line from the as-of date's actual count, and its interval as a
shaded band around it. Plain geometry for an inline SVG: no script, nothing fetched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from math import ceil

from qingji.forecast.projection import CourtProjection
from qingji.web.charts import Tick

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 52, WIDTH - 30, 14, HEIGHT - 30  # room for the last month's label
# One colour per band, the oldest the darkest (the leaders' heat map's red).
COLOURS = ("#0b5cad", "#d9622b", "#8b1a1a", "#52606d")


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str  # the day and the figures, for its tooltip


@dataclass(frozen=True)
class BandLine:
    band: int
    colour: str
    line: str  # SVG polyline points of the expected counts (the first: the as-of date's actual count)
    area: str  # SVG polygon points of the interval: the highs forward, the lows back
    points: tuple[Point, ...]


@dataclass(frozen=True)
class ForecastChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    bands: tuple[BandLine, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]


def forecast_chart(
    court: CourtProjection, as_of: date, bands: tuple[int, ...], band_name: Callable[[int], str] = str
) -> ForecastChart | None:
    """The chart of one court's (or every court's) projection, each band named by ``band_name`` in the points'
    tooltips; None when it has no month."""
    if not court.months:
        return None
    days = [as_of, *(month.month_end for month in court.months)]
    highest = ceil(
        max(
            [float(court.now.get(band, 0)) for band in bands]
            + [month.band(band).high for month in court.months for band in bands]
            + [1.0]
        )
    )
    span = max((days[-1] - days[0]).days, 1)

    def x(day: date) -> float:
        return round(LEFT + (RIGHT - LEFT) * (day - days[0]).days / span, 1)

    def y(value: float) -> float:
        return round(BOTTOM - (BOTTOM - TOP) * value / highest, 1)

    lines = []
    for i, band in enumerate(bands):
        now = float(court.now.get(band, 0))
        values = [now, *(month.band(band).value for month in court.months)]
        lows = [now, *(month.band(band).low for month in court.months)]
        highs = [now, *(month.band(band).high for month in court.months)]
        upper = [f"{x(day)},{y(high)}" for day, high in zip(days, highs, strict=True)]
        lower = [f"{x(day)},{y(low)}" for day, low in zip(days, lows, strict=True)]
        points = tuple(
            Point(
                x(day), y(value), f"{band_name(band)} {day.isoformat()}: {value:.0f} ({low:.0f}–{high:.0f})"
            )
            for day, value, low, high in zip(days, values, lows, highs, strict=True)
        )
        lines.append(
            BandLine(
                band,
                COLOURS[min(i, len(COLOURS) - 1)],
                " ".join(f"{p.x},{p.y}" for p in points),
                " ".join(upper + lower[::-1]),
                points,
            )
        )
    x_ticks = (
        Tick(x(as_of), as_of.isoformat()),
        *(Tick(x(month.month_end), month.month_end.strftime("%Y-%m")) for month in court.months),
    )
    return ForecastChart(
        WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, tuple(lines), _spaced(x_ticks), _count_ticks(highest, y)
    )


def _spaced(ticks: tuple[Tick, ...], gap: float = 56) -> tuple[Tick, ...]:
    """The ticks whose labels do not run into the one before (the as-of date's is the longest)."""
    kept: list[Tick] = []
    for tick in ticks:
        if not kept or tick.at - kept[-1].at >= gap:
            kept.append(tick)
    return tuple(kept)


def _count_ticks(highest: int, at: Callable[[float], float]) -> tuple[Tick, ...]:
    """0, the middle and the highest count: three labels that never overlap."""
    return tuple(Tick(at(value), str(value)) for value in sorted({0, highest // 2, highest}))
