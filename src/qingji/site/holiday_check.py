"""Checking a year's holiday schedule before it is loaded (issue 11): the State Council's notice, pasted as text
(qingji.site.notice_text) or written as a holiday file's year table (qingji.holidays).

Every date of the year must come out classified without doubt: a day is a rest day (a weekend not worked, or a
day off of the notice) or a working day (a weekday not off, or a weekend worked). So a day may not be both off
and worked; a worked day must be a weekend (调休上班日: make-up working days fall on weekends — a weekday "worked"
says nothing and is a mistake); the days off lie in the year (a festival may reach a few days into the next or
the previous year, as 元旦 has); and the days the law fixes by the calendar — 1 January, 1 May and 1–3 October
(全国年节及纪念日放假办法 Art. 2) — are off. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from qingji.core.calendar import YearSchedule
from qingji.site.notice_text import NoticeText

EDGE_DAYS = 7  # how far a festival's days may reach into the neighbouring year
FIXED_DAYS = ((1, 1, "元旦"), (5, 1, "劳动节"), (10, 1, "国庆节"), (10, 2, "国庆节"), (10, 3, "国庆节"))


class HolidayCheckError(ValueError):
    """A schedule that cannot be loaded, with the dates and the reason."""


def schedule_of_notice(notice: NoticeText) -> YearSchedule:
    """The year's schedule the notice gives (each day off named by its festival), checked."""
    names: dict[date, str] = {}
    workdays: set[date] = set()
    for item in notice.items:
        for day in item.holidays:
            if day in names and names[day] != item.name:
                raise HolidayCheckError(
                    f"{day.isoformat()} 同时属于{names[day]}和{item.name} / {day} is in two festivals"
                )
            names[day] = item.name
        workdays.update(item.workdays)
    return checked_schedule(
        YearSchedule(notice.year, frozenset(names), frozenset(workdays), notice.title, names)
    )


def checked_schedule(schedule: YearSchedule) -> YearSchedule:
    """``schedule`` when every date of its year comes out classified (see the module); else HolidayCheckError."""
    year = schedule.year
    problems: list[str] = []
    both = sorted(schedule.holidays & schedule.workdays)
    if both:
        problems.append(f"既放假又上班：{_days(both)} / both off and worked")
    weekdays = sorted(day for day in schedule.workdays if day.weekday() < 5)
    if weekdays:
        problems.append(f"调休上班日应为周末，这些是工作日：{_days(weekdays)} / worked days must be weekends")
    outside = sorted(day for day in schedule.holidays | schedule.workdays if not _near(day, year))
    if outside:
        problems.append(f"不在 {year} 年：{_days(outside)} / not in {year}")
    missing = [f"{month}月{day}日（{name}）" for month, day, name in FIXED_DAYS
               if date(year, month, day) not in schedule.holidays]  # fmt: skip
    if missing:
        problems.append(f"法定节日应放假：{'、'.join(missing)} / the statutory days off are missing")
    if problems:
        raise HolidayCheckError("；".join(problems))
    return schedule


def schedule_lines(schedule: YearSchedule) -> list[tuple[str, list[date], list[date]]]:
    """Each festival with its days off and the weekend days worked next to it, for a preview: the worked days
    go to the festival whose days off are nearest."""
    festivals: dict[str, list[date]] = {}
    for day in sorted(schedule.holidays):
        festivals.setdefault(_name(schedule.names, day), []).append(day)
    worked: dict[str, list[date]] = {name: [] for name in festivals}
    for day in sorted(schedule.workdays):
        nearest = min(festivals, key=lambda name: min(abs((day - off).days) for off in festivals[name]))
        worked[nearest].append(day)
    return [(name, days, worked[name]) for name, days in festivals.items()]


def _name(names: Mapping[date, str], day: date) -> str:
    return names.get(day, "")


def _near(day: date, year: int) -> bool:
    return (
        day.year == year
        or ((date(year, 1, 1) - day).days <= EDGE_DAYS and day < date(year, 1, 1))
        or (day > date(year, 12, 31) and (day - date(year, 12, 31)).days <= EDGE_DAYS)
    )


def _days(days: list[date]) -> str:
    return "、".join(day.isoformat() for day in days)
