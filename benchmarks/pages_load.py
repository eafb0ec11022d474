"""Benchmark: every main page under load — 20 users at once through `qingji serve` on loopback, a million cases.

Target (issue 12): every page under 300 ms at the 95th percentile, the campaign page included; the statistics
page's first view of the day under 2 s (the nightly run warms it: see "The statistics page at a million cases" in
docs/benchmarks.md; this script times the warming and then the first view).

    .venv/bin/python benchmarks/pages_load.py [--users 20] [--seconds 60]       # SQLite, bench-data/db/
    QINGJI_DATABASE_URL=postgresql://… .venv/bin/python benchmarks/pages_load.py  # PostgreSQL (built when empty)
    bash .ci/with-postgres .venv/bin/python benchmarks/pages_load.py             # a throw-away PostgreSQL

The database is the one of benchmarks/pages_1m.py (built once: a million cases and events, imported, with a
snapshot), to which this script adds (once) a campaign over every case pending more than six months and one user
of each role. Then it starts `qingji serve --workers 2` (``--workers``; 8 threads each) on a free loopback port, logs each simulated user in, and
lets them request their pages in turn, each user waiting for its answer and reading the page for a while
(``--think``: 3 s on average, from 1 to 5 s) before the next request; ``--think 0`` clicks again at once, a
stress test far heavier than 20 people at work. It prints per page: requests, median, 95th
percentile and maximum in milliseconds, and any status other than 200.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pages_1m import ensure_database

PASSWORD = "bench-password"
CAMPAIGN = "半年清积（基准）"


@dataclass
class User:
    username: str
    court: str
    role: str
    pages: list[tuple[str, str]] = field(default_factory=list)


def _top_court() -> str:
    """The court above the others (the intermediate court of the synthetic court system)."""
    from qingji.courts.models import Court

    top = Court.objects.filter(parent__isnull=True).order_by("level", "code").values_list("code", flat=True)
    return str(next(iter(top)))


def _ensure_snapshot() -> None:
    """Today's snapshot, computed here when missing (the server would at start; here, outside the measurement)."""
    from qingji.cases.snapshot import snapshot_date

    today = date.today()
    if snapshot_date() != today:
        print(f"snapshot for {today} …", flush=True)
        started = time.perf_counter()
        qingji = str(Path(sys.executable).with_name("qingji"))
        subprocess.run([qingji, "snapshot"], check=True, stdout=subprocess.DEVNULL)
        print(f"snapshot: {time.perf_counter() - started:.1f} s", flush=True)


def ensure_world() -> list[User]:
    """The campaign and the users of each role (made once); returns each user with the pages they read."""
    judge_name = ensure_database()
    _ensure_snapshot()  # the world reads the stored states (a migration may have dropped them)
    from qingji.campaigns.actions import do_create_campaign
    from qingji.campaigns.models import Campaign
    from qingji.cases.models import Case, CaseState
    from qingji.courts.actions import do_create_user
    from qingji.courts.models import Person, Role

    top = _top_court()
    basic = Person.objects.get(user__username="bench-judge").court.code  # 甘1002 (benchmarks/pages_1m.py)
    campaign = Campaign.objects.filter(name=CAMPAIGN).first()
    if campaign is None:
        started = time.perf_counter()
        campaign = do_create_campaign(
            CAMPAIGN, start=date(2026, 9, 1), target=date(2026, 12, 31), older_than_months=6
        )
        print(f"campaign of {campaign.cases.count():,} cases made in {time.perf_counter() - started:.1f} s")
    roles = [
        User("bench-president", top, "president"),
        User("bench-basic-president", basic, "president"),
        User("bench", top, "trial_management"),
        User("bench-judge", basic, "judge"),
    ]
    for role in roles:
        if not Person.objects.filter(user__username=role.username).exists():
            name = judge_name if role.role == "judge" else role.username
            do_create_user(role.username, PASSWORD, name=name, court_code=role.court, role=Role(role.role))
    pending = CaseState.objects.filter(court_code=basic, status="overdue").order_by("ledger_order")
    first_overdue = pending.values_list("case_id", flat=True).first()
    assert first_overdue is not None
    overdue_case = Case.objects.get(pk=first_overdue)
    own = Case.objects.filter(court_code=basic, judge=judge_name, closed_on__isnull=True).first()
    in_campaign = campaign.cases.filter(case__court_code=basic).select_related("case").first()
    assert own is not None and in_campaign is not None
    quoted = {key: urllib.parse.quote(value) for key, value in (("basic", basic), ("judge", judge_name))}
    campaign_pages = [
        ("campaigns", "/campaigns/"),
        ("campaign", f"/campaigns/{campaign.pk}/"),
        ("campaign, one court", f"/campaigns/{campaign.pk}/?court={quoted['basic']}"),
        (
            "campaign, one court's cases missing determinations",
            f"/campaigns/{campaign.pk}/?court={quoted['basic']}&missing=determinations",
        ),
        ("campaign, new backlog", f"/campaigns/{campaign.pk}/new-backlog/"),
        (
            "campaign case",
            f"/campaigns/{campaign.pk}/case/{urllib.parse.quote(in_campaign.case.case_number)}/",
        ),
    ]
    leader = [
        ("home (leader)", "/"),
        ("ledger", "/ledger/"),
        ("ledger, one court's overdue cases", f"/ledger/?court={quoted['basic']}&status=overdue"),
        ("ledger, 10-month warnings", "/ledger/?warning=age_10_months"),
        ("ledger, new backlog this month", "/ledger/?new_backlog=1"),
        ("ledger, a case number searched", f"/ledger/?q={urllib.parse.quote(overdue_case.case_number[-8:])}"),
        ("case", f"/case/{urllib.parse.quote(overdue_case.case_number)}/"),
        ("statistics", "/stats/"),
        *campaign_pages,
    ]
    roles[0].pages = leader
    roles[1].pages = [(name.replace("(leader)", "(basic court)"), url) for name, url in leader]
    roles[2].pages = [("home (office)", "/"), *leader[1:4], *campaign_pages[:4], ("audit", "/audit/")]
    roles[3].pages = [
        ("home (judge: my work)", "/"),
        ("ledger (judge)", "/ledger/"),
        ("case (judge)", f"/case/{urllib.parse.quote(own.case_number)}/"),
        ("campaign (judge)", f"/campaigns/{campaign.pk}/"),
        ("statistics (judge)", "/stats/"),
    ]
    return roles


def _first_views(browsers: list[tuple[Browser, User]]) -> None:
    """Each role's pages once, one at a time, before the users start (printed, not counted): the first view after
    the server starts computes what the pages keep in the cache (a campaign's counts and gaps, computed ahead
    every night on a court's server; docs/pages.md)."""
    slowest: list[tuple[float, str]] = []
    for browser, role in browsers:
        for name, path in role.pages:
            status, ms = browser.get(path)
            slowest.append((ms, f"{name} ({status})"))
    slowest.sort(reverse=True)
    print("first views after the start (not counted below), slowest: "
          + "; ".join(f"{name} {ms:.0f} ms" for ms, name in slowest[:4]), flush=True)  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(base: str, server: subprocess.Popen[bytes], seconds: float = 600) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"qingji serve stopped ({server.returncode})")
        try:
            urllib.request.urlopen(f"{base}/login/", timeout=5).read()
            return
        except OSError:
            time.sleep(0.5)
    sys.exit("qingji serve did not answer")


class Browser:
    """One user's session: cookies kept, the login form filled in as a person does."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def login(self, username: str) -> None:
        form = self.opener.open(f"{self.base}/login/", timeout=60).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
        assert token, "no CSRF token on the login page"
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.group(1), "username": username, "password": PASSWORD}
        ).encode()
        request = urllib.request.Request(f"{self.base}/login/", data=data, headers={"Referer": self.base})
        landed = self.opener.open(request, timeout=120)
        assert "/login/" not in landed.geturl(), f"{username} could not log in"

    def get(self, path: str) -> tuple[int, float]:
        started = time.perf_counter()
        try:
            with self.opener.open(f"{self.base}{path}", timeout=120) as response:
                response.read()
                status = int(response.status)
        except urllib.error.HTTPError as error:
            error.read()
            status = error.code
        return status, (time.perf_counter() - started) * 1000


def _wait_for_warming(log: Path, offset: int, server: subprocess.Popen[bytes], seconds: float = 900) -> None:
    """Wait for the server's start-up run (qingji.server.nightly) to log that it computed the statistics ahead."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"qingji serve stopped ({server.returncode})")
        with log.open("rb") as lines:
            lines.seek(offset)
            if b"statistics computed ahead" in lines.read():
                return
        time.sleep(1)
    sys.exit("the server did not warm the statistics")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def machine_speed() -> float:
    """Seconds a fixed loop of Python takes (best of three): a shared machine's speed drifts by tens of per cent
    within an hour, so each run prints it before and after, and runs are compared with it in view."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for n in range(5_000_000):
            total += n
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60, help="how long the users click (after login)")
    parser.add_argument(
        "--threads", type=int, default=8, help="qingji serve's threads (of each worker process)"
    )
    parser.add_argument("--workers", type=int, default=2, help="qingji serve's worker processes (--workers)")
    parser.add_argument(
        "--think",
        type=float,
        default=3,
        help="seconds a user reads a page before the next click, on average (uniform from a third to five thirds "
        "of it; 0: click again at once, a stress test)",
    )
    args = parser.parse_args()
    roles = ensure_world()
    before = machine_speed()
    from django.db import connection

    qingji = str(Path(sys.executable).with_name("qingji"))
    connection.close()  # today's snapshot was made by ensure_world
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = Path(os.environ["QINGJI_HOME"]) / "logs" / "qingji.log"
    logged = log.stat().st_size if log.exists() else 0
    started = time.perf_counter()
    command = [
        qingji,
        "serve",
        "--port",
        str(port),
        "--threads",
        str(args.threads),
        "--workers",
        str(args.workers),
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(base, server)
        _wait_for_warming(log, logged, server)
        print(f"server up and statistics warmed in {time.perf_counter() - started:.1f} s", flush=True)
        _first_statistics_view(base, roles)
        browsers = []
        for n in range(args.users):
            role = roles[n % len(roles)]
            browser = Browser(base)
            browser.login(role.username)
            browsers.append((browser, role))
        _first_views(browsers[: len(roles) * args.workers])
        times: dict[str, list[float]] = defaultdict(list)
        failures: dict[str, list[int]] = defaultdict(list)
        lock = threading.Lock()
        stop_at = time.monotonic() + args.seconds

        think = random.Random(1)

        def click_through(n: int, browser: Browser, role: User) -> None:
            k = n  # each user starts at a different page
            while time.monotonic() < stop_at:
                name, path = role.pages[k % len(role.pages)]
                status, ms = browser.get(path)
                with lock:
                    times[name].append(ms)
                    if status != 200:
                        failures[name].append(status)
                k += 1
                if args.think:  # a person reads the page before the next click
                    time.sleep(think.uniform(args.think / 3, args.think * 5 / 3))

        workers = [
            threading.Thread(target=click_through, args=(n, browser, role))
            for n, (browser, role) in enumerate(browsers)
        ]
        began = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        elapsed = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=60)
    total = sum(len(values) for values in times.values())
    print(
        f"\n{connection.vendor}: {args.users} users, {args.think:g} s reading each page, `qingji serve "
        f"--workers {args.workers} --threads {args.threads}`, {elapsed:.0f} s, "
        f"{total:,} requests ({total / elapsed:.1f} a second)"
    )
    print(f"{'page':<58} {'n':>5} {'median':>7} {'p95':>7} {'max':>7}  (ms; target p95 < 300)")
    worst = 0.0
    for name in sorted(times, key=lambda key: -_percentile(times[key], 0.95)):
        values = times[name]
        p95 = _percentile(values, 0.95)
        worst = max(worst, p95)
        bad = f"  statuses: {sorted(set(failures[name]))}" if failures[name] else ""
        print(
            f"{name:<58} {len(values):>5} {statistics.median(values):>7.0f} {p95:>7.0f} "
            f"{max(values):>7.0f}{' OVER' if p95 >= 300 else ''}{bad}"
        )
    print(f"worst 95th percentile: {worst:.0f} ms")
    print(f"machine: a fixed Python loop took {before:.2f} s before the run, {machine_speed():.2f} s after")


def _first_statistics_view(base: str, roles: list[User]) -> None:
    """The statistics page's first view of the day for each leader, after the server's warming (or without)."""
    for role in roles[:3]:
        browser = Browser(base)
        browser.login(role.username)
        status, ms = browser.get("/stats/")
        print(
            f"statistics, first view of the day, {role.username}: {ms:.0f} ms (status {status}; target < 2 s)"
        )


if __name__ == "__main__":
    main()
