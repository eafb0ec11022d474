"""Rest days and working days (rules/trial-periods.md §4.1, §4.3; convention C6).

The State Council publishes each year's holidays and adjusted working days (调休上班日) in a notice. The
chinesecalendar package carries them up to the year it was released; an administrator adds later years from a
local file (read outside the core and passed in as :class:`YearSchedule`). A date in a year with no data is
judged on weekends alone, and the result is marked provisional — never silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

# Holiday names as the State Council's notices give them; chinesecalendar names them in English.
HOLIDAY_NAMES_ZH: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}
_HOLIDAY_NAMES_EN = {zh: en for en, zh in HOLIDAY_NAMES_ZH.items()}
WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


@dataclass(frozen=True, slots=True)
class YearSchedule:
    """One year's State Council schedule: rest days beyond ordinary weekends, and weekends worked."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str = ""
    names: Mapping[date, str] = field(default_factory=dict)  # holiday → its name (中文), where known


@dataclass(frozen=True, slots=True)
class RollForward:
    """The result of moving a date past rest days."""

    date: date
    moved: bool
    provisional: bool  # some day examined lies in a year with no holiday data


class WorkCalendar:
    """Which days are rest days, from per-year State Council schedules plus weekends."""

    def __init__(self, schedules: Iterable[YearSchedule]) -> None:
        self._schedules: dict[int, YearSchedule] = {s.year: s for s in schedules}
        self._holidays = frozenset(d for s in self._schedules.values() for d in s.holidays)
        self._workdays = frozenset(d for s in self._schedules.values() for d in s.workdays)

    @classmethod
    def official(cls) -> WorkCalendar:
        """The schedules carried by the chinesecalendar package."""
        return _official()

    def with_schedules(self, schedules: Mapping[int, YearSchedule] | Iterable[YearSchedule]) -> WorkCalendar:
        """A calendar where the given years replace or add to this one's (the local override file)."""
        items = schedules.values() if isinstance(schedules, Mapping) else schedules
        merged = dict(self._schedules)
        merged.update({s.year: s for s in items})
        return WorkCalendar(merged.values())

    @property
    def years(self) -> frozenset[int]:
        return frozenset(self._schedules)

    def schedule(self, year: int) -> YearSchedule | None:
        return self._schedules.get(year)

    def has_year(self, year: int) -> bool:
        return year in self._schedules

    def rest_day_name(self, day: date) -> tuple[str, str]:
        """Why ``day`` is a rest day, (中文, English): the holiday's name where known, else the weekday."""
        schedule = self._schedules.get(day.year)
        if day in self._holidays:
            name = schedule.names.get(day) if schedule else None
            english = _HOLIDAY_NAMES_EN.get(name or "", name or "public")
            return (f"{name}假期" if name else "法定节假日", f"{english} holiday")
        return (WEEKDAYS_ZH[day.weekday()], day.strftime("%A"))

    def is_rest_day(self, day: date) -> bool:
        if day in self._workdays:
            return False
        if day in self._holidays:
            return True
        return day.weekday() >= 5

    def roll_forward(self, day: date) -> RollForward:
        """The first working day on or after ``day`` (CPL 85(3); CrPL 105(4); C6)."""
        current = day
        provisional = not self.has_year(current.year)
        while self.is_rest_day(current):
            current += timedelta(days=1)
            provisional = provisional or not self.has_year(current.year)
        return RollForward(current, current != day, provisional)


@cache
def _official() -> WorkCalendar:
    import chinese_calendar

    holidays: dict[int, set[date]] = {}
    workdays: dict[int, set[date]] = {}
    names: dict[int, dict[date, str]] = {}
    for day, english in chinese_calendar.holidays.items():
        holidays.setdefault(day.year, set()).add(day)
        names.setdefault(day.year, {})[day] = HOLIDAY_NAMES_ZH.get(english, english)
    for day in chinese_calendar.workdays:
        workdays.setdefault(day.year, set()).add(day)
    years = sorted(set(holidays) | set(workdays))
    return WorkCalendar(
        YearSchedule(
            year,
            frozenset(holidays.get(year, ())),
            frozenset(workdays.get(year, ())),
            "chinesecalendar",
            names.get(year, {}),
        )
        for year in range(years[0], years[-1] + 1)
    )
