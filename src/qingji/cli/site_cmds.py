"""`qingji settings check` and `qingji holidays add | list`: the court's site settings file and the State
Council's holiday notices (issue 11; docs/settings.md)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from qingji.cli.busy import EXIT_BUSY
from qingji.core.calendar import YearSchedule
from qingji.site.convention_keys import CONVENTION_KEYS
from qingji.site.holiday_check import schedule_lines
from qingji.site.home import settings_path
from qingji.site.settings_file import SiteSettings, SiteSettingsError, read_site_settings

EXIT_REFUSED = 2
settings_app = typer.Typer(help="本院设置 the site settings file (settings.toml)", no_args_is_help=True)
holidays_app = typer.Typer(help="节假日安排 the State Council's holiday notices", no_args_is_help=True)


@settings_app.command("check")
def settings_check(
    file: Annotated[
        Path | None,
        typer.Option(help="the settings file (default: QINGJI_SETTINGS, else QINGJI_HOME/settings.toml)"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="the values in force as JSON")] = False,
) -> None:
    """Check the site settings file and print every value in force with its source (the file, an environment
    variable, or the default). Exit 0 when the file can be used, 2 when it cannot (nothing is changed)."""
    path = (file or settings_path()).resolve()
    err = Console(stderr=True)
    try:
        settings = read_site_settings(path)
    except SiteSettingsError as error:
        err.print(f"设置文件不能使用 / the settings file cannot be used:\n{error}", style="red", markup=False)
        raise typer.Exit(EXIT_REFUSED) from None
    if as_json:
        rows = [
            {"key": s.key, "value": settings.in_force()[s.key], "source": s.source} for s in settings.values
        ]
        typer.echo(
            json.dumps(
                {"file": str(path), "exists": path.exists(), "values": rows}, ensure_ascii=False, indent=2
            )
        )
        return
    console = Console(highlight=False, soft_wrap=True)
    state = "" if path.exists() else "（不存在，全部为默认值 / absent: every value is its default）"
    console.print(f"# 设置文件 settings file: {path}{state}", markup=False)
    console.print(
        "# 在用值及来源，可直接作为设置文件 / the values in force and their source, itself a settings file"
    )
    for line in settings_lines(settings):
        console.print(line, markup=False)
    console.print("\n# 可以使用 / the file can be used", style="green")


def settings_lines(settings: SiteSettings) -> list[str]:
    """The values in force as the lines of a settings file, each with its source (and its convention) after #."""
    lines: list[str] = []
    section = ""
    values = settings.in_force()
    for setting in settings.values:
        head, _, key = setting.key.partition(".")
        if head != section:
            lines.extend(["", f"[{head}]"])
            section = head
        known = CONVENTION_KEYS.get(key) if head == "conventions" else None
        note = f"  {known.rule} {known.zh}" if known else ""
        lines.append(f"{key} = {toml_value(values[setting.key])}    # {setting.source}{note}")
    return lines


def toml_key(key: str) -> str:
    """A key as TOML writes it: bare when it is Latin letters, digits, _ and - only, else quoted (a court profile's
    名称, a column 承办法官)."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def toml_value(value: object) -> str:
    """A JSON value written as TOML (inline tables for dicts)."""
    if isinstance(value, dict):
        return (
            "{ "
            + ", ".join(f"{toml_key(str(key))} = {toml_value(item)}" for key, item in value.items())
            + " }"
        )
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


@holidays_app.command("add")
def holidays_add(
    file: Annotated[Path, typer.Argument(help="the notice's text (.txt) or a holiday file (.toml)")],
    year: Annotated[int | None, typer.Option(help="the year (default: from the notice's title)")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="check and show, keep nothing")] = False,
) -> None:
    """Load a year's holidays from the State Council's notice: checked (every date of the year classified, make-up
    working days on weekends), kept, audited; the snapshot is then recomputed, so that the year's expiries stop
    being provisional. Exit 0 when loaded, 2 when refused (nothing kept), 4 when an import is running."""
    from qingji.site.holiday_input import HolidayInputError, read_holiday_input

    err = Console(stderr=True)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        err.print(f"{file}: 无法读取 / cannot be read: {error}", style="red", markup=False)
        raise typer.Exit(EXIT_REFUSED) from None
    try:
        schedules = read_holiday_input(text, str(file), year)
    except HolidayInputError as error:
        err.print(f"未载入 / not loaded: {error}", style="red", markup=False)
        raise typer.Exit(EXIT_REFUSED) from None
    console = Console()
    for schedule in schedules:
        _print_schedule(console, schedule.year, schedule.source, schedule)
    if dry_run:
        console.print("检查通过，未载入（--dry-run）/ checked, nothing kept (--dry-run)")
        return
    from qingji.server.setup import setup_django

    setup_django()
    from qingji.cases.calendar_change import load_holiday_notice
    from qingji.cases.import_lock import ImportRunning, running_text

    for schedule in schedules:
        try:
            notice, states = load_holiday_notice(schedule, text)
        except ImportRunning as busy:
            err.print(
                f"{running_text(busy.holder)}；稍后再试 / try again when it has ended",
                style="yellow",
                markup=False,
            )
            raise typer.Exit(EXIT_BUSY) from None
        console.print(
            f"已载入 {notice.year} 年节假日安排，快照已重算（{states} 件）/ loaded; snapshot recomputed ({states} cases)"
        )


@holidays_app.command("list")
def holidays_list() -> None:
    """The years the calendar in force knows, and where each comes from."""
    from qingji.server.setup import setup_django

    setup_django()
    from qingji.core.calendar import WorkCalendar
    from qingji.site.in_force import site_settings
    from qingji.site.notices import notices_in_force

    loaded = {notice.year: notice for notice in notices_in_force()}
    local = {schedule.year for schedule in site_settings().holiday_schedules}
    table = Table("年份 year", "来源 source")
    for year in sorted(WorkCalendar.official().years | local | set(loaded)):
        if year in loaded:
            notice = loaded[year]
            source = f"载入的通知 loaded notice: {notice.source}（{notice.loaded_at:%Y-%m-%d %H:%M}）"
        elif year in local:
            source = f"节假日文件 holiday file: {site_settings().holiday_file}"
        else:
            source = "chinesecalendar"
        table.add_row(str(year), source)
    Console().print(table)
    following = date.today().year + 1
    if following not in loaded and following not in local and following not in WorkCalendar.official().years:
        Console().print(
            f"{following} 年尚无节假日安排：该年的审限届满日为暂定 / no holidays for {following} yet: its expiries are "
            "provisional",
            style="yellow",
        )


def _print_schedule(console: Console, year: int, source: str, schedule: YearSchedule) -> None:
    table = Table("节日 festival", "放假 days off", "调休上班 weekends worked", title=f"{year}：{source}")
    for name, off, worked in schedule_lines(schedule):
        table.add_row(name or "—", _span(off), "、".join(f"{d:%m-%d}" for d in worked))
    console.print(table)


def _span(days: list[date]) -> str:
    return f"{days[0]:%m-%d}" if len(days) == 1 else f"{days[0]:%m-%d} 至 {days[-1]:%m-%d}（{len(days)} 天）"
