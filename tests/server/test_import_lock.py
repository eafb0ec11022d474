"""One import at a time (issue 10): while one import holds the import lock, a second `qingji import`, the upload
page and `qingji snapshot` are refused at once with a clear message (exit 4, HTTP 503) and write nothing, or with
--wait take their turn; a killed holder leaves nothing locked. On SQLite and PostgreSQL, each holder on its own
connection (another thread, or another process)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.db import connection, connections
from django.test import Client
from django.utils import timezone
from typer.testing import CliRunner

from court_cases import PASSWORD
from qingji.cases.import_action import run_import, uploads_root
from qingji.cases.import_lock import IMPORT, SNAPSHOT, ImportRunning, import_lock
from qingji.cases.models import Case, ImportRecord, Snapshot
from qingji.cases.snapshot import snapshot_date
from qingji.cli.app import app
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Role
from qingji.server.nightly import refresh_if_stale
from qingji.synth import write

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()
QINGJI = Path(sys.executable).with_name("qingji")


@contextmanager
def held(task: str = IMPORT, actor: Any = None, release_after: float | None = None) -> Iterator[None]:
    """The import lock held by another thread, on its own connection, until the block ends (or for
    ``release_after`` seconds)."""
    taken, done = threading.Event(), threading.Event()

    def hold() -> None:
        try:
            with import_lock(task, actor=actor):
                taken.set()
                done.wait(release_after if release_after is not None else 60)
        finally:
            connections.close_all()

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(10)
    try:
        yield
    finally:
        done.set()
        thread.join(10)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path / "export", 60, 3, date(2026, 6, 30))


def test_a_second_import_is_refused_at_once_and_writes_nothing(files: tuple[Path, Path]) -> None:
    do_ensure_courts()
    office = do_create_user("office", PASSWORD, name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    cases, events = files
    with held(actor=office.user):
        started = time.monotonic()
        with pytest.raises(ImportRunning) as refused:
            run_import(cases, events)
        assert time.monotonic() - started < 2
        assert refused.value.holder is not None
        assert (refused.value.holder.task, refused.value.holder.by) == (IMPORT, "office")
        result = runner.invoke(app, ["import", str(cases), "--events", str(events)])
        assert result.exit_code == 4, result.output
        assert "另一次导入正在进行" in result.output and "another import is running" in result.output
        assert "office" in result.output and "--wait" in result.output
        assert (Case.objects.count(), ImportRecord.objects.count()) == (0, 0)
    result = runner.invoke(app, ["import", str(cases), "--events", str(events)])
    assert result.exit_code == 0, result.output
    assert Case.objects.count() == 60 and Snapshot.objects.exists()


def test_wait_takes_its_turn(files: tuple[Path, Path]) -> None:
    do_ensure_courts()
    cases, events = files
    with held(release_after=1.5):
        started = time.monotonic()
        result = runner.invoke(app, ["import", str(cases), "--events", str(events), "--wait"])
        waited = time.monotonic() - started
    assert result.exit_code == 0, result.output
    assert "waiting for it to end" in result.output and "排队等候" in result.output
    assert waited >= 1.0
    assert Case.objects.count() == 60


def test_the_snapshot_waits_for_or_is_refused_during_an_import(files: tuple[Path, Path]) -> None:
    do_ensure_courts()
    cases, events = files
    assert runner.invoke(app, ["import", str(cases), "--events", str(events)]).exit_code == 0
    tomorrow = timezone.localdate() + timedelta(days=1)
    with held():
        result = runner.invoke(app, ["snapshot", "--as-of", "2026-06-30"])
        assert result.exit_code == 4, result.output
        assert "another import is running" in result.output
    with held(release_after=1.0):
        started = time.monotonic()
        assert refresh_if_stale(tomorrow)  # the nightly run waits its turn, then computes
        assert time.monotonic() - started >= 0.5
    assert snapshot_date() == tomorrow
    with held(SNAPSHOT):  # and an import started during a snapshot says what runs
        result = runner.invoke(app, ["import", str(cases)])
        assert result.exit_code == 4 and "the case states are being recomputed" in result.output


def test_the_upload_page_says_another_import_runs_and_keeps_nothing(
    files: tuple[Path, Path], settings: Any, tmp_path: Path
) -> None:
    settings.HOME = tmp_path / "home"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    do_ensure_courts()
    office = do_create_user("office", PASSWORD, name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    client = Client()
    client.force_login(office.user)
    cases, _ = files
    with held(actor=User(pk=10**6, username="wangfang")), cases.open("rb") as upload:
        response = client.post("/import/", {"cases": upload})
    assert response.status_code == 503 and response["Retry-After"] == "60"
    text = response.content.decode()
    assert "另一次导入正在进行" in text and "wangfang" in text and "未作任何改动" in text
    assert ImportRecord.objects.count() == 0 and Case.objects.count() == 0
    assert not any(uploads_root().iterdir())  # the uploaded file is not kept


def _database_url() -> str:
    """The test database for another process: the same PostgreSQL database as this test's."""
    database = connection.settings_dict
    password = quote(str(database["PASSWORD"]), safe="")
    return (
        f"postgresql://{database['USER']}:{password}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    )


HOLDER = """
import sys, time
from qingji.server.setup import setup_django
setup_django()
from qingji.cases.import_lock import import_lock
with import_lock():
    print("HELD", flush=True)
    time.sleep(120)
"""


def test_a_killed_holder_leaves_nothing_locked(files: tuple[Path, Path], tmp_path: Path) -> None:
    """A process holding the lock is killed (SIGKILL, no clean-up): the next import goes ahead."""
    env = {k: v for k, v in os.environ.items() if k not in ("QINGJI_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["QINGJI_HOME"] = str(tmp_path / "home")
    if connection.vendor == "postgresql":
        env["QINGJI_DATABASE_URL"] = _database_url()
    subprocess.run([str(QINGJI), "init"], env=env, check=True, capture_output=True, timeout=120)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER], env=env, stdout=subprocess.PIPE, text=True)
    cases, events = files
    command = [str(QINGJI), "import", str(cases), "--events", str(events)]
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "HELD"
        refused = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert refused.returncode == 4, refused.stderr
        assert "another import is running" in refused.stderr
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    deadline = (
        time.monotonic() + 20
    )  # PostgreSQL ends the killed process's session as soon as it sees it gone
    while (
        done := subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    ).returncode == 4:
        assert time.monotonic() < deadline, done.stderr
        time.sleep(0.5)
    assert done.returncode == 0, done.stderr
