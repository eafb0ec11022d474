"""Benchmark: the ten-day bulletin (issue 13: "the ten-day bulletin for 1,000,000 cases in under 30 s"), on the
million cases of benchmarks/pages_1m.py and the campaign of benchmarks/pages_load.py (every case pending more than
six months on its start).

    .venv/bin/python benchmarks/cadence_bulletin.py [--as-of YYYY-MM-DD] [--older-than 6]

It times what the schedule does on a bulletin day (qingji.cadence.bulletins): the figures (the campaign's counts,
the rankings on the day and on the previous bulletin's day, the supervision done, the overdue and 10-month cases
computed by the engine on the date), the Word document from the template, and the PDF laid out from it — each
apart, the first time with the campaign's counts not yet in the cache (as after an import) and again with them
kept. It prints the times, the document sizes and the peak memory, and writes nothing to the database.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from pages_load import CAMPAIGN, ensure_world


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--as-of", help="the bulletin's date (default: the snapshot's)")
    parser.add_argument(
        "--older-than", type=int, default=6,
        help="the campaign's cases: pending more than N months on its start (6: pages_load's campaign; fewer "
        "months, a wider campaign, made once)",
    )  # fmt: skip
    args = parser.parse_args()
    ensure_world()  # sets QINGJI_HOME to the benchmark's database; then its migrations, if any are new
    subprocess.run(
        [str(Path(sys.executable).with_name("qingji")), "init"], check=True, stdout=subprocess.DEVNULL
    )
    from django.core.cache import cache

    from qingji.campaigns.actions import do_create_campaign
    from qingji.campaigns.bulletin_data import bulletin_of
    from qingji.campaigns.bulletin_doc import DEFAULT_TEMPLATE, render_docx, title
    from qingji.campaigns.models import Campaign
    from qingji.cases.models import Case
    from qingji.cases.snapshot import snapshot_date
    from qingji.documents.docx_pdf import docx_to_pdf
    from qingji.site.in_force import site_settings

    day = date.fromisoformat(args.as_of) if args.as_of else snapshot_date()
    assert day is not None
    name = CAMPAIGN if args.older_than == 6 else f"{CAMPAIGN}（{args.older_than}个月以上）"
    campaign = Campaign.objects.filter(name=name).first() or do_create_campaign(
        name, start=date(2026, 9, 1), target=date(2026, 12, 31), older_than_months=args.older_than
    )
    print(
        f"{Case.objects.count():,} cases, campaign of {campaign.cases.count():,}, bulletin of {day}",
        flush=True,
    )
    days = site_settings().cadence.bulletin_days
    for attempt in ("counts not cached", "counts cached"):
        if attempt == "counts not cached":
            cache.clear()
        started = time.perf_counter()
        bulletin = bulletin_of(campaign, day, days)
        figures = time.perf_counter()
        content = render_docx(bulletin, DEFAULT_TEMPLATE)
        word = time.perf_counter()
        pdf = docx_to_pdf(content, title(bulletin))
        done = time.perf_counter()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(f"{attempt}: figures {figures - started:.1f} s, Word {word - figures:.1f} s, PDF {done - word:.1f} s; "
              f"total {done - started:.1f} s; {len(bulletin.courts)} courts, {bulletin.cases_total:,} overdue or "
              f"10-month cases ({len(bulletin.cases)} listed); DOCX {len(content) / 1024:.0f} KiB, PDF "
              f"{len(pdf) / 1024:.0f} KiB; process peak {peak / 2**20:.0f} MiB", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
