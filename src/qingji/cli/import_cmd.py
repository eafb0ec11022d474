"""`qingji import CASES… [--profile NAME] [--events EVENTS] [--report FILE] [--confirm]`: a court's export into the
database, all or nothing, by the same action as the upload page (qingji.cases.import_action). With ``--profile``
the case tables are in a court's own layout (a header profile, issue 11): several files, or a workbook's sheets,
one per kind of case, imported as one export."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from qingji.cli.summary_view import print_problems
from qingji.server.setup import setup_django

if TYPE_CHECKING:
    from qingji.cases.imports import ImportOutcome
    from qingji.interchange.profiles import HeaderProfile

EXIT_UNCONFIRMED = 3


def import_(
    cases: Annotated[
        list[Path],
        typer.Argument(
            help="案件表 cases file (CSV or Excel, DESIGN.md §6); with --profile, the export's tables (files, or "
            "workbooks with a sheet per kind of case)"
        ),
    ],
    events: Annotated[Path | None, typer.Option("--events", help="事项表 events file (CSV or Excel)")] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            help="版式：案件表按法院自己的表头读入（如 数据中心）/ the court's own layout the tables are in, by "
            "the name of a header profile (built in: 数据中心; a court's own in QINGJI_HOME/settings.toml)",
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="where the marked copy goes when rows are bad (default beside CASES)"),
    ] = None,
    confirm: Annotated[
        bool,
        typer.Option(
            "--confirm",
            help="确认：导入将清空许多案件的字段或使已结案件变为未结时，仍然导入 / import even when it empties a "
            "field or reopens closed cases on more cases than QINGJI_IMPORT_CONFIRM_CASES",
        ),
    ] = False,
    wait: Annotated[
        bool,
        typer.Option(
            "--wait",
            help="另一次导入正在进行时排队等候，而不是退出 / when another import is running, wait for it to end "
            "instead of exiting with 4",
        ),
    ] = False,
) -> None:
    """Import cases (and their events): upsert by case number in one transaction, then bring the snapshot up to
    date. A column the file lacks leaves its field as it is. Exit 0 when imported; 2 when refused because of bad
    rows or no rows (nothing is written; a marked Excel copy names them); 3 when the import would empty a field
    or reopen closed cases on many cases and --confirm was not given (the preview is printed, nothing is
    written); 1 when a file is missing; 4 when another import (or a recomputation of the case states) is running
    and --wait was not given, or the database stayed busy with another write (nothing is written; with --wait
    the import waits its turn), or when --profile names no profile. Every import, refused or not, leaves an import record; one refused with 4 does
    not, since it never started."""
    console = Console()
    err = Console(stderr=True)
    for path in (*cases, events):
        if path is not None and not path.is_file():
            err.print(f"[red]文件不存在 no such file: {path}[/red]")
            raise typer.Exit(1)
    setup_django()
    from qingji.cases.import_action import run_import
    from qingji.cli.busy import busy_exit, waiting_note

    layout = _layout(err, profile) if profile is not None else None
    started = time.perf_counter()
    try:
        outcome = run_import(
            cases,
            events,
            layout=layout,
            confirm=confirm,
            report_path=report,
            waiting=waiting_note(err) if wait else None,
        )
    except FileNotFoundError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error
    except Exception as error:
        busy_exit(err, error, "导入", "import")  # exit 4 when another import or write held the database
        raise
    if outcome.unconfirmed:
        _print_columns(err, outcome)
        _print_preview(err, outcome)
        raise typer.Exit(EXIT_UNCONFIRMED)
    if outcome.empty:
        for problem in outcome.problems:
            err.print(str(problem), markup=False, highlight=False, soft_wrap=True)
        err.print(
            f"[red]未导入：文件中没有数据行，没有可导入的内容，数据库未作任何改动 / not imported: the file has no "
            f"data rows, there was nothing to import; nothing was written[/red]\n"
            f"导入记录 import record #{outcome.record_id}",
            soft_wrap=True,
        )
        raise typer.Exit(outcome.exit_code)
    if not outcome.imported:
        print_problems(err, outcome.problems, str(outcome.report) if outcome.report else None)
        err.print(
            f"[red]未导入：有问题的行须先改正，数据库未作任何改动 / not imported: correct the rows above; "
            f"nothing was written[/red]\n标记副本 marked copy: {outcome.report}\n"
            f"导入记录 import record #{outcome.record_id}",
            soft_wrap=True,
        )
        raise typer.Exit(outcome.exit_code)
    _print_columns(err, outcome)
    seconds = time.perf_counter() - started
    refreshed = (
        f"  案件状态已重新计算，截至 {outcome.refreshed} / case states recomputed as of {outcome.refreshed}"
        if outcome.refreshed
        else "  无改动，案件状态无需重新计算 / nothing changed: the case states stay as they were"
    )
    names = "、".join(path.name for path in cases)
    read_as = f"（版式 layout {outcome.profile}：{'、'.join(outcome.tables)}）" if outcome.profile else ""
    console.print(
        f"已导入 imported {names}{read_as}（{outcome.rows} 行 rows，{seconds:.1f} s）：\n"
        f"  新增 created {outcome.created}，更新 updated {outcome.updated}，未变 unchanged {outcome.unchanged}，"
        f"新增事项 events added {outcome.events_added}（事项行 event rows {outcome.event_rows}）\n"
        f"  事项更正 events changed {outcome.events_changed}，撤回 withdrawn {outcome.events_withdrawn}"
        f"{'' if events else '（未给事项表，事项未动 / no events file: events left as they were）'}\n"
        f"  导入记录 import record #{outcome.record_id}\n{refreshed}"
    )


def _layout(err: Console, name: str) -> HeaderProfile:
    """The header profile called ``name``; exit 1, listing those there are, when there is none."""
    from qingji.cases.profiles_in_force import court_profiles
    from qingji.site.settings_file import SiteSettingsError

    try:
        profiles = court_profiles()
    except SiteSettingsError as error:  # the court's profiles are in a settings file that cannot be used
        raise typer.BadParameter(str(error), param_hint="QINGJI_SETTINGS / settings.toml") from None
    layout = profiles.get(name.strip())
    if layout is None:
        known = "、".join(profiles)
        err.print(
            f"[red]没有名为“{name}”的版式（可用：{known}）/ no header profile called {name!r} (known: {known})"
            "[/red]",
            highlight=False,
        )
        raise typer.Exit(1)
    return layout


def _print_columns(err: Console, outcome: ImportOutcome) -> None:
    """The expected columns the files lacked (the cases file's fields kept, the events file's read as empty) and
    the headers the cases file had that match none."""
    notes = (
        (outcome.missing_columns, "案件表缺少这些列，已有案件的相应字段保持不变：{}",
         "the cases file has no column {}: those fields of the cases already held were left as they were"),
        (outcome.missing_event_columns, "事项表缺少这些列，按空白读取：{}",
         "the events file has no column {}: read as empty"),
        (outcome.unknown_columns, "未识别的列（已忽略）：{}", "columns not recognised (ignored): {}"),
    )  # fmt: skip
    for columns, zh, en in notes:
        if columns:
            names = "、".join(columns)
            err.print(
                f"[yellow]{zh.format(names)}\n{en.format(names)}[/yellow]", highlight=False, soft_wrap=True
            )


def _print_preview(err: Console, outcome: ImportOutcome) -> None:
    from qingji.cases.import_guard import describe

    blank = outcome.blanking
    err.print(
        "[red]待确认，未导入：此次导入将使下列已有案件的字段被清空、重新变为未结或事项被撤回\n"
        "awaiting confirmation, not imported: this import would empty fields of, reopen, or withdraw events of "
        "cases the database holds[/red]",
        highlight=False,
    )
    if blank.cases:
        err.print(
            f"  涉及 {blank.cases} 件案件的字段或结案日期 / {blank.cases} cases lose a value or reopen",
            highlight=False,
        )
    for line in describe(blank):
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    err.print(
        "如确属有意（例如法院系统的导出确已清空这些字段），请加 --confirm 再次导入；否则请检查导出文件。数据库未作任何改动。\n"
        "If this is meant, import again with --confirm; otherwise check the export. Nothing was written.\n"
        f"导入记录 import record #{outcome.record_id}（待确认 unconfirmed）",
        highlight=False,
    )
