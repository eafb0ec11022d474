"""A judge who deducts far more than the others: check 10 of issue 14 (rules §5, hidden over-deadline practice (b):
appraisal, notice or suspension time recorded that is not real).

About 70% of one judge's cases closed in the last 12 months or pending are given an allowed deduction (rules §3.1,
§3.2: 鉴定 in civil and administrative cases, 中止 in enforcement) of 60–150 days, placed in the case's free time and
starting before its expiry, so that each case stays valid and fires no check of its own: only the judge's share of
deducted and extended time stands out. 1–3 judges with at least 30 such cases, in civil, administrative or
enforcement divisions.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from qingji.core.casenumber import parse_case_number
from qingji.core.dates import add_months
from qingji.core.typecodes import Family
from qingji.synth.anomaly_oracle import WITHDRAWAL, Limits
from qingji.synth.anomaly_placing import allowed, days, deduction_row, gaps, life, place
from qingji.synth.anomaly_rules import MASS_CLOSURE, OUTLIER_SHARE, Row, deadline_of
from qingji.synth.anomaly_work import Work, family_of

SHARE_GIVEN = 0.7
SHARE_ENOUGH = 0.5  # a judge whose cases leave room for fewer is passed over
LENGTH = (60, 150)
MINIMUM_CASES = 30
MOST_JUDGES = 3
CASES_PER_JUDGE = 100  # judges picked: one per this many cases wanted, 1–3
KIND_BY_FAMILY = {Family.CIVIL: "鉴定", Family.ADMINISTRATIVE: "鉴定", Family.ENFORCEMENT: "中止"}


def inject_outliers(work: Work, rate: float, limits: Limits | None = None) -> None:
    limits = limits or Limits()
    judges = min(MOST_JUDGES, max(1, round(work.wanted(rate) / CASES_PER_JUDGE))) if rate > 0 else 0
    if not judges:
        return
    since = add_months(work.until, -limits.share_months)
    counted = work.info.filter(
        pl.col("承办法官").is_not_null()
        & (pl.col("结案日期").is_null() | (pl.col("结案日期") > pl.lit(since)))
        & pl.col("expiry").is_not_null()
    )
    # The judges of a mass closure are left alone: one judge-level anomaly each.
    taken = {(lb.court_code, lb.judge) for lb in work.labels if lb.check in (MASS_CLOSURE, OUTLIER_SHARE)}
    sizes = (
        counted.group_by("court_code", "承办法官")
        .agg(cases=pl.len())
        .filter(pl.col("cases") >= MINIMUM_CASES)
        .sort("court_code", "承办法官")
    )
    done = 0
    for index in work.rng.permutation(sizes.height).tolist():
        if done >= judges:
            break
        court, judge, _ = sizes.row(index)
        if (court, judge) in taken:
            continue
        numbers = (
            counted.filter((pl.col("court_code") == court) & (pl.col("承办法官") == judge))
            .get_column("案号")
            .to_list()
        )
        if _give(work, court, judge, numbers):
            done += 1


def _give(work: Work, court: str, judge: str, numbers: list[str]) -> bool:
    """Deductions for about 70% of the judge's ``numbers``; kept only when at least half can take one."""
    target = round(SHARE_GIVEN * len(numbers))
    proposals: list[tuple[str, Row, list[Row], tuple[date, date], str]] = []
    for number in work.shuffled(numbers):
        if len(proposals) >= target:
            break
        proposal = _propose(work, number)
        if proposal is not None:
            proposals.append((number, *proposal))
    if len(proposals) < SHARE_ENOUGH * len(numbers):
        return False
    for number, case, events, _, _ in proposals:
        work.put(number, case, events)
    kinds = "、".join(dict.fromkeys(kind for *_, kind in proposals))
    total = sum((end - start).days + 1 for _, _, _, (start, end), _ in proposals)
    work.label_judge(
        OUTLIER_SHARE,
        court,
        judge,
        f"为该法官近12个月已结及未结的{len(numbers)}件案件中的{len(proposals)}件加入{kinds}扣除"
        f"（{LENGTH[0]}–{LENGTH[1]}日，共{total}日）",
    )
    return True


def _propose(work: Work, number: str) -> tuple[Row, list[Row], tuple[date, date], str] | None:
    code = parse_case_number(number).type_code
    family = family_of(code)
    kind = KIND_BY_FAMILY.get(family) if family else None
    if kind is None or not allowed(kind, code):
        return None
    case, events = work.case(number), work.case_events(number)
    expiry = deadline_of(case, events, work.until, work.calendar).expiry
    if expiry is None:
        return None
    free = gaps(events, *life(case, events, work.until), work.until)
    spot = place(work.rng, free, *LENGTH, expiry - days(1))
    if spot is None:
        return _delayed(work, case, events, kind, free, expiry)
    new = [*events, deduction_row(number, kind, *spot)]
    return (case, new, spot, kind) if work.fits(case, new, None) else None


def _delayed(
    work: Work, case: Row, events: list[Row], kind: str, free: list[tuple[date, date]], expiry: date
) -> tuple[Row, list[Row], tuple[date, date], str] | None:
    """A closed case too short for the deduction: the deduction delays it, and its closing and every event after
    the deduction's start move on by its length (an appraisal holds the judgment up), if that is before the
    export date."""
    closed: date | None = case["结案日期"]
    starts = [a for a, b in free if a < expiry]
    if closed is None or not starts:
        return None
    length = int(work.rng.integers(LENGTH[0], LENGTH[1] + 1))
    later = work.calendar.roll_forward(closed + days(length)).date
    # A withdrawal moved must not look like the first half of a withdraw-and-refile, nor stop looking like one.
    withdrawn = any(w in (case["结案方式"] or "") for w in WITHDRAWAL)
    if later > work.until or (
        withdrawn and (work.refiled_after(case["案号"], later) or work.refiled_after(case["案号"], closed))
    ):
        return None
    start = starts[int(work.rng.integers(len(starts)))]
    moved = days(length + 1)

    def shift(value: date | None) -> date | None:
        return value + moved if value is not None and value > start else value

    new = [
        {
            **e,
            "开始日期": shift(e["开始日期"]),
            "结束日期": shift(e["结束日期"]),
            "批准日期": shift(e["批准日期"]),
        }
        for e in events
    ]
    spot = (start, start + days(length - 1))
    new.append(deduction_row(case["案号"], kind, *spot))
    delayed = {**case, "结案日期": later}
    return (delayed, new, spot, kind) if work.fits(delayed, new, None) else None
