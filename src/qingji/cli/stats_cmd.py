"""`qingji stats`: the court statistics on a date — pending and its change, 结收比, 审限内结案率, 平均审理天数,
long-pending counts, CourTools and CEPEJ, per court and overall, and scores (docs/measures.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

from qingji.cli.ledger_input import (
    AsOfOption,
    CasesArgument,
    EventsOption,
    HolidaysOption,
    JsonOption,
    as_of_day,
    ledger_input,
)
from qingji.cli.options import parse_day
from qingji.cli.site_inputs import settings_in_force
from qingji.cli.summary_view import print_problems
from qingji.engine.stats import Measures, Statistics, court_statistics
from qingji.measure_settings import MeasureSettingsError, read_measure_settings

EXIT_ROWS_REJECTED = 2


def stats(
    cases: CasesArgument = None,
    events: EventsOption = None,
    as_of: AsOfOption = None,
    compare: Annotated[
        str | None, typer.Option("--compare", help="pending compared with this date (default a year before)")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="the period's first day (default 1 January of the as-of year)"),
    ] = None,
    as_json: JsonOption = False,
    holidays: HolidaysOption = None,
    measures: Annotated[
        Path | None,
        typer.Option(
            help="the court's measure settings (TOML: weights, time standards, age bands; docs/measures.md); "
            "default: the site settings' [measures] (or QINGJI_MEASURES), else the defaults"
        ),
    ] = None,
) -> None:
    """Court statistics on a date (统计): pending and its change, 结收比, 审限内结案率, 平均审理天数, long-pending
    cases, CourTools and CEPEJ measures, per court and overall, with scores per court and per judge.

    Exit code 0 when every row was read, 2 when some rows could not be read (the statistics cover the rest),
    1 when nothing could be done.
    """
    on = as_of_day(as_of)
    other = parse_day(compare, "--compare") if compare else None
    first = parse_day(since, "--since") if since else None
    if first is not None and first > on:
        raise typer.BadParameter(
            f"{first} 晚于统计日期 {on} / the period starts after the as-of date", param_hint="--since"
        )
    site = settings_in_force()
    try:
        settings = read_measure_settings(measures) if measures else site.stats
    except MeasureSettingsError as error:
        raise typer.BadParameter(str(error), param_hint="--measures") from None
    read = ledger_input(cases, events, on, holidays, site.conventions)
    problems = read.problems
    result = court_statistics(read.cases, read.ledger, on, compare=other, since=first, settings=settings)
    err = Console(stderr=True)
    if as_json:
        typer.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        print_statistics(Console(), result)
    print_problems(err, problems, None)
    if problems:
        raise typer.Exit(EXIT_ROWS_REJECTED)


# Short Chinese headers so that the table fits an 80-column terminal; the legend under it gives them in English.
COLUMNS: tuple[tuple[str, str, Callable[[Measures], str]], ...] = (
    ("未结", "pending", lambda m: str(m.pending)),
    ("对比日", "pending on the compare date", lambda m: str(m.pending_compare)),
    ("变化", "change", lambda m: percent(m.pending_change)),
    ("收案", "filed in the period", lambda m: str(m.filed)),
    ("结案", "closed in the period", lambda m: str(m.closed)),
    ("结收比", "closed ÷ filed", lambda m: percent(m.closed_to_filed)),
    ("审限内", "closed within the period (审限内结案率)", lambda m: percent(m.on_time_rate)),
    ("均天数", "average days, gross", lambda m: number(m.average_days)),
    ("超12月", "pending > 12 months", lambda m: str(m.long_pending.get(12, "—"))),
    ("超限", "overdue", lambda m: str(m.overdue)),
)
SCORE_INPUTS = (
    ("on_time_rate", "审限内"),
    ("closed_to_filed", "结收比"),
    ("long_pending_share", "超12月占比"),
    ("overdue_share", "超限占比"),
)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def number(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def print_statistics(console: Console, result: Statistics) -> None:
    """The measures per court and overall, then the courts' scores, as tables in Chinese with English legends."""
    title = f"法院统计 court statistics {result.as_of}（对比 compare {result.compare}，期间 period {result.since}起）"
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0, 0, 1))
    table.add_column("法院", no_wrap=True, min_width=cell_len("甘1002"))
    for header, _, _ in COLUMNS:
        table.add_column(header, justify="right", no_wrap=True, min_width=cell_len(header))
    rows: list[tuple[str, Measures]] = [(m.court_code or "—", m) for m in result.by_court]
    for label, measures in [*rows, ("合计", result.overall)]:
        table.add_row(label, *(cell(measures) for _, _, cell in COLUMNS))
    console.print(table)
    console.print("[dim]" + "; ".join(f"{zh} {en}" for zh, en, _ in COLUMNS) + "; 合计 total[/dim]")
    overall = result.overall
    bands = ", ".join(f"{band.band}: {band.count}" for band in overall.courtools.age_of_pending)
    console.print(
        f"合计 total: 均天数（扣除后）average days net of deductions {number(overall.average_days_net)}; "
        f"清结率 clearing rate of the stock carried over {percent(overall.clearing_rate)} "
        f"({overall.carried_over_closed}/{overall.carried_over}); "
        f"CourTools clearance rate {percent(overall.courtools.clearance_rate)}; CEPEJ 处置时间 "
        f"disposition time {number(overall.cepej.disposition_time)} 日 days, 周转率 turnover "
        f"{number(overall.cepej.case_turnover_ratio)}"
    )
    console.print(f"未结案龄（日）age of pending cases (days): {bands}")
    scores = Table(title="得分 scores", box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0, 0, 1))
    for header in ("名次", "法院", "得分", *(zh for _, zh in SCORE_INPUTS)):
        scores.add_column(header, justify="right", no_wrap=True)
    for score in result.court_scores:
        scores.add_row(str(score.rank), score.court_code or "—", number(score.score),
                       *(percent(score.inputs.get(key)) for key, _ in SCORE_INPUTS))  # fmt: skip
    console.print(scores)
    console.print(
        "[dim]名次 rank; 得分 score (0–100, weights are configuration: docs/measures.md); 占比 share of pending; "
        "judges' scores: --json (scores.by_judge)[/dim]"
    )
