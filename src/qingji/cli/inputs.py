"""Where the commands take their input from: the cases of a court's export files or of the database (`qingji
ledger`, `qingji stats`), and the campaign a `qingji campaign …` command names."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
import typer
from rich.console import Console

from qingji.cli.progress import Stages
from qingji.interchange.cases_reader import read_cases
from qingji.interchange.events_reader import read_events
from qingji.interchange.problems import Problem
from qingji.interchange.tables import TableError

if TYPE_CHECKING:
    from qingji.campaigns.models import Campaign


def read_files(
    cases: Path, events: Path | None, problems: list[Problem], progress: Stages | None = None
) -> tuple[pl.DataFrame, pl.DataFrame | None]:
    """The cases and events files as frames; their unreadable rows go to ``problems``."""
    stage = progress or Stages(None, 0)
    try:
        stage.start(f"读取案件 reading {cases.name}")
        case_result = read_cases(cases)
        stage.done()
        problems.extend(case_result.problems)
        event_frame = None
        if events is not None:
            stage.start(f"读取事项 reading {events.name}")
            event_result = read_events(events, case_result.frame.get_column("case_number"))
            problems.extend(event_result.problems)
            event_frame = event_result.frame
        stage.done()
    except (TableError, OSError) as error:
        Console(stderr=True).print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    return case_result.frame, event_frame


def database_frames() -> tuple[pl.DataFrame, pl.DataFrame]:
    """The database's cases and events (QINGJI_DATABASE_URL), as the engine reads them."""
    from qingji.server.setup import setup_django

    setup_django()
    from qingji.cases.frames import frames_from_database

    return frames_from_database()


def campaign_named(name: str) -> Campaign:
    """The campaign of that name; exit 1, saying so, when there is none."""
    from qingji.campaigns.models import Campaign

    campaign = Campaign.objects.filter(name=name).first()
    if campaign is None:
        Console(stderr=True).print(f"[red]没有专项行动「{name}」 / no campaign {name!r}[/red]")
        raise typer.Exit(1)
    return campaign
