"""`qingji backup` and `qingji restore` on SQLite (issue 11), as a court runs them: commands on a database file in a
QINGJI_HOME of their own. A backup restored holds every case and audit record; the database before is kept aside;
what is not a backup, or fails its check, is refused with nothing changed; so is a restore while the server or an
import runs."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from qingji.backup.archive import MANIFEST, SQLITE_MEMBER, BackupRefused, read_manifest
from qingji.synth import write

UNTIL = date(2026, 6, 30)
NEW_CASE = (
    "案号,法院,适用程序,案由,立案日期,结案日期,结案方式,承办法官,审判庭,羁押,当事人\n"
    "（2026）甘1002民初99999号,,普通程序,民间借贷纠纷,2026-06-01,,,张伟,民一庭,,甲某;乙某\n"
)

QINGJI = str(Path(sys.executable).with_name("qingji"))
TEMPLATE = "templates/督办函.docx"
HOLIDAYS = "local/假日.toml"
HOLIDAY_FILE = """[2027]
source = "国务院办公厅关于2027年部分节假日安排的通知"
holidays = ["2027-01-01..2027-01-03"]
workdays = []
"""
SETTINGS = '[conventions]\ngrace_days = {grace}\n\n[calendar]\nholidays = "local/假日.toml"\n'


@dataclass
class Site:
    """A court's installation: its QINGJI_HOME, the environment its commands run with, the files it imports."""

    home: Path
    env: dict[str, str]
    files: Path

    @property
    def database(self) -> Path:
        return self.home / "qingji.sqlite3"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([QINGJI, *args], env=self.env, capture_output=True, text=True)

    def rows(self, sql: str, database: Path | None = None) -> list[tuple[object, ...]]:
        with closing(sqlite3.connect(database or self.database)) as connection:
            return connection.execute(sql).fetchall()

    def count(self, table: str, database: Path | None = None) -> int:
        return int(str(self.rows(f"SELECT COUNT(*) FROM {table}", database)[0][0]))

    def log(self) -> str:
        return (self.home / "logs" / "qingji.log").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """An installation with cases, events, an account, a letter template and a settings file: made once."""
    root = tmp_path_factory.mktemp("site")
    env = {**os.environ, "QINGJI_HOME": str(root / "home")}
    env.pop("QINGJI_DATABASE_URL", None)
    env.pop("QINGJI_SETTINGS", None)  # the site's own settings.toml in its QINGJI_HOME
    site = Site(root / "home", env, root / "files")
    cases, events = write(site.files, 300, 11, UNTIL)
    for args in (
        ["init"],
        ["import", str(cases), "--events", str(events)],
        [
            "createuser",
            "office",
            "--court",
            "甘10",
            "--role",
            "trial_management",
            "--password",
            "a-long-secret-9",
        ],
    ):
        assert site.run(*args).returncode == 0, args
    (site.home / "templates").mkdir()
    (site.home / TEMPLATE).write_bytes(b"the court's own letter")
    (site.home / "local").mkdir()
    (site.home / HOLIDAYS).write_text(HOLIDAY_FILE, encoding="utf-8")
    (site.home / "settings.toml").write_text(SETTINGS.format(grace=0), encoding="utf-8")
    assert site.run("settings", "check").returncode == 0
    return site


@pytest.fixture
def site(made: Site, tmp_path: Path) -> Site:
    """A copy of the installation for one test (its environment pointing at the copy)."""
    home = tmp_path / "home"
    shutil.copytree(made.home, home)
    return Site(home, {**made.env, "QINGJI_HOME": str(home)}, made.files)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_restored_holds_every_case_and_audit_record(site: Site, tmp_path: Path) -> None:
    cases = site.rows("SELECT case_number, closed_on, judge FROM cases_case ORDER BY case_number")
    audit = site.rows("SELECT id, action, object_id FROM audit_auditrecord ORDER BY id")
    events = site.count("cases_caseevent")
    assert len(cases) == 300 and len(audit) > 300 and events > 0

    backup = tmp_path / "qingji-backup.zip"
    made = site.run("backup", "--out", str(backup))
    assert made.returncode == 0, made.stderr
    assert f"300 cases, {events} events, {len(audit)} audit records" in made.stdout
    manifest = read_manifest(backup)
    assert manifest.engine == "sqlite" and manifest.counts["cases"] == 300
    assert manifest.home == ["settings.toml", HOLIDAYS, TEMPLATE]
    assert stat_mode(backup) == 0o600

    # The day after: a later export imported, the settings changed, someone signed in.
    new_case = tmp_path / "new.csv"
    new_case.write_text(NEW_CASE, encoding="utf-8")
    assert site.run("import", str(new_case)).returncode == 0
    (site.home / "settings.toml").write_text(SETTINGS.format(grace=3), encoding="utf-8")
    (site.home / HOLIDAYS).unlink()
    (site.home / "sessions" / "sessionidabc").write_text("a login", encoding="utf-8")
    after = site.count("cases_case")
    assert after == 301

    restored = site.run("restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "300 cases" in restored.stdout and "before-restore-" in restored.stdout
    assert site.rows("SELECT case_number, closed_on, judge FROM cases_case ORDER BY case_number") == cases
    assert site.count("cases_caseevent") == events
    now = site.rows("SELECT id, action, object_id FROM audit_auditrecord ORDER BY id")
    assert now[: len(audit)] == audit  # every audit record, as it was
    assert [row[1:] for row in now[len(audit) :]] == [("database_restored", "qingji-backup.zip")]
    # The database before is kept aside, whole, with the day's import in it.
    (kept,) = site.home.glob("qingji.sqlite3.before-restore-*")
    assert site.count("cases_case", kept) == 301
    assert "grace_days = 0\n" in (site.home / "settings.toml").read_text(encoding="utf-8")
    assert (site.home / HOLIDAYS).read_text(encoding="utf-8") == HOLIDAY_FILE
    (kept_settings,) = site.home.glob("settings.toml.before-restore-*")
    assert "grace_days = 3" in kept_settings.read_text(encoding="utf-8")
    assert (site.home / TEMPLATE).read_bytes() == b"the court's own letter"
    assert not list((site.home / "sessions").iterdir())  # every login ended
    # The restored database is the server's again: the commands write to it.
    assert site.run("snapshot").returncode == 0
    log = site.log()
    assert "qingji backup: " in log and "written and checked (sqlite, 300 cases" in log
    assert "qingji restore: " in log and "restored: 300 cases" in log


def stat_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def rewritten(backup: Path, out: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """A copy of ``backup`` with its members passed through ``change`` (None drops one)."""
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                target.writestr(info.filename, data)
    return out


def manifest_with(**changes: object) -> Callable[[str, bytes], bytes | None]:
    def change(name: str, data: bytes) -> bytes | None:
        if name != MANIFEST:
            return data
        return json.dumps({**json.loads(data), **changes}).encode()

    return change


def damaged_database(name: str, data: bytes) -> bytes | None:
    """A page in the middle of the database overwritten (a valid ZIP member: its CRC is of the damaged bytes)."""
    if name != SQLITE_MEMBER:
        return data
    middle = len(data) // 2 // 4096 * 4096
    return data[:middle] + b"\xff" * 4096 + data[middle + 4096 :]


def test_what_is_not_a_good_backup_is_refused_and_changes_nothing(site: Site, tmp_path: Path) -> None:
    backup = tmp_path / "good.zip"
    assert site.run("backup", "--out", str(backup)).returncode == 0
    plain = tmp_path / "cases.csv"
    shutil.copy(site.files / "cases.csv", plain)
    no_manifest = tmp_path / "no-manifest.zip"
    with zipfile.ZipFile(no_manifest, "w") as archive:
        archive.writestr("qingji.sqlite3", site.database.read_bytes())
    cases = site.count("cases_case")
    counted = cases + 1
    bad = {
        plain: "not a ZIP file",
        no_manifest: f"no {MANIFEST} in it",
        rewritten(
            backup, tmp_path / "other.zip", manifest_with(format="something-else")
        ): "is not a qingji backup",
        rewritten(backup, tmp_path / "newer.zip", manifest_with(version=2)): "made by a newer qingji",
        rewritten(backup, tmp_path / "pg.zip", manifest_with(engine="postgresql")): "is missing",
        rewritten(backup, tmp_path / "count.zip", manifest_with(counts={"cases": counted})): "rows differ",
        rewritten(backup, tmp_path / "escape.zip", manifest_with(home=["../outside"])): "not allowed",
        rewritten(backup, tmp_path / "damaged.zip", damaged_database): "the database copy",
        rewritten(
            backup, tmp_path / "future.zip", manifest_with(migrations=["cases.9999_from_the_future"])
        ): "newer qingji",
    }
    before = digest(site.database)
    for path, reason in bad.items():
        refused = site.run("restore", str(path))
        assert refused.returncode == 2, (path.name, refused.stdout, refused.stderr)
        assert reason in refused.stderr.replace("\n", " "), (path.name, refused.stderr)
        assert "nothing was changed" in refused.stderr
    assert digest(site.database) == before
    assert site.count("cases_case") == cases
    assert not list(site.home.glob("*before-restore*")) and not list(site.home.glob(".*restoring*"))
    assert site.log().count("qingji restore: ") == len(bad)
    missing = site.run("restore", str(tmp_path / "nothing.zip"))
    assert missing.returncode == 1 and "no such file" in missing.stderr


@contextmanager
def flocked(path: Path, kind: int, holder: dict[str, object] | None = None) -> Iterator[None]:
    """Hold an OS file lock on ``path`` as another process would (``holder`` written in it, as an import does)."""
    with path.open("a+", encoding="utf-8") as handle:
        fcntl.flock(handle, kind | fcntl.LOCK_NB)
        if holder is not None:
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps(holder))
            handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def test_a_restore_waits_for_no_server_and_no_import(site: Site, tmp_path: Path) -> None:
    backup = tmp_path / "b.zip"
    assert site.run("backup", "--out", str(backup)).returncode == 0
    before = digest(site.database)
    with flocked(Path(f"{site.database}-server.lock"), fcntl.LOCK_SH):  # a `qingji serve`
        refused = site.run("restore", str(backup))
    assert refused.returncode == 4
    assert "stop it first" in refused.stderr and "nothing was changed" in refused.stderr
    holder = {"task": "import", "since": 1_790_000_000.0, "by": "office"}
    with flocked(Path(f"{site.database}-import.lock"), fcntl.LOCK_EX, holder):  # a `qingji import`
        busy = site.run("restore", str(backup))
    assert busy.returncode == 4
    assert "another import is running" in busy.stderr and "by office" in busy.stderr
    assert digest(site.database) == before and not list(site.home.glob("*before-restore*"))
    # and while a restore holds the database, the server does not start
    with flocked(Path(f"{site.database}-server.lock"), fcntl.LOCK_EX):
        serve = site.run("serve", "--port", "1")
    assert serve.returncode == 4 and "being restored" in serve.stderr


def test_a_backup_is_taken_while_the_database_is_written(site: Site, tmp_path: Path) -> None:
    """The server writes audit records all along: the backup's counts are those of its copy, and both pass."""
    stop = threading.Event()
    written = [0]

    def write() -> None:
        with closing(sqlite3.connect(site.database, timeout=30, isolation_level=None)) as connection:
            while not stop.is_set():
                connection.execute(
                    "INSERT INTO audit_auditrecord (at, action, object_type, object_id, court_code) "
                    "VALUES (datetime('now'), 'page_read', 'case', 'x', '')"
                )
                written[0] += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        backup = tmp_path / "b.zip"
        made = site.run("backup", "--out", str(backup))
    finally:
        stop.set()
        writer.join()
    assert made.returncode == 0, made.stderr
    assert written[0] > 0
    manifest = read_manifest(backup)
    copy = tmp_path / "copy.sqlite3"
    with zipfile.ZipFile(backup) as archive:
        copy.write_bytes(archive.read(SQLITE_MEMBER))
    assert site.count("audit_auditrecord", copy) == manifest.counts["audit_records"]


def test_a_backup_never_overwrites_and_needs_its_folder(site: Site, tmp_path: Path) -> None:
    existing = tmp_path / "b.zip"
    existing.write_bytes(b"yesterday's")
    refused = site.run("backup", "--out", str(existing))
    assert refused.returncode == 1 and "never overwrites" in refused.stderr
    assert existing.read_bytes() == b"yesterday's"
    nowhere = site.run("backup", "--out", str(tmp_path / "no-such-folder" / "b.zip"))
    assert nowhere.returncode == 1 and "does not exist" in nowhere.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip", "home"]


def test_read_manifest_names_why_a_file_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "x.zip"
    text.write_text("not a zip", encoding="utf-8")
    with pytest.raises(BackupRefused, match="not a ZIP file"):
        read_manifest(text)
