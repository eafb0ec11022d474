"""The ledger summary by court and age bucket (摸排底数): what a trial management office reads first."""

from __future__ import annotations

import polars as pl

from qingji.core.vocabulary import AgeBucket, Status

SUMMARY_COLUMNS = {
    "court_code": ("法院代字", "court"),
    "court_name": ("法院", "court name"),
    "cases": ("案件数", "cases"),
    "pending": ("未结", "pending"),
    AgeBucket.UNDER_6M.value: ("6个月以内", "under 6 m"),
    AgeBucket.M6_12.value: ("6至12个月", "6–12 m"),
    AgeBucket.Y1_2.value: ("1至2年", "1–2 y"),
    AgeBucket.OVER_2Y.value: ("2年以上", "over 2 y"),
    "long_pending_12m": ("超12个月未结", "pending > 12 m"),
    "overdue": ("超审限未结", "overdue"),
    "approaching": ("临近届满", "approaching"),
    "closed": ("已结", "closed"),
    "closed_late": ("超审限结案", "closed late"),
}


def summarise(ledger: pl.DataFrame) -> pl.DataFrame:
    """One row per court (in court-code order) and a total row, with the columns of SUMMARY_COLUMNS."""
    pending = pl.col("age_bucket").is_not_null()
    counts = [
        pl.len().alias("cases"),
        pending.sum().alias("pending"),
        *((pl.col("age_bucket") == bucket.value).sum().alias(bucket.value) for bucket in AgeBucket),
        (pl.col("long_pending") >= 12).sum().alias("long_pending_12m"),
        (pl.col("status") == Status.OVERDUE.value).sum().alias("overdue"),
        (pl.col("status") == Status.APPROACHING.value).sum().alias("approaching"),
        (~pending).sum().alias("closed"),
        (pl.col("status") == Status.CLOSED_LATE.value).sum().alias("closed_late"),
    ]
    by_court = ledger.group_by("court_code").agg(pl.col("court_name").first(), *counts).sort("court_code")
    total = ledger.select(pl.lit("合计").alias("court_code"), pl.lit("全部法院").alias("court_name"), *counts)
    return pl.concat([by_court, total.cast(by_court.schema)], how="vertical").select(list(SUMMARY_COLUMNS))
