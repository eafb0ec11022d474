"""Deducted days over columns (mirrors the deduction part of qingji.core.deadline; rules §3; C5)."""

from __future__ import annotations

from datetime import date

import polars as pl

from qingji.core.conventions import Conventions
from qingji.engine.dates import add_days, add_months
from qingji.engine.tables import deduction_frame


# Dates as day numbers shifted to be positive, and the span that keeps one case's keys above the previous case's.
OFFSET = 1_000_000
SPAN = 4_000_000


def count_deductions(
    resolved: pl.DataFrame, events: pl.DataFrame, as_of: date, conventions: Conventions
) -> pl.DataFrame:
    """Per case with deductions: deducted_days and the deduction warnings.

    ``resolved`` has cid, type_code, anchor, filed_on, closed_eff (closing date if on or before as_of) and
    base_months (null: no limit, nothing to deduct from).
    """
    type_codes = resolved["type_code"].drop_nulls().unique().sort().to_list()
    allowed = deduction_frame(type_codes, conventions)
    rows = (
        events.filter((pl.col("event") == "deduction") & (pl.col("start") <= as_of))
        .select("cid", "kind", "start", "end")
        .join(
            resolved.filter(pl.col("base_months").is_not_null()).select(
                "cid", "type_code", "anchor", "filed_on", "closed_eff"
            ),
            on="cid",
        )
        .join(allowed, on=["type_code", "kind"], how="left")
    )
    not_allowed = rows.filter(pl.col("source").is_null()).select("cid").unique()
    if not conventions.count_disallowed_deductions:
        rows = rows.filter(pl.col("source").is_not_null())
    upper = pl.coalesce(pl.col("closed_eff"), pl.lit(as_of))
    capped_end = pl.coalesce(pl.col("end"), upper)
    cap_limit = add_days(
        add_months(pl.col("start"), pl.col("cap_months").fill_null(0)), pl.col("cap_days").fill_null(0) - 1
    )
    rows = rows.with_columns(
        w_open=pl.col("end").is_null(),
        # Outside the case's life: it begins before filing, or begins or ends after closing (C5).
        w_outside=(pl.col("start") < pl.col("filed_on"))
        | (
            pl.col("closed_eff").is_not_null()
            & (pl.max_horizontal("start", pl.coalesce("end", "start")) > pl.col("closed_eff"))
        ),
        s=pl.max_horizontal(pl.col("start"), add_days(pl.col("anchor"), 1)),
        e=pl.min_horizontal(
            pl.when(pl.col("cap_months").is_not_null())
            .then(pl.min_horizontal(capped_end, cap_limit))
            .otherwise(capped_end),
            upper,
        ),
    )
    flags = rows.group_by("cid").agg(w_open=pl.col("w_open").any(), w_outside=pl.col("w_outside").any())
    inclusive = 1 if conventions.deductions_inclusive else 0
    # Merge overlapping intervals per case (C5). Sorted by case and start, the running maximum of the end within
    # a case tells whether an interval overlaps the ones before it. Window functions over many small groups are
    # slow, so the running maximum runs over one key that orders by case first: cid * SPAN + end.
    day = pl.col("e").cast(pl.Int64) + OFFSET
    key = pl.col("cid") * SPAN + day
    intervals = (
        rows.filter(pl.col("s") <= pl.col("e"))
        .select("cid", "s", "e")
        .sort("cid", "s", "e")
        .with_columns(previous=key.cum_max().shift(1))
        .with_columns(
            overlap=(
                (pl.col("cid") == pl.col("cid").shift(1))
                & (pl.col("s").cast(pl.Int64) + OFFSET <= pl.col("previous") - pl.col("cid") * SPAN)
            ).fill_null(False)
        )
        .with_columns(block=(~pl.col("overlap")).cum_sum())
    )
    blocks = intervals.group_by("block").agg(
        pl.col("cid").first(), s=pl.col("s").min(), e=pl.col("e").max(), overlap=pl.col("overlap").any()
    )
    totals = blocks.group_by("cid").agg(
        deducted_days=((pl.col("e") - pl.col("s")).dt.total_days() + inclusive).sum().cast(pl.Int32),
        w_overlap=pl.col("overlap").any(),
    )
    return (
        flags.join(totals, on="cid", how="full", coalesce=True)
        .join(not_allowed.with_columns(w_not_allowed=pl.lit(True)), on="cid", how="full", coalesce=True)
        .with_columns(
            pl.col("deducted_days").fill_null(0),
            pl.col("w_open", "w_outside", "w_overlap", "w_not_allowed").fill_null(False),
        )
    )
