"""Benchmark: the forecast (issue 14) on N synthetic cases (default 100,000) — its time, and its error measured by
the backtest (docs/forecast.md).

Generates a synthetic court system with qingji.synth (about three years of filings up to the export date), writes
and reads its files as a court's export is read, computes the ledger on the export date, then times the forecast
(the cases about to age and the backlog projected: qingji.forecast.summary.forecast) and the backtests: the
projection as known on each of ``--starts`` month ends (the last one ``--months`` months before the export date,
the others a month apart before it), against what the files say happened. It prints the times, each backtest's
MAPE and coverage, and over all of them the MAPE per band and the share of actual counts inside the interval.

    .venv/bin/python benchmarks/forecast_backtest.py [--cases 100000] [--seed 2026] [--until 2025-06-30]
        [--months 6] [--starts 6]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--until", type=date.fromisoformat, default=date(2025, 6, 30), help="the export date")
    parser.add_argument("--months", type=int, default=6, help="month ends projected")
    parser.add_argument("--starts", type=int, default=6, help="backtests, a month apart")
    args = parser.parse_args()

    from qingji.core.calendar import WorkCalendar
    from qingji.core.dates import add_months, last_day_of_month
    from qingji.engine.ledger import compute_ledger
    from qingji.forecast.backtest import backtest
    from qingji.forecast.summary import forecast
    from qingji.interchange import read_cases, read_events
    from qingji.synth import generate

    started = time.perf_counter()
    case_frame, event_frame = generate(args.cases, seed=args.seed, until=args.until)
    with tempfile.TemporaryDirectory(prefix="qingji-forecast-") as folder:
        cases_path, events_path = Path(folder) / "cases.csv", Path(folder) / "events.csv"
        case_frame.write_csv(cases_path, date_format="%Y-%m-%d")
        event_frame.write_csv(events_path, date_format="%Y-%m-%d")
        cases = read_cases(cases_path, args.until).frame
        events = read_events(events_path, cases.get_column("case_number")).frame
    generated = time.perf_counter()
    calendar = WorkCalendar.official()
    ledger = compute_ledger(cases, events, args.until, calendar)
    computed = time.perf_counter()
    result = forecast(ledger, args.until, months=args.months)
    forecast_done = time.perf_counter()
    pending = ledger.filter(ledger.get_column("closed_on").is_null()).height
    print(
        f"{cases.height:,} cases ({pending:,} pending on {args.until}), seed {args.seed}: generated and read "
        f"{generated - started:.2f} s, ledger {computed - generated:.2f} s, forecast (ageing and projection of "
        f"{args.months} months) {forecast_done - computed:.2f} s"
    )
    totals = result.ageing.totals
    print(
        "about to age within 30/60/90 days: "
        + "; ".join(f"{key}: {'/'.join(str(n) for n in by.values())}" for key, by in totals.items())
    )

    errors: dict[int, list[float]] = {}
    inside: list[bool] = []
    last_start = add_months(args.until, -args.months)
    last_start = last_start.replace(day=last_day_of_month(last_start.year, last_start.month))
    for back in reversed(range(args.starts)):
        start = add_months(last_start, -back)
        start = start.replace(day=last_day_of_month(start.year, start.month))
        begin = time.perf_counter()
        tested = backtest(cases, events, start, args.months, calendar)
        elapsed = time.perf_counter() - begin
        for row in tested.rows:
            if row.actual:
                errors.setdefault(row.band, []).append(abs(row.error) / row.actual)
            inside.append(row.inside)
        mape = f"{tested.mape:.2f}%" if tested.mape is not None else "—"
        share = f"{tested.share_inside:.0%}" if tested.share_inside is not None else "—"
        print(f"backtest from {start}: {len(tested.rows)} figures, MAPE {mape}, inside the 80% interval {share}, "
              f"{elapsed:.2f} s")  # fmt: skip
    every = [error for band in errors.values() for error in band]
    by_band = ", ".join(f">{band} m {100 * sum(e) / len(e):.2f}%" for band, e in sorted(errors.items()))
    print(
        f"over {args.starts} backtests: MAPE {100 * sum(every) / len(every):.2f}% ({by_band}); inside the 80% "
        f"interval {sum(inside) / len(inside):.0%} of {len(inside)}"
    )


if __name__ == "__main__":
    main()
