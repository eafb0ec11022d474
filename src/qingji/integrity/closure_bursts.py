"""mass_closure: a judge (or a whole court) closing far more cases than usual in the days before a bulletin or a
campaign date, most of them by withdrawal, transfer or enforcement "ended for now" — the tell of cases pressed to
withdraw or closed on paper to meet a figure (rules/trial-periods.md §5 (d), (e)).

For each key date K (the bulletin days of every month, and the campaigns' dates when the database is read) the
window is the ``burst_window_days`` days before K; the usual count is the same unit's closures over the
``burst_baseline_days`` before the window, scaled to the window's length. A window fires when its closures reach
``burst_min_closures`` and ``burst_factor`` times the usual count, and ``burst_method_share`` of them were closed
by one of ``burst_methods``; each case of the window so closed is a finding."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import numpy as np
import polars as pl

from qingji.integrity.findings import Check, Finding
from qingji.integrity.thresholds import Thresholds

LOOKBACK_MONTHS = 12  # the key dates of the last year are looked at


def key_dates(as_of: date, bulletin_days: Iterable[int], extra: Iterable[date] = ()) -> list[date]:
    """The bulletin days of the last twelve months up to ``as_of``, and the ``extra`` dates in that time."""
    first = date(as_of.year - 1, as_of.month, 1)
    days = sorted(set(bulletin_days))
    result: set[date] = set()
    year, month = first.year, first.month
    while (year, month) <= (as_of.year, as_of.month):
        result.update(d for day in days if (d := date(year, month, day)) <= as_of and d >= first)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    result.update(d for d in extra if first <= d <= as_of)
    return sorted(result)


def mass_closures(
    cases: pl.DataFrame, as_of: date, thresholds: Thresholds, dates: list[date]
) -> list[Finding]:
    if "closure_method" not in cases.columns or not dates:
        return []
    window, baseline = thresholds.burst_window_days, thresholds.burst_baseline_days
    earliest = dates[0] - timedelta(days=window + baseline)
    pattern = "|".join(thresholds.burst_methods)
    closed = cases.filter(
        pl.col("closed_on").is_not_null() & pl.col("closed_on").is_between(earliest, as_of)
    ).select(
        "case_number", "court_code", "closed_on", "closure_method",
        judge=pl.col("judge").fill_null(""),
        tell=pl.col("closure_method").str.contains(pattern).fill_null(False),
        day=(pl.col("closed_on") - pl.lit(earliest)).dt.total_days(),
    ).sort("day")  # fmt: skip
    found: dict[str, Finding] = {}
    for unit in (["court_code", "judge"], ["court_code"]):
        for key, group in closed.group_by(unit, maintain_order=True):
            court, judge = str(key[0]), (str(key[1]) if len(key) > 1 and key[1] else None)
            if len(unit) == 2 and not judge:
                continue
            _unit_bursts(group, court, judge, earliest, dates, thresholds, found)
    return list(found.values())


def _unit_bursts(
    group: pl.DataFrame, court: str, judge: str | None, earliest: date, dates: list[date],
    thresholds: Thresholds, found: dict[str, Finding],
) -> None:  # fmt: skip
    window, baseline = thresholds.burst_window_days, thresholds.burst_baseline_days
    days = group.get_column("day").to_numpy()
    tells = np.cumsum(np.concatenate(([0], group.get_column("tell").to_numpy().astype(np.int64))))
    for key in dates:
        k = (key - earliest).days
        lo, hi = np.searchsorted(days, [k - window, k], side="left")
        count = int(hi - lo)
        if count < thresholds.burst_min_closures:
            continue
        b_lo = np.searchsorted(days, k - window - baseline, side="left")
        usual = (lo - b_lo) * window / baseline
        told = int(tells[hi] - tells[lo])
        if count < thresholds.burst_factor * usual or told < thresholds.burst_method_share * count:
            continue
        rows = group.slice(int(lo), count)
        methods = rows.get_column("closure_method").fill_null("").value_counts(sort=True)
        breakdown = {str(m): int(n) for m, n in methods.iter_rows()}
        start = key - timedelta(days=window)
        who = f"{court} {judge}" if judge else court
        for row in rows.filter(pl.col("tell")).iter_rows(named=True):
            if row["case_number"] in found:
                continue
            found[row["case_number"]] = Finding(
                Check.MASS_CLOSURE, row["case_number"], court, judge or (row["judge"] or None),
                "rules §5 (d), (e)",
                f"{who}在{key}前{window}日（{start}至{key - timedelta(days=1)}）结案{count}件，为平时的"
                f"{count / usual if usual else float('inf'):.1f}倍（平时约{usual:.1f}件）；其中撤诉、移送、终本{told}件；"
                f"本案{row['closed_on']}以{row['closure_method']}结案",
                f"{who} closed {count} cases in the {window} days before {key} ({start}..{key - timedelta(days=1)}), "
                f"{count / usual if usual else float('inf'):.1f} times the usual {usual:.1f}; {told} by withdrawal, "
                f"transfer or ended-for-now; this one on {row['closed_on']} by {row['closure_method']}",
                {"key_date": str(key), "window_start": str(start), "closures": count, "usual": round(usual, 2),
                 "by_method": breakdown, "unit": "judge" if judge else "court",
                 "closed_on": str(row["closed_on"]), "closure_method": row["closure_method"]},
            )  # fmt: skip
