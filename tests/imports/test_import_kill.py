"""A kill in the middle of an import leaves the database as it was (issue 3 §3).

`qingji import` of 30,000 cases runs in a subprocess against a SQLite file. The driver wraps the step that adds
the events (cases and events then written, inside the one transaction) so that it says so and waits; the test
checks that the uncommitted pages have reached the write-ahead log on disk, kills the process with SIGKILL and
finds the database exactly as before.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from import_files import export

QINGJI = Path(sys.executable).parent / "qingji"

DRIVER = """
import sys, time
from qingji.server.setup import setup_django
setup_django()
import qingji.cases.imports as imports
original = imports.apply_events
def add_events_then_wait(*args, **kwargs):
    original(*args, **kwargs)
    print("INSIDE", flush=True)
    time.sleep(120)
imports.apply_events = add_events_then_wait
from qingji.cli.app import app
app(sys.argv[1:])
"""

TABLES = ("cases_case", "cases_caseevent", "cases_importrecord", "audit_auditrecord")


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QINGJI_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["QINGJI_HOME"] = str(home)
    return env


def _counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def test_a_killed_import_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = _environment(home)
    subprocess.run([str(QINGJI), "init"], env=env, check=True, capture_output=True, timeout=120)
    small_cases, small_events = export(tmp_path / "small", cases=200, seed=5)
    subprocess.run(
        [str(QINGJI), "import", str(small_cases), "--events", str(small_events)],
        env=env, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    database = home / "qingji.sqlite3"
    before = _counts(database)
    assert before["cases_case"] == 200 and before["cases_importrecord"] == 1
    wal = database.with_name(database.name + "-wal")
    wal_before = wal.stat().st_size if wal.exists() else 0

    big_cases, big_events = export(tmp_path / "big", cases=30_000, seed=6)
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, "import", str(big_cases), "--events", str(big_events)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.strip() == "INSIDE", process.stderr.read() if process.stderr else ""
        # Uncommitted pages of the transaction are on disk, in the write-ahead log.
        assert wal.exists() and wal.stat().st_size > wal_before + 1_000_000
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    assert _counts(database) == before
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
