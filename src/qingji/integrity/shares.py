"""outlier_share: a judge whose share of deducted and extended time stands far above the other judges of the
court system handling the same kinds of case, or a court far above the other courts (rules/trial-periods.md
§5 (a)–(c): extensions and deductions are the usual disguise of a late case).

The share is Σ (deducted days + extended days) ÷ Σ gross days over the cases closed in the last
``outlier_months`` months and those pending, from the ledger (an extension of a month counts 30 days). Kinds of
case differ (an enforcement case is suspended far more than a criminal one), so each unit is held against what
its own mix of cases would give at its peers' rates — indirect standardisation, as a standardised mortality
ratio: expected = Σ gross days × the rate of the case's type code among the other peers (the other judges of
the court system; for a court, the other courts). A judge is held against the judges of every court: the few
enforcement judges of one court are no yardstick for each other. Among the units with at least ``outlier_min_cases`` such cases (at least three of them), a
unit fires when its share is at least ``outlier_min_gap`` above its expected share and its ratio observed ÷
expected is an outlier among the peers' ratios: the modified z-score 0.6745 · (ratio − median) ÷ MAD reaches
``outlier_z`` (3.5: Iglewicz and Hoaglin, "How to Detect and Handle Outliers", 1993; MAD the median absolute
deviation). Where the peers do not differ at all (MAD 0), the gap alone decides."""

from __future__ import annotations

from datetime import date
from statistics import median

import polars as pl

from qingji.core.dates import add_months
from qingji.integrity.findings import Check, Finding
from qingji.integrity.thresholds import Thresholds

TOP_CASES = 20  # the cases named in a finding, most deducted and extended first
MAD_SCALE = (
    0.6745  # the normal distribution's MAD in standard deviations: a modified z-score reads as a z-score
)


def outlier_shares(ledger: pl.DataFrame, as_of: date, thresholds: Thresholds) -> list[Finding]:
    since = add_months(as_of, -thresholds.outlier_months)
    counted = ledger.filter(
        (pl.col("filed_on") <= as_of)
        & (pl.col("closed_on").is_null() | (pl.col("closed_on") > since))
        & pl.col("expiry").is_not_null()
    ).select(
        "case_number",
        "court_code",
        "type_code",
        judge=pl.col("judge").fill_null(""),
        gross=pl.col("age_days").clip(lower_bound=1),
        moved=pl.col("deducted_days").fill_null(0)
        + pl.col("extended_months").fill_null(0).clip(lower_bound=0) * 30
        + pl.col("extended_days").fill_null(0).clip(lower_bound=0),
    )
    if counted.is_empty():
        return []
    findings = []
    judged = _expected(counted.filter(pl.col("judge") != ""), [], ["court_code", "judge"])
    judges = _units(judged, ["court_code", "judge"], thresholds.outlier_min_cases)
    findings += _outliers(judges, counted, judged=True, thresholds=thresholds)
    courts = _units(_expected(counted, [], ["court_code"]), ["court_code"], thresholds.outlier_min_cases)
    findings += _outliers(courts, counted, judged=False, thresholds=thresholds)
    return findings


def _expected(counted: pl.DataFrame, group: list[str], unit: list[str]) -> pl.DataFrame:
    """Each unit's cases by type code with the days they would move at the rate of the type among the *other*
    units of the peer ``group`` (the court, or all courts): a unit that is most of its court's cases of a type
    must not set its own yardstick. A type no other unit has is held at the unit's own rate (neutral)."""
    keys = [*group, "type_code"]
    own = counted.group_by([*unit, "type_code"]).agg(cases=pl.len(), moved=pl.col("moved").sum(),
                                                     gross=pl.col("gross").sum())  # fmt: skip
    totals = own.group_by(keys).agg(all_moved=pl.col("moved").sum(), all_gross=pl.col("gross").sum())
    others_gross = pl.col("all_gross") - pl.col("gross")
    rate = (
        pl.when(others_gross > 0)
        .then((pl.col("all_moved") - pl.col("moved")) / others_gross)
        .otherwise(pl.col("moved") / pl.col("gross"))
    )
    return own.join(totals, on=keys, how="left").with_columns(expected=pl.col("gross") * rate)


def _units(counted: pl.DataFrame, unit: list[str], minimum: int) -> pl.DataFrame:
    return (
        counted.group_by(unit)
        .agg(
            cases=pl.col("cases").sum(),
            moved=pl.col("moved").sum(),
            gross=pl.col("gross").sum(),
            expected=pl.col("expected").sum(),
        )
        .filter(pl.col("cases") >= minimum)
        .with_columns(
            share=pl.col("moved") / pl.col("gross"),
            expected_share=pl.col("expected") / pl.col("gross"),
            ratio=pl.when(pl.col("expected") > 0).then(pl.col("moved") / pl.col("expected")).otherwise(1.0),
        )
        .sort(unit)
    )


def _outliers(
    peers: pl.DataFrame, counted: pl.DataFrame, *, judged: bool, thresholds: Thresholds
) -> list[Finding]:
    if peers.height < 3:  # a median of one or two is no peer group
        return []
    ratios = [float(ratio) for ratio in peers.get_column("ratio").to_list()]
    middle = median(ratios)
    spread = median(abs(ratio - middle) for ratio in ratios)
    findings = []
    for row in peers.iter_rows(named=True):
        share, expected = float(row["share"]), float(row["expected_share"])
        score = MAD_SCALE * (float(row["ratio"]) - middle) / spread if spread else float("inf")
        if share - expected < thresholds.outlier_min_gap or score < thresholds.outlier_z:
            continue
        judge = row["judge"] if judged else None
        mine = counted.filter(pl.col("court_code") == row["court_code"])
        if judge is not None:
            mine = mine.filter(pl.col("judge") == judge)
        top = mine.filter(pl.col("moved") > 0).sort("moved", descending=True).head(TOP_CASES)
        who, peers_zh, peers_en = (
            (f"{row['court_code']} {judge}", "其他法官", "the other judges")
            if judge is not None
            else (row["court_code"], "其他法院", "the other courts")
        )
        z_zh = f"，偏离程度{score:.1f}（修正z分数）" if spread else ""
        z_en = f" (modified z-score {score:.1f})" if spread else ""
        findings.append(
            Finding(
                Check.OUTLIER_SHARE,
                None,
                row["court_code"],
                judge,
                "2019-Prov Art. 8; rules §5",
                f"{who}扣除、延长的时间占审理时间的{share:.0%}（{row['cases']}件），按其案件类型以{peers_zh}的比率"
                f"应为{expected:.0%}{z_zh}",
                f"{who}: deducted and extended time is {share:.0%} of the time taken ({row['cases']} cases); "
                f"{expected:.0%} expected for its kinds of case at the rates of {peers_en}{z_en}",
                {
                    "share": round(share, 4),
                    "expected_share": round(expected, 4),
                    "ratio": round(float(row["ratio"]), 3),
                    "peer_median_ratio": round(middle, 3),
                    "peer_mad": round(spread, 4),
                    "modified_z": round(score, 2) if spread else None,
                    "peers": peers.height,
                    "cases": row["cases"],
                    "moved_days": row["moved"],
                    "gross_days": row["gross"],
                    "top_cases": top.get_column("case_number").to_list(),
                    "z_threshold": thresholds.outlier_z,
                    "min_gap": thresholds.outlier_min_gap,
                },
            )
        )
    return findings
