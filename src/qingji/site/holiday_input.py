"""What an administrator loads as a year's holidays: the State Council's notice as published (text), or a holiday
file's year table (TOML, qingji.holidays) — each checked (qingji.site.holiday_check) before anything is kept."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from qingji.core.calendar import YearSchedule
from qingji.holidays import HolidayFileError, parse_schedules
from qingji.site.holiday_check import HolidayCheckError, checked_schedule, schedule_of_notice
from qingji.site.notice_text import NoticeTextError, read_notice_text

MAX_TEXT = 100_000  # characters: a notice is about two thousand


class HolidayInputError(ValueError):
    """A notice or file that cannot be loaded: where, what and why."""


def read_holiday_input(text: str, name: str = "", year: int | None = None) -> list[YearSchedule]:
    """The checked year schedules in ``text`` (named ``name`` in errors): a TOML holiday file when it reads as
    one, else the notice's text for ``year`` (default: the year in its title)."""
    where = f"{name}: " if name else ""
    if len(text) > MAX_TEXT:
        raise HolidayInputError(f"{where}内容过长（超过 {MAX_TEXT} 字）/ longer than {MAX_TEXT} characters")
    try:
        if _is_toml(text):
            schedules = parse_schedules(text, Path(name or "holidays.toml"))
            if year is not None and [s.year for s in schedules] != [year]:
                raise HolidayInputError(f"{where}文件中的年份不是 {year} / the file is not for {year} alone")
            if not schedules:
                raise HolidayInputError(f"{where}文件中没有年份 / the file holds no year")
            return [checked_schedule(schedule) for schedule in schedules]
        return [schedule_of_notice(read_notice_text(text, year))]
    except (HolidayFileError, NoticeTextError) as error:
        raise HolidayInputError(f"{where}{error}".replace(f"{name}: {name}: ", f"{name}: ")) from None
    except HolidayCheckError as error:
        raise HolidayInputError(f"{where}{error}") from None


def _is_toml(text: str) -> bool:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return bool(data) and all(re.fullmatch(r"[0-9]{4}", key) for key in data)
