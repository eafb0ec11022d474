"""Benchmark: importing a million cases with their events into the database, and the snapshot of them.

Prints wall time and peak memory of `qingji import` (a fresh database, then the same files again) and of
`qingji snapshot`. Targets (issue 3): the import under 2 minutes into SQLite and into PostgreSQL; the snapshot
under 30 s.

    .venv/bin/python benchmarks/database_1m.py [--cases 1000000] [--events 1000000]
    QINGJI_DATABASE_URL=postgresql://… .venv/bin/python benchmarks/database_1m.py   # PostgreSQL (an empty database)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from common import AS_OF, ROOT, measure, prepare


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=ROOT / "bench-data")
    args = parser.parse_args()
    cases, events = prepare(args.dir, args.cases, args.events)
    qingji = str(Path(sys.executable).with_name("qingji"))
    database = os.environ.get("QINGJI_DATABASE_URL", "sqlite (embedded)")
    with tempfile.TemporaryDirectory() as home:
        os.environ["QINGJI_HOME"] = home
        measure([qingji, "init"])
        first = measure([qingji, "import", str(cases), "--events", str(events)])
        again = measure([qingji, "import", str(cases), "--events", str(events)])
        snapshot = measure([qingji, "snapshot", "--as-of", AS_OF.isoformat()])
    print(f"database: {database.split('@')[-1]}; input: {args.cases:,} cases, {args.events:,} events")
    print(f"import into an empty database: {first[0]:.1f} s, peak {first[1]:,.0f} MiB (target < 120 s)")
    print(f"the same files again (nothing changes): {again[0]:.1f} s, peak {again[1]:,.0f} MiB")
    print(f"snapshot of every case: {snapshot[0]:.1f} s, peak {snapshot[1]:,.0f} MiB (target < 30 s)")


if __name__ == "__main__":
    main()
