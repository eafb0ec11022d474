"""The pages while an import writes (issue 10), on a real server and a real database: people log in, read and
export; a write that cannot wait is answered "try again in a minute" (503, not a server error); the upload page
and a second `qingji import` say that another import is running.

`qingji import` runs in a process of its own and is held inside its transaction (after writing its cases and
events, before committing: SQLite's write lock and the import lock held) while `qingji serve` answers over HTTP.
On SQLite the database is a file (WAL), as on a court's machine; on PostgreSQL it is the test database.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from court_cases import PASSWORD
from qingji.audit.models import AuditRecord

pytestmark = pytest.mark.django_db(transaction=True)
QINGJI = str(Path(sys.executable).with_name("qingji"))
WRITE_WAIT = 1  # seconds: QINGJI_WEB_WRITE_WAIT of the server under test

# `qingji import` that stops inside its transaction, once its events are written, until a line comes on stdin.
HELD_IMPORT = """
import sys
from qingji.server.setup import setup_django
setup_django()
import qingji.cases.imports as imports
original = imports.apply_events
def apply_then_wait(*args, **kwargs):
    result = original(*args, **kwargs)
    print("INSIDE", flush=True)
    sys.stdin.readline()
    return result
imports.apply_events = apply_then_wait
from qingji.cli.app import app
app(sys.argv[1:])
"""


@dataclass
class Answer:
    status: int
    body: str
    headers: dict[str, str]
    seconds: float


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a 302 is an answer to look at, not to follow


class Browser:
    """A person at a browser: cookies kept, redirects shown, the CSRF token sent with each form."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _KeepRedirects()
        )

    def _send(self, request: urllib.request.Request) -> Answer:
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=20) as response:
                status, body, headers = response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            status, body, headers = error.code, error.read(), dict(error.headers)
        return Answer(status, body.decode("utf-8", "replace"), headers, time.monotonic() - started)

    def get(self, path: str) -> Answer:
        return self._send(urllib.request.Request(self.base + path))

    def post(self, path: str, fields: dict[str, str], file: tuple[str, str, bytes] | None = None) -> Answer:
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        fields = {**fields, "csrfmiddlewaretoken": str(token)}
        if file is None:
            data = urllib.parse.urlencode(fields).encode()
            kind = "application/x-www-form-urlencoded"
        else:
            boundary = uuid.uuid4().hex
            parts = [
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                for name, value in fields.items()
            ]
            name, filename, content = file
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: text/csv\r\n\r\n".encode()
                + content
                + f"\r\n--{boundary}--\r\n".encode()
            )
            data = b"".join(parts)
            kind = f"multipart/form-data; boundary={boundary}"
        headers = {"Content-Type": kind, "Referer": self.base + path}
        return self._send(urllib.request.Request(self.base + path, data=data, headers=headers))

    def log_in(self, username: str) -> Answer:
        self.get("/login/")
        return self.post("/login/", {"username": username, "password": PASSWORD})


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QINGJI_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env |= {"QINGJI_HOME": str(home), "QINGJI_WEB_WRITE_WAIT": str(WRITE_WAIT)}
    if connection.vendor == "postgresql":  # the test database, which this test's own queries read
        database = connection.settings_dict
        password = quote(str(database["PASSWORD"]), safe="")
        env["QINGJI_DATABASE_URL"] = (
            f"postgresql://{database['USER']}:{password}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        )
    return env


def _qingji(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([QINGJI, *args], env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Browser, dict[str, str], Path]]:
    """A database with 200 cases, a campaign and the trial management office's user, served by `qingji serve`."""
    env = _environment(tmp_path / "home")
    for command in (
        ["init"],
        ["createuser", "office", "--court", "甘10", "--role", "trial_management", "--password", PASSWORD],
        ["synth", "--cases", "200", "--seed", "1", "--until", "2026-06-30", "--out", str(tmp_path / "base")],
        ["import", str(tmp_path / "base" / "cases.csv"), "--events", str(tmp_path / "base" / "events.csv")],
        ["campaign", "create", "清积", "--start", "2026-01-01", "--target", "2026-12-31", "--older-than", "6m",
         "--courts", "甘1002"],
        ["synth", "--cases", "300", "--seed", "2", "--until", "2026-06-30", "--out", str(tmp_path / "later")],
    ):  # fmt: skip
        done = _qingji(env, *command)
        assert done.returncode == 0, (command, done.stderr)
    port = _free_port()
    server = subprocess.Popen(
        [QINGJI, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    browser = Browser(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                browser.get("/login/")
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
        yield browser, env, tmp_path
    finally:
        server.terminate()
        server.wait(timeout=10)


def _supervise(browser: Browser, campaign: str) -> Answer:
    fields = {"court": "甘1002", "kind": "phone", "on": "2026-06-30", "by": "督导组"}
    return browser.post(f"/campaigns/{campaign}/", fields)


def _exports_audited(env: dict[str, str]) -> int:
    if connection.vendor == "postgresql":
        return AuditRecord.objects.filter(action="ledger_exported", actor__username="office").count()
    with sqlite3.connect(Path(env["QINGJI_HOME"]) / "qingji.sqlite3") as database:
        row = database.execute(
            "SELECT count(*) FROM audit_auditrecord a JOIN auth_user u ON u.id = a.actor_id "
            "WHERE a.action = 'ledger_exported' AND u.username = 'office'"
        ).fetchone()
        return int(row[0])


def test_people_log_in_read_and_export_while_an_import_writes(
    site: tuple[Browser, dict[str, str], Path],
) -> None:
    browser, env, tmp = site
    assert browser.log_in("office").status == 302
    campaign = re.search(r"/campaigns/(\d+)/", browser.get("/campaigns/").body)
    assert campaign is not None
    assert _supervise(browser, campaign[1]).status == 302  # a write, before the import

    later = tmp / "later"
    held = subprocess.Popen(
        [sys.executable, "-c", HELD_IMPORT, "import", str(later / "cases.csv"), "--events",
         str(later / "events.csv"), "--confirm"],
        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert held.stdout is not None and held.stdin is not None
        assert held.stdout.readline().strip() == "INSIDE"

        # Logging in (a new session) and reading go on as usual.
        other = Browser(browser.base)
        login = other.log_in("office")
        assert login.status == 302 and login.seconds < 3, login
        for path in ("/", "/ledger/", "/campaigns/", f"/campaigns/{campaign[1]}/", "/audit/"):
            page = other.get(path)
            assert page.status == 200 and page.seconds < 5, (path, page.status, page.seconds)
        export = other.get("/ledger/export/?format=csv")
        assert export.status == 200 and "attachment" in export.headers.get("Content-Disposition", "")

        # A write: on SQLite it cannot get the lock, and says so within the configured wait; on PostgreSQL the
        # import locks nothing it needs.
        write = _supervise(other, campaign[1])
        if connection.vendor == "sqlite":
            assert write.status == 503, (write.status, write.body[:500])
            assert write.headers.get("Retry-After") == "60"
            assert "请一分钟后再试" in write.body and "未保存" in write.body
            assert WRITE_WAIT <= write.seconds < WRITE_WAIT + 3
        else:
            assert write.status == 302

        # The upload page and a second import: another import is running; nothing done.
        upload = other.post("/import/", {}, ("cases", "cases.csv", (later / "cases.csv").read_bytes()))
        assert upload.status == 503 and "另一次导入正在进行" in upload.body and "未作任何改动" in upload.body
        assert not any((Path(env["QINGJI_HOME"]) / "uploads").iterdir())
        second = _qingji(env, "import", str(later / "cases.csv"))
        assert second.returncode == 4, second.stderr
        assert "another import is running" in second.stderr and "--wait" in second.stderr
        assert other.post("/logout/", {}).status == 302

        held.stdin.write("\n")
        held.stdin.flush()
        assert held.wait(timeout=120) == 0, held.stderr.read() if held.stderr else ""
    finally:
        if held.poll() is None:
            held.kill()
            held.wait()

    # The import done: the export kept aside during it is in the audit trail, and writes go through again.
    # (written at a page request once the database is free: within seconds, with the time of the export)
    deadline = time.monotonic() + 20
    while _exports_audited(env) == 0:
        assert time.monotonic() < deadline
        assert browser.get("/").status == 200
        time.sleep(0.5)
    assert _exports_audited(env) == 1
    assert _supervise(browser, campaign[1]).status == 302
