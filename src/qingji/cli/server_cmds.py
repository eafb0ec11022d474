"""`qingji init` and `qingji createuser`: the database and its users."""

from __future__ import annotations

import getpass
import logging
import signal
from typing import Annotated

import typer
from rich.console import Console

from qingji.cli.site_inputs import settings_in_force
from qingji.server.setup import init_database, setup_django

# The commands log to <QINGJI_HOME>/logs/qingji.log (qingji.server.logging_config).
log = logging.getLogger(__name__)


def init() -> None:
    """Create or migrate the database (QINGJI_DATABASE_URL, by default a SQLite file in QINGJI_HOME) and add the
    courts of the Qingyang court system."""
    created = init_database()
    from django.conf import settings

    database = settings.DATABASES["default"]
    engine = str(database["ENGINE"]).rsplit(".", 1)[-1]
    log.info("qingji init: database %s migrated, %d courts added", engine, created)
    Console().print(f"数据库 database: {engine} {database['NAME']}；新增法院 courts added: {created}")


def createuser(
    username: Annotated[str, typer.Argument(help="login name")],
    court: Annotated[str, typer.Option(help="法院代字, e.g. 甘1002")],
    role: Annotated[
        str,
        typer.Option(
            help="president, vice_president, division_head, judge, assistant, trial_management, supervision, higher_court_reader, administrator"
        ),
    ],
    name: Annotated[str | None, typer.Option(help="姓名 (default: the login name)")] = None,
    division: Annotated[str | None, typer.Option(help="审判庭, e.g. 民一庭")] = None,
    password: Annotated[str | None, typer.Option(help="password (asked for when not given)")] = None,
) -> None:
    """Create a user belonging to a court, with a role."""
    setup_django()
    from qingji.courts.actions import do_create_user
    from qingji.courts.models import Court, Role

    if role not in Role.values:
        raise typer.BadParameter(
            f"未知角色 {role!r} / unknown role; one of: {', '.join(Role.values)}", param_hint="--role"
        )
    if not Court.objects.filter(code=court).exists():
        raise typer.BadParameter(
            f"没有法院 {court!r}（先运行 qingji init） / no such court (run qingji init first)",
            param_hint="--court",
        )
    from django.core.exceptions import ValidationError

    secret = password or getpass.getpass("密码 password: ")
    try:
        person = do_create_user(
            username, secret, name=name or username, court_code=court, role=Role(role), division=division
        )
    except ValidationError as error:
        reasons = "; ".join(error.messages)
        Console(stderr=True).print(
            f"[red]密码不可用，未创建用户 / password refused, no user created: {reasons}[/red]"
        )
        raise typer.Exit(2) from None
    log.info("qingji createuser: account %s created (%s, %s)", username, court, role)
    Console().print(f"已创建 created: {person}")


def snapshot(
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="compute the states on this date (default today)")
    ] = None,
    wait: Annotated[
        bool,
        typer.Option(
            "--wait",
            help="排队等候正在进行的导入 / wait for an import that is running instead of exiting with 4",
        ),
    ] = False,
) -> None:
    """Compute every case's state (expiry, bucket, status, warnings) in the database and store it for the pages.
    Exit 4 when an import (or another snapshot) is running and --wait was not given: the import recomputes the
    states itself when it has changed anything."""
    from datetime import date

    from qingji.cli.options import parse_day

    on = parse_day(as_of, "--as-of") if as_of else date.today()
    setup_django()
    from qingji.cases.import_lock import SNAPSHOT, import_lock
    from qingji.cases.snapshot import do_snapshot
    from qingji.cli.busy import busy_exit, waiting_note

    err = Console(stderr=True)
    try:
        with import_lock(SNAPSHOT, waiting=waiting_note(err) if wait else None):
            count = do_snapshot(on)
    except Exception as error:
        busy_exit(err, error, "案件状态计算", "recomputation of the case states")
        raise
    log.info("qingji snapshot: case states for %s computed: %d cases", on, count)
    Console().print(f"快照 snapshot（截至 {on}）：{count} 件 cases")


def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    threads: Annotated[int, typer.Option(help="worker threads (of each worker process)", min=1)] = 8,
    workers: Annotated[
        int,
        typer.Option(help="worker processes: 1 process, or N besides a supervisor (up to the cores)", min=1),
    ] = 1,
) -> None:
    """Serve an existing database's pages (after qingji init) with the waitress WSGI server; the snapshot is
    recomputed at start when it is older than today or the site settings changed, and every night at the site
    settings' nightly.at (default 02:00). With --workers N, N processes answer (docs/operations.md "Several worker
    processes"). Behind a reverse proxy, set QINGJI_TRUSTED_PROXY to its address (docs/operations.md). Exit 4
    while `qingji restore` replaces the database."""
    setup_django()
    import waitress
    from django.conf import settings
    from django.core.cache import cache

    from qingji.server.cadence_clock import start_cadence_clock
    from qingji.server.logging_config import log_to_console
    from qingji.server.nightly import start_nightly_snapshot
    from qingji.server.server_lock import RestoreRunning, serving
    from qingji.server.workers import WorkersFailed, supervise, waitress_options
    from qingji.server.wsgi import application
    from qingji.site.record import record_settings_in_force

    log_to_console()  # the server's console (the journal under systemd) has the log's lines too
    try:
        with serving():  # a restore refuses while this runs (qingji.server.server_lock)
            # A settings file that cannot be used stops the start (exit 2, the file, key and reason); a changed
            # one is recorded and audited, and the snapshot is brought under it by the nightly job's first run.
            if record_settings_in_force(settings_in_force()):
                Console().print(
                    "本院设置已变更，已记录并审计 / the site settings changed: recorded and audited"
                )
            cache.clear()  # nothing counted from a database restored or replaced since the last start
            start_nightly_snapshot()  # brings a stale snapshot up to date now, then every night at nightly.at
            start_cadence_clock()  # reminders, lists, bulletins: what falls due, once (docs/cadence.md)
            log.info(
                "qingji serve: http://%s:%d/, %d process(es) of %d threads, proxy trusted: %s",
                host, port, workers, threads, settings.TRUSTED_PROXY or "none",
            )  # fmt: skip
            Console().print(f"qingji: http://{host}:{port}/  (Ctrl-C 停止 stops)")
            signal.signal(signal.SIGTERM, _stop)  # systemctl stop: as Ctrl-C, waitress ends its requests
            if workers == 1:
                waitress.serve(application, host=host, port=port, threads=threads, **waitress_options())
            else:
                supervise(host, port, threads, workers)
    except RestoreRunning as error:
        Console(stderr=True).print(str(error), style="red", markup=False, highlight=False)
        raise typer.Exit(4) from None
    except KeyboardInterrupt:
        pass  # the workers were stopped (waitress alone ends its requests and returns)
    except WorkersFailed as error:
        log.error("qingji serve: %s", error)
        Console(stderr=True).print(str(error), style="red", markup=False, highlight=False)
        raise typer.Exit(1) from None
    log.info("qingji serve: stopped")


def worker(
    once: Annotated[bool, typer.Option("--once", help="look once, produce what is due, and stop")] = False,
) -> None:
    """Keep the cadence alone (docs/cadence.md): every minute, the reminders, lists, bulletins and reports that
    fell due are produced, once, into each person's inbox, and the outbox's e-mails and robot posts sent — what
    `qingji serve` does besides its pages. Stopped by SIGTERM
    or Ctrl-C; exit 4 while `qingji restore` replaces the database."""
    setup_django()
    import contextlib
    import threading

    from qingji.server.cadence_clock import run_clock, tick
    from qingji.server.logging_config import log_to_console
    from qingji.server.server_lock import RestoreRunning, serving

    log_to_console()
    try:
        with serving():  # a restore refuses while it runs, as while a server does
            if once:
                look = tick()
                Console().print(f"已生成 {look.produced} 项 / {look.produced} occasion(s) produced")
                if look.sent is None:
                    Console(stderr=True).print(
                        "投递出错，见日志 / the outbox's round failed: see the log", style="red"
                    )
                elif look.sent.total:
                    sent, retrying, given_up = (
                        sum(c.values()) for c in (look.sent.sent, look.sent.retrying, look.sent.given_up)
                    )
                    Console().print(
                        f"已投递 {sent}，待重试 {retrying}，放弃 {given_up} / "
                        f"{sent} sent, {retrying} to try again, {given_up} given up"
                    )
                return
            log.info("qingji worker: the cadence runs")
            signal.signal(signal.SIGTERM, _stop)
            with contextlib.suppress(KeyboardInterrupt):
                run_clock(threading.Event())
    except RestoreRunning as error:
        Console(stderr=True).print(str(error), style="red", markup=False, highlight=False)
        raise typer.Exit(4) from None
    log.info("qingji worker: stopped")


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
