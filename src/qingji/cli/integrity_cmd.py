"""`qingji integrity`: the integrity checks on a date — hidden over-deadline cases and clearing while piling up,
each finding with its rule and evidence (docs/integrity.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from qingji.cli.ledger_input import (
    HolidaysOption,
    as_of_day,
    ledger_input,
)
from qingji.cli.site_inputs import settings_in_force
from qingji.cli.summary_view import print_problems
from qingji.integrity.checks import run_checks
from qingji.integrity.export import write_findings
from qingji.integrity.findings import CHECKS, Check, IntegrityReport

EXIT_ROWS_REJECTED = 2
SHOWN = 20  # findings printed per check without --all


def integrity(
    cases: Annotated[
        Path | None,
        typer.Argument(
            help="案件表 cases file, CSV or XLSX (interchange format); none: the database's cases"
        ),
    ] = None,
    events: Annotated[Path | None, typer.Option(help="事项表 events file, CSV or XLSX")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="on this date (default today)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout")] = False,
    output: Annotated[
        Path | None, typer.Option("--output", help="the findings to a file: .csv or .xlsx, by the suffix")
    ] = None,
    check: Annotated[
        list[str] | None, typer.Option("--check", help="only these checks (repeat the option)")
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="print every finding, not the first of each check")
    ] = False,
    holidays: HolidaysOption = None,
) -> None:
    """Integrity checks (核查): deductions without ground, overlapping or kept after their cause, extensions
    approved late or beyond the limit, withdrawn and filed again, split filings, closure bursts before a
    bulletin, the court system's expiry against the law's, and shares of deducted time far above peers — each
    with its rule, its evidence and the numbers that fired it. Thresholds: the site settings' [integrity].

    Exit code 0 when every row was read, 2 when some rows could not be read (the checks cover the rest), 1 when
    nothing could be done.
    """
    on = as_of_day(as_of)
    chosen = _chosen(check)
    if output is not None and output.suffix.lower() not in (".csv", ".xlsx"):
        raise typer.BadParameter(
            "应为 .csv 或 .xlsx 文件 / must be a .csv or .xlsx file", param_hint="--output"
        )
    site = settings_in_force()
    read = ledger_input(cases, events, on, holidays, site.conventions, integrity=True)
    problems = read.problems
    report = run_checks(
        read.cases, read.events, read.ledger, on, site.integrity, calendar=read.calendar,
        conventions=site.conventions, bulletin_days=site.cadence.bulletin_days, campaign_dates=read.campaign_dates,
    )  # fmt: skip
    if chosen:
        report = IntegrityReport(
            report.as_of, tuple(f for f in report.findings if f.check in chosen), report.thresholds
        )
    if output is not None:
        write_findings(report, output)
    if as_json:
        typer.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print_report(Console(), report, show_all=show_all)
        if output is not None:
            Console().print(f"{output}（{len(report.findings)} 条 findings）")
    print_problems(Console(stderr=True), problems, None)
    if problems:
        raise typer.Exit(EXIT_ROWS_REJECTED)


def _chosen(names: list[str] | None) -> set[Check]:
    chosen = set()
    for name in names or ():
        try:
            chosen.add(Check(name))
        except ValueError:
            raise typer.BadParameter(
                f"未知的检查 {name!r}（可用：{', '.join(c.value for c in Check)}） / unknown check",
                param_hint="--check",
            ) from None
    return chosen


def print_report(console: Console, report: IntegrityReport, *, show_all: bool) -> None:
    """The counts per check and per court, then the findings of each check with their explanation."""
    totals = report.by_check()
    table = Table(title=f"核查 integrity checks {report.as_of}", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("检查 check")
    table.add_column("发现 findings", justify="right")
    for check, info in CHECKS.items():
        table.add_row(f"{info.zh} [dim]{check.value}[/dim]", str(totals[check.value]))
    console.print(table)
    courts = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    courts.add_column("法院 court")
    courts.add_column("发现 findings", justify="right")
    courts.add_column("最多的检查 most found", overflow="fold")
    for court, counts in report.by_court().items():
        top = max(counts, key=lambda name: counts[name])
        courts.add_row(court or "—", str(sum(counts.values())), f"{CHECKS[Check(top)].zh} {counts[top]}")
    if report.findings:
        console.print(courts)
    for check, info in CHECKS.items():
        found = [f for f in report.findings if f.check is check]
        if not found:
            continue
        console.print(f"\n[bold]{info.zh}[/bold] {info.en}（{info.rule}）：{len(found)}")
        for finding in found if show_all else found[:SHOWN]:
            who = finding.case_number or finding.judge or finding.court_code or ""
            console.print(f"  {who}  {finding.zh}", markup=False, highlight=False)
        if not show_all and len(found) > SHOWN:
            console.print(f"  … {len(found) - SHOWN} more (--all, --json or --output)")
