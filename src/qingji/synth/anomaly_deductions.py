"""Anomalies in deductions (扣除审限): checks 1–3 of issue 14 (rules §3; rules §5, hidden over-deadline practice (b)).

1. deduction_without_ground: a kind the rules do not allow for the case (local kinds 请示, 审委会, 协调 are off by
   default, rules §3.4), a stay of enforcement over 3 months without approval (Exec-Work-Prov item 77), or a
   deduction that begins after the expiry it would move (CPL-Interp 243; ALL-Interp 50; 2000-Prov Art. 9).
2. deduction_overlap: a second deduction sharing days with one recorded, or one beginning before the filing or
   ending after the closing (C5).
3. deduction_after_cause: a deduction left open after the case closed, stretched past its kind's maximum, or open
   for more than a year.

Every new deduction is placed in the case's free time (anomaly_placing) and kept only when the case then fires its
own check and no other.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import polars as pl

from qingji.core.casenumber import parse_case_number
from qingji.core.typecodes import Family
from qingji.synth.anomaly_placing import (
    Variant,
    allowed,
    days,
    deduction_row,
    deductions,
    gaps,
    life,
    place,
    run_variants,
    span,
)
from qingji.synth.anomaly_rules import (
    DEDUCTION,
    DEDUCTION_AFTER_CAUSE,
    DEDUCTION_OVERLAP,
    DEDUCTION_WITHOUT_GROUND,
    OPEN_LIMIT_DAYS,
    STAY,
    Row,
    deadline_of,
    kind_maximum,
)
from qingji.synth.anomaly_work import Work, family_of

LOCAL_KINDS = ("请示", "审委会", "协调")  # rules §3.4: off unless a court switches them on
FOREIGN_KINDS = ("拍卖变卖", "暂缓执行", "精神病鉴定", "检察院阅卷", "调解", "鉴定", "公告", "和解")
# Kinds the rules allow per family, for a deduction that should count (rules §3.1, §3.2).
COUNTED_KINDS: dict[Family, tuple[str, ...]] = {
    Family.CIVIL: ("鉴定", "审计评估", "中止"),
    Family.ADMINISTRATIVE: ("鉴定", "中止", "审计评估"),
    Family.ENFORCEMENT: ("拍卖变卖", "审计评估", "中止", "鉴定"),
    Family.CRIMINAL: ("精神病鉴定", "中止"),
}
STRETCHED = ("公告", "延期审理", "更换辩护人")
LONG_STAY = (100, 150)  # days: a stay clearly longer than 3 months


def counted_kinds(type_code: str, *, besides: str | None = None) -> list[str]:
    family = family_of(type_code)
    kinds = COUNTED_KINDS.get(family, ()) if family else ()
    return [k for k in kinds if allowed(k, type_code) and k != besides]


def _setting(work: Work, number: str) -> tuple[Row, list[Row], str, date | None]:
    case, events = work.case(number), work.case_events(number)
    expiry = deadline_of(case, events, work.until, work.calendar).expiry
    return case, events, parse_case_number(number).type_code, expiry


def _pick(work: Work, options: Sequence[str]) -> str:
    return options[int(work.rng.integers(len(options)))]


# 1. deduction_without_ground


def not_allowed(work: Work, number: str) -> str | None:
    case, events, code, expiry = _setting(work, number)
    pool = LOCAL_KINDS if work.rng.random() < 0.5 else FOREIGN_KINDS
    kinds = [k for k in pool if not allowed(k, code)] or list(LOCAL_KINDS)
    kind = _pick(work, kinds)
    if expiry is None:
        return None
    spot = place(
        work.rng, gaps(events, *life(case, events, work.until), work.until), 10, 40, expiry - days(1)
    )
    if spot is None or not work.keep(
        number, case, [*events, deduction_row(number, kind, *spot)], DEDUCTION_WITHOUT_GROUND
    ):
        return None
    if kind in LOCAL_KINDS:
        return f"加入地方性扣除类别{kind}的期间 {span(*spot)}（默认不计，rules §3.4）"
    return f"加入该类案件不得扣除的{kind}期间 {span(*spot)}（rules §3.1, §3.2）"


def long_stay(work: Work, number: str) -> str | None:
    case, events, _, expiry = _setting(work, number)
    if expiry is None:
        return None
    free = gaps(events, *life(case, events, work.until), work.until)
    spot = place(work.rng, free, *LONG_STAY, expiry - days(1))
    if spot is None or not work.keep(
        number, case, [*events, deduction_row(number, STAY, *spot)], DEDUCTION_WITHOUT_GROUND
    ):
        return None
    return f"加入未经批准的暂缓执行 {span(*spot)}，超过3个月（Exec-Work-Prov item 77）"


def after_expiry(work: Work, number: str) -> str | None:
    case, events, code, expiry = _setting(work, number)
    kinds = counted_kinds(code)
    if expiry is None or not kinds:
        return None
    first, last = life(case, events, work.until)
    free = gaps(events, max(first, expiry + days(1)), last, work.until)
    kind = _pick(work, kinds)
    spot = place(work.rng, free, 10, 60, expiry + days(30))
    if spot is None or not work.keep(
        number, case, [*events, deduction_row(number, kind, *spot)], DEDUCTION_WITHOUT_GROUND
    ):
        return None
    return f"审限届满（{expiry}）后才开始的{kind}期间 {span(*spot)}（CPL-Interp 243; 2000-Prov Art. 9: 审限内方可扣除）"


# 2. deduction_overlap


def overlapping(work: Work, number: str) -> str | None:
    case, events, code, _ = _setting(work, number)
    recorded = [e for e in deductions(events) if e["结束日期"] is not None and e["结束日期"] > e["开始日期"]]
    if not recorded:
        return None
    old = _pick_row(work, recorded)
    kinds = counted_kinds(code, besides=old["类别"])
    if not kinds:
        return None
    kind = _pick(work, kinds)
    start = old["开始日期"] + days(int(work.rng.integers(1, (old["结束日期"] - old["开始日期"]).days + 1)))
    _, last = life(case, events, work.until)
    later = [e["开始日期"] - days(2) for e in deductions(events) if e["开始日期"] > old["开始日期"]]
    end = min([start + days(int(work.rng.integers(10, 61)) - 1), last, *later])
    if end < start or not work.keep(
        number, case, [*events, deduction_row(number, kind, start, end)], DEDUCTION_OVERLAP
    ):
        return None
    return f"加入与{old['类别']}期间（{span(old['开始日期'], old['结束日期'])}）重叠的{kind}期间 {span(start, end)}"


def before_filing(work: Work, number: str) -> str | None:
    case, events, _, _ = _setting(work, number)
    recorded = deductions(events)
    if not recorded:
        return None
    first = recorded[0]
    filed: date = case["立案日期"]
    moved = {**first, "开始日期": filed - days(int(work.rng.integers(1, 16)))}
    if not work.keep(number, case, _replace(events, first, moved), DEDUCTION_OVERLAP):
        return None
    return f"{first['类别']}期间的开始日期由{first['开始日期']}改为立案（{filed}）前的{moved['开始日期']}"


def after_closing(work: Work, number: str) -> str | None:
    case, events, _, _ = _setting(work, number)
    closed: date | None = case["结案日期"]
    recorded = [e for e in deductions(events) if e["结束日期"] is not None]
    if closed is None or not recorded:
        return None
    last = max(recorded, key=lambda e: e["结束日期"])
    end = min(closed + days(int(work.rng.integers(1, 21))), work.until)
    moved = {**last, "结束日期": end}
    if end <= closed or not work.keep(number, case, _replace(events, last, moved), DEDUCTION_OVERLAP):
        return None
    return f"{last['类别']}期间的结束日期由{last['结束日期']}改为结案（{closed}）后的{end}"


# 3. deduction_after_cause


def left_open(work: Work, number: str) -> str | None:
    case, events, _, _ = _setting(work, number)
    recorded = deductions(events)
    if case["结案日期"] is None or not recorded:
        return None
    last = recorded[-1]
    if last["结束日期"] is None or last["类别"] == STAY:
        return None
    opened = {**last, "结束日期": None}
    if not work.keep(number, case, _replace(events, last, opened), DEDUCTION_AFTER_CAUSE):
        return None
    return f"已结案件（{case['结案日期']}结案）的{last['类别']}期间（{last['开始日期']}起）未填结束日期"


def stretched(work: Work, number: str) -> str | None:
    case, events, code, _ = _setting(work, number)
    options = [e for e in deductions(events) if e["类别"] in STRETCHED and e["结束日期"] is not None]
    if not options:
        return None
    old = _pick_row(work, options)
    maximum = kind_maximum(old["类别"], code)
    if maximum is None:
        return None
    _, last = life(case, events, work.until)
    later = [e["开始日期"] - days(2) for e in deductions(events) if e["开始日期"] > old["开始日期"]]
    length = int(work.rng.integers(maximum + 4, maximum + 46))
    end = min([old["开始日期"] + days(length - 1), last, *later])
    if (end - old["开始日期"]).days + 1 <= maximum:
        return None
    new = {**old, "结束日期": end}
    if not work.keep(number, case, _replace(events, old, new), DEDUCTION_AFTER_CAUSE):
        return None
    return f"{old['类别']}期间延长至{span(old['开始日期'], end)}，超过该类期间{maximum}日的上限"


def open_for_a_year(work: Work, number: str) -> str | None:
    case, events, code, expiry = _setting(work, number)
    kinds = counted_kinds(code, besides="中止")
    if expiry is None or case["结案日期"] is not None or not kinds:
        return None
    first, last = life(case, events, work.until)
    free = gaps(events, first, last, work.until)
    if not free or free[-1][1] != work.until:
        return None
    latest = min(work.until - days(OPEN_LIMIT_DAYS + 1), expiry - days(1))
    if free[-1][0] > latest:
        return None
    start = free[-1][0] + days(int(work.rng.integers(0, (latest - free[-1][0]).days + 1)))
    kind = _pick(work, kinds)
    if not work.keep(
        number, case, [*events, deduction_row(number, kind, start, None)], DEDUCTION_AFTER_CAUSE
    ):
        return None
    return f"{kind}期间{start}起至今未结束，已逾{(work.until - start).days + 1}日"


def _pick_row(work: Work, rows: Sequence[Row]) -> Row:
    return rows[int(work.rng.integers(len(rows)))]


def _replace(events: list[Row], old: Row, new: Row) -> list[Row]:
    return [new if e is old else e for e in events]


def inject_deductions(work: Work, rate: float) -> None:
    """Checks 1–3, each on ``rate`` of the cases."""
    info = work.info.filter(pl.col("expiry").is_not_null())
    recorded = (
        work.original_events.filter(pl.col("事项") == DEDUCTION)
        .group_by("案号")
        .agg(
            ended=pl.col("结束日期").is_not_null().sum(),
            first=pl.col("开始日期").min(),
            stretchable=(pl.col("类别").is_in(STRETCHED) & pl.col("结束日期").is_not_null()).sum(),
        )
    )
    info = info.join(recorded, on="案号", how="left", maintain_order="left")
    closed = pl.col("结案日期").is_not_null()
    enforcement = pl.col("type_code").str.starts_with("执")

    def pool(condition: pl.Expr) -> list[str]:
        return info.filter(condition.fill_null(False)).get_column("案号").to_list()

    everyone = info.get_column("案号").to_list()
    run_variants(work, DEDUCTION_WITHOUT_GROUND, work.wanted(rate), [
        Variant(0.25, pool(enforcement), long_stay),
        Variant(0.25, pool(pl.col("status").is_in(["closed_late", "overdue"])), after_expiry),
        Variant(0.5, everyone, not_allowed),
    ])  # fmt: skip
    run_variants(work, DEDUCTION_OVERLAP, work.wanted(rate), [
        Variant(0.25, pool(pl.col("first") <= pl.col("立案日期") + pl.duration(days=30)), before_filing),
        Variant(0.25, pool(closed & (pl.col("ended") > 0)), after_closing),
        Variant(0.5, pool(pl.col("ended") > 0), overlapping),
    ])  # fmt: skip
    old = pl.col("立案日期") <= pl.lit(work.until - days(OPEN_LIMIT_DAYS + 35))
    run_variants(work, DEDUCTION_AFTER_CAUSE, work.wanted(rate), [
        Variant(0.2, pool(~closed & old), open_for_a_year),
        Variant(0.4, pool(pl.col("stretchable") > 0), stretched),
        Variant(0.4, pool(closed & (pl.col("ended") > 0)), left_open),
    ])  # fmt: skip
