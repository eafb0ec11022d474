"""Benchmark: the ledger of 1,000,000 cases with 1,000,000 events, CSV in and Parquet out.

Prints wall time and peak memory of the whole `qingji ledger` process, and of a bare Polars process that reads
the same files and computes only filed_on + 6 months, with their ratio. Targets (issue 2): under 10 s, under 4 GB,
within 5x the bare Polars process.

    .venv/bin/python benchmarks/ledger_1m.py [--cases 1000000] [--events 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import polars as pl

from common import AS_OF, ROOT, measure, prepare

BARE_POLARS = """
import sys
import polars as pl
cases = pl.read_csv(sys.argv[1], infer_schema=False)
events = pl.read_csv(sys.argv[2], infer_schema=False)
out = cases.select(pl.col("案号"), pl.col("立案日期").str.to_date("%Y-%m-%d").dt.offset_by("6mo").alias("expiry"))
out.write_parquet(sys.argv[3])
"""


def stages(cases: Path, events: Path) -> None:
    """Where the time goes, in this process: reading each file, computing, writing."""
    from qingji.core.calendar import WorkCalendar
    from qingji.engine.ledger import compute_ledger
    from qingji.interchange import read_cases, read_events, write_ledger

    started = time.perf_counter()
    case_result = read_cases(cases)
    read_c = time.perf_counter()
    event_result = read_events(events, case_result.frame.get_column("case_number"))
    read_e = time.perf_counter()
    ledger = compute_ledger(case_result.frame, event_result.frame, AS_OF, WorkCalendar.official())
    computed = time.perf_counter()
    write_ledger(ledger, cases.with_name("stages.parquet"), as_of=AS_OF)
    written = time.perf_counter()
    print(
        f"stages: read cases {read_c - started:.2f} s, read events {read_e - read_c:.2f} s, "
        f"compute {computed - read_e:.2f} s, write Parquet {written - computed:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=ROOT / "bench-data")
    args = parser.parse_args()
    cases, events = prepare(args.dir, args.cases, args.events)
    qingji = [str(Path(sys.executable).with_name("qingji"))]
    ledger = [*qingji, "ledger", str(cases), "--events", str(events), "--as-of", AS_OF.isoformat()]
    bare_times, bare_memory, times, memory = [], 0.0, [], 0.0
    for _ in range(args.runs):
        seconds, peak = measure(
            [sys.executable, "-c", BARE_POLARS, str(cases), str(events), str(args.dir / "bare.parquet")]
        )
        bare_times.append(seconds)
        bare_memory = max(bare_memory, peak)
        # Interleaved with the bare runs, so that both see the same state of the machine.
        seconds, peak = measure([*ledger, "--output", str(args.dir / "ledger.parquet")])
        times.append(seconds)
        memory = max(memory, peak)
    stages(cases, events)
    rows = pl.scan_parquet(args.dir / "ledger.parquet").select(pl.len()).collect().item()
    best, bare = min(times), min(bare_times)
    print(f"input: {args.cases:,} cases, {args.events:,} events; ledger rows: {rows:,}")
    print(
        f"bare polars (read both CSVs, filed_on + 6 months, Parquet): best {bare:.2f} s of {args.runs}, peak {bare_memory:,.0f} MiB"
    )
    print(
        f"qingji ledger (CSV in, Parquet out):                      best {best:.2f} s of {args.runs}, peak {memory:,.0f} MiB"
    )
    print(
        f"all runs: qingji {', '.join(f'{t:.2f}' for t in times)} s; bare {', '.join(f'{t:.2f}' for t in bare_times)} s"
    )
    median = statistics.median(times) / statistics.median(bare_times)
    print(f"ratio of the medians: {median:.2f}x")
    print(
        f"ratio qingji / bare polars: {best / bare:.2f}x (target ≤ 5x); wall {best:.2f} s (target < 10 s); "
        f"peak {memory / 1024:.2f} GiB (target < 4 GiB)"
    )


if __name__ == "__main__":
    main()
