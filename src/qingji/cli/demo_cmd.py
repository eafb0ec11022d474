"""`qingji demo`: a synthetic court system and its ledger, ready to look at."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from qingji.cli.summary_view import print_summary
from qingji.engine.ledger import compute_ledger
from qingji.engine.summary import summarise
from qingji.holidays import work_calendar
from qingji.interchange.cases_reader import read_cases
from qingji.interchange.events_reader import read_events
from qingji.interchange.ledger_writer import write_ledger
from qingji.synth import write


def demo(
    directory: Annotated[Path, typer.Option("--dir", help="where the demo files go")] = Path("demo"),
    cases: Annotated[int, typer.Option("--cases", min=1)] = 30_000,
    seed: Annotated[int, typer.Option()] = 1,
) -> None:
    """Generate the Qingyang court system (about 30,000 cases over three years) and show its ledger today."""
    console = Console()
    today = date.today()
    directory.mkdir(parents=True, exist_ok=True)
    cases_path, events_path = write(directory, cases, seed, today)
    case_result = read_cases(cases_path)
    event_result = read_events(events_path, case_result.frame.get_column("case_number"))
    ledger = compute_ledger(case_result.frame, event_result.frame, today, work_calendar())
    output = directory / "ledger.xlsx"
    write_ledger(ledger, output, as_of=today)
    print_summary(console, summarise(ledger), f"庆阳市两级法院审限台账汇总（截至 {today}）")
    console.print(f"案件 cases: {cases_path}\n事项 events: {events_path}\n台账 ledger: {output}")
    console.print(
        "下一步 next: qingji deadline '（2023）甘1002民初1号' --filed 2023-03-15 --procedure 普通程序"
    )
