"""`qingji worker` (docs/cadence.md): the cadence alone — `--once` looks once and stops; it refuses (exit 4) while a
restore holds the database, as `qingji serve` does."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

QINGJI = str(Path(sys.executable).with_name("qingji"))


def test_worker_once_looks_at_the_schedule_and_stops(tmp_path: Path) -> None:
    env = {**os.environ, "QINGJI_HOME": str(tmp_path)}
    env.pop("QINGJI_DATABASE_URL", None)
    subprocess.run([QINGJI, "init"], env=env, check=True, capture_output=True)
    done = subprocess.run([QINGJI, "worker", "--once"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "occasion(s) produced" in done.stdout
    database = subprocess.run(
        [sys.executable, "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("
         "'select count(*) from cadence_clock').fetchone()[0])", str(tmp_path / "qingji.sqlite3")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert database.stdout.strip() == "1"  # the look is recorded: the next starts where it stopped
    with (tmp_path / "qingji.sqlite3-server.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as `qingji restore` holds it
        refused = subprocess.run(
            [QINGJI, "worker", "--once"], env=env, capture_output=True, text=True, timeout=60
        )
    assert refused.returncode == 4 and "restored" in refused.stderr
