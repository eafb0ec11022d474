"""Benchmark: server time of the home page and filtered ledger pages with a million cases (target < 300 ms).

Builds (once) a database of the benchmark's million cases (init, import, snapshot), then times the pages
in-process with Django's test client for a user of the intermediate court, who sees every case, and for a judge.

    .venv/bin/python benchmarks/pages_1m.py [--runs 5]                 # SQLite, in bench-data/db/
    QINGJI_DATABASE_URL=postgresql://… .venv/bin/python benchmarks/pages_1m.py   # PostgreSQL (built when empty)
    bash .ci/with-postgres .venv/bin/python benchmarks/pages_1m.py      # a throw-away PostgreSQL
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from common import AS_OF, ROOT, prepare

PAGES = (
    ("home", "/"),
    ("ledger, first page (pending cases)", "/ledger/"),
    ("ledger, one court's overdue cases", "/ledger/?court=%E7%94%981002&status=overdue"),
    ("ledger, one court's cases pending 1-2 years", "/ledger/?court=%E7%94%981027&bucket=1_2y"),
    ("ledger, page 200", "/ledger/?page=200"),
    ("ledger, all cases, page 5000", "/ledger/?status=all&page=5000"),
)
# The ledger's filters of issue 12 and the leaders' home (a whole court system's leader).
FILTERS = (
    ("ledger, ten months old (warning)", "/ledger/?warning=age_10_months"),
    ("ledger, expiring within 7 days (warning)", "/ledger/?warning=approaching_7"),
    ("ledger, overdue warning, page 50", "/ledger/?warning=overdue&page=50"),
    ("ledger, a data problem (warning, all cases)", "/ledger/?status=all&warning=extension_without_approver"),
    ("ledger, new backlog this month", "/ledger/?new_backlog=1"),
    ("ledger, one court's new backlog", "/ledger/?court=%E7%94%981002&new_backlog=1"),
    ("ledger, a type code", "/ledger/?type=%E5%88%91%E5%88%9D"),
    ("ledger, a procedure", "/ledger/?procedure=simple"),
    ("ledger, case number (part)", "/ledger/?status=all&q=%E6%B0%91%E5%88%9D12345"),
)


def ensure_database() -> str:
    """The benchmark's database (built once: init, import, snapshot) with its two users, set up for Django;
    returns the name of the judge with the most cases in 甘1002 (the user bench-judge)."""
    home = ROOT / "bench-data" / "db"
    os.environ["QINGJI_HOME"] = str(home)
    postgres = os.environ.get("QINGJI_DATABASE_URL", "").startswith("postgres")
    from qingji.server.setup import setup_django

    setup_django()
    from qingji.cases.models import Case

    def empty() -> bool:
        try:
            return not Case.objects.exists()
        except Exception:  # no tables yet
            return True

    if (postgres and empty()) or (not postgres and not (home / "qingji.sqlite3").exists()):
        cases, events = prepare(ROOT / "bench-data", 1_000_000, 1_000_000)
        qingji = str(Path(sys.executable).with_name("qingji"))
        for command in (
            ["init"],
            ["import", str(cases), "--events", str(events)],
            ["snapshot", "--as-of", AS_OF.isoformat()],
        ):
            print("building:", "qingji", command[0], flush=True)
            subprocess.run([qingji, *command], check=True, stdout=subprocess.DEVNULL)
    from django.db import connection
    from django.db.models import Count

    from qingji.courts.actions import do_create_user
    from qingji.courts.models import Person, Role

    if not Person.objects.filter(user__username="bench").exists():
        do_create_user(
            "bench", "bench-password", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT
        )
    by_judge = Case.objects.filter(court_code="甘1002").values("judge").annotate(n=Count("id"))
    busiest = by_judge.order_by("-n").values_list("judge", flat=True).first() or ""
    if not Person.objects.filter(user__username="bench-judge").exists():
        do_create_user("bench-judge", "bench-password", name=busiest, court_code="甘1002", role=Role.JUDGE)
    if not Person.objects.filter(user__username="bench-president").exists():
        do_create_user(
            "bench-president", "bench-password", name="院长", court_code="甘10", role=Role.PRESIDENT
        )
    if not Person.objects.filter(user__username="bench-basic").exists():
        do_create_user("bench-basic", "bench-password", name="院长", court_code="甘1002", role=Role.PRESIDENT)
    by_division = Case.objects.filter(court_code="甘1002").values("division").annotate(n=Count("id"))
    biggest = by_division.order_by("-n").values_list("division", flat=True).first() or ""
    if not Person.objects.filter(user__username="bench-head").exists():
        do_create_user("bench-head", "bench-password", name="庭长", court_code="甘1002", role=Role.DIVISION_HEAD,
                       division=biggest or None)  # fmt: skip
    print(f"database: {connection.vendor}, {Case.objects.count():,} cases")
    return busiest


def first_number() -> str:
    from qingji.cases.models import Case

    return Case.objects.filter(court_code="甘1027").values_list("case_number", flat=True).first() or ""


def biggest_division() -> str:
    from django.db.models import Count

    from qingji.cases.models import Case

    by_division = Case.objects.filter(court_code="甘1002").values("division").annotate(n=Count("id"))
    return by_division.order_by("-n").values_list("division", flat=True).first() or ""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    busiest = ensure_database()
    from django.test import Client

    one_judge = ("ledger, one judge's cases", f"/ledger/?court={quote('甘1002')}&judge={quote(busiest)}")
    part = (
        "ledger, judges by part of a name",
        f"/ledger/?court={quote('甘1002')}&judge={quote(busiest[:1])}",
    )
    part_all = ("ledger, judges by part of a name, every court", f"/ledger/?judge={quote(busiest[:2])}")
    exact = ("ledger, a whole case number", f"/ledger/?status=all&q={quote(first_number())}")
    division = (
        "ledger, a division",
        f"/ledger/?court={quote('甘1002')}&division={quote(biggest_division())}",
    )
    leaders = (("home: a leader of every court (campaign tiles, ranking, heat map)", "/"),
               *FILTERS, part, part_all, exact, division)  # fmt: skip
    for username, pages in (
        ("bench", (*PAGES, one_judge)),
        ("bench-judge", PAGES[:2]),
        ("bench-president", leaders),
        ("bench-basic", (("home: a basic court's president (its divisions)", "/"),)),
        ("bench-head", (("home: a division head (the division's judges)", "/"), ("ledger", "/ledger/"))),
    ):
        client = Client(HTTP_HOST="127.0.0.1")  # an allowed host (ALLOWED_HOSTS)
        assert client.login(username=username, password="bench-password")
        for name, url in pages:
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            print(
                f"{username}: {name}: median {statistics.median(times):.0f} ms, best {min(times):.0f} ms "
                "(target < 300 ms)"
            )


if __name__ == "__main__":
    main()
