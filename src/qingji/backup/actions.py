"""The two actions `qingji backup` and `qingji restore` run (docs/operations.md "Backup and restore").

:func:`make_backup` copies the database of QINGJI_DATABASE_URL while the server runs, reads the copy back and
writes the backup file; it writes nothing else. :func:`restore_backup` checks the backup whole before it
replaces anything, then puts the database in place — on SQLite the current file is kept aside, renamed; on
PostgreSQL only a new, empty database is restored into — puts back the files of QINGJI_HOME (a differing one kept
aside), ends every login, brings the database's tables up to this qingji's version when the backup is older
(as `qingji init` does), checks the counts once more and records the restore in the audit trail.

On SQLite a restore holds the import lock (qingji.cases.import_lock) and refuses while a `qingji serve` has the
database open (qingji.server.server_lock): the server is stopped first, and started again afterwards.
"""

from __future__ import annotations

import logging
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from qingji.audit.actions import audit
from qingji.backup import postgres
from qingji.backup.archive import (
    ENGINES,
    PG_MEMBER,
    SQLITE_MEMBER,
    BackupFailed,
    BackupRefused,
    Manifest,
    extract,
    read_manifest,
    write_archive,
)
from qingji.backup.counts import Counts, count_rows
from qingji.backup.home_files import home_files, put_back
from qingji.backup.sqlite import check_copy, check_counts, check_migrations, online_copy, swap_in
from qingji.cases.import_lock import RESTORE, import_lock, who
from qingji.server.server_lock import no_server

ENGINE_NAMES = {"sqlite": ("SQLite", "SQLite"), "postgresql": ("PostgreSQL", "PostgreSQL")}
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupMade:
    path: Path
    manifest: Manifest
    size: int  # bytes
    seconds: float


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    counts: Counts  # found in the database after the restore
    kept_database: Path | None  # the SQLite database kept aside
    kept_home: list[str]  # files of QINGJI_HOME kept aside, relative
    migrated: bool  # the backup was older: its tables were brought up to this version
    seconds: float


def make_backup(out: Path) -> BackupMade:
    """Back the installation up into the new file ``out``. BackupFailed when it cannot (``out`` exists, its
    folder does not, pg_dump is missing or fails); BackupRefused when the copy fails its check."""
    started = time.perf_counter()
    engine = _engine()
    out = out.absolute()
    if out.exists():
        raise BackupFailed(
            f"{out} 已存在：备份不覆盖已有文件", f"{out} exists: a backup never overwrites a file"
        )
    if not out.parent.is_dir():
        raise BackupFailed(f"文件夹 {out.parent} 不存在", f"the folder {out.parent} does not exist")
    work = out.with_name(f".{out.name}.database")
    try:
        if engine == "sqlite":
            counts, migrations = online_copy(sqlite_file(), work)
            check_copy(work, counts, known_migrations())  # read back: integrity, tables, counts
        else:
            counts, migrations = postgres.dump(work)
            check_counts(postgres.archive_counts(work), counts)  # read back: the dump's rows
        home = home_files(Path(settings.HOME), site_files())
        manifest = Manifest(
            engine=engine,
            made_at=timezone.localtime().isoformat(timespec="seconds"),
            made_by=who(),
            qingji_version=_version(),
            counts=counts,
            migrations=migrations,
            home=[name for name, _ in home],
        )
        write_archive(out, manifest, work, home)
    finally:
        work.unlink(missing_ok=True)
    made = BackupMade(out, manifest, out.stat().st_size, time.perf_counter() - started)
    log.info(
        "qingji backup: %s written and checked (%s, %s; %d files of QINGJI_HOME; %.1f MB; %.1f s)",
        out, engine, _counted(counts), len(home), made.size / 1e6, made.seconds,
    )  # fmt: skip
    return made


def restore_backup(path: Path) -> Restored:
    """Restore the backup ``path`` into the database of QINGJI_DATABASE_URL and QINGJI_HOME. Raises
    FileNotFoundError, BackupRefused (not a qingji backup, fails its check, another engine, made by a newer
    qingji, a PostgreSQL database not empty), BackupFailed (a tool missing or failing), ImportRunning or
    ServerRunning (SQLite: nothing replaced)."""
    started = time.perf_counter()
    if not path.is_file():
        raise FileNotFoundError(f"文件不存在：{path} / no such file: {path}")
    manifest = read_manifest(path)
    engine = _engine()
    if manifest.engine != engine:
        made, here = ENGINE_NAMES[manifest.engine][0], ENGINE_NAMES[engine][0]
        raise BackupRefused(
            f"这是 {made} 数据库的备份，而 QINGJI_DATABASE_URL 指向 {here} 数据库",
            f"this is a backup of a {made} database, and QINGJI_DATABASE_URL names a {here} one",
        )
    check_migrations(set(manifest.migrations), known_migrations())
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    kept_database: Path | None = None
    if engine == "sqlite":
        with no_server(), import_lock(RESTORE):
            kept_database = _restore_sqlite(path, manifest, stamp)
            restored = _after_restore(path, manifest, stamp, kept_database)
    else:
        _restore_postgres(path, manifest)
        restored = _after_restore(path, manifest, stamp, None)
    done = Restored(manifest, *restored, time.perf_counter() - started)
    log.warning(
        "qingji restore: %s (made %s by %s) restored: %s; database kept aside: %s; files of QINGJI_HOME kept "
        "aside: %s; migrated: %s; every login ended; %.1f s",
        path, manifest.made_at, manifest.made_by, _counted(done.counts), kept_database or "none",
        ", ".join(done.kept_home) or "none", "yes" if done.migrated else "no", done.seconds,
    )  # fmt: skip
    return done


def _restore_sqlite(path: Path, manifest: Manifest, stamp: str) -> Path | None:
    database = sqlite_file()
    restoring = database.with_name(f".{database.name}.restoring-{stamp}")
    try:
        extract(path, SQLITE_MEMBER, restoring)
        check_copy(restoring, manifest.counts, known_migrations())
        connection.close()
        return swap_in(restoring, database, stamp)
    finally:
        restoring.unlink(missing_ok=True)


def _restore_postgres(path: Path, manifest: Manifest) -> None:
    with tempfile.TemporaryDirectory(prefix="qingji-restore-") as directory:
        dump = Path(directory) / PG_MEMBER.rsplit("/", 1)[-1]
        extract(path, PG_MEMBER, dump)
        check_counts(postgres.archive_counts(dump), manifest.counts)
        postgres.restore_into_empty(dump)


def _after_restore(
    path: Path, manifest: Manifest, stamp: str, kept_database: Path | None
) -> tuple[Counts, Path | None, list[str], bool]:
    """What follows the database's restore: the files of QINGJI_HOME, the logins, the migrations, the counts
    checked once more and the audit record."""
    kept_home = put_back(path, manifest.home, Path(settings.HOME), stamp)
    with connection.cursor() as cursor:
        counts = count_rows(cursor)
    check_counts(counts, manifest.counts)
    migrated = _migrate_if_behind(manifest)
    end_logins()
    with transaction.atomic():
        audit(
            "database_restored",
            "database",
            path.name,
            after={
                "made_at": manifest.made_at,
                "made_by": manifest.made_by,
                "counts": manifest.counts,
                "kept_database": kept_database.name if kept_database else "",
                "kept_home": kept_home,
                "migrated": migrated,
            },
        )
    return counts, kept_database, kept_home, migrated


def site_files() -> list[Path | None]:
    """The settings file and the holiday file in force (a backup is made all the same when the settings file
    cannot be used: then the settings file alone)."""
    from qingji.site.home import settings_path
    from qingji.site.in_force import site_settings
    from qingji.site.settings_file import SiteSettingsError

    try:
        holidays = site_settings().holiday_file
    except SiteSettingsError:
        holidays = None
    return [settings_path(), holidays]


def _migrate_if_behind(manifest: Manifest) -> bool:
    if not known_migrations() - set(manifest.migrations):
        return False
    from qingji.server.setup import migrate_database

    migrate_database()
    return True


def end_logins() -> None:
    """Every login ends: the accounts of the restored database may not be those the sessions were made for."""
    if settings.SESSION_ENGINE == "django.contrib.sessions.backends.file":
        root = Path(settings.SESSION_FILE_PATH)
        for session in root.glob(f"{settings.SESSION_COOKIE_NAME}*") if root.is_dir() else []:
            session.unlink(missing_ok=True)
    else:
        from django.contrib.sessions.models import Session

        Session.objects.all().delete()


def known_migrations() -> set[str]:
    """The migrations this qingji has, as ``app.name``."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}


def sqlite_file() -> Path:
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        raise BackupFailed(
            "数据库在内存中，没有可备份或恢复的文件", "the database is in memory: no file to back up"
        )
    return Path(name)


def _engine() -> str:
    if connection.vendor not in ENGINES:
        raise BackupFailed(f"不支持的数据库 {connection.vendor}", f"unsupported database {connection.vendor}")
    return connection.vendor


def _version() -> str:
    try:
        return version("qingji")
    except PackageNotFoundError:
        return "?"


def _counted(counts: Counts) -> str:
    return ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in counts.items())
