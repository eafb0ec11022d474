"""Local holiday schedules: the years the chinesecalendar package does not carry yet (DESIGN.md §4).

An administrator copies the State Council's yearly notice into a TOML file, one table per year::

    [2027]
    source = "国务院办公厅关于2027年部分节假日安排的通知"
    holidays = ["2027-01-01..2027-01-03", "2027-02-06..2027-02-12"]
    workdays = ["2027-02-14"]
    [2027.names]
    "2027-01-01..2027-01-03" = "元旦"
    "2027-02-06..2027-02-12" = "春节"

and points qingji at it with ``--holidays FILE`` or the QINGJI_HOLIDAYS environment variable. A year in the file
replaces the package's data for that year.
"""

from __future__ import annotations

import os
import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

from qingji.core.calendar import WorkCalendar, YearSchedule

ENVIRONMENT_VARIABLE = "QINGJI_HOLIDAYS"


class HolidayFileError(ValueError):
    """A holiday file that cannot be used, with the place and the reason."""


def _days(path: Path, year: int, key: str, items: object) -> frozenset[date]:
    if not isinstance(items, list):
        raise HolidayFileError(f"{path}: [{year}] {key} 应为日期列表 / must be a list of dates")
    days: set[date] = set()
    for item in items:
        text = str(item)
        first, _, last = text.partition("..")
        try:
            start = date.fromisoformat(first.strip())
            end = date.fromisoformat(last.strip()) if last else start
        except ValueError as error:
            raise HolidayFileError(
                f"{path}: [{year}] {key} 中的 {text!r} 不是日期或日期区间（YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD）"
                f" / {text!r} is not a date or a date range: {error}"
            ) from None
        if end < start:
            raise HolidayFileError(
                f"{path}: [{year}] {key} {text!r}: 结束早于开始 / the range ends before it starts"
            )
        day = start
        while day <= end:
            if day.year != year and key == "workdays":
                raise HolidayFileError(f"{path}: [{year}] workdays {text!r} 不在该年 / is not in {year}")
            days.add(day)
            day += timedelta(days=1)
    return frozenset(days)


def load_schedules(path: Path) -> list[YearSchedule]:
    """Read a holiday file; raises HolidayFileError naming the file, the year and the value."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise HolidayFileError(f"{path}: 无法读取 / cannot be read: {error}") from None
    return parse_schedules(text, path)


def parse_schedules(text: str, path: Path) -> list[YearSchedule]:
    """The years of a holiday file's ``text`` (``path`` names it in errors)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise HolidayFileError(f"{path}: TOML 格式错误 / not valid TOML: {error}") from None
    schedules = []
    for key, table in data.items():
        if not re.fullmatch(r"[0-9]{4}", key) or not isinstance(table, dict):
            raise HolidayFileError(
                f"{path}: [{key}] 应为年份表，如 [2027] / tables must be years, e.g. [2027]"
            )
        year = int(key)
        names = table.get("names", {})
        if not isinstance(names, dict):
            raise HolidayFileError(f"{path}: [{year}.names] 应为 日期或区间 = 名称 / must map dates to names")
        schedules.append(
            YearSchedule(
                year,
                _days(path, year, "holidays", table.get("holidays", [])),
                _days(path, year, "workdays", table.get("workdays", [])),
                str(table.get("source", path.name)),
                {day: str(name) for key, name in names.items() for day in _days(path, year, "names", [key])},
            )
        )
    return schedules


def work_calendar(path: Path | None = None) -> WorkCalendar:
    """The official calendar plus the local file named by ``path`` or by QINGJI_HOLIDAYS, if any."""
    calendar = WorkCalendar.official()
    chosen = path or (
        Path(os.environ[ENVIRONMENT_VARIABLE]) if os.environ.get(ENVIRONMENT_VARIABLE) else None
    )
    if chosen is None:
        return calendar
    return calendar.with_schedules(load_schedules(chosen))
