"""generate() and write(): a whole synthetic court system in the interchange format (DESIGN.md §6).

The order of work, each step for all cases at once:

1. cases: court, kind, cause, filing date, closure method and net working time, numbered and put in file order
   (cases.py);
2. a first plan of extensions and conversions without deductions, to know how many such events there will be;
3. deductions, as many as bring the events to about ``events_per_case`` per case (deductions.py);
4. closing dates (closing.py), the final plan (ladder.py), and the few cases that just miss their period;
5. judges, parties, and the two frames (cases.py, parties.py, events.py).

One ``numpy.random.Generator`` seeded with ``seed`` makes every draw in a fixed order, and nothing reads the
clock, so the same arguments give the same files byte for byte.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from qingji.synth.cases import (
    CAUSES,
    METHODS,
    CaseDraw,
    assign_judges,
    case_frame,
    custody_cells,
    draw_cases,
    number_cases,
)
from qingji.synth.closing import Closing
from qingji.synth.deductions import EARLY_BIAS, KIND_NAMES, LENGTHS, draw_counts, draw_deductions
from qingji.synth.events import events_frame
from qingji.synth.kinds import KINDS
from qingji.synth.ladder import LadderDraws, kind_table, plan
from qingji.synth.parties import parties
from qingji.synth.people import build_roster
from qingji.synth.sampling import BoolArray, FloatArray
from qingji.synth.timeline import Timeline, build_timeline

NOTICE_TAKEN = 0.95  # 民特 cases that need a public notice and have one
# Export dates whose filings (about three years before) take modern case numbers (2016 on) and years the number
# pattern reads (up to 2099).
FIRST_EXPORT_YEAR, LAST_EXPORT_YEAR = 2019, 2099


def generate(
    cases: int, seed: int, until: date, events_per_case: float = 0.6
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Returns (cases_frame, events_frame) with the interchange-format Chinese column names.

    ``until`` is the export date: no case is filed, closed, extended or converted after it; a case that would
    close later is pending (empty 结案日期). ``events_per_case`` is the average number of events per case.
    """
    if cases < 0:
        raise ValueError(f"案件数不能为负 / cases must be 0 or more: {cases}")
    if not math.isfinite(events_per_case) or events_per_case < 0:
        raise ValueError(f"events_per_case must be a finite number ≥ 0: {events_per_case}")
    if not FIRST_EXPORT_YEAR <= until.year <= LAST_EXPORT_YEAR:
        raise ValueError(f"until must lie in {FIRST_EXPORT_YEAR}–{LAST_EXPORT_YEAR}: {until}")
    rng = np.random.default_rng(seed)
    timeline = build_timeline(until)
    roster = build_roster(rng)
    draw = draw_cases(rng, cases, timeline)
    serial, year, order = number_cases(draw)
    draw, serial, year = draw.take(order), serial[order], year[order]  # from here on, in file order
    n = len(draw)
    table = kind_table()
    draws = LadderDraws.draw(rng, n)
    minimum = np.array([m.minimum for m in METHODS], dtype=np.int64)[draw.method]
    closing = Closing.draw(rng, timeline, draw.anchor, draw.net, minimum)
    keep_draw = rng.random(n)
    notice = np.array([c.notice for c in CAUSES], dtype=np.int64)[draw.cause]
    forced = (notice > 0) & (rng.random(n) < NOTICE_TAKEN)

    zero = np.zeros(n, dtype=np.int64)
    everyone = np.ones(n, dtype=np.bool_)
    first = plan(
        table, draws, timeline, kind=draw.kind, anchor=draw.anchor, close=closing.dates(zero, draw.anchor),
        deducted=zero, allow=everyone,
    )  # fmt: skip
    restarted = (draw.restart >= 0) & (draw.anchor <= timeline.until)
    fixed = first.count + int(restarted.sum()) + int(forced.sum())
    base_rate = np.array([k.deduction_rate for k in KINDS])[draw.kind] * (draw.net >= 2)
    scale, allow = _budget(events_per_case * n, fixed, base_rate, draw, timeline, keep_draw)
    forced &= allow

    counts = draw_counts(rng, base_rate * scale, forced)
    mediated = (
        np.array([m.label == "调解" for m in METHODS])[draw.method]
        & np.array([k.family == "民" for k in KINDS])[draw.kind]
    )
    kind_weights = [[k.deduction_kinds.get(name, 0.0) for name in KIND_NAMES] for k in KINDS]
    deductions = draw_deductions(
        rng, counts=counts, forced=forced, notice_days=notice, kind_weights=kind_weights, case_kind=draw.kind,
        mediated=mediated, anchor=draw.anchor, net=draw.net,
    )  # fmt: skip
    last_end = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(last_end, deductions.case, deductions.end)
    close = closing.dates(deductions.total, np.maximum(draw.anchor, last_end))
    ladder = plan(
        table, draws, timeline, kind=draw.kind, anchor=draw.anchor, close=close, deducted=deductions.total,
        allow=allow,
    )  # fmt: skip
    close = closing.slip(close, ladder.expiry, ladder.expiry - deductions.total - ladder.anchor)

    judge, divisions = assign_judges(rng, draw, roster)
    frame = case_frame(
        draw, serial=serial, year=year, closed=close, until=timeline.until, judge=judge, divisions=divisions,
        roster=roster, custody=custody_cells(rng, draw),
        parties=parties(rng, [c.parties for c in CAUSES], draw.cause, draw.court),
    )  # fmt: skip
    events = events_frame(
        rng, draw=draw, case_numbers=frame["案号"], deductions=deductions, ladder=ladder,
        restart_rows=np.flatnonzero(restarted & allow), until=timeline.until,
    )  # fmt: skip
    return frame, events


def _budget(
    target: float,
    fixed: int,
    base_rate: FloatArray,
    draw: CaseDraw,
    timeline: Timeline,
    keep_draw: FloatArray,
) -> tuple[float, BoolArray]:
    """(deduction scale, cases allowed their extensions, conversions and restarts) for ``target`` events.

    Deductions fill what the ``fixed`` events leave. Those that would start after the export date are not seen,
    so the rate is set against the share of each case's deductions that start before it (_seen_share), three
    times, each with the deductions the previous scale implies. When even the fixed events are too many, some
    cases keep none (and may be overdue).
    """
    n = len(draw)
    if target < fixed:
        return 0.0, keep_draw < (target / fixed)
    mean_length = np.array([_mean_length(k.deduction_kinds) for k in KINDS])[draw.kind]
    time_left = (timeline.until - draw.anchor).astype(np.float64)
    scale = 0.0
    for _ in range(3):
        seen = _seen_share(time_left, draw.net.astype(np.float64), base_rate * scale * mean_length)
        expected = float((base_rate * seen).sum())
        scale = (target - fixed) / expected if expected > 0 else 0.0
    return scale, np.ones(n, dtype=np.bool_)


def _seen_share(time_left: FloatArray, net: FloatArray, deducted: FloatArray) -> FloatArray:
    """The share of a case's deductions that start within ``time_left`` days of its anchor.

    A deduction at position u (uniform) starts about u^EARLY_BIAS × net days into the case's working time, after
    about u × ``deducted`` days of the deductions before it; the share is the u where that reaches time_left.
    """
    share = np.where(time_left >= net + deducted, 1.0, 0.0)
    rows = np.flatnonzero((time_left > 0) & (time_left < net + deducted))
    low, high = np.zeros(len(rows)), np.ones(len(rows))
    left, n, d = time_left[rows], net[rows], deducted[rows]
    for _ in range(30):
        middle = (low + high) / 2
        over = middle**EARLY_BIAS * n + middle * d > left
        high = np.where(over, middle, high)
        low = np.where(over, low, middle)
    share[rows] = (low + high) / 2
    return share


def _mean_length(weights: dict[str, float]) -> float:
    """The mean length in days of a deduction drawn with these kind weights."""
    total = sum(weights.values())
    mean = 0.0
    for name, weight in weights.items():
        spec = LENGTHS[name]
        typical = spec.median * math.exp(spec.sigma**2 / 2) if spec.sigma > 0 else (spec.low + spec.high) / 2
        mean += weight / total * min(max(typical, spec.low), spec.high)
    return mean


def write(
    out_dir: Path, cases: int, seed: int, until: date, events_per_case: float = 0.6
) -> tuple[Path, Path]:
    """Writes out_dir/cases.csv and out_dir/events.csv (UTF-8, no BOM, header row) and returns both paths."""
    cases_frame, events = generate(cases, seed, until, events_per_case)
    out_dir.mkdir(parents=True, exist_ok=True)
    cases_path = out_dir / "cases.csv"
    events_path = out_dir / "events.csv"
    cases_frame.write_csv(cases_path, date_format="%Y-%m-%d")
    events.write_csv(events_path, date_format="%Y-%m-%d")
    return cases_path, events_path
