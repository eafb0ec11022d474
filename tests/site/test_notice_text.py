"""Reading the State Council's holiday notice as published (qingji.site.notice_text) and checking the year it
gives (qingji.site.holiday_check)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qingji.core.calendar import WorkCalendar, YearSchedule
from qingji.site.holiday_check import HolidayCheckError, schedule_of_notice
from qingji.site.holiday_input import HolidayInputError, read_holiday_input
from qingji.site.notice_text import NoticeTextError, read_notice_text

HERE = Path(__file__).parent
OFFICIAL = WorkCalendar.official()
NUMERALS = "一二三四五六七八九十"
WEEKDAYS = "一二三四五六日"


def test_the_2026_notice_as_published_gives_the_2026_calendar() -> None:
    schedule = schedule_of_notice(read_notice_text((HERE / "notice_2026.txt").read_text(encoding="utf-8")))
    official = OFFICIAL.schedule(2026)
    assert official is not None
    assert schedule.year == 2026
    assert schedule.holidays == official.holidays
    assert schedule.workdays == official.workdays
    assert schedule.names[date(2026, 2, 15)] == "春节"
    assert schedule.source == "国务院办公厅关于2026年部分节假日安排的通知"


def render(schedule: YearSchedule, *, asides: bool, month_always: bool, ascii_colon: bool) -> str:
    """A notice in the State Council's words for ``schedule`` (the days off of each festival in runs, the worked
    weekends after the nearest festival)."""
    festivals: dict[str, list[date]] = {}
    for day in sorted(schedule.holidays):
        festivals.setdefault(schedule.names[day], []).append(day)
    worked: dict[str, list[date]] = {name: [] for name in festivals}
    for day in sorted(schedule.workdays):
        nearest = min(festivals, key=lambda name: min(abs((day - off).days) for off in festivals[name]))
        worked[nearest].append(day)

    def when(day: date, previous: date | None) -> str:
        aside = f"（周{WEEKDAYS[day.weekday()]}）" if asides else ""
        year = f"{day.year}年" if day.year != schedule.year else ""
        if previous is not None and previous.month == day.month and not month_always and not year:
            return f"{day.day}日{aside}"
        return f"{year}{day.month}月{day.day}日{aside}"

    lines = [f"国务院办公厅关于{schedule.year}年部分节假日安排的通知", ""]
    for number, (name, days) in enumerate(festivals.items()):
        runs: list[list[date]] = []
        for day in days:
            if runs and day - runs[-1][-1] == timedelta(days=1):
                runs[-1].append(day)
            else:
                runs.append([day])
        total = f"，共{len(days)}天" if len(runs) == 1 else ""  # a notice says the total of a single run
        clauses = [
            f"{when(run[0], None)}至{when(run[-1], run[0])}放假调休{total}"
            if len(run) > 1
            else f"{when(run[0], None)}放假{total}"
            for run in runs
        ]
        text = "。".join(clauses) + "。"
        if worked[name]:
            text += "、".join(when(day, None) for day in worked[name]) + "上班。"
        colon = ":" if ascii_colon else "："
        lines.append(f"{NUMERALS[number % 10]}、{name}{colon}{text}")
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(OFFICIAL.years)),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_every_year_the_package_knows_reads_back_from_its_notice(
    year: int, asides: bool, month_always: bool, ascii_colon: bool
) -> None:
    official = OFFICIAL.schedule(year)
    assert official is not None
    text = render(official, asides=asides, month_always=month_always, ascii_colon=ascii_colon)
    schedule = schedule_of_notice(read_notice_text(text))
    assert schedule.holidays == official.holidays
    assert schedule.workdays == official.workdays
    assert all(schedule.names[day] == official.names[day] for day in official.holidays)


NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（周六）至12日（周五）放假调休，共7天。2月14日（周日）上班。
三、清明节：4月5日（周一）放假，与周末连休。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假。
六、中秋节：9月15日（周三）放假。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
"""


def test_a_year_to_come_reads_with_its_festivals() -> None:
    [schedule] = read_holiday_input(NOTICE_2027)
    assert schedule.year == 2027
    assert date(2027, 2, 12) in schedule.holidays and date(2027, 2, 14) in schedule.workdays
    assert schedule.names[date(2027, 10, 7)] == "国庆节"
    assert len(schedule.holidays) == 3 + 7 + 1 + 5 + 1 + 1 + 7


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (("2月14日（周日）上班", "2月15日（周一）上班"), "weekends"),  # a weekday "worked"
        (("2月14日（周日）上班", "2月12日上班"), "both off and worked"),
        (
            ("10月1日（周五）至7日（周四）放假调休，共7天", "10月4日（周一）至7日（周四）放假调休，共4天"),
            "statutory days off",
        ),
        (("至12日（周五）放假调休，共7天", "至12日（周五）放假调休，共8天"), "says 8 days"),
        (("2027年", "某年"), "no year found"),
        (("3日（周日）放假", "3日（周日）调整"), "neither"),
        (("1月1日（周五）至3日", "1月3日（周五）至1日"), "ends before it starts"),
        (("2月6日（周六）至12日", "2月30日至12日"), "not a date"),
    ],
)
def test_a_notice_that_would_leave_a_day_in_doubt_is_refused(change: tuple[str, str], reason: str) -> None:
    with pytest.raises(HolidayInputError, match=reason):
        read_holiday_input(NOTICE_2027.replace(*change))


def test_the_year_chosen_must_be_the_notices() -> None:
    with pytest.raises(HolidayInputError, match="2028"):
        read_holiday_input(NOTICE_2027, year=2028)
    assert read_holiday_input(NOTICE_2027.replace("关于2027年部分", "关于部分"), year=2027)[0].year == 2027


def test_a_holiday_file_year_is_checked_too() -> None:
    good = '[2027]\nholidays = ["2027-01-01", "2027-05-01", "2027-10-01..2027-10-03"]\nworkdays = ["2027-01-09"]\n'
    assert read_holiday_input(good, "holidays.toml")[0].workdays == frozenset({date(2027, 1, 9)})
    with pytest.raises(HolidayInputError, match="weekends"):
        read_holiday_input(good.replace("2027-01-09", "2027-01-08"), "holidays.toml")


def test_errors_are_the_modules_own() -> None:
    with pytest.raises(NoticeTextError):
        read_notice_text("关于2027年部分节假日安排的通知\n没有条目")
    with pytest.raises(HolidayCheckError):
        schedule_of_notice(
            read_notice_text(
                NOTICE_2027.replace("10月1日（周五）至7日（周四）放假调休，共7天", "10月4日至7日放假")
            )
        )
