"""`qingji synth`: a synthetic court system in the interchange format, or in the data centre's layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from qingji.cli.options import parse_day
from qingji.synth import generate, write

LAYOUTS = ("数据中心",)


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
    layout: Annotated[
        str | None,
        typer.Option(
            "--layout",
            help="版式：案件表按数据中心的版式写出（每类案件一张工作表，DIR/数据中心.xlsx）/ write the cases in "
            "the data centre's layout instead of cases.csv: DIR/数据中心.xlsx, a sheet per kind of case",
        ),
    ] = None,
) -> None:
    """Write DIR/cases.csv and DIR/events.csv: the Qingyang intermediate court and its eight basic courts. With
    --layout 数据中心, the cases go to DIR/数据中心.xlsx instead, a sheet per kind of case with the data centre's
    headers and the court system's own expiry (SXJMRQ, ZXQXJMRQ): `qingji import --profile 数据中心` reads it."""
    export = parse_day(until, "--until") if until else date.today()
    if layout is not None and layout not in LAYOUTS:
        raise typer.BadParameter(
            f"版式应为 {'、'.join(LAYOUTS)} / the layout must be one of {', '.join(LAYOUTS)}",
            param_hint="--layout",
        )
    out.mkdir(parents=True, exist_ok=True)
    if layout is None:
        cases_path, events_path = write(out, cases, seed, export, events_per_case)
        Console().print(f"{cases_path}  {events_path}  （{cases} 件 cases, 截至 {export}）")
        return
    from qingji.cli.site_inputs import command_calendar
    from qingji.synth.layouts import with_cms_expiry, write_data_centre

    frame, events = generate(cases, seed, export, events_per_case)
    events_path = out / "events.csv"
    events.write_csv(events_path, date_format="%Y-%m-%d")
    (workbook,) = write_data_centre(
        out, with_cms_expiry(frame, events, export, command_calendar(None)), name=layout
    )
    Console().print(f"{workbook}  {events_path}  （{cases} 件 cases, 截至 {export}，版式 layout {layout}）")
