"""Mass closure before a bulletin: check 8 of issue 14 (rules §5: "clearing" figures made by withdrawals, transfers
and 终结本次执行 just before the numbers are counted; DESIGN.md §1: a bulletin every 10 days).

A judge's pending cases, 12–20 of them, are closed in the 5 days before a bulletin date (the 1st, 11th or 21st):
civil and administrative cases by withdrawal (撤诉), or transfer (移送) where a withdrawal would look like the first
half of a withdraw-and-refile, enforcement cases by 终结本次执行 (only after 3 months of enforcement, as the
generator has it). Only cases whose every event lies before the window are moved, so that nothing is left after the
new closing date. The window is chosen so that the judge then closes at least 10 cases in it, at least 3 times the
usual for 5 days over the 180 days before, at least half of them so; every case of the window closed so is
labelled, the ones closed there before too.

It runs first, on the cases as generated: the judges' closings are those of the files given.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np
import polars as pl

from qingji.synth.anomaly_oracle import CLEARING_METHODS, WITHDRAWAL, Limits, bulletin_dates
from qingji.synth.anomaly_placing import days
from qingji.synth.anomaly_rules import MASS_CLOSURE, Row
from qingji.synth.anomaly_work import Work
from qingji.synth.sampling import BoolArray, IntArray

MOVED = (12, 20)
CASES_PER_WINDOW = 16
ENFORCEMENT_MINIMUM = 92  # 终本 after three months of enforcement (synth.kinds: minimum=92)
METHOD_BY_TYPE = {"民初": "撤诉", "行初": "撤诉", "执": "终结本次执行", "执恢": "终结本次执行"}
TRANSFER = "移送"
EPOCH = date(1970, 1, 1)


def _day(value: date) -> int:
    return (value - EPOCH).days


def _history(work: Work, limits: Limits) -> pl.DataFrame:
    """Per case of the four kinds above: judge, filing day, closing day (far future while pending), the last day
    of its events (far future with an open deduction), and whether it was closed by a clearing method."""
    events = work.original_events.select(
        "案号",
        last=pl.max_horizontal("开始日期", "结束日期", "批准日期"),
        open=(pl.col("事项") == "扣除审限") & pl.col("结束日期").is_null(),
    )
    per_case = events.group_by("案号").agg(pl.col("last").max(), pl.col("open").any())
    far = 10**6
    return (
        work.info.join(per_case, on="案号", how="left", maintain_order="left")
        .filter(pl.col("承办法官").is_not_null())
        .select(
            "案号",
            who=pl.concat_str("court_code", "承办法官", separator="/"),
            type_code="type_code",
            filed=pl.col("立案日期").cast(pl.Int64),
            closed=pl.col("结案日期").cast(pl.Int64).fill_null(far),
            last=pl.when(pl.col("open").fill_null(False))
            .then(pl.lit(far))
            .otherwise(pl.col("last").cast(pl.Int64).fill_null(0)),
            clearing=pl.col("结案方式").str.contains("|".join(CLEARING_METHODS)).fill_null(False),
        )
    )


@dataclass(frozen=True)
class Judge:
    """One judge's cases as arrays (days since 1970): what a window is judged on."""

    numbers: list[str]
    filed: IntArray
    closed: IntArray
    last: IntArray
    clearing: BoolArray
    movable: (
        BoolArray  # of a kind that can be closed so, and 终本 only after three months (checked per window)
    )
    enforcement: BoolArray

    @classmethod
    def of(cls, cases: pl.DataFrame) -> Judge:
        kinds = cases.get_column("type_code")
        return cls(
            numbers=cases.get_column("案号").to_list(),
            filed=cases.get_column("filed").to_numpy(),
            closed=cases.get_column("closed").to_numpy(),
            last=cases.get_column("last").to_numpy(),
            clearing=cases.get_column("clearing").to_numpy(),
            movable=kinds.is_in(list(METHOD_BY_TYPE)).to_numpy(),
            enforcement=kinds.str.starts_with("执").to_numpy(),
        )


def inject_closures(work: Work, rate: float, limits: Limits | None = None) -> None:
    """About ``rate`` of the cases closed in windows of mass closure, one judge each."""
    limits = limits or Limits()
    windows = max(1, round(work.wanted(rate) / CASES_PER_WINDOW)) if rate > 0 else 0
    if not windows:
        return
    first = work.original.get_column("立案日期").min()
    if not isinstance(first, date):
        return
    dates = bulletin_dates(first + days(limits.history_days + limits.window_days), work.until)
    # The bulletins of the last year first: those a court still looks back on (a check may look no further).
    year_ago = date(work.until.year - 1, work.until.month, 1)
    recent = [d for d in dates if d >= year_ago]
    older = [d for d in dates if d < year_ago]
    by_judge = _history(work, limits).partition_by("who", as_dict=True, maintain_order=True)
    judges = sorted(str(key[0]) for key in by_judge)
    done = 0
    for index in work.rng.permutation(len(judges)).tolist():
        if done >= windows:
            break
        judge = Judge.of(by_judge[(judges[index],)])
        order = [recent[i] for i in work.rng.permutation(len(recent)).tolist()]
        order += [older[i] for i in work.rng.permutation(len(older)).tolist()]
        if any(_close_window(work, judge, bulletin, limits) for bulletin in order):
            done += 1


def _close_window(work: Work, judge: Judge, bulletin: date, limits: Limits) -> bool:
    start, end = _day(bulletin) - limits.window_days, _day(bulletin) - 1  # the window, both ends counted
    closed, filed = judge.closed, judge.filed
    movable = (
        judge.movable
        & (filed < start)
        & (closed > end)
        & (judge.last < start)
        & (~judge.enforcement | (filed + ENFORCEMENT_MINIMUM <= start))
    )
    if movable.sum() < MOVED[0]:
        return False
    in_window = (closed >= start) & (closed <= end)
    before = int(((closed >= start - limits.history_days) & (closed < start)).sum())
    usual = before * limits.window_days / limits.history_days
    existing, cleared = int(in_window.sum()), int((in_window & judge.clearing).sum())
    numbers = [judge.numbers[i] for i in np.flatnonzero(movable).tolist() if work.free(judge.numbers[i])]
    needed = max(
        MOVED[0],
        limits.window_minimum - existing,
        math.floor(limits.window_ratio * usual) + 1 - existing,
        math.ceil((limits.window_share * existing - cleared) / (1 - limits.window_share)),
    )
    if needed > min(MOVED[1], len(numbers)):
        return False
    stay = [judge.numbers[i] for i in np.flatnonzero(in_window & judge.clearing).tolist()]
    if not all(work.free(n) for n in stay):
        return False
    wanted = int(work.rng.integers(needed, min(MOVED[1], len(numbers)) + 1))
    window_days = [date.fromordinal(EPOCH.toordinal() + d) for d in range(start, end + 1)]
    workdays = [d for d in window_days if not work.calendar.is_rest_day(d)] or window_days
    moves: list[tuple[str, Row, list[Row], str]] = []
    for index in work.rng.permutation(len(numbers)).tolist():
        if len(moves) >= wanted:
            break
        number = numbers[index]
        case, events = work.case(number), work.case_events(number)
        if _refiled(work, case):
            continue  # moving its withdrawal would undo a withdraw-and-refile the data holds
        on = workdays[int(work.rng.integers(len(workdays)))]
        method = _method(work, case, on)
        new = {**case, "结案日期": on, "结案方式": method}
        if work.fits(new, events, None):
            moves.append((number, new, events, f"{case['结案日期'] or '未结'}"))
    if len(moves) < needed:
        return False
    total = existing + len(moves)
    summary = (
        f"{bulletin}通报前{limits.window_days}日内该法官结案{total}件，其前{limits.history_days}日平均每"
        f"{limits.window_days}日{usual:.1f}件"
    )
    for number, new, events, old in moves:
        work.put(number, new, events)
        work.label(
            MASS_CLOSURE,
            number,
            f"结案日期由{old}改为{new['结案日期']}，以{new['结案方式']}结案（{summary}）",
        )
    for number in stay:
        work.used.add(number)
        row = work.rows[number]
        work.label(
            MASS_CLOSURE,
            number,
            f"原于{row['结案日期']}以{row['结案方式']}结案，在同一批量结案窗口内（{summary}）",
        )
    return True


def _refiled(work: Work, case: Row) -> bool:
    closed: date | None = case["结案日期"]
    withdrawn = any(w in (case["结案方式"] or "") for w in WITHDRAWAL)
    return closed is not None and withdrawn and work.refiled_after(case["案号"], closed)


def _method(work: Work, case: Row, on: date) -> str:
    """The case's clearing method: a transfer now and then, and where a withdrawal would look like the first half
    of a withdraw-and-refile."""
    method = METHOD_BY_TYPE[work.info_row(case["案号"])["type_code"]]
    if any(w in method for w in WITHDRAWAL) and (
        work.rng.random() < 0.1 or work.refiled_after(case["案号"], on)
    ):
        return TRANSFER
    return method
