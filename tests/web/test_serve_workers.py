"""`qingji serve --workers N` (docs/operations.md "Several worker processes"): N processes answer on one port
beside a supervisor that runs the nightly job; they share one cache, so the login throttle counts a name's failures
whichever process answers; a worker that dies is replaced, and the workers end with their supervisor, stopped or
killed. The cache's counting itself, across processes: tests/server/test_shared_cache.py."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from test_serve_proxy import HTTPS, Server, login_post, serving

from qingji.web.throttle import FAILURES_ALLOWED


def workers_of(server: Server) -> set[int]:
    """The worker processes the supervisor has started (its children, from /proc)."""
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    return {int(pid) for pid in children.read_text().split()}


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def wait_until(condition: object, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "not within the time allowed"
        time.sleep(0.2)


def test_two_workers_answer_and_count_login_failures_together(tmp_path: Path) -> None:
    with serving(tmp_path, "--workers", "2", QINGJI_TRUSTED_PROXY="127.0.0.1") as server:
        wait_until(lambda: len(workers_of(server)) == 2)
        # Each attempt on a connection of its own: the kernel gives it to either worker.
        statuses = [login_post(server, HTTPS, "zhang") for _ in range(FAILURES_ALLOWED + 3)]
        assert statuses == [200] * FAILURES_ALLOWED + [429] * 3  # "wrong password" five times, then refused
        time.sleep(0.3)
        log = server.log()
        assert log.count("login locked for 15 minutes after 5 failed attempts") == 1
        assert (
            log.count("login refused by the throttle") == 3
        )  # the attempts after the fifth, in either worker
        assert server.request("GET", "/login/", {})[0] == 200
    console = server.console.read_text(encoding="utf-8")
    assert "2 process(es) of 8 threads" in console and "qingji serve: stopped" in console
    assert server.process.returncode == 0
    nightly = {line.split("[")[1].split()[0] for line in log.splitlines() if "qingji.server.nightly" in line}
    assert nightly == {str(server.process.pid)}  # the nightly job runs in the supervisor alone


def test_a_dead_worker_is_replaced_and_the_workers_end_with_their_supervisor(tmp_path: Path) -> None:
    with serving(tmp_path, "--workers", "2") as server:
        wait_until(lambda: len(workers_of(server)) == 2)
        first = workers_of(server)
        killed = min(first)
        os.kill(killed, signal.SIGKILL)
        wait_until(lambda: len(workers_of(server) - first) == 1 and len(workers_of(server)) == 2)
        assert all(server.request("GET", "/login/", {})[0] == 200 for _ in range(6))
        assert f"worker {killed} ended (exit -9)" in server.log()
        workers = workers_of(server)
        server.process.kill()  # the supervisor killed outright: no one tells the workers
        server.process.wait(timeout=10)
        wait_until(lambda: not any(alive(pid) for pid in workers), seconds=15)
