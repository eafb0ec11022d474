"""Every case the integrity checks should find in a court system's files, by their definitions (issue 14).

The reference the synthetic court system's labels are made with: it finds what the generator's data already holds
(the local deduction kinds it writes on purpose, and coincidences such as two cases with the same parties filed the
same day), and proves that each injected anomaly fires its own check and no other. It is not the checks
themselves (:mod:`qingji.integrity`), which it may not import; where a definition leaves a choice open, the choice
made here is written in docs/synth-anomalies.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import polars as pl

from qingji.core.dates import add_months
from qingji.interchange.case_numbers import case_number_columns
from qingji.synth.anomaly_parties import party_key
from qingji.synth.anomaly_rules import (
    CASE_CHECKS,
    DEDUCTION,
    EXPIRY_MISMATCH,
    MASS_CLOSURE,
    OUTLIER_SHARE,
    SPLIT_FILING,
    WARNING_CHECKS,
    WITHDRAW_REFILE,
    deduction_rule_checks,
)

BULLETIN_DAYS = (1, 11, 21)  # a bulletin every 10 days (DESIGN.md §1: 每10天一通报)
WITHDRAWAL = ("撤诉", "撤回")  # 撤诉, 按撤诉处理, 准予撤回, 按撤回上诉处理 …
CLEARING_METHODS = (*WITHDRAWAL, "移送", "终结本次执行")  # the closures that clear a case without deciding it
FINDING_SCHEMA: dict[str, pl.DataType] = {
    "check": pl.String(),
    "case_number": pl.String(),
    "court_code": pl.String(),
    "judge": pl.String(),
}


@dataclass(frozen=True)
class Limits:
    """The thresholds of the definitions (issue 14; the checks' defaults will live in the site settings)."""

    refile_days: int = 90  # withdraw_refile: B filed 0–90 days after A closed
    window_days: int = 5  # mass_closure: the days before a bulletin date
    window_minimum: int = 10
    window_ratio: float = 3.0  # … times the judge's usual count for that many days
    history_days: int = 180  # … over the days before the window
    window_share: float = 0.5  # … at least half of them withdrawals, transfers or 终本
    share_minimum_cases: int = 20  # outlier_share: judges with at least this many cases count
    share_ratio: float = 3.0  # … at least 3 times the court's median share
    share_points: float = 0.10  # … and 10 points above it
    share_months: int = 12  # … over the cases closed in the last 12 months or pending


def keyed_cases(cases: pl.DataFrame) -> pl.DataFrame:
    """The interchange cases with court_code and their parties' key (``parties_key``)."""
    parts = case_number_columns(cases.select("案号"), "案号").select("court_code", "type_code")
    texts = cases.get_column("当事人").drop_nulls().unique().to_list()
    keys = {text: party_key(text) for text in texts}
    return pl.concat([cases, parts], how="horizontal").with_columns(
        pl.col("当事人").replace_strict(keys, default=None, return_dtype=pl.String).alias("parties_key")
    )


def _same_dispute(keyed: pl.DataFrame) -> pl.DataFrame:
    """The cases that have a cause and parties, with the columns that say "the same dispute"."""
    return keyed.filter(pl.col("案由").is_not_null() & pl.col("parties_key").is_not_null())


def withdraw_refile(keyed: pl.DataFrame, limits: Limits) -> pl.DataFrame:
    """Cases B filed 0–``refile_days`` days after a case A of the same court, parties and cause closed by
    withdrawal (rules §5, practice (d): 撤诉后重新立案): 案号 of B, and of A as 原案号."""
    disputes = _same_dispute(keyed)
    withdrawn = disputes.filter(
        pl.col("结案日期").is_not_null() & pl.col("结案方式").str.contains("|".join(WITHDRAWAL))
    ).select(
        "court_code",
        "parties_key",
        "案由",
        pl.col("案号").alias("原案号"),
        pl.col("结案日期").alias("closed"),
    )
    pairs = withdrawn.join(disputes.select("court_code", "parties_key", "案由", "案号", "立案日期"), on=[
        "court_code", "parties_key", "案由",
    ])  # fmt: skip
    gap = (pl.col("立案日期") - pl.col("closed")).dt.total_days()
    return pairs.filter((pl.col("案号") != pl.col("原案号")) & gap.is_between(0, limits.refile_days)).select(
        "案号", "原案号"
    )


def split_filing(keyed: pl.DataFrame) -> pl.DataFrame:
    """Every case of a group of two or more of one court, parties and cause filed the same day (rules §5, practice
    (g): 拆案)."""
    group = ["court_code", "parties_key", "案由", "立案日期"]
    disputes = _same_dispute(keyed)
    return disputes.filter(pl.len().over(group) >= 2).select("案号")


def bulletin_dates(first: date, last: date) -> list[date]:
    """The bulletin dates (1st, 11th, 21st) from ``first`` to ``last``."""
    result: list[date] = []
    month = date(first.year, first.month, 1)
    while month <= last:
        result.extend(d for day in BULLETIN_DAYS if first <= (d := month.replace(day=day)) <= last)
        month = add_months(month, 1)
    return result


def mass_closure(keyed: pl.DataFrame, until: date, limits: Limits) -> pl.DataFrame:
    """The cases closed by withdrawal, transfer or 终本 in a window of ``window_days`` days before a bulletin date
    in which their judge closed at least ``window_minimum`` cases, ``window_ratio`` times the usual for that many
    days over the ``history_days`` before, at least ``window_share`` of them so. Windows whose history reaches
    back before the first filing are not judged (nothing to compare with); the last window ends on ``until``."""
    empty = pl.DataFrame(schema={"案号": pl.String()})
    closed = keyed.filter(pl.col("结案日期").is_not_null() & pl.col("承办法官").is_not_null())
    filed = keyed.get_column("立案日期").min()
    if closed.is_empty() or not isinstance(filed, date):
        return empty
    origin = filed
    first = origin + timedelta(days=limits.history_days + limits.window_days)
    dates = bulletin_dates(first, until + timedelta(days=1))
    if not dates:
        return empty
    judges = closed.select(pl.concat_str("court_code", "承办法官", separator="/").alias("who"))
    names, judge = np.unique(judges.get_column("who").to_numpy(), return_inverse=True)
    day = closed.select((pl.col("结案日期") - pl.lit(origin)).dt.total_days()).to_series().to_numpy()
    clearing = (
        closed.get_column("结案方式").str.contains("|".join(CLEARING_METHODS)).fill_null(False).to_numpy()
    )
    width = (until - origin).days + 2
    counts = np.zeros((len(names), width + 1), dtype=np.int64)
    clears = np.zeros((len(names), width + 1), dtype=np.int64)
    np.add.at(counts, (judge, day + 1), 1)
    np.add.at(clears, (judge, day + 1), clearing.astype(np.int64))
    counts, clears = counts.cumsum(axis=1), clears.cumsum(axis=1)  # [:, k]: closures before day k
    end = np.array([(d - origin).days for d in dates], dtype=np.int64)  # the window is [end - days, end)
    start = end - limits.window_days
    window = counts[:, end] - counts[:, start]
    cleared = clears[:, end] - clears[:, start]
    usual = (
        (counts[:, start] - counts[:, start - limits.history_days]) * limits.window_days / limits.history_days
    )
    fires = (
        (window >= limits.window_minimum)
        & (window >= limits.window_ratio * usual)
        & (cleared >= limits.window_share * window)
    )
    rows, columns = np.nonzero(fires)
    if not len(rows):
        return empty
    windows = pl.DataFrame(
        {
            "who": names[rows].astype(str),
            "from": [origin + timedelta(days=int(start[c])) for c in columns],
            "to": [origin + timedelta(days=int(end[c]) - 1) for c in columns],
        }
    )
    return (
        pl.concat([closed, judges], how="horizontal")
        .filter(pl.Series(clearing))
        .join(windows, on="who")
        .filter(pl.col("结案日期").is_between(pl.col("from"), pl.col("to")))
        .select("案号")
        .unique(maintain_order=True)
    )


def judge_shares(ledger: pl.DataFrame, until: date, limits: Limits) -> pl.DataFrame:
    """Per judge with at least ``share_minimum_cases`` cases closed in the last ``share_months`` months or pending:
    deducted plus extended days (a month weighs 30 days, as qingji.core.extensions.period_key weighs it) over gross
    days, with the median of the court's judges (court_code, judge, cases, share, median)."""
    since = add_months(until, -limits.share_months)
    counted = ledger.filter(
        pl.col("judge").is_not_null() & (pl.col("closed_on").is_null() | (pl.col("closed_on") > since))
    )
    moved = pl.col("deducted_days") + pl.col("extended_months") * 30 + pl.col("extended_days")
    return (
        counted.group_by("court_code", "judge")
        .agg(cases=pl.len(), moved=moved.sum(), gross=pl.col("age_days").sum())
        .filter(pl.col("cases") >= limits.share_minimum_cases)
        .with_columns(share=pl.col("moved") / pl.max_horizontal(pl.col("gross"), pl.lit(1)))
        .with_columns(median=pl.col("share").median().over("court_code"))
        .select("court_code", "judge", "cases", "share", "median")
        .sort("court_code", "judge")
    )


def outlier_share(ledger: pl.DataFrame, until: date, limits: Limits) -> pl.DataFrame:
    """The judges whose share (:func:`judge_shares`) is ``share_ratio`` times their court's median and
    ``share_points`` above it."""
    shares = judge_shares(ledger, until, limits)
    return shares.filter(
        (pl.col("share") >= limits.share_ratio * pl.col("median"))
        & (pl.col("share") >= pl.col("median") + limits.share_points)
    ).select("court_code", "judge")


def case_level(cases: pl.DataFrame, events: pl.DataFrame, ledger: pl.DataFrame, until: date) -> pl.DataFrame:
    """(check, 案号) of checks 1–5: the ledger's warnings, and the rules on deductions it does not warn of."""
    warned = (
        ledger.select(pl.col("case_number").alias("案号"), pl.col("warnings").alias("warning"))
        .explode("warning")
        .filter(pl.col("warning").is_in(list(WARNING_CHECKS)))
        .select(
            pl.col("warning").replace_strict(WARNING_CHECKS, return_dtype=pl.String).alias("check"), "案号"
        )
    )
    deductions = events.filter(pl.col("事项") == DEDUCTION)
    numbers = deductions.get_column("案号").unique(maintain_order=True)
    by_case: dict[str, list[dict[str, object]]] = {}
    for row in deductions.iter_rows(named=True):
        by_case.setdefault(row["案号"], []).append(row)
    ruled: list[tuple[str, str]] = []
    for case in cases.filter(pl.col("案号").is_in(numbers.implode())).iter_rows(named=True):
        ruled.extend(
            (check, case["案号"]) for check in deduction_rule_checks(case, by_case[case["案号"]], until)
        )
    rules = pl.DataFrame(ruled, schema={"check": pl.String, "案号": pl.String}, orient="row")
    order = {check: i for i, check in enumerate(CASE_CHECKS)}
    return (
        pl.concat([warned, rules])
        .unique()
        .sort(pl.col("check").replace_strict(order, return_dtype=pl.Int32), "案号")
    )


def findings(
    cases: pl.DataFrame, events: pl.DataFrame, ledger: pl.DataFrame, until: date, limits: Limits | None = None
) -> pl.DataFrame:
    """Every finding of the ten checks on the interchange frames (cases with 审限届满日期 for expiry_mismatch)
    and their ledger on ``until``: check, case_number (null for outlier_share), court_code, judge."""
    limits = limits or Limits()
    keyed = keyed_cases(cases)
    who = keyed.select("案号", pl.col("court_code"), pl.col("承办法官").alias("judge"))
    parts = [
        case_level(cases, events, ledger, until),
        withdraw_refile(keyed, limits).select(pl.lit(WITHDRAW_REFILE).alias("check"), "案号"),
        split_filing(keyed).select(pl.lit(SPLIT_FILING).alias("check"), "案号"),
        mass_closure(keyed, until, limits).select(pl.lit(MASS_CLOSURE).alias("check"), "案号"),
    ]
    if "审限届满日期" in cases.columns:
        expiry = ledger.select(pl.col("case_number").alias("案号"), "expiry")
        compared = cases.select("案号", "审限届满日期").join(expiry, on="案号", how="left")
        differs = compared.filter(pl.col("审限届满日期").ne_missing(pl.col("expiry")))
        parts.append(differs.select(pl.lit(EXPIRY_MISMATCH).alias("check"), "案号"))
    per_case = (
        pl.concat(parts)
        .join(who, on="案号", how="left")
        .select("check", pl.col("案号").alias("case_number"), "court_code", "judge")
    )
    judges = outlier_share(ledger, until, limits).select(
        pl.lit(OUTLIER_SHARE).alias("check"),
        pl.lit(None, pl.String).alias("case_number"),
        "court_code",
        "judge",
    )
    return pl.concat([per_case, judges]).unique(maintain_order=True).cast(FINDING_SCHEMA)  # type: ignore[arg-type]
