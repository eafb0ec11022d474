"""`qingji demo`: the Qingyang court system on the embedded database, ready to click through (issue 3 §5)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from qingji.cli.summary_view import print_summary
from qingji.integrity.findings import CHECKS, Check
from qingji.server.setup import init_database, setup_django
from qingji.synth.anomalies import MAXIMUM_RATE

# Each integrity check's anomaly in about this share of the demo's cases (60 a check in 30,000), so that the
# integrity page shows every check with its evidence; DIR/labels.csv says which (docs/synth-anomalies.md).
DEMO_ANOMALIES = 0.002


def demo(
    directory: Annotated[Path, typer.Option("--dir", help="where the demo's files and database go")] = Path(
        "demo"
    ),
    cases: Annotated[int, typer.Option("--cases", min=1)] = 30_000,
    seed: Annotated[int, typer.Option()] = 1,
    anomalies: Annotated[
        float,
        typer.Option(
            "--anomalies",
            min=0.0,
            max=MAXIMUM_RATE,
            help="注入异常的比例（每项核查），0 为不注入 / the share of cases given each integrity check's anomaly, "
            "labelled in DIR/labels.csv; 0: none",
        ),
    ] = DEMO_ANOMALIES,
    host: Annotated[str, typer.Option(help="address to serve on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to serve on")] = 8000,
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="serve the pages when ready")] = True,
) -> None:
    """Create the demo database, load a synthetic Qingyang court system (the intermediate court and its eight basic
    courts), a user for every role, the snapshot for today, and serve the pages at http://127.0.0.1:8000."""
    console = Console()
    today = date.today()
    directory.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("QINGJI_DATABASE_URL"):
        os.environ.setdefault("QINGJI_HOME", str(directory.resolve()))
    setup_django()
    from django.conf import settings

    from qingji.cadence.demo import replay_cadence
    from qingji.cadence.models import Document
    from qingji.campaigns.demo import ensure_demo_campaign
    from qingji.campaigns.integrity_section import campaign_dates
    from qingji.cases.imports import do_import
    from qingji.cases.integrity_run import do_integrity_run
    from qingji.cases.selectors import busiest_judge
    from qingji.cases.snapshot import database_ledger, do_snapshot
    from qingji.cli.site_inputs import command_calendar
    from qingji.courts.demo_users import DEMO_COURT, DEMO_PASSWORD, ensure_demo_users
    from qingji.engine.summary import summarise
    from qingji.interchange.ledger_writer import write_ledger
    from qingji.synth import write
    from qingji.synth.anomaly_files import write_with_anomalies

    if anomalies:
        # the court system's expiry (审限届满日期) is computed with the calendar the files are read with
        written = write_with_anomalies(directory, cases, seed, today, command_calendar(None), rate=anomalies)
        cases_path, events_path = written.cases, written.events
    else:
        cases_path, events_path = write(directory, cases, seed, today)
    init_database()
    # The demo's own export is the truth of its court system: a run on a later day brings closures and corrected
    # events to many cases at once, which a court's import would show for confirmation first.
    outcome = do_import(cases_path, events_path, confirm=True)
    if not outcome.imported:
        console.print(
            f"[red]导入失败 import refused: {len(outcome.problems)} problems, see {outcome.report}[/red]"
        )
        raise typer.Exit(1)
    users = ensure_demo_users(busiest_judge(DEMO_COURT))
    campaign = ensure_demo_campaign(today)
    ledger = database_ledger(today)
    do_snapshot(today, ledger=ledger)  # the same ledger the summary and the Excel copy show
    # the integrity page's findings, and the bulletin's section of them (docs/pages.md, docs/cadence.md)
    integrity = do_integrity_run(today, campaign_dates=campaign_dates())
    messages = replay_cadence(today)  # the inboxes as the schedule would have filled them (docs/cadence.md)
    write_ledger(ledger, directory / "ledger.xlsx", as_of=today)

    print_summary(console, summarise(ledger), f"庆阳市两级法院审限台账汇总（截至 {today}）")
    table = Table(title=f"演示用户 demo users（密码 password: {DEMO_PASSWORD}）")
    for header in ("用户名 username", "姓名 name", "法院 court", "角色 role"):
        table.add_column(header)
    for user in users:
        table.add_row(user.username, user.name, user.court, f"{user.role.label} {user.role.value}")
    console.print(table)
    database = settings.DATABASES["default"]["NAME"]
    console.print(
        f"专项行动 campaign「{campaign.name}」{campaign.start} → {campaign.target}: {campaign.cases.count()} 件 cases"
    )
    console.print(
        f"收件箱 inboxes: {messages} 条提醒、督办清单与通报 reminders, supervision lists and bulletins"
    )
    found = "，".join(f"{CHECKS[Check(check)].zh} {n}" for check, n in integrity.by_check.items() if n)
    console.print(f"审限核查 integrity checks: {integrity.findings} 项 findings（{found or '无 none'}）")
    console.print(
        f"通报存档 archive: {Document.objects.count()} 份通报与报告 bulletins and reports (DOCX, PDF)"
    )
    console.print(f"数据库 database: {database}\n台账 ledger: {directory / 'ledger.xlsx'}")
    if serve:
        from qingji.cli.server_cmds import serve as serve_pages

        serve_pages(host=host, port=port)
