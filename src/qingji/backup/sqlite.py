"""A SQLite database: copied while the server runs, checked, and put in place of the current one.

:func:`online_copy` uses SQLite's online backup API (``sqlite3.Connection.backup``) in one step, inside one read
transaction that also counts the rows: the copy and its counts are the same moment of the database, whatever
the server or an import writes meanwhile (WAL lets them go on; an import's uncommitted transaction is not in the
copy). :func:`check_copy` reads a copy back: ``PRAGMA integrity_check``, qingji's tables, the counts and the
migrations. :func:`swap_in` keeps the current database aside, renamed, and never deletes it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from qingji.backup.archive import BackupFailed, BackupRefused, aside
from qingji.backup.counts import Counts, applied_migrations, count_rows, counted_tables

TIMEOUT = 30  # seconds to wait for a writer's lock, as the server's connections do


def online_copy(source: Path, target: Path) -> tuple[Counts, list[str]]:
    """Copy the database ``source`` to the new file ``target`` (a rollback-journal database, one file) and return
    the counts and the migrations applied of the same moment."""
    if not source.is_file():
        raise BackupFailed(f"数据库 {source} 不存在", f"the database {source} does not exist")
    with closing(sqlite3.connect(source, timeout=TIMEOUT, isolation_level=None)) as live:
        live.execute("BEGIN")  # one read transaction: the counts and the copy see the same database
        try:
            try:
                counts = count_rows(live.cursor())
                migrations = applied_migrations(live.cursor())
            except sqlite3.DatabaseError as error:
                raise BackupFailed(
                    f"数据库 {source} 无法读取（{error}）：是否已运行 qingji init？",
                    f"the database {source} cannot be read ({error}): has qingji init been run?",
                ) from None
            with closing(sqlite3.connect(target, isolation_level=None)) as copy:
                live.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            live.execute("ROLLBACK")
    return counts, migrations


def check_copy(path: Path, expected: Counts, known_migrations: set[str]) -> Counts:
    """Read the copy at ``path`` back: it must pass ``integrity_check``, have qingji's tables, hold ``expected``
    rows and no migration this qingji does not know. Returns its counts; BackupRefused otherwise."""
    try:
        with closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        ) as copy:
            problems = [str(row[0]) for row in copy.execute("PRAGMA integrity_check").fetchall()]
            if problems != ["ok"]:
                shown = "; ".join(problems[:5])
                raise BackupRefused(
                    f"数据库副本未通过完整性检查：{shown}",
                    f"the database copy fails its integrity check: {shown}",
                )
            tables = {
                str(row[0]) for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            missing = sorted({*counted_tables().values(), "django_migrations"} - tables)
            if missing:
                raise BackupRefused(
                    f"数据库副本缺少 qingji 的表：{'、'.join(missing)}",
                    f"the database copy lacks qingji's tables: {', '.join(missing)}",
                )
            counts = count_rows(copy.cursor())
            applied = set(applied_migrations(copy.cursor()))
    except sqlite3.DatabaseError as error:
        raise BackupRefused(
            f"数据库副本无法读取：{error}", f"the database copy cannot be read: {error}"
        ) from None
    check_counts(counts, expected)
    check_migrations(applied, known_migrations)
    return counts


def check_counts(found: Counts, expected: Counts) -> None:
    differ = [
        f"{name} {found.get(name)} ≠ {value}" for name, value in expected.items() if found.get(name) != value
    ]
    if differ:
        shown = "; ".join(differ)
        raise BackupRefused(
            f"数据库副本的行数与备份清单不符：{shown}",
            f"the database copy's rows differ from its manifest: {shown}",
        )


def check_migrations(applied: set[str], known: set[str]) -> None:
    newer = sorted(applied - known)
    if newer:
        shown = ", ".join(newer[:5])
        raise BackupRefused(
            f"备份由更新版本的 qingji 制作（本版本不认识的迁移：{shown}），请先升级 qingji",
            f"the backup was made by a newer qingji (migrations this one does not know: {shown}): upgrade first",
        )


def swap_in(restored: Path, database: Path, stamp: str) -> Path | None:
    """Put ``restored`` in place of ``database``; the current database (with its ``-wal`` and ``-shm``, its log
    first written into it) is kept aside as ``<database>.before-restore-<stamp>``, which is returned (None when
    there was none). Both files are in the same directory: a rename, never a copy or a deletion."""
    kept: Path | None = None
    if database.exists():
        shutil.copymode(database, restored)
        with closing(sqlite3.connect(database, timeout=TIMEOUT, isolation_level=None)) as current:
            current.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        kept = aside(database, stamp)
        os.rename(database, kept)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{database}{suffix}")
            if side.exists():
                os.rename(side, Path(f"{kept}{suffix}"))
    os.replace(restored, database)
    return kept
