"""Where the commands take their input from: the cases of a court's export files or of the database (`qingji
ledger`, `qingji stats`), and the campaign a `qingji campaign …` command names."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
import typer
from rich.console import Console

from qingji.cli.progress import Stages
from qingji.core.vocabulary import Warning, warning_order
from qingji.interchange.cases_reader import read_cases
from qingji.interchange.events_reader import read_events
from qingji.interchange.limits import command_limits
from qingji.interchange.problems import Problem
from qingji.interchange.results import ReadResult
from qingji.interchange.tables import TableError

if TYPE_CHECKING:
    from qingji.campaigns.models import Campaign


def read_files(
    cases: Path,
    events: Path | None,
    problems: list[Problem],
    progress: Stages | None = None,
    refused: set[str] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame | None]:
    """The cases and events files as frames; their unreadable rows go to ``problems``, and the case numbers of
    the refused event rows to ``refused``. A file refused as a whole (unreadable, a required column missing, no
    data rows, over the command line's limits ``QINGJI_CLI_MAX_…``: issue 10) is said and ends the command (exit
    1): a ledger without its cases or its events would be wrong."""
    stage = progress or Stages(None, 0)
    try:
        limits = command_limits()
    except ValueError as error:  # a setting that is not a whole number of at least 1
        Console(stderr=True).print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    try:
        stage.start(f"读取案件 reading {cases.name}")
        case_result = read_cases(cases, limits=limits)
        stage.done()
        _refuse_file(case_result)
        problems.extend(case_result.problems)
        event_frame = None
        if events is not None:
            stage.start(f"读取事项 reading {events.name}")
            event_result = read_events(events, case_result.frame.get_column("case_number"), limits=limits)
            _refuse_file(event_result)
            problems.extend(event_result.problems)
            if refused is not None:
                refused.update(p.case_number for p in event_result.problems if p.case_number)
            event_frame = event_result.frame
        stage.done()
    except (TableError, OSError) as error:
        Console(stderr=True).print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    return case_result.frame, event_frame


def _refuse_file(result: ReadResult) -> None:
    if not result.file_refused:
        return
    console = Console(stderr=True)
    for problem in result.problems:
        console.print(str(problem), style="red", markup=False, highlight=False)
    raise typer.Exit(1)


def with_refused_events(ledger: pl.DataFrame, refused: set[str]) -> pl.DataFrame:
    """``ledger`` with the warning ``event_refused`` on each case of ``refused`` (a case one of whose event rows
    was refused: its expiry may lack that event), in the order of the warnings (issue 9)."""
    if not refused or ledger.is_empty():
        return ledger
    hit = ledger.get_column("case_number").is_in(list(refused))
    if not hit.any():
        return ledger
    dtype = ledger.schema["warnings"]
    marked = [
        sorted({*(warnings or ()), Warning.EVENT_REFUSED.value}, key=warning_order)
        for warnings in ledger.filter(hit).get_column("warnings").to_list()
    ]
    index = pl.Series("_index", hit.arg_true(), dtype=pl.UInt32)
    update = pl.DataFrame([index, pl.Series("_marked", marked, dtype=dtype)])
    joined = ledger.with_row_index("_index").join(update, on="_index", how="left", maintain_order="left")
    return joined.with_columns(pl.coalesce("_marked", "warnings").alias("warnings")).select(ledger.columns)


def database_frames() -> tuple[pl.DataFrame, pl.DataFrame]:
    """The database's cases and events (QINGJI_DATABASE_URL), as the engine reads them."""
    from qingji.server.setup import setup_django

    setup_django()
    from qingji.cases.frames import frames_from_database

    return frames_from_database()


def database_frames_for_integrity() -> tuple[pl.DataFrame, pl.DataFrame, list[date]]:
    """The database's cases with what the integrity checks read, its events, and the campaigns' start and target
    dates (a burst of closures before them is looked for)."""
    from qingji.server.setup import setup_django

    setup_django()
    from qingji.campaigns.integrity_section import campaign_dates
    from qingji.cases.frames import frames_from_database

    cases, events = frames_from_database(integrity=True)
    return cases, events, campaign_dates()


def campaign_named(name: str) -> Campaign:
    """The campaign of that name; exit 1, saying so, when there is none."""
    from qingji.campaigns.models import Campaign

    campaign = Campaign.objects.filter(name=name).first()
    if campaign is None:
        Console(stderr=True).print(f"[red]没有专项行动「{name}」 / no campaign {name!r}[/red]")
        raise typer.Exit(1)
    return campaign
