"""The holiday notices in the database and the calendar in force: the chinesecalendar package's years, then the
years of the settings' holiday file (calendar.holidays), then the notices an administrator loaded (the newest of
each year) — each later source replacing the earlier one's year."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import DatabaseError

from qingji.audit.actions import audit_per_court
from qingji.core.calendar import WorkCalendar, YearSchedule
from qingji.courts.models import Court
from qingji.site.in_force import site_settings
from qingji.site.models import HolidayNotice


def notice_schedule(notice: HolidayNotice) -> YearSchedule:
    return YearSchedule(
        notice.year,
        frozenset(date.fromisoformat(day) for day in notice.holidays),
        frozenset(date.fromisoformat(day) for day in notice.workdays),
        notice.source,
        {date.fromisoformat(day): name for day, name in notice.names.items()},
    )


def notices_in_force() -> list[HolidayNotice]:
    """The newest loaded notice of each year."""
    newest: dict[int, HolidayNotice] = {}
    for notice in HolidayNotice.objects.order_by("year", "loaded_at", "id"):
        newest[notice.year] = notice
    return list(newest.values())


def calendar_in_force() -> WorkCalendar:
    """The working calendar the snapshot, the statistics and the pages count with."""
    calendar = WorkCalendar.official().with_schedules(site_settings().holiday_schedules)
    return calendar.with_schedules([notice_schedule(notice) for notice in notices_in_force()])


def calendar_if_database() -> WorkCalendar | None:
    """The calendar in force when a database is set up and reachable, else None (the file commands, which may
    run where there is no database)."""
    try:
        return calendar_in_force()
    except DatabaseError:
        return None


def save_notice(schedule: YearSchedule, text: str, actor: Any = None) -> HolidayNotice:
    """Keep ``schedule`` (checked by qingji.site.holiday_check) as the year's notice in force, with the text it
    was read from, audited for every court (a calendar concerns them all)."""
    replaced = next((notice for notice in notices_in_force() if notice.year == schedule.year), None)
    notice = HolidayNotice.objects.create(
        year=schedule.year,
        source=schedule.source[:200],
        holidays=sorted(day.isoformat() for day in schedule.holidays),
        workdays=sorted(day.isoformat() for day in schedule.workdays),
        names={day.isoformat(): name for day, name in sorted(schedule.names.items())},
        text=text,
        loaded_by=actor,
    )
    after = {
        "year": notice.year,
        "source": notice.source,
        "holidays": notice.holidays,
        "workdays": notice.workdays,
    }
    before = (
        {
            "year": replaced.year,
            "source": replaced.source,
            "holidays": replaced.holidays,
            "workdays": replaced.workdays,
        }
        if replaced
        else None
    )
    courts = {code: after for code in Court.objects.values_list("code", flat=True)}
    audit_per_court("holiday_notice_loaded", "holiday_notice", str(notice.pk), courts=courts, actor=actor,
                    before=before)  # fmt: skip
    return notice
