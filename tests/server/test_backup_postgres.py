"""`qingji backup` and `qingji restore` on PostgreSQL (issue 11): pg_dump in one snapshot with the counts, read
back; restored with pg_restore into a new, empty database, which holds every case and audit record; never over a
database that holds tables. Run with `bash .ci/with-postgres ./run tests tests/server/test_backup_postgres.py`."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection
from typer.testing import CliRunner

from qingji.audit.models import AuditRecord
from qingji.backup.archive import read_manifest
from qingji.cases.import_action import run_import
from qingji.cases.models import Case
from qingji.cli.app import app
from qingji.courts.actions import do_ensure_courts
from qingji.synth import write

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("QINGJI_DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="PostgreSQL only: bash .ci/with-postgres ./run tests tests/server/test_backup_postgres.py",
    ),
    pytest.mark.django_db(transaction=True),  # pg_dump reads from its own session: the rows are committed
]
QINGJI = str(Path(sys.executable).with_name("qingji"))
RESTORED = "qingji_restored_test"


def url(database: str) -> str:
    settings = connection.settings_dict
    password = quote(str(settings["PASSWORD"]), safe="")
    return f"postgresql://{settings['USER']}:{password}@{settings['HOST']}:{settings['PORT']}/{database}"


def test_a_postgresql_backup_restored_into_a_new_database_holds_every_record(tmp_path: Path) -> None:
    do_ensure_courts()
    cases_file, events_file = write(tmp_path / "files", 200, 5, date(2026, 6, 30))
    assert run_import(cases_file, events_file).imported
    cases = list(Case.objects.order_by("case_number").values_list("case_number", "filed_on", "closed_on"))
    audit = list(AuditRecord.objects.order_by("id").values_list("id", "action", "object_id"))
    assert len(cases) == 200

    backup = tmp_path / "qingji.zip"
    runner = CliRunner()
    made = runner.invoke(app, ["backup", "--out", str(backup)])
    assert made.exit_code == 0, made.output
    manifest = read_manifest(backup)
    assert manifest.engine == "postgresql"
    assert manifest.counts["cases"] == 200 and manifest.counts["audit_records"] == len(audit)

    over = runner.invoke(app, ["restore", str(backup)])  # the database in use holds tables: refused
    assert over.exit_code == 2 and "new, empty database" in over.output.replace("\n", " ")
    assert Case.objects.count() == 200

    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{RESTORED}"')
        cursor.execute(f'CREATE DATABASE "{RESTORED}"')
    try:
        env = {**os.environ, "QINGJI_DATABASE_URL": url(RESTORED), "QINGJI_HOME": str(tmp_path / "home")}
        restored = subprocess.run([QINGJI, "restore", str(backup)], env=env, capture_output=True, text=True)
        assert restored.returncode == 0, restored.stderr
        assert "200 cases" in restored.stdout
        with psycopg.connect(url(RESTORED)) as other:
            found = other.execute(
                "SELECT case_number, filed_on, closed_on FROM cases_case ORDER BY case_number"
            ).fetchall()
            records = other.execute(
                "SELECT id, action, object_id FROM audit_auditrecord ORDER BY id"
            ).fetchall()
        assert found == cases
        assert records[: len(audit)] == audit
        assert [row[1:] for row in records[len(audit) :]] == [("database_restored", "qingji.zip")]
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{RESTORED}" WITH (FORCE)')
