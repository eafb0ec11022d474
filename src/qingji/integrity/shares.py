"""outlier_share: a judge whose share of deducted and extended time stands far above the other judges of the
court, or a court far above the other courts (rules/trial-periods.md §5 (a)–(c): extensions and deductions are
the usual disguise of a late case).

The share is Σ (deducted days + extended days) ÷ Σ gross days over the cases closed in the last
``outlier_months`` months and those pending, from the ledger (an extension of a month counts 30 days). A unit
with at least ``outlier_min_cases`` such cases fires when its share is at least ``outlier_factor`` times the
median of its peers (itself included) and ``outlier_min_gap`` above it."""

from __future__ import annotations

from datetime import date
from statistics import median

import polars as pl

from qingji.core.dates import add_months
from qingji.integrity.findings import Check, Finding
from qingji.integrity.thresholds import Thresholds

TOP_CASES = 20  # the cases named in a finding, most deducted and extended first


def outlier_shares(ledger: pl.DataFrame, as_of: date, thresholds: Thresholds) -> list[Finding]:
    since = add_months(as_of, -thresholds.outlier_months)
    counted = (
        ledger.filter(
            (pl.col("filed_on") <= as_of)
            & (pl.col("closed_on").is_null() | (pl.col("closed_on") > since))
            & pl.col("expiry").is_not_null()
        )
        .select(
            "case_number", "court_code", judge=pl.col("judge").fill_null(""),
            gross=pl.col("age_days").clip(lower_bound=1),
            moved=pl.col("deducted_days").fill_null(0)
            + pl.col("extended_months").fill_null(0).clip(lower_bound=0) * 30
            + pl.col("extended_days").fill_null(0).clip(lower_bound=0),
        )
    )  # fmt: skip
    if counted.is_empty():
        return []
    findings = []
    judges = _shares(
        counted.filter(pl.col("judge") != ""), ["court_code", "judge"], thresholds.outlier_min_cases
    )
    for court, peers in judges.group_by("court_code", maintain_order=True):
        findings += _outliers(peers, counted, str(court[0]), thresholds)
    courts = _shares(counted, ["court_code"], thresholds.outlier_min_cases)
    findings += _outliers(courts, counted, None, thresholds)
    return findings


def _shares(counted: pl.DataFrame, unit: list[str], minimum: int) -> pl.DataFrame:
    return (
        counted.group_by(unit)
        .agg(cases=pl.len(), moved=pl.col("moved").sum(), gross=pl.col("gross").sum())
        .filter(pl.col("cases") >= minimum)
        .with_columns(share=pl.col("moved") / pl.col("gross"))
        .sort(unit)
    )


def _outliers(
    peers: pl.DataFrame, counted: pl.DataFrame, court: str | None, thresholds: Thresholds
) -> list[Finding]:
    if peers.height < 3:  # a median of one or two is no peer group
        return []
    middle = float(median(peers.get_column("share").to_list()))
    findings = []
    for row in peers.iter_rows(named=True):
        share = float(row["share"])
        if share < thresholds.outlier_factor * middle or share - middle < thresholds.outlier_min_gap:
            continue
        judge = row.get("judge") if court is not None else None
        mine = counted.filter(pl.col("court_code") == row["court_code"])
        if judge is not None:
            mine = mine.filter(pl.col("judge") == judge)
        top = mine.filter(pl.col("moved") > 0).sort("moved", descending=True).head(TOP_CASES)
        who, peers_zh, peers_en = (
            (f"{row['court_code']} {judge}", "本院其他法官", "the court's judges")
            if judge is not None
            else (row["court_code"], "各法院", "the courts")
        )
        findings.append(
            Finding(
                Check.OUTLIER_SHARE,
                None,
                row["court_code"],
                judge,
                "2019-Prov Art. 8; rules §5",
                f"{who}扣除、延长的时间占审理时间的{share:.0%}（{row['cases']}件），{peers_zh}的中位数为{middle:.0%}",
                f"{who}: deducted and extended time is {share:.0%} of the time taken ({row['cases']} cases); "
                f"the median of {peers_en} is {middle:.0%}",
                {
                    "share": round(share, 4),
                    "peer_median": round(middle, 4),
                    "peers": peers.height,
                    "cases": row["cases"],
                    "moved_days": row["moved"],
                    "gross_days": row["gross"],
                    "top_cases": top.get_column("case_number").to_list(),
                    "factor": thresholds.outlier_factor,
                    "min_gap": thresholds.outlier_min_gap,
                },
            )
        )
    return findings
