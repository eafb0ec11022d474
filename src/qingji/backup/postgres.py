"""A PostgreSQL database: ``pg_dump`` and ``pg_restore`` from the PATH, run by qingji with the database of
QINGJI_DATABASE_URL (the password passed in the environment, never on a command line).

:func:`dump` takes the counts and ``pg_dump --format=custom`` in one snapshot: a REPEATABLE READ transaction
exports it (``pg_export_snapshot``) and ``pg_dump --snapshot`` dumps exactly that moment, whatever is written
meanwhile. :func:`archive_counts` reads a dump back: ``pg_restore --list`` reads its table of contents and
``pg_restore --data-only`` streams the counted tables' rows, which are counted. :func:`restore_into_empty` runs
``pg_restore`` in one transaction into the database of QINGJI_DATABASE_URL, which must hold no table yet: qingji
never restores over a database, so the current one is kept as it is (docs/operations.md says how to make the new
one and switch to it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from django.db import connection

from qingji.backup.archive import BackupFailed, BackupRefused
from qingji.backup.counts import Counts, applied_migrations, count_rows, counted_tables

_ENVIRONMENT = {
    "NAME": "PGDATABASE",
    "USER": "PGUSER",
    "PASSWORD": "PGPASSWORD",
    "HOST": "PGHOST",
    "PORT": "PGPORT",
}


def tool(name: str) -> str:
    """The path of ``pg_dump`` or ``pg_restore``; BackupFailed naming the package when it is not on the PATH."""
    found = shutil.which(name)
    if found is None:
        raise BackupFailed(
            f"找不到 {name}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client，版本不低于服务器），"
            "或按 docs/operations.md 手工执行",
            f"{name} is not on the PATH: install the PostgreSQL client (Debian: apt-get install postgresql-client, "
            "the server's version or newer), or run it by hand as docs/operations.md shows",
        )
    return found


def environment() -> dict[str, str]:
    """The process environment with libpq's variables for the database in use (PGDATABASE, PGPASSWORD, …)."""
    settings = connection.settings_dict
    env = dict(os.environ)
    for key, variable in _ENVIRONMENT.items():
        if settings.get(key):
            env[variable] = str(settings[key])
    options = settings.get("OPTIONS") or {}
    if isinstance(options, dict) and options.get("sslmode"):
        env["PGSSLMODE"] = str(options["sslmode"])
    return env


def _connect() -> Any:
    import psycopg

    settings = connection.settings_dict
    params = {"dbname": settings["NAME"], "user": settings.get("USER"), "password": settings.get("PASSWORD"),
              "host": settings.get("HOST"), "port": settings.get("PORT")}  # fmt: skip
    conninfo = psycopg.conninfo.make_conninfo(**{key: str(value) for key, value in params.items() if value})
    return psycopg.connect(conninfo)


def dump(target: Path) -> tuple[Counts, list[str]]:
    """``pg_dump`` the database to ``target`` and return the counts and the migrations applied of the same
    snapshot."""
    import psycopg

    pg_dump = tool("pg_dump")
    with _connect() as live:
        live.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with live.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = str(cursor.fetchone()[0])
            counts = count_rows(cursor)
            migrations = applied_migrations(cursor)
            _run([pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target}", "--no-password"])
        live.rollback()
    return counts, migrations


def archive_counts(path: Path) -> Counts:
    """Read the dump ``path`` back: its table of contents, then the rows of each counted table."""
    pg_restore = tool("pg_restore")
    _run([pg_restore, "--list", str(path)], what="pg_restore --list", refused=True)
    tables = counted_tables()
    by_table = {table: name for name, table in tables.items()}
    counts = dict.fromkeys(tables, 0)
    command = [
        pg_restore,
        "--data-only",
        "--file=-",
        *(f"--table={table}" for table in tables.values()),
        str(path),
    ]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment()
    ) as process:
        assert process.stdout is not None
        current: str | None = None
        for line in process.stdout:
            if current is None:
                if line.startswith(b"COPY "):
                    table = line.split()[1].decode("utf-8", "replace").split(".")[-1].strip('"')
                    current = by_table.get(table)
            elif line.rstrip(b"\n") == b"\\.":
                current = None
            else:
                counts[current] += 1
        errors = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode != 0:
        raise BackupRefused(
            f"PostgreSQL 备份无法读回：{errors.strip()}",
            f"the PostgreSQL dump cannot be read back: {errors.strip()}",
        )
    return counts


def database_tables() -> list[str]:
    """The tables of the database of QINGJI_DATABASE_URL (in the schemas its user sees first)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ANY (current_schemas(false)) "
            "ORDER BY table_name"
        )
        return [str(row[0]) for row in cursor.fetchall()]


def restore_into_empty(path: Path) -> None:
    """``pg_restore`` the dump ``path`` into the database in use, in one transaction; BackupRefused when that
    database holds tables already (nothing is touched)."""
    tables = database_tables()
    name = str(connection.settings_dict["NAME"])
    if tables:
        raise BackupRefused(
            f"数据库 {name} 已有 {len(tables)} 张表：qingji 只恢复到新建的空数据库，现有数据库原样保留。请新建数据库"
            "（createdb），将 QINGJI_DATABASE_URL 指向它，再运行 qingji restore",
            f"the database {name} already holds {len(tables)} tables: qingji restores only into a new, empty "
            "database, and the current one stays as it is. Create one (createdb), point QINGJI_DATABASE_URL at it "
            "and run qingji restore again",
        )
    _run(
        [tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
         f"--dbname={name}", "--no-password", str(path)],
        what="pg_restore",
    )  # fmt: skip


def _run(command: list[str], what: str = "pg_dump", *, refused: bool = False) -> None:
    """Run a PostgreSQL tool; BackupFailed with what it said when it fails (BackupRefused when ``refused``: the
    file given was at fault)."""
    done = subprocess.run(command, capture_output=True, env=environment(), check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise (BackupRefused if refused else BackupFailed)(
            f"{what} 失败：{message}", f"{what} failed: {message}"
        )
