"""`qingji backup --out FILE` and `qingji restore FILE` (issue 11): the actions of qingji.backup.actions, their
messages and exit codes."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from qingji.server.setup import setup_django

EXIT_FAILED = 1
EXIT_REFUSED = 2
EXIT_BUSY = 4
log = logging.getLogger(__name__)


def backup(
    out: Annotated[Path, typer.Option("--out", help="备份文件 the backup file to write (never overwritten)")],
) -> None:
    """Back up the database (SQLite: through its online backup API, while the server runs; PostgreSQL: pg_dump)
    and the court's files in QINGJI_HOME (settings.toml, templates/) into one file, read back and checked before
    it is kept. Exit 0 when written and checked; 1 when it could not be made (the file exists, its folder does not,
    pg_dump is missing or failed: the message says which) or the copy failed its check. Nothing but FILE is
    written."""
    setup_django()
    from qingji.backup.actions import make_backup
    from qingji.backup.archive import BackupFailed, BackupRefused
    from qingji.backup.counts import describe

    err = Console(stderr=True)
    try:
        made = make_backup(out)
    except (BackupFailed, BackupRefused) as error:
        log.error("qingji backup: %s not written: %s", out, error.en)
        _say(err, f"未备份 / no backup written: {error}")
        raise typer.Exit(EXIT_FAILED) from None
    home = "、".join(made.manifest.home) or "—"
    Console().print(
        f"已备份 backed up: {made.path}（{made.size / 1e6:.1f} MB，{made.seconds:.1f} s）\n"
        f"  {describe(made.manifest.counts)}\n"
        f"  已读回核对 read back and checked；QINGJI_HOME 文件 files: {home}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def restore(
    file: Annotated[Path, typer.Argument(help="备份文件 a backup written by qingji backup")],
) -> None:
    """Restore a backup: the database of QINGJI_DATABASE_URL and the files of QINGJI_HOME. The backup is checked
    whole first. SQLite: the current database is kept aside, renamed <database>.before-restore-<time>, never
    deleted; refused while `qingji serve` runs (stop it first) or an import runs. PostgreSQL: only into a new,
    empty database (docs/operations.md). Files of QINGJI_HOME that differ are kept aside the same way; every login
    ends; an older backup's tables are migrated as by qingji init. Exit 0 when restored; 1 when FILE does not
    exist or pg_restore is missing or failed; 2 when refused: not a qingji backup, fails its check, of another
    database engine, made by a newer qingji, or a PostgreSQL database that is not empty; 4 when the server or an
    import is running. When refused, nothing was changed."""
    setup_django()
    from qingji.backup.actions import restore_backup
    from qingji.backup.archive import BackupFailed, BackupRefused
    from qingji.backup.counts import describe
    from qingji.cases.import_lock import ImportRunning
    from qingji.server.server_lock import ServerRunning

    err = Console(stderr=True)
    nothing = "未恢复，未作任何改动 / not restored, nothing was changed"
    try:
        done = restore_backup(file)
    except FileNotFoundError as error:
        _say(err, f"{error}")
        raise typer.Exit(EXIT_FAILED) from None
    except BackupRefused as error:
        log.warning("qingji restore: %s refused: %s", file, error.en)
        _say(err, f"{error}\n{nothing}")
        raise typer.Exit(EXIT_REFUSED) from None
    except BackupFailed as error:
        log.error("qingji restore: %s failed: %s", file, error.en)
        _say(err, f"{error}\n{nothing}")
        raise typer.Exit(EXIT_FAILED) from None
    except (ServerRunning, ImportRunning) as error:
        log.warning("qingji restore: %s refused: %s", file, error)
        _say(err, f"{error}\n{nothing}")
        raise typer.Exit(EXIT_BUSY) from None
    lines = [
        f"已恢复 restored: {file.name}（{done.manifest.made_at} 由 by {done.manifest.made_by} 备份，{done.seconds:.1f} s）",
        f"  {describe(done.counts)}",
    ]
    if done.kept_database is not None:
        lines.append(f"  原数据库已保留为 the database before is kept as: {done.kept_database}")
    for name in done.kept_home:
        lines.append(f"  原文件已保留为 a file before is kept as: {name}")
    if done.migrated:
        lines.append("  已升级到本版本的数据表 the tables were brought up to this version (as qingji init)")
    lines.append("  所有登录已结束，请重新登录 / every login has ended: sign in again")
    Console().print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)


def _say(err: Console, text: str) -> None:
    err.print(text, style="red", markup=False, highlight=False, soft_wrap=True)
