"""The countdown chart's geometry (qingji.web.charts), worked out by hand: a 640 × 220 picture whose plot runs
from x 44 to 628 and from y 12 (the highest count) down to 192 (zero)."""

from __future__ import annotations

from datetime import date

from qingji.core.progress import ScheduleRow
from qingji.web.charts import _count_ticks, countdown_chart

ROWS = [
    ScheduleRow(date(2024, 1, 1), 4, 4),
    ScheduleRow(date(2024, 1, 11), 2, 3),
    ScheduleRow(date(2024, 1, 21), 0, None),
]


def test_the_lines_the_as_of_date_and_the_ticks() -> None:
    chart = countdown_chart(ROWS, date(2024, 1, 11))
    assert chart is not None
    # 20 days over 584 pixels; 4 cases over 180: 2 → 192 − 90 = 102, 3 → 192 − 135 = 57.
    assert chart.planned == "44.0,12.0 336.0,102.0 628.0,192.0"
    assert chart.actual == "44.0,12.0 336.0,57.0"
    assert chart.as_of_x == 336.0 and chart.last_actual == (336.0, 57.0)
    assert [tick.label for tick in chart.y_ticks] == ["0", "1", "2", "3", "4"]
    assert [(tick.at, tick.label) for tick in chart.x_ticks] == [(44.0, "2024-01-01")]
    assert (chart.plot_width, chart.plot_height) == (584, 180)
    assert "2024-01-11: planned 2, actual 3" in chart.summary


def test_an_as_of_date_outside_the_schedule_draws_no_line_and_nothing_draws_nothing() -> None:
    chart = countdown_chart(ROWS, date(2024, 2, 1))
    assert chart is not None and chart.as_of_x is None
    assert countdown_chart([], date(2024, 1, 1)) is None


def test_a_thumbnail_has_no_labels_and_tight_margins() -> None:
    chart = countdown_chart(ROWS, date(2024, 1, 11), width=200, height=70, small=True)
    assert chart is not None and not chart.x_ticks and not chart.y_ticks
    assert chart.planned.startswith("4.0,4.0 ") and chart.planned.endswith(" 196.0,66.0")


def test_month_ticks_keep_clear_of_the_first_label() -> None:
    rows = [ScheduleRow(date(2022, 11, 28), 49, 49), ScheduleRow(date(2023, 5, 31), 0, None)]
    chart = countdown_chart(rows, date(2022, 12, 1))
    assert chart is not None
    labels = [tick.label for tick in chart.x_ticks]
    # 2022-12-01 is 3 days (9.6 px) after the start: too close to label; the next five months are.
    assert labels == ["2022-11-28", "2023-01", "2023-02", "2023-03", "2023-04", "2023-05"]


def test_round_count_ticks() -> None:
    assert _count_ticks(1) == [0, 1]
    assert _count_ticks(4) == [0, 1, 2, 3, 4]
    assert _count_ticks(7) == [0, 2, 4, 6, 7]
    assert _count_ticks(41) == [0, 20, 40]  # 41 is too close to 40 to label apart
    assert _count_ticks(49) == [0, 20, 40, 49]
    assert _count_ticks(1000) == [0, 500, 1000]
