"""What `qingji stats`, `qingji integrity` and `qingji forecast` share: the cases file (or none: the database's
cases), the events file, the date and the local holiday file as options; and the ledger on that date over the
cases read, with the rows that could not be read kept as problems and their cases marked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated

import polars as pl
import typer

from qingji.cli.inputs import database_frames, database_frames_for_integrity, read_files, with_refused_events
from qingji.cli.options import parse_day
from qingji.cli.site_inputs import command_calendar
from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.engine.ledger import compute_ledger
from qingji.interchange.problems import Problem

CasesArgument = Annotated[
    Path | None,
    typer.Argument(help="案件表 cases file, CSV or XLSX (interchange format); none: the database's cases"),
]
EventsOption = Annotated[Path | None, typer.Option(help="事项表 events file, CSV or XLSX")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="on this date (default today)")]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON on stdout")]
HolidaysOption = Annotated[Path | None, typer.Option(help="local holiday file (TOML) for years without data")]


def as_of_day(as_of: str | None) -> date:
    """The ``--as-of`` date, today when not given."""
    return parse_day(as_of, "--as-of") if as_of else date.today()


@dataclass
class LedgerInput:
    cases: pl.DataFrame
    events: pl.DataFrame | None
    ledger: pl.DataFrame
    calendar: WorkCalendar
    problems: list[Problem] = field(default_factory=list)  # the rows that could not be read
    campaign_dates: list[date] = field(default_factory=list)  # the database's campaigns (integrity)


def ledger_input(
    cases: Path | None,
    events: Path | None,
    on: date,
    holidays: Path | None,
    conventions: Conventions,
    *,
    integrity: bool = False,
) -> LedgerInput:
    """The cases of the files, or of the database without ``cases`` (with ``integrity``, what the integrity checks
    read besides, and the campaigns' dates), and their ledger on ``on``."""
    problems: list[Problem] = []
    refused: set[str] = set()
    event_frame: pl.DataFrame | None
    dates: list[date] = []
    if cases is None:
        if events is not None:
            raise typer.BadParameter(
                "--events 需与案件表一起给出 / give --events with a cases file", param_hint="--events"
            )
        if integrity:
            case_frame, event_frame, dates = database_frames_for_integrity()
        else:
            case_frame, event_frame = database_frames()
    else:
        case_frame, event_frame = read_files(cases, events, problems, refused=refused)
    calendar = command_calendar(holidays, database=cases is None)
    ledger = with_refused_events(compute_ledger(case_frame, event_frame, on, calendar, conventions), refused)
    return LedgerInput(case_frame, event_frame, ledger, calendar, problems, dates)
