"""`qingji ledger`: the ledger of a court's export on a date, in Excel, CSV, Parquet or JSON."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import polars as pl
import typer
from rich.console import Console

from qingji.cli.inputs import database_frames, read_files, with_refused_events
from qingji.cli.options import parse_day
from qingji.cli.progress import stages
from qingji.cli.site_inputs import command_calendar, settings_in_force
from qingji.cli.summary_view import print_problems, print_summary
from qingji.engine.ledger import compute_ledger
from qingji.engine.summary import summarise
from qingji.interchange.ledger_writer import ledger_json_rows, write_ledger
from qingji.interchange.problems import Problem, write_problems

OUTPUT_SUFFIXES = (".xlsx", ".csv", ".parquet")
BIG_FILE_BYTES = 5_000_000
EXIT_ROWS_REJECTED = 2


class Format(StrEnum):
    JSON = "json"


def problem_report_path(output: Path | None, cases: Path) -> Path:
    """Where the report of unreadable rows goes: beside the output, else beside the input."""
    if output is not None:
        return output.with_name(f"{output.stem}.errors.xlsx")
    return cases.with_name(f"{cases.stem}.errors.xlsx")


def ledger(
    cases: Annotated[
        Path | None,
        typer.Argument(
            help="案件表 cases file, CSV or XLSX (interchange format); none: the database's cases"
        ),
    ] = None,
    events: Annotated[Path | None, typer.Option(help="事项表 events file, CSV or XLSX")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="the ledger on this date (default today)")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="write to FILE: .xlsx, .csv or .parquet")
    ] = None,
    output_format: Annotated[
        Format | None, typer.Option("--format", help="json: rows as a JSON array on stdout")
    ] = None,
    errors: Annotated[Path | None, typer.Option(help="report of unreadable rows (.xlsx or .csv)")] = None,
    holidays: Annotated[
        Path | None, typer.Option(help="local holiday file (TOML) for years without data")
    ] = None,
) -> None:
    """Compute every case's expiry, age and warnings on a date, and write the ledger (台账).

    Exit code 0 when every row was read, 2 when some rows could not be read (they are in the report and the
    ledger holds the rest; a case with a refused event row is warned ``event_refused``), 1 when nothing could be
    done (a file that cannot be read, lacks a required column or has no data rows).
    """
    if output is None and output_format is None:
        raise typer.BadParameter(
            "需要 --output FILE 或 --format json / give --output FILE or --format json", param_hint="--output"
        )
    if output is not None and output_format is not None:
        raise typer.BadParameter(
            "--output 与 --format 只能选一个 / use one of --output and --format", param_hint="--format"
        )
    if output is not None and output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise typer.BadParameter(
            f"输出文件应为 {', '.join(OUTPUT_SUFFIXES)} / output must end in one of these",
            param_hint="--output",
        )
    on = parse_day(as_of, "--as-of") if as_of else date.today()
    conventions = settings_in_force().conventions
    console = Console(stderr=output_format is not None)
    size = cases.stat().st_size if cases is not None and cases.exists() else 0
    problems: list[Problem] = []
    refused: set[str] = set()
    event_frame: pl.DataFrame | None
    with stages(5, show=size > BIG_FILE_BYTES and sys.stderr.isatty()) as progress:
        if cases is None:
            if events is not None:
                raise typer.BadParameter(
                    "--events 需与案件表一起给出 / give --events with a cases file", param_hint="--events"
                )
            progress.start("读取数据库 reading the database")
            case_frame, event_frame = database_frames()
            progress.done()
            progress.done()
        else:
            case_frame, event_frame = read_files(cases, events, problems, progress, refused)
        progress.start("计算审限 computing")
        calendar = command_calendar(holidays, database=cases is None)
        frame = with_refused_events(
            compute_ledger(case_frame, event_frame, on, calendar, conventions), refused
        )
        progress.done()
        progress.start("写出台账 writing")
        if output is not None:
            write_ledger(frame, output, as_of=on)
        else:
            typer.echo(json.dumps(ledger_json_rows(frame), ensure_ascii=False))
        progress.done()
        report = None
        if problems:
            report = errors or problem_report_path(output, cases or Path("cases"))
            write_problems(problems, report)
        progress.done()
    print_summary(console, summarise(frame), f"台账汇总 ledger summary（截至 {on}）")
    if output is not None:
        console.print(f"台账 ledger: {output} ({frame.height} 件 cases)")
    print_problems(console, problems, str(report) if report else None)
    if problems:
        raise typer.Exit(EXIT_ROWS_REJECTED)
