"""What the benchmarks share: the generated court system on disk, and measuring one process."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import polars as pl

from qingji.synth import generate

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 27)


def prepare(directory: Path, cases: int, events: int) -> tuple[Path, Path]:
    cases_path, events_path = directory / "cases.csv", directory / "events.csv"
    if cases_path.exists() and events_path.exists():
        have = pl.scan_csv(events_path, infer_schema=False).select(pl.len()).collect().item()
        if (
            pl.scan_csv(cases_path, infer_schema=False).select(pl.len()).collect().item() == cases
            and have == events
        ):
            return cases_path, events_path
    directory.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    case_frame, event_frame = generate(cases, seed=2026, until=AS_OF, events_per_case=events / cases * 1.1)
    if event_frame.height < events:
        sys.exit(f"synth gave {event_frame.height} events, fewer than {events}")
    case_frame.write_csv(cases_path)
    event_frame.head(events).write_csv(events_path)
    print(f"generated {cases:,} cases and {events:,} events in {time.perf_counter() - started:.1f} s")
    return cases_path, events_path


# Runs one command and prints its wall seconds and peak resident memory (KiB): measuring in a fresh parent keeps
# each figure to its own child.
MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
process = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
elapsed = time.perf_counter() - started
if process.returncode not in (0,):
    sys.stderr.write(process.stderr[-2000:])
    sys.exit(process.returncode)
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one run of ``command``."""
    process = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=False
    )
    if process.returncode != 0:
        sys.exit(f"{command[:3]} failed ({process.returncode}):\n{process.stderr}")
    seconds, kib = process.stdout.split()
    return float(seconds), int(kib) / 1024
