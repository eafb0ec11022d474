"""`qingji import CASES [--events EVENTS] [--report FILE]`: a court's export into the database, all or nothing."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from qingji.cli.summary_view import print_problems
from qingji.server.setup import setup_django


def import_(
    cases: Annotated[Path, typer.Argument(help="案件表 cases file (CSV or Excel, DESIGN.md §6)")],
    events: Annotated[Path | None, typer.Option("--events", help="事项表 events file (CSV or Excel)")] = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="where the marked copy goes when rows are bad (default beside CASES)"),
    ] = None,
) -> None:
    """Import cases (and their events): upsert by case number in one transaction. Exit 0 when imported, 2 when
    refused because of bad rows (nothing is written; a marked Excel copy names them), 1 when a file is missing."""
    console = Console()
    err = Console(stderr=True)
    for path in (cases, events):
        if path is not None and not path.is_file():
            err.print(f"[red]文件不存在 no such file: {path}[/red]")
            raise typer.Exit(1)
    setup_django()
    from qingji.cases.imports import do_import

    started = time.perf_counter()
    try:
        outcome = do_import(cases, events, report_path=report)
    except FileNotFoundError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error
    if not outcome.imported:
        print_problems(err, outcome.problems, str(outcome.report) if outcome.report else None)
        err.print(
            f"[red]未导入：有问题的行须先改正，数据库未作任何改动 / not imported: correct the rows above; "
            f"nothing was written[/red]\n标记副本 marked copy: {outcome.report}"
        )
        raise typer.Exit(outcome.exit_code)
    seconds = time.perf_counter() - started
    console.print(
        f"已导入 imported {cases.name}（{outcome.rows} 行 rows，{seconds:.1f} s）：\n"
        f"  新增 created {outcome.created}，更新 updated {outcome.updated}，未变 unchanged {outcome.unchanged}，"
        f"新增事项 events added {outcome.events_added}（事项行 event rows {outcome.event_rows}）\n"
        f"  事项更正 events changed {outcome.events_changed}，撤回 withdrawn {outcome.events_withdrawn}"
        f"{'' if events else '（未给事项表，事项未动 / no events file: events left as they were）'}\n"
        f"  导入记录 import record #{outcome.record_id}\n"
        f"  页面上的状态在下次快照后更新 / the pages show the changes after the next snapshot: qingji snapshot "
        f"(qingji serve 每晚 02:00 自动 / nightly while serving)"
    )
