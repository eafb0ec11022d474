"""When the cadence's documents fall due (issue 13, docs/cadence.md "The schedule"): "日提醒、周督办、每10天一通报"
and the monthly report, at the times and on the days of the site settings' ``[cadence]``.

Pure: it takes the settings, a span of local time and which days are working days, and returns the occasions due
in that span. Which of them to produce is the runner's (qingji.cadence.runner): a reminder or a list of a past
day is superseded by the next one (only the latest is produced), every bulletin and monthly report is produced,
each as of its own date, so that the archive has no gap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from qingji.site.cadence_settings import CadenceSettings


class Kind(StrEnum):
    REMINDER = "reminder"  # 日提醒: each judge and assistant, their cases
    LIST = "list"  # 周督办: each leader of the chain, their cases behind plan
    BULLETIN = "bulletin"  # 每10天一通报: each running campaign
    REPORT = "report"  # the monthly report to the leadership


# A missed reminder or list is superseded by the next; a missed bulletin or report is still produced.
SUPERSEDED = frozenset({Kind.REMINDER, Kind.LIST})


@dataclass(frozen=True, order=True)
class Occasion:
    at: datetime  # when it falls due (naive local time, as the settings give it)
    kind: Kind

    @property
    def on(self) -> date:
        """The day whose figures it carries: the day it falls due."""
        return self.at.date()


def occasions(
    cadence: CadenceSettings, after: datetime, until: datetime, is_workday: Callable[[date], bool]
) -> list[Occasion]:
    """Every occasion falling due in (``after``, ``until``], in time order (naive local times)."""
    found = [
        occasion
        for day in _days(after.date(), until.date())
        for occasion in _on_day(cadence, day, is_workday)
        if after < occasion.at <= until
    ]
    return sorted(found)


def to_produce(due: list[Occasion]) -> list[Occasion]:
    """Of the occasions due (in time order), those to produce: of each superseded kind its latest alone."""
    latest = {occasion.kind: occasion for occasion in due if occasion.kind in SUPERSEDED}
    return [
        occasion for occasion in due if occasion.kind not in SUPERSEDED or latest[occasion.kind] == occasion
    ]


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _on_day(cadence: CadenceSettings, day: date, is_workday: Callable[[date], bool]) -> Iterator[Occasion]:
    if is_workday(day) or not cadence.reminder_workdays_only:
        yield Occasion(_at(day, cadence.reminders_at), Kind.REMINDER)
    if day.isoweekday() == cadence.lists_weekday:
        yield Occasion(_at(day, cadence.lists_at), Kind.LIST)
    if day.day in cadence.bulletin_days:
        yield Occasion(_at(day, cadence.bulletin_at), Kind.BULLETIN)
    if day.day == cadence.report_day:
        yield Occasion(_at(day, cadence.report_at), Kind.REPORT)


def _at(day: date, at: time) -> datetime:
    return datetime.combine(day, at)


def report_month(on: date) -> tuple[int, int]:
    """The month a report produced on ``on`` covers: the month before."""
    first = on.replace(day=1) - timedelta(days=1)
    return first.year, first.month
