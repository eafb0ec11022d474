"""The database backend the suite runs on: SQLite by default, PostgreSQL when QINGJI_DATABASE_URL says so.

CI runs the whole suite twice, once on each (.ci/run); the test id names the backend, so `pytest -v` shows
which one a run used.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from qingji.core.courts import QINGYANG_COURTS
from qingji.courts.actions import do_ensure_courts
from qingji.courts.models import Court


def expected_vendor() -> str:
    url = os.environ.get("QINGJI_DATABASE_URL", "")
    return "postgresql" if url.startswith(("postgres://", "postgresql://", "pgsql://")) else "sqlite"


@pytest.mark.django_db
@pytest.mark.parametrize("vendor", [expected_vendor()])
def test_the_suite_runs_on_the_database_the_url_names(vendor: str) -> None:
    assert connection.vendor == vendor
    # a write and a read back, Chinese text included, in the test database
    assert do_ensure_courts() == len(QINGYANG_COURTS)
    xifeng = Court.objects.get(code="甘1002")
    assert xifeng.name == next(c.name for c in QINGYANG_COURTS if c.code == "甘1002")
    assert xifeng.parent is not None and xifeng.parent.code == "甘10"
    assert Court.objects.filter(name__contains="人民法院").count() == len(QINGYANG_COURTS)
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("SHOW server_encoding")
            assert cursor.fetchone() == ("UTF8",)
            assert str(connection.settings_dict["NAME"]).startswith("test_")
        else:
            cursor.execute("PRAGMA journal_mode")
            row = cursor.fetchone()
            assert row is not None
            # pytest-django's SQLite test database lives in memory, where SQLite keeps its journal in
            # memory too; WAL on a file database is checked below.
            name = str(connection.settings_dict["NAME"])
            in_memory = name == ":memory:" or "mode=memory" in name
            assert row[0] == ("memory" if in_memory else "wal")


def test_qingji_init_makes_a_sqlite_file_database_in_wal_mode(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QINGJI_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["QINGJI_HOME"] = str(tmp_path)
    qingji = Path(sys.executable).parent / "qingji"
    result = subprocess.run(
        [str(qingji), "init"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout
    database = tmp_path / "qingji.sqlite3"
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("SELECT count(*) FROM courts_court").fetchone() == (len(QINGYANG_COURTS),)
