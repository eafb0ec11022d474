"""`qingji serve` behind a reverse proxy (issue 11, docs/operations.md "Behind nginx"): with QINGJI_TRUSTED_PROXY
the proxy's X-Forwarded-Proto makes a request HTTPS (secure cookies, HSTS, the CSRF check of an https:// origin)
and its X-Forwarded-For names the client in the log; without it, or from anyone else, those headers count for
nothing. The server's console has the log's lines."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from test_serve import free_port

QINGJI = str(Path(sys.executable).with_name("qingji"))
HTTPS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}


@dataclass
class Server:
    port: int
    home: Path
    console: Path
    process: subprocess.Popen[bytes]

    def request(
        self, method: str, path: str, headers: dict[str, str], body: str = ""
    ) -> tuple[int, dict[str, list[str]], str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, body=body.encode() or None, headers=headers)
            response = connection.getresponse()
            found: dict[str, list[str]] = {}
            for name, value in response.getheaders():
                found.setdefault(name.lower(), []).append(value)
            return response.status, found, response.read().decode("utf-8")
        finally:
            connection.close()

    def log(self) -> str:
        return (self.home / "logs" / "qingji.log").read_text(encoding="utf-8")


@contextmanager
def serving(tmp_path: Path, *options: str, **environment: str) -> Iterator[Server]:
    """`qingji serve` (with ``options``) on a free port, in a QINGJI_HOME of its own; stopped as systemd does."""
    home = tmp_path / "home"
    env = {**os.environ, "QINGJI_HOME": str(home), "QINGJI_SECURE_COOKIES": "1", **environment}
    env.pop("QINGJI_DATABASE_URL", None)
    subprocess.run([QINGJI, "init"], env=env, check=True, capture_output=True)
    port = free_port()
    console = tmp_path / "console.txt"
    with console.open("wb") as output:
        process = subprocess.Popen(
            [QINGJI, "serve", "--port", str(port), *options], env=env, stdout=output, stderr=subprocess.STDOUT
        )
        server = Server(port, home, console, process)
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    server.request("GET", "/login/", {})
                    break
                except OSError:
                    if time.monotonic() > deadline or process.poll() is not None:
                        raise
                    time.sleep(0.2)
            yield server
        finally:
            process.terminate()
            process.wait(timeout=30)


def login_post(server: Server, headers: dict[str, str], username: str = "nobody") -> int:
    """The login form posted from an https:// page of the site (its CSRF cookie and token, its Origin), with a
    wrong password."""
    _, cookies, page = server.request("GET", "/login/", headers)
    cookie = next(c for c in cookies["set-cookie"] if c.startswith("csrftoken=")).split(";")[0]
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match is not None
    body = f"csrfmiddlewaretoken={match.group(1)}&username={username}&password=wrong-password"
    status, _, _ = server.request(
        "POST",
        "/login/",
        {
            **headers,
            "Cookie": cookie,
            "Origin": f"https://127.0.0.1:{server.port}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        body,
    )
    return status


def test_behind_a_trusted_proxy_the_forwarded_headers_count(tmp_path: Path) -> None:
    with serving(tmp_path, QINGJI_TRUSTED_PROXY="127.0.0.1") as server:
        status, headers, _ = server.request("GET", "/login/", HTTPS)
        assert status == 200
        assert headers["strict-transport-security"] == ["max-age=31536000"]
        assert any("csrftoken=" in c and "Secure" in c for c in headers["set-cookie"])
        assert login_post(server, HTTPS) == 200  # the CSRF check passed: the form answers "wrong password"
        assert server.request("GET", "/no-such-page/", HTTPS)[0] == 404
        time.sleep(0.2)
        assert "Not Found: /no-such-page/ [user anonymous, address 203.0.113.9]" in server.log()
    console = server.console.read_text(encoding="utf-8")
    assert "qingji serve: http://127.0.0.1:" in console and "proxy trusted: 127.0.0.1" in console
    assert "Not Found: /no-such-page/" in console and "qingji serve: stopped" in console


def test_without_a_trusted_proxy_the_forwarded_headers_count_for_nothing(tmp_path: Path) -> None:
    with serving(tmp_path) as server:
        status, headers, _ = server.request("GET", "/login/", HTTPS)
        assert status == 200 and "strict-transport-security" not in headers
        assert login_post(server, HTTPS) == 403  # an https:// origin on a plain request: refused
        assert server.request("GET", "/no-such-page/", HTTPS)[0] == 404
        time.sleep(0.2)
        log = server.log()
        assert "Not Found: /no-such-page/ [user anonymous, address 127.0.0.1]" in log
        assert "203.0.113.9" not in log
        assert "Forbidden (Origin checking failed" in log
