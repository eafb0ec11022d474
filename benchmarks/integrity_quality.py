"""Benchmark: precision and recall of the integrity checks on a synthetic court system with labelled anomalies.

Generates a court system (100,000 cases by default), injects each check's anomaly into ``--rate`` of the cases
(qingji.synth.anomalies; docs/synth-anomalies.md), writes the files and reads them back as qingji reads an export,
computes the ledger on the export date and runs the checks (qingji.integrity.checks.run_checks with the default
Thresholds). Findings are matched to the labels per check: by case number, and for outlier_share by court and
judge. Labels are those injected and those the generator's data already holds (local deduction kinds, coincidences:
source "generator"); the last column is the recall on the injected ones alone. Prints the table and the time taken.

    .venv/bin/python benchmarks/integrity_quality.py [--cases 100000] [--rate 0.003] [--seed 1] [--reference]

--reference scores the synthetic court system's own reference (qingji.synth.anomaly_oracle) instead of the checks:
what the labels were made with, so that every figure is 1.00 but outlier_share's recall (its default thresholds are
out of reach on this data).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from common import AS_OF
from qingji.core.calendar import WorkCalendar
from qingji.core.dates import add_months
from qingji.engine.ledger import compute_ledger
from qingji.forecast.backtest import backtest
from qingji.integrity.checks import run_checks
from qingji.integrity.thresholds import Thresholds
from qingji.interchange import read_cases, read_events
from qingji.synth import generate
from qingji.synth.anomalies import CHECKS, Injected, inject

JUDGE_LEVEL = "outlier_share"
BACKTEST_MONTHS = 6


@dataclass(frozen=True)
class Found:
    check: str
    case_number: str | None
    court_code: str | None
    judge: str | None


def key(check: str, case_number: str | None, court_code: str | None, judge: str | None) -> str:
    """What a finding and a label are matched on: the case, or for the judge-level check the court and judge."""
    return f"{court_code}/{judge}" if check == JUDGE_LEVEL else str(case_number)


def run(
    cases: pl.DataFrame,
    events: pl.DataFrame,
    ledger: pl.DataFrame,
    until: date,
    reference: Injected | None = None,
) -> list[Found]:
    """The findings on the frames read back: of the checks, or of the reference on the injected frames."""
    if reference is not None:
        from qingji.synth.anomaly_oracle import findings

        return [Found(*row) for row in findings(reference.cases, reference.events, ledger, until).iter_rows()]
    report = run_checks(cases, events, ledger, until, Thresholds())
    return [Found(f.check, f.case_number, f.court_code, f.judge) for f in report.findings]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=0.003)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--until", type=date.fromisoformat, default=AS_OF)
    parser.add_argument("--events-per-case", type=float, default=0.6)
    parser.add_argument("--reference", action="store_true", help="score the reference instead of the checks")
    args = parser.parse_args()
    calendar = WorkCalendar.official()
    started = time.perf_counter()
    case_frame, event_frame = generate(args.cases, args.seed, args.until, args.events_per_case)
    generated = time.perf_counter()
    injected = inject(case_frame, event_frame, args.until, calendar, rate=args.rate, seed=args.seed)
    injected_at = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="qingji-quality-") as folder:
        cases_path, events_path = Path(folder) / "cases.csv", Path(folder) / "events.csv"
        injected.cases.write_csv(cases_path, date_format="%Y-%m-%d")
        injected.events.write_csv(events_path, date_format="%Y-%m-%d")
        injected.labels.write_csv(Path(folder) / "labels.csv")
        read = read_cases(cases_path, args.until)
        read_evts = read_events(events_path, read.frame.get_column("case_number"))
    problems = len(read.problems) + len(read_evts.problems)
    read_at = time.perf_counter()
    ledger = compute_ledger(read.frame, read_evts.frame, args.until, calendar)
    ledger_at = time.perf_counter()
    found = run(read.frame, read_evts.frame, ledger, args.until, injected if args.reference else None)
    checked_at = time.perf_counter()

    labels = injected.labels
    print(
        f"{args.cases:,} cases ({read.frame.height:,} with the new ones), {read_evts.frame.height:,} events, "
        f"rate {args.rate}, seed {args.seed}, as of {args.until}; {labels.height:,} labels; "
        f"{problems} rows not read back"
    )
    print(
        f"{'check':<26}{'labels (inj/gen)':>18}{'findings':>10}{'true pos':>10}{'precision':>11}{'recall':>8}"
        f"{'recall inj':>12}"
    )
    for check in CHECKS:
        rows = labels.filter(pl.col("check") == check)
        truth = {
            key(check, n, c, j): source
            for n, c, j, source in rows.select("case_number", "court_code", "judge", "source").rows()
        }
        injected_keys = {k for k, source in truth.items() if source == "injected"}
        hits = {key(f.check, f.case_number, f.court_code, f.judge) for f in found if f.check == check}
        true = hits & set(truth)
        precision = f"{len(true) / len(hits):.2f}" if hits else "–"
        recall = f"{len(true) / len(truth):.2f}" if truth else "–"
        recall_injected = f"{len(hits & injected_keys) / len(injected_keys):.2f}" if injected_keys else "–"
        counts = f"{len(injected_keys)}/{len(truth) - len(injected_keys)}"
        print(
            f"{check:<26}{counts:>18}{len(hits):>10}{len(true):>10}{precision:>11}{recall:>8}{recall_injected:>12}"
        )
    print(
        f"time: generate {generated - started:.1f} s, inject {injected_at - generated:.1f} s, write and read back "
        f"{read_at - injected_at:.1f} s, ledger {ledger_at - read_at:.1f} s, checks {checked_at - ledger_at:.1f} s; "
        f"total {checked_at - started:.1f} s"
    )
    # The forecast's error on the same court system: the projection as known six months before the export date,
    # against what the files say happened at each month end since (docs/forecast.md; benchmarks/forecast_backtest.py
    # runs more starts).
    start = add_months(args.until, -BACKTEST_MONTHS)
    tested = backtest(read.frame, read_evts.frame, start, BACKTEST_MONTHS, calendar, known_until=args.until)
    print(
        f"forecast backtest from {start}, {BACKTEST_MONTHS} month ends: mean absolute percentage error "
        f"{tested.mape or 0:.2f}%, mean absolute error {tested.mean_absolute_error or 0:.1f} cases, "
        f"{tested.share_inside or 0:.0%} of actual counts inside the 80% interval "
        f"({time.perf_counter() - checked_at:.1f} s)"
    )


if __name__ == "__main__":
    main()
