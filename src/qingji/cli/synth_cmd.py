"""`qingji synth`: a synthetic court system in the interchange format."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from qingji.cli.options import parse_day
from qingji.synth import write


def synth(
    cases: Annotated[int, typer.Option("--cases", min=1, help="number of cases")] = 30_000,
    seed: Annotated[int, typer.Option(help="random seed: the same seed gives the same files")] = 1,
    out: Annotated[Path, typer.Option("--out", help="directory for cases.csv and events.csv")] = Path(
        "synthetic"
    ),
    until: Annotated[
        str | None, typer.Option(help="export date: nothing happens after it (default today)")
    ] = None,
    events_per_case: Annotated[float, typer.Option(min=0.0, help="events per case on average")] = 0.6,
) -> None:
    """Write DIR/cases.csv and DIR/events.csv: the Qingyang intermediate court and its eight basic courts."""
    export = parse_day(until, "--until") if until else date.today()
    out.mkdir(parents=True, exist_ok=True)
    cases_path, events_path = write(out, cases, seed, export, events_per_case)
    Console().print(f"{cases_path}  {events_path}  （{cases} 件 cases, 截至 {export}）")
