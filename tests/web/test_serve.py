"""`qingji serve` answers over HTTP on a real socket: the login page and its stylesheet."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def get(url: str) -> tuple[int, str, dict[str, str]]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8"), dict(response.headers)


def test_serve_answers_the_login_page_and_the_stylesheet(tmp_path: Path) -> None:
    qingji = str(Path(sys.executable).with_name("qingji"))
    env = {**os.environ, "QINGJI_HOME": str(tmp_path)}
    env.pop("QINGJI_DATABASE_URL", None)
    subprocess.run([qingji, "init"], env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [qingji, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                status, body, headers = get(f"http://127.0.0.1:{port}/login/")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert status == 200
        assert "登录" in body
        assert "default-src 'self'" in headers.get("Content-Security-Policy", "")
        css_status, css, _ = get(f"http://127.0.0.1:{port}/static/web/qingji.css")
        assert css_status == 200 and "{" in css
    finally:
        server.terminate()
        server.wait(timeout=10)
