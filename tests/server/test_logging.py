"""The log (issue 11): a server error's traceback, imports from the page and the command line, refusals (an import,
a file over the limit, the login throttle, a 403) in <QINGJI_HOME>/logs/qingji.log, rotated as documented — and no
party's name or cell value of a court's file in it."""

from __future__ import annotations

import logging
import logging.config
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import include, path

from qingji.cases.import_log import files
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Role
from qingji.interchange.profiles import DATA_CENTRE
from qingji.server.logging_config import LOG_FILE, logging_settings
from qingji.web.throttle import FAILURES_ALLOWED

pytestmark = pytest.mark.django_db

# Parties' names, and names where a court's file should have had something else: none may reach the log.
NAMES = ("欧阳明月", "司马青衫", "诸葛晴川", "上官飞燕", "慕容雪松")
HEADER = "案号,法院,适用程序,案由,立案日期,结案日期,结案方式,承办法官,审判庭,羁押,当事人\n"
GOOD = (
    HEADER
    + "（2024）甘1002民初1号,,普通程序,买卖合同纠纷,2024-03-01,,,张伟,民一庭,,欧阳明月;司马青衫\n"
    + "（2024）甘1002民初2号,,普通程序,买卖合同纠纷,2024-03-02,,,张伟,民一庭,,诸葛晴川\n"
)
# A party's name where the filing date and the case number belong, and a header that is a name.
BAD = (
    HEADER.rstrip("\n")
    + ",上官飞燕\n"
    + "（2024）甘1002民初3号,,普通程序,买卖合同纠纷,慕容雪松,,,张伟,民一庭,,欧阳明月,x\n"
    + "司马青衫,,普通程序,买卖合同纠纷,2024-03-02,,,张伟,民一庭,,诸葛晴川,y\n"
)


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the page broke on purpose")


urlpatterns = [path("boom/", boom), path("", include("qingji.server.urls"))]


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The log configured as the settings build it, for a QINGJI_HOME of this test; the test run's afterwards."""
    logging.config.dictConfig(logging_settings(tmp_path))
    yield tmp_path / "logs" / LOG_FILE
    logging.config.dictConfig(django_settings.LOGGING)


def read(log: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log.read_text(encoding="utf-8") if log.exists() else ""


@pytest.fixture
def people(settings: Any, tmp_path: Path) -> None:
    settings.HOME = tmp_path / "home"
    cache.clear()
    do_ensure_courts()
    do_create_user(
        "office10", "password-10", name="中院审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT
    )
    do_create_user("judge", "password-judge", name="张伟", court_code="甘1002", role=Role.JUDGE)


def signed_in(client: Client, username: str, password: str) -> Client:
    assert client.post("/login/", {"username": username, "password": password}).status_code == 302
    return client


def upload(client: Client, text: str, name: str) -> int:
    response = client.post("/import/", {"cases": SimpleUploadedFile(name, text.encode("utf-8"))})
    return response.status_code


def test_a_server_error_writes_its_traceback_to_the_file(log_file: Path, settings: Any) -> None:
    settings.ROOT_URLCONF = __name__
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    text = read(log_file)
    assert "ERROR django.request" in text and "Internal Server Error: /boom/" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: the page broke on purpose" in text and "in boom" in text
    assert "[user anonymous, address 127.0.0.1]" in text


def test_uploads_are_logged_by_counts_and_places_never_a_name(
    log_file: Path, people: None, client: Client
) -> None:
    office = signed_in(client, "office10", "password-10")
    assert upload(office, GOOD, "本月导出.csv") == 200
    assert upload(office, BAD, "有问题的导出.csv") == 422
    text = read(log_file)
    imported = next(line for line in text.splitlines() if "imported" in line)
    assert "INFO qingji.cases.import_log" in imported
    assert "by office10 (甘10)" in imported and "cases file 本月导出.csv" in imported
    assert "imported 2 rows: 2 created, 0 updated" in imported and " s" in imported
    refused = next(line for line in text.splitlines() if "refused" in line)
    assert "WARNING qingji.cases.import_log" in refused and "有问题的导出.csv" in refused
    assert "2 problems (有问题的导出.csv row 2 [立案日期], 有问题的导出.csv row 3 [案号])" in refused
    assert "headers not recognised: 1" in refused
    assert "Unprocessable Entity: /import/ [user office10" in text  # the page's answer, by Django
    for name in NAMES:
        assert name not in text, name


def test_a_file_over_the_upload_limit_is_logged(
    log_file: Path, people: None, client: Client, settings: Any
) -> None:
    settings.UPLOAD_LIMITS = replace(settings.UPLOAD_LIMITS, max_bytes=100)
    assert upload(signed_in(client, "office10", "password-10"), GOOD * 3, "大文件.csv") == 413
    text = read(log_file)
    assert "upload refused: file 大文件.csv over the pages' limit of 0 MB (QINGJI_UPLOAD_MAX_MB)" in text
    assert "[user office10, address 127.0.0.1]" in text
    assert not any(name in text for name in NAMES)


def test_the_login_throttle_and_a_403_are_logged_without_a_password(
    log_file: Path, people: None, client: Client
) -> None:
    judge = signed_in(Client(), "judge", "password-judge")
    for _ in range(FAILURES_ALLOWED):
        client.post("/login/", {"username": "office10", "password": "secret-guess-1"})
    assert client.post("/login/", {"username": "office10", "password": "password-10"}).status_code == 429
    assert (
        Client().post("/admin/login/", {"username": "office10", "password": "password-10"}).status_code == 200
    )
    assert upload(judge, GOOD, "x.csv") == 403
    text = read(log_file)
    assert f"login locked for 15 minutes after {FAILURES_ALLOWED} failed attempts: account office10" in text
    # refused on the login page and in the admin site alike
    assert text.count("login refused by the throttle: account office10, address 127.0.0.1") == 2
    assert "secret-guess-1" not in text and "password-10" not in text
    # A judge is not allowed to import: Django logs the 403 with who asked.
    assert "Forbidden: /import/ [user judge, address 127.0.0.1]" in text


def test_a_name_typed_that_is_no_account_is_not_written(log_file: Path, people: None, client: Client) -> None:
    typed = "correct horse battery"  # a password typed in the name field
    for _ in range(FAILURES_ALLOWED + 1):
        client.post("/login/", {"username": typed, "password": "x"})
    text = read(log_file)
    assert "login refused by the throttle: a name that is no account" in text
    assert typed not in text


def test_the_file_rotates_by_size_and_keeps_the_number_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QINGJI_LOG_MAX_MB", "1")
    monkeypatch.setenv("QINGJI_LOG_KEEP", "2")
    try:
        logging.config.dictConfig(logging_settings(tmp_path))
        line = "x" * 1000
        for _ in range(3500):  # 3.5 MB: qingji.log, .1 and .2 full, the oldest dropped
            logging.getLogger("qingji.test").info(line)
        for handler in logging.getLogger().handlers:
            handler.flush()
    finally:
        logging.config.dictConfig(django_settings.LOGGING)
    logs = tmp_path / "logs"
    assert sorted(p.name for p in logs.iterdir()) == ["qingji.log", "qingji.log.1", "qingji.log.2"]
    assert all(p.stat().st_size <= 1024 * 1024 for p in logs.iterdir())
    assert stat.S_IMODE(logs.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in logs.iterdir())


WRITER = """
import logging, logging.config, sys
from pathlib import Path
from qingji.server.logging_config import logging_settings
logging.config.dictConfig(logging_settings(Path(sys.argv[1])))
for number in range(int(sys.argv[3])):
    logging.getLogger("qingji.test").info("%s %06d %s", sys.argv[2], number, "x" * 1000)
"""


def test_processes_writing_at_once_rotate_the_file_once_and_lose_no_line(tmp_path: Path) -> None:
    """The server's worker processes (qingji serve --workers) and the commands write one log: each rotation is
    done once (no process renames a file another has just begun), so every line is in one of the files."""
    env = {**os.environ, "QINGJI_LOG_MAX_MB": "1", "QINGJI_LOG_KEEP": "10"}
    lines = 1200  # × 3 processes × ~1 KB: ~3.5 MB, three rotations
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), f"w{n}", str(lines)], env=env)
        for n in range(3)
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0, 0]
    logs = sorted((tmp_path / "logs").iterdir())
    assert [p.name for p in logs] == ["qingji.log", "qingji.log.1", "qingji.log.2", "qingji.log.3"]
    written = [line.split(" qingji.test ")[1] for p in logs for line in p.read_text().splitlines()]
    assert len(written) == len(set(written)) == 3 * lines
    assert all(p.stat().st_size <= 1024 * 1024 + 3 * 1100 for p in logs)  # a line each writer had begun


@pytest.mark.parametrize(
    ("name", "value"),
    [("QINGJI_LOG_KEEP", "0"), ("QINGJI_LOG_MAX_MB", "ten"), ("QINGJI_LOG_LEVEL", "LOUD")],
)
def test_a_log_setting_that_cannot_be_used_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        logging_settings(tmp_path)


def test_qingji_import_logs_to_the_same_file_without_a_name(tmp_path: Path) -> None:
    """The command line, as a court runs it: `qingji import` of a file of names, good and bad, and `qingji
    snapshot`, in a QINGJI_HOME of their own."""
    home = tmp_path / "home"
    good, bad = tmp_path / "cases.csv", tmp_path / "bad.csv"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    qingji = str(Path(sys.executable).with_name("qingji"))
    env = {**os.environ, "QINGJI_HOME": str(home)}
    env.pop("QINGJI_DATABASE_URL", None)
    subprocess.run([qingji, "init"], env=env, check=True, capture_output=True)
    assert subprocess.run([qingji, "import", str(good)], env=env, capture_output=True).returncode == 0
    refused = subprocess.run([qingji, "import", str(bad), "--report", str(tmp_path / "r.xlsx")], env=env)
    assert refused.returncode == 2
    subprocess.run([qingji, "snapshot"], env=env, check=True, capture_output=True)
    text = (home / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "qingji init: database sqlite3 migrated" in text
    assert "(command line, every court), cases file cases.csv: imported 2 rows: 2 created" in text
    assert "cases file bad.csv: refused, nothing written: 2 problems (bad.csv row 2 [立案日期]" in text
    assert "qingji snapshot: case states for" in text
    for name in NAMES:
        assert name not in text, name


def test_the_tables_of_one_export_and_their_layout_are_named() -> None:
    named = files([Path("民事一审.csv"), Path("刑事一审.csv")], Path("事项.csv"), DATA_CENTRE)
    assert named == f"cases tables 民事一审.csv, 刑事一审.csv, events file 事项.csv, layout {DATA_CENTRE}"
    assert files(Path("cases.csv"), None) == "cases file cases.csv"
