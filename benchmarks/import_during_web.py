"""Benchmark: the pages while `qingji import` writes a million and a half cases (issue 10), on SQLite.

A database with a small court system (2,000 cases, a campaign, the trial management office's user) is served by
`qingji serve`; then `qingji import` of 1.5 million cases and their events starts. Every few seconds until it has
ended (and once after), a new person logs in, reads the home page and the ledger, exports the ledger (audited)
and records an act of supervision (a write); each is printed with its HTTP status and seconds. Some seconds in, a
second `qingji import` is started (refused: exit 4, and how fast) and a third with --wait (how long it waited for
its turn). At the end: how many exports were audited, and each kind's statuses and latencies.

    .venv/bin/python benchmarks/import_during_web.py [--cases 1500000] [--events 1500000] [--interval 3]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from http.cookiejar import CookieJar
from pathlib import Path

from common import ROOT, prepare
from qingji.synth import write

PASSWORD = "bench-pw-2026"
QINGJI = str(Path(sys.executable).with_name("qingji"))


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """Cookies kept, redirects not followed, the CSRF token sent with each form."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _KeepRedirects()
        )

    def send(self, path: str, fields: dict[str, str] | None = None) -> tuple[int, float]:
        data = None
        if fields is not None:
            token = next(c.value for c in self.cookies if c.name == "csrftoken")
            data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": str(token)}).encode()
        request = urllib.request.Request(self.base + path, data=data, headers={"Referer": self.base + path})
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=120) as response:
                response.read()
                status = int(response.status)
        except urllib.error.HTTPError as error:
            error.read()
            status = error.code
        return status, time.monotonic() - started

    def log_in(self) -> tuple[int, float]:
        started = time.monotonic()
        self.send("/login/")
        status, _ = self.send("/login/", {"username": "office", "password": PASSWORD})
        return status, time.monotonic() - started


def run(env: dict[str, str], *args: str) -> None:
    done = subprocess.run([QINGJI, *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"qingji {args[0]} failed ({done.returncode}):\n{done.stderr[-2000:]}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def probe(
    base: str, campaign: str, results: dict[str, list[tuple[int, float]]], since: float, note: str
) -> None:
    """One round: log in, read, export, write; printed on one line."""
    browser = Browser(base)
    row = {"login": browser.log_in()}
    for name, path in (("home", "/"), ("ledger", "/ledger/"), ("export", "/ledger/export/?format=csv")):
        row[name] = browser.send(path)
    fields = {"court": "甘1002", "kind": "phone", "on": "2026-11-27", "by": "督导组"}
    row["write"] = browser.send(f"/campaigns/{campaign}/", fields)
    for name, answer in row.items():
        results[name].append(answer)
    cells = "  ".join(f"{name} {status} {seconds:5.2f}s" for name, (status, seconds) in row.items())
    print(f"{time.monotonic() - since:6.1f}s {note:<14} {cells}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=1_500_000)
    parser.add_argument("--events", type=int, default=1_500_000)
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between rounds")
    parser.add_argument("--write-wait", type=int, default=5, help="QINGJI_WEB_WRITE_WAIT of the server")
    parser.add_argument("--dir", type=Path, default=ROOT / "bench-data" / "import-1.5m")
    args = parser.parse_args()
    cases, events = prepare(args.dir, args.cases, args.events)
    base_cases, base_events = write(args.dir / "base", 2_000, 7, date(2026, 11, 27))
    with tempfile.TemporaryDirectory(prefix="qingji-bench-") as home:
        env = {
            k: v for k, v in os.environ.items() if k not in ("QINGJI_DATABASE_URL", "DJANGO_SETTINGS_MODULE")
        }
        env |= {"QINGJI_HOME": home, "QINGJI_WEB_WRITE_WAIT": str(args.write_wait)}
        run(env, "init")
        run(
            env,
            "createuser",
            "office",
            "--court",
            "甘10",
            "--role",
            "trial_management",
            "--password",
            PASSWORD,
        )
        run(env, "import", str(base_cases), "--events", str(base_events))
        run(env, "campaign", "create", "清积", "--start", "2026-06-01", "--target", "2026-12-31",
            "--older-than", "6m", "--courts", "甘1002")  # fmt: skip
        port = free_port()
        server = subprocess.Popen([QINGJI, "serve", "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            measure(env, base, cases, events, base_cases, args.interval)
        finally:
            server.terminate()
            server.wait(timeout=30)


def measure(env: dict[str, str], base: str, cases: Path, events: Path, small: Path, interval: float) -> None:
    for _ in range(100):
        try:
            Browser(base).send("/login/")
            break
        except OSError:
            time.sleep(0.3)
    browser = Browser(base)
    browser.log_in()
    campaign_page = browser.opener.open(base + "/campaigns/", timeout=30).read().decode()
    found = re.search(r"/campaigns/(\d+)/", campaign_page)
    assert found is not None
    campaign = found[1]
    results: dict[str, list[tuple[int, float]]] = defaultdict(list)
    started = time.monotonic()
    probe(base, campaign, results, started, "before")
    results.clear()
    started = time.monotonic()
    big = subprocess.Popen([QINGJI, "import", str(cases), "--events", str(events), "--confirm"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    print(f"qingji import of {cases} started", flush=True)
    second: tuple[int, float] | None = None
    waiting: subprocess.Popen[str] | None = None
    waiting_started = 0.0
    big_ended = _ended_when(big)
    while big.poll() is None:
        probe(base, campaign, results, started, "import runs")
        if second is None and time.monotonic() - started > 10:
            refused_at = time.monotonic()
            done = subprocess.run([QINGJI, "import", str(small)], env=env, capture_output=True, text=True)
            second = (done.returncode, time.monotonic() - refused_at)
            print(f"  second qingji import: exit {second[0]} after {second[1]:.2f}s: "
                  f"{done.stderr.strip().splitlines()[0] if done.stderr.strip() else ''}", flush=True)  # fmt: skip
            waiting_started = time.monotonic()
            waiting = subprocess.Popen([QINGJI, "import", str(small), "--wait", "--confirm"], env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)  # fmt: skip
        deadline = time.monotonic() + interval
        while big.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
    ended = big_ended()
    print(f"qingji import: exit {big.returncode} after {ended - started:.1f}s", flush=True)
    if big.returncode != 0:
        print(big.stderr.read() if big.stderr else "", flush=True)
    if waiting is not None:
        waiting.wait()
        done_at = time.monotonic()
        print(f"  qingji import --wait --confirm: exit {waiting.returncode}, started {waiting_started - started:.1f}s "
              f"in, waited about {ended - waiting_started:.1f}s for its turn, done {done_at - ended:.1f}s after the "
              "first ended", flush=True)  # fmt: skip
    after: dict[str, list[tuple[int, float]]] = defaultdict(list)
    time.sleep(6)  # the exports' kept audit records are tried again 5 s after the database was found busy
    probe(base, campaign, after, started, "after")
    report(results)
    exports = 1 + sum(1 for status, _ in results["export"] + after["export"] if status == 200)  # 1: before
    with sqlite3.connect(Path(env["QINGJI_HOME"]) / "qingji.sqlite3") as database:
        query = "SELECT count(*) FROM audit_auditrecord WHERE action = 'ledger_exported'"
        audited = database.execute(query).fetchone()[0]
    print(f"exports made (before, during and after the import): {exports}; audited: {audited}", flush=True)


def _ended_when(process: subprocess.Popen[str]) -> Callable[[], float]:
    """When ``process`` ended (monotonic seconds), watched by a thread of its own."""
    ended: list[float] = []

    def watch() -> None:
        process.wait()
        ended.append(time.monotonic())

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()

    def when() -> float:
        thread.join()
        return ended[0]

    return when


def report(results: dict[str, list[tuple[int, float]]]) -> None:
    print("while the import ran (statuses; seconds: median, max):", flush=True)
    for name, answers in results.items():
        counts: dict[int, int] = defaultdict(int)
        for status, _ in answers:
            counts[status] += 1
        seconds = [s for _, s in answers]
        shown = ", ".join(f"{status}×{count}" for status, count in sorted(counts.items()))
        print(f"  {name:<7} {shown:<18} {statistics.median(seconds):6.2f} {max(seconds):6.2f}", flush=True)


if __name__ == "__main__":
    main()
