"""What the commands that compute take from the site settings file (qingji.site): the conventions, the measures
and the calendar, a file that cannot be used said as a bad option."""

from __future__ import annotations

from pathlib import Path

import typer

from qingji.core.calendar import WorkCalendar
from qingji.holidays import HolidayFileError, load_schedules
from qingji.site.in_force import site_settings
from qingji.site.settings_file import SiteSettings, SiteSettingsError


def settings_in_force() -> SiteSettings:
    try:
        return site_settings()
    except SiteSettingsError as error:
        raise typer.BadParameter(str(error), param_hint="QINGJI_SETTINGS / settings.toml") from None


def command_calendar(holidays: Path | None, *, database: bool = False) -> WorkCalendar:
    """The chinesecalendar package's years, the settings' holiday file, the notices loaded into the database when
    the command reads the database, then ``--holidays`` (each replacing the years it gives)."""
    if database:
        from qingji.server.setup import setup_django

        setup_django()
        from qingji.site.notices import calendar_in_force

        calendar = calendar_in_force()
    else:
        calendar = WorkCalendar.official().with_schedules(settings_in_force().holiday_schedules)
    if holidays is None:
        return calendar
    try:
        return calendar.with_schedules(load_schedules(holidays))
    except HolidayFileError as error:
        raise typer.BadParameter(str(error), param_hint="--holidays") from None
