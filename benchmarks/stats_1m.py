"""Benchmark: court statistics (`qingji stats`) over 1,000,000 synthetic cases.

Reads the generated cases and events (benchmarks/common.py), computes their ledger once, then times
:func:`qingji.engine.stats.court_statistics` alone (every measure overall, per court, and the scores per court and
per judge) and pending on a date, several runs each, and prints the figures.

    .venv/bin/python benchmarks/stats_1m.py [--cases 1000000] [--events 1000000] [--runs 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import AS_OF, ROOT, prepare


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=ROOT / "bench-data")
    args = parser.parse_args()
    cases_path, events_path = prepare(args.dir, args.cases, args.events)

    from qingji.core.calendar import WorkCalendar
    from qingji.engine.ledger import compute_ledger
    from qingji.engine.stats import court_statistics, pending_comparison
    from qingji.interchange import read_cases, read_events

    started = time.perf_counter()
    cases = read_cases(cases_path).frame
    events = read_events(events_path, cases.get_column("case_number")).frame
    read = time.perf_counter()
    ledger = compute_ledger(cases, events, AS_OF, WorkCalendar.official())
    computed = time.perf_counter()
    print(f"read {read - started:.2f} s, ledger {computed - read:.2f} s ({ledger.height:,} rows)")

    times, pending_times = [], []
    for _ in range(args.runs):
        begin = time.perf_counter()
        statistics = court_statistics(cases, ledger, AS_OF)
        times.append(time.perf_counter() - begin)
        begin = time.perf_counter()
        pending_comparison(cases, AS_OF)
        pending_times.append(time.perf_counter() - begin)
    overall = statistics.overall
    print(
        f"input: {cases.height:,} cases; pending {overall.pending:,} (a year before {overall.pending_compare:,}), "
        f"closed {overall.closed:,} of {overall.filed:,} filed since {statistics.since}; "
        f"{len(statistics.by_court)} courts, {len(statistics.judge_scores):,} judges"
    )
    print(
        f"court_statistics: best {min(times):.2f} s of {args.runs} (all: {', '.join(f'{t:.2f}' for t in times)})"
    )
    print(f"pending_comparison: best {min(pending_times) * 1000:.0f} ms of {args.runs}")


if __name__ == "__main__":
    main()
