"""Benchmark: the forecast page (/forecast/) and the what-if on the campaign page with 100,000 cases (issue 14) —
server time of the first request (nothing cached) and the next (cached), on the snapshot's date (the stored states)
and on another date (the ledger computed), for the intermediate court's trial management office (every case), a
basic court's president and a judge; and a check that the page's forecast, read from the cases it needs, equals
the forecast of every case computed directly.

    .venv/bin/python benchmarks/forecast_page.py [--cases 100000]     # SQLite, in bench-data/forecast-<cases>/

Builds (once) the database: `qingji init`, `import` of the synthetic court system (qingji.synth, seed 2026, export
date 2026-11-27), `snapshot`, and a campaign of every court (cases older than six months on 2026-09-01, target
2026-12-31).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from urllib.parse import quote

from common import AS_OF, ROOT, prepare

CAMPAIGN = "年底清积"


def ensure_database(cases: int) -> None:
    home = ROOT / "bench-data" / f"forecast-{cases}"
    os.environ["QINGJI_HOME"] = str(home / "db")
    from qingji.server.setup import setup_django

    setup_django()
    if not (home / "db" / "qingji.sqlite3").exists():
        cases_path, events_path = prepare(home, cases, cases)
        qingji = str(Path(sys.executable).with_name("qingji"))
        for command in (
            ["init"],
            ["import", str(cases_path), "--events", str(events_path)],
            ["snapshot", "--as-of", AS_OF.isoformat()],
        ):
            print("building:", "qingji", command[0], flush=True)
            subprocess.run([qingji, *command], check=True, stdout=subprocess.DEVNULL)
    from django.db.models import Count

    from qingji.campaigns.actions import do_create_campaign
    from qingji.campaigns.models import Campaign
    from qingji.cases.models import Case
    from qingji.courts.actions import do_create_user
    from qingji.courts.models import Person, Role

    def user(username: str, name: str, court: str, role: Role) -> None:
        if not Person.objects.filter(user__username=username).exists():
            do_create_user(username, "bench-password", name=name, court_code=court, role=role)

    user("bench", "审管办", "甘10", Role.TRIAL_MANAGEMENT)
    user("bench-basic", "院长", "甘1002", Role.PRESIDENT)
    by_judge = Case.objects.filter(court_code="甘1002").values("judge").annotate(n=Count("id"))
    user(
        "bench-judge",
        by_judge.order_by("-n").values_list("judge", flat=True).first() or "",
        "甘1002",
        Role.JUDGE,
    )
    if not Campaign.objects.filter(name=CAMPAIGN).exists():
        do_create_campaign(CAMPAIGN, start=date(2026, 9, 1), target=date(2026, 12, 31), older_than_months=6)
    print(f"database: {Case.objects.count():,} cases", flush=True)


def timed(client: object, url: str) -> tuple[float, object]:
    started = time.perf_counter()
    response = client.get(url)  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, response


def check_equal() -> None:
    """The page's forecast (the stored states of the cases it needs) against every case's, computed directly."""
    from qingji.cases.forecasts import database_forecast
    from qingji.cases.frames import frames_from_database
    from qingji.cases.models import Case
    from qingji.engine.ledger import compute_ledger
    from qingji.forecast.summary import forecast
    from qingji.site.in_force import site_settings
    from qingji.site.notices import calendar_in_force

    conventions = site_settings().conventions
    started = time.perf_counter()
    frame, events = frames_from_database()
    ledger = compute_ledger(frame, events, AS_OF, calendar_in_force(), conventions)
    direct = forecast(ledger, AS_OF, conventions=conventions)
    took = time.perf_counter() - started
    page = database_forecast(Case.objects.all(), AS_OF, conventions)
    print(f"every case read and computed directly: {took:.2f} s; the page's forecast equal: "
          f"{page.forecast.as_json() == direct.as_json()} (from the stored states: {page.from_snapshot})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    ensure_database(args.cases)
    from django.core.cache import cache
    from django.test import Client

    from qingji.campaigns.models import Campaign
    from qingji.campaigns.whatif import campaign_what_if

    other = (AS_OF - timedelta(days=90)).isoformat()
    campaign = Campaign.objects.get(name=CAMPAIGN)
    pages = (
        ("forecast, snapshot date", "/forecast/"),
        (f"forecast, as of {other} (computed)", f"/forecast/?as_of={other}"),
        ("forecast, a list (12 months within 90 days)", "/forecast/?crossing=12&within=90"),
        ("forecast, a list (over 6 months now)", "/forecast/?older=6"),
        ("forecast, one court", f"/forecast/?court={quote('甘1002')}"),
        ("campaign page with the paces", f"/campaigns/{campaign.pk}/?as_of={AS_OF.isoformat()}"),
        ("campaign page, what-if of a court",
         f"/campaigns/{campaign.pk}/?as_of={AS_OF.isoformat()}&whatif={quote('甘1002')}&more=5"),
    )  # fmt: skip
    for username in ("bench", "bench-basic", "bench-judge"):
        client = Client(HTTP_HOST="127.0.0.1")
        assert client.login(username=username, password="bench-password")
        for name, url in pages:
            cache.clear()
            first, _ = timed(client, url)
            again, _ = timed(client, url)
            print(f"{username}: {name}: first {first:.2f} s, cached {again * 1000:.0f} ms", flush=True)
    started = time.perf_counter()
    campaign_what_if(campaign, "甘1002", as_of=AS_OF, per_week=Fraction(5))
    print(f"campaign_what_if alone: {(time.perf_counter() - started) * 1000:.0f} ms")
    check_equal()


if __name__ == "__main__":
    main()
