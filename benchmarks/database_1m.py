"""Benchmark: importing a million cases with their events into the database, and the snapshot of them.

Prints wall time and peak memory of `qingji import` (a fresh database, then the same files again) and of
`qingji snapshot`, each as soon as it is measured. Targets (issue 3): the import under 2 minutes into SQLite and
into PostgreSQL; the snapshot under 30 s.

    .venv/bin/python benchmarks/database_1m.py [--cases 1000000] [--events 1000000] [--runs 1]
    QINGJI_DATABASE_URL=postgresql://… .venv/bin/python benchmarks/database_1m.py   # PostgreSQL
    .ci/with-postgres .venv/bin/python benchmarks/database_1m.py                    # a throw-away PostgreSQL

Every run starts from an empty database: on SQLite a new file in a temporary directory (under QINGJI_HOME when
that is set); on PostgreSQL a new database created beside the one QINGJI_DATABASE_URL names (its user needs
CREATEDB) and dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from common import AS_OF, ROOT, measure, prepare


@contextmanager
def empty_database(url: str | None) -> Iterator[str]:
    """A description of the empty database the children use (through the environment) while in the block."""
    base = os.environ.get("QINGJI_HOME")
    if base:
        Path(base).mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="qingji-bench-", dir=base) as home:
            os.environ["QINGJI_HOME"] = home
            if not url or not url.startswith(("postgres://", "postgresql://")):
                yield url or f"sqlite in {home}"
                return
            with _new_postgresql_database(url) as name:
                yield name
    finally:
        if base is None:
            os.environ.pop("QINGJI_HOME", None)
        else:
            os.environ["QINGJI_HOME"] = base


@contextmanager
def _new_postgresql_database(url: str) -> Iterator[str]:
    import psycopg

    parts = urlsplit(url)
    name = f"qingji_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["QINGJI_DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    try:
        yield f"postgresql {parts.hostname}:{parts.port}/{name} (new, empty)"
    finally:
        os.environ["QINGJI_DATABASE_URL"] = url
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=1, help="runs, each on a new empty database")
    parser.add_argument("--dir", type=Path, default=ROOT / "bench-data")
    args = parser.parse_args()
    cases, events = prepare(args.dir, args.cases, args.events)
    qingji = str(Path(sys.executable).with_name("qingji"))
    for run in range(1, args.runs + 1):
        with empty_database(os.environ.get("QINGJI_DATABASE_URL")) as database:
            print(f"run {run}: {database}; input: {args.cases:,} cases, {args.events:,} events", flush=True)
            measure([qingji, "init"])
            for label, command in (
                ("import into an empty database", ["import", str(cases), "--events", str(events)]),
                ("the same files again (nothing changes)", ["import", str(cases), "--events", str(events)]),
                ("snapshot of every case", ["snapshot", "--as-of", AS_OF.isoformat()]),
            ):
                seconds, mib = measure([qingji, *command])
                target = {"import into": " (target < 120 s)", "snapshot": " (target < 30 s)"}
                note = next((text for key, text in target.items() if label.startswith(key)), "")
                print(f"  {label}: {seconds:.1f} s, peak {mib:,.0f} MiB{note}", flush=True)


if __name__ == "__main__":
    main()
