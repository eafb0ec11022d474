"""Benchmark: the statistics page (/stats/) with a million cases — the first request (nothing cached) and the
next (cached), on the snapshot's date (stored states) and on another date (the ledger computed), for the
intermediate court's trial management office (every case), one court's president and a judge.

    .venv/bin/python benchmarks/stats_page_1m.py            # SQLite, the database of benchmarks/pages_1m.py
    bash .ci/with-postgres .venv/bin/python benchmarks/stats_page_1m.py
"""

from __future__ import annotations

import resource
import time
from datetime import timedelta

from common import AS_OF
from pages_1m import ensure_database


def main() -> None:
    ensure_database()
    from django.core.cache import cache
    from django.test import Client

    from qingji.courts.actions import do_create_user
    from qingji.courts.models import Person, Role

    if not Person.objects.filter(user__username="bench-president").exists():
        do_create_user(
            "bench-president", "bench-password", name="院长", court_code="甘1002", role=Role.PRESIDENT
        )
    other = (AS_OF - timedelta(days=90)).isoformat()
    for username in ("bench", "bench-president", "bench-judge"):
        client = Client(HTTP_HOST="127.0.0.1")
        assert client.login(username=username, password="bench-password")
        for name, url in (("snapshot date", "/stats/"), (f"as of {other}", f"/stats/?as_of={other}")):
            cache.clear()
            timings = []
            for _ in range(2):
                started = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - started)
                assert response.status_code == 200, (url, response.status_code)
            source = "stored states" if "按快照中保存" in response.content.decode() else "computed"
            print(f"{username}: {name} ({source}): first {timings[0]:.2f} s, cached {timings[1] * 1000:.0f} ms",
                  flush=True)  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(f"peak memory {peak:.2f} GiB")


if __name__ == "__main__":
    main()
