"""Benchmark: server time of the home page and filtered ledger pages with a million cases (target < 300 ms).

Builds (once) a SQLite database of the benchmark's million cases in bench-data/db/ (init, import, snapshot), then
times the pages in-process with Django's test client for a user of the intermediate court, who sees every case.

    .venv/bin/python benchmarks/pages_1m.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import AS_OF, ROOT, prepare

PAGES = (
    ("home", "/"),
    ("ledger, first page", "/ledger/"),
    ("ledger, one court's overdue cases", "/ledger/?court=%E7%94%981002&status=overdue"),
    ("ledger, page 200", "/ledger/?page=200"),
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = ROOT / "bench-data" / "db"
    os.environ["QINGJI_HOME"] = str(home)
    os.environ.pop("QINGJI_DATABASE_URL", None)
    if not (home / "qingji.sqlite3").exists():
        cases, events = prepare(ROOT / "bench-data", 1_000_000, 1_000_000)
        qingji = str(Path(sys.executable).with_name("qingji"))
        for command in (
            ["init"],
            ["import", str(cases), "--events", str(events)],
            ["snapshot", "--as-of", AS_OF.isoformat()],
        ):
            subprocess.run([qingji, *command], check=True, stdout=subprocess.DEVNULL)
    from qingji.server.setup import setup_django

    setup_django()
    from django.test import Client

    from qingji.courts.actions import do_create_user
    from qingji.courts.models import Person, Role

    if not Person.objects.filter(user__username="bench").exists():
        do_create_user(
            "bench", "bench-password", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT
        )
    client = Client(HTTP_HOST="127.0.0.1")  # an allowed host (ALLOWED_HOSTS)
    assert client.login(username="bench", password="bench-password")
    for name, url in PAGES:
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{name}: median {statistics.median(times):.0f} ms, best {min(times):.0f} ms (target < 300 ms)")


if __name__ == "__main__":
    main()
