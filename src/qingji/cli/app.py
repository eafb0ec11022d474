"""The `qingji` command line: one entry point over the same functions the application uses."""

from __future__ import annotations

import typer

from qingji.cli.backup_cmds import backup, restore
from qingji.cli.bulletin_cmd import bulletin
from qingji.cli.campaign_cmds import campaign_app
from qingji.cli.deadline_cmd import deadline
from qingji.cli.demo_cmd import demo
from qingji.cli.forecast_cmd import forecast
from qingji.cli.grant_cmds import grant, grants, revoke
from qingji.cli.import_cmd import import_
from qingji.cli.integrity_cmd import integrity
from qingji.cli.ledger_cmd import ledger
from qingji.cli.report_cmd import report_app
from qingji.cli.server_cmds import createuser, init, serve, snapshot, worker
from qingji.cli.site_cmds import holidays_app, settings_app
from qingji.cli.stats_cmd import stats
from qingji.cli.synth_cmd import synth

app = typer.Typer(
    name="qingji",
    help="清积 qingji — trial periods and backlog clearance for Chinese courts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
app.command()(deadline)
app.command()(ledger)
app.command()(synth)
app.command()(demo)
app.command()(init)
app.command()(createuser)
app.command()(grant)
app.command()(grants)
app.command()(revoke)
app.command()(snapshot)
app.command()(stats)
app.command()(forecast)
app.command()(integrity)
app.command()(serve)
app.command()(worker)
app.command()(bulletin)
app.command(name="import")(import_)
app.command()(backup)
app.command()(restore)
app.add_typer(campaign_app, name="campaign")
app.add_typer(settings_app, name="settings")
app.add_typer(holidays_app, name="holidays")
app.add_typer(report_app, name="report")


def main() -> None:
    app()
