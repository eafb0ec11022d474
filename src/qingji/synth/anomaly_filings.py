"""Anomalies in filings: checks 6 and 7 of issue 14 (rules §5, hidden over-deadline practices (d) and (g)).

6. withdraw_refile: a case closed by withdrawal comes back as a new case of the same court with the same parties
   and cause within 90 days (撤诉后重新立案): a new case B is filed, correctly numbered.
7. split_filing: one dispute filed as several cases on one day (拆案): a case is cloned into 2–3 new numbers.

The new cases take the next free serial of their court, type code and year (rules §6.1), the judge, division and
procedure of the case they come from, and its parties written another way (anomaly_parties). Only disputes (court,
parties, cause) that no other case shares are used, so that a new case matches the one it comes from and nothing
else.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from qingji.synth.anomaly_oracle import CLEARING_METHODS, WITHDRAWAL
from qingji.synth.anomaly_parties import vary_parties
from qingji.synth.anomaly_placing import Make, Variant, days, run_variants
from qingji.synth.anomaly_rules import SPLIT_FILING, WITHDRAW_REFILE, Row
from qingji.synth.anomaly_work import Work

REFILE_DAYS = 90
REFILED_TYPES = ("民初", "行初")  # a withdrawn suit can be brought again (CPL-Interp 214)
SPLIT_TYPES = ("民初", "行初", "执")
NEW_CASE_DAYS = (10, 45)  # a re-filed or split case closes in a few weeks, well within its period
NEW_METHODS = {"民初": ("判决", "调解"), "行初": ("判决", "裁定驳回"), "执": ("执行完毕",)}
DISPUTE = ("court_code", "parties_key", "案由")


def _dispute(case: Row, work: Work) -> tuple[str, str, str] | None:
    row = work.info_row(case["案号"])
    key = (row["court_code"], row["parties_key"], row["案由"])
    return None if key in work.disputes_taken else key


def _new_case(work: Work, source: Row, filed: date, type_code: str, court: str) -> Row:
    """A new case like ``source``, filed on ``filed``, its parties written another way; the next free number is
    only looked at until :func:`_number` takes it (so that a case not kept leaves no gap)."""
    enforcement = type_code.startswith("执")
    return {
        **source,
        "案号": work.next_number(court, type_code, filed.year, take=False),
        "立案日期": filed,
        "当事人": vary_parties(work.rng, source["当事人"], enforcement=enforcement),
    }


def _number(work: Work, case: Row, type_code: str, court: str) -> Row:
    return {**case, "案号": work.next_number(court, type_code, case["立案日期"].year)}


def refiled(work: Work, number: str) -> str | None:
    source = work.case(number)
    dispute = _dispute(source, work)
    closed: date | None = source["结案日期"]
    if dispute is None or closed is None or closed > work.until:
        return None
    court, type_code = dispute[0], work.info_row(number)["type_code"]
    gap = int(work.rng.integers(0, min(REFILE_DAYS, (work.until - closed).days) + 1))
    filed = closed + days(gap)
    rolled = work.calendar.roll_forward(filed).date
    if rolled <= min(closed + days(REFILE_DAYS), work.until):
        filed = rolled
    case = _new_case(work, source, filed, type_code, court)
    closing = filed + days(int(work.rng.integers(NEW_CASE_DAYS[0], NEW_CASE_DAYS[1] + 1)))
    methods = NEW_METHODS[type_code]
    pending = closing > work.until
    case["结案日期"] = None if pending else closing
    case["结案方式"] = None if pending else methods[int(work.rng.integers(len(methods)))]
    if work.checks(case, []):
        return None
    case = _number(work, case, type_code, court)
    work.add_case(case, [])
    work.used.add(number)
    work.disputes_taken.add(dispute)
    work.label(
        WITHDRAW_REFILE,
        case["案号"],
        f"原案{number}于{closed}以{source['结案方式']}结案，{(filed - closed).days}日后以相同当事人、案由重新立案"
        f"（当事人写作：{case['当事人']}）",
    )
    return ""  # labelled here: the label names the new case, not the one it comes from


def split(work: Work, number: str) -> str | None:
    source = work.case(number)
    dispute = _dispute(source, work)
    if dispute is None:
        return None
    court, type_code = dispute[0], work.info_row(number)["type_code"]
    clones = [
        _new_case(work, source, source["立案日期"], type_code, court)
        for _ in range(int(work.rng.integers(2, 4)))
    ]
    if any(work.checks(clone, []) for clone in clones):
        return None
    clones = [_number(work, clone, type_code, court) for clone in clones]
    for clone in clones:
        work.add_case(clone, [])
    work.used.add(number)
    work.disputes_taken.add(dispute)
    group = [number, *(c["案号"] for c in clones)]
    for member in group:
        others = "、".join(n for n in group if n != member)
        work.label(SPLIT_FILING, member, f"同日（{source['立案日期']}）拆分立案：与{others}当事人、案由相同")
    return ""


def inject_filings(work: Work, rate: float) -> None:
    """Check 6 on ``rate`` of the cases; check 7 on groups holding about ``rate`` of them (3–4 cases each)."""
    unique = (
        pl.col("案由").is_not_null()
        & pl.col("parties_key").is_not_null()
        & (pl.len().over(list(DISPUTE)) == 1)
    )
    # Disputes with a party named in full first (an agency, a government, a procuratorate): with every name
    # masked (王某, 某银行) the same parties cannot be told from a coincidence, and a check may pass them over.
    named = pl.col("parties_key").str.split("|").list.eval(~pl.element().str.contains("某")).list.any()
    info = work.info.with_columns(unique=unique, named=named.fill_null(False))
    withdrawn = (
        pl.col("unique")
        & pl.col("type_code").is_in(REFILED_TYPES)
        & pl.col("结案方式").str.contains("|".join(WITHDRAWAL)).fill_null(False)
    )
    eventless = ~pl.col("案号").is_in(list(work.events))
    clearing = pl.col("结案方式").str.contains("|".join(CLEARING_METHODS)).fill_null(False)
    in_time = pl.col("status").is_in(["closed_in_time", "in_time", "approaching"])
    splittable = pl.col("unique") & pl.col("type_code").is_in(SPLIT_TYPES) & eventless & ~clearing & in_time

    def pools(condition: pl.Expr, make: Make) -> list[Variant]:
        chosen = info.filter(condition)
        return [
            Variant(1.0, chosen.filter(pl.col("named")).get_column("案号").to_list(), make),
            Variant(0.0, chosen.filter(~pl.col("named")).get_column("案号").to_list(), make),
        ]

    # The makers label the new cases themselves (check None).
    run_variants(work, None, work.wanted(rate), pools(withdrawn, refiled))
    groups = max(1, round(work.wanted(rate) / 3.5)) if rate > 0 else 0
    run_variants(work, None, groups, pools(splittable, split))
