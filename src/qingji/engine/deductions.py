"""Deducted days over columns (mirrors the deduction part of qingji.core.deadline; rules §3; C5)."""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

from qingji.core.conventions import Conventions
from qingji.core.deductions import DEDUCTION_CAPS
from qingji.engine.dates import add_days
from qingji.engine.tables import deduction_frame

# Day numbers shifted to be positive, and the span that keeps one case's keys above the previous case's.
OFFSET = 1_000_000
SPAN = 4_000_000


def count_deductions(
    resolved: pl.DataFrame,
    events: pl.DataFrame,
    as_of: date,
    conventions: Conventions,
    cases: int,
    late_from: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """deducted_days and the deduction warnings of every case, one row per case in case-id order (``cid`` is the
    row position, 0 to ``cases`` − 1), so that the caller lays the columns beside its cases without a join; and
    the intervals counted, (cid, s, e, days) in the order of the sweep (by case, start, end), s and e day numbers.

    ``late_from`` (cid, late_from) leaves out the intervals starting on or after that day (qingji.core.late); the
    warnings for open deductions and deductions outside the case's life still cover them, as in the core.

    ``resolved`` has cid, type_code, anchor, filed_on, closed_eff (closing date if on or before as_of) and
    base_months (null: no limit, nothing to deduct from).
    """
    type_codes = resolved["type_code"].drop_nulls().unique().sort().to_list()
    allowed = deduction_frame(type_codes, conventions)
    rows = (
        events.filter((pl.col("event") == "deduction") & (pl.col("start") <= as_of))
        .select("cid", "kind", "start", "end")
        .join(
            # Narrow first: filtering copies every column of the frame it filters.
            resolved.select("cid", "type_code", "anchor", "filed_on", "closed_eff", "base_months")
            .filter(pl.col("base_months").is_not_null())
            .drop("base_months"),
            on="cid",
        )
        .join(allowed, on=["type_code", "kind"], how="left")
    )
    not_allowed = rows.filter(pl.col("source").is_null()).get_column("cid")
    if not conventions.count_disallowed_deductions:
        rows = rows.filter(pl.col("source").is_not_null())
    upper = pl.coalesce(pl.col("closed_eff"), pl.lit(as_of))
    # The last day a capped kind may count (延期审理 one month, 更换辩护人 15 days); null for the others. Months
    # here clamp like qingji.core.dates.add_months, which Polars' offset_by does too.
    cap_limit: pl.Expr = pl.lit(None, pl.Date)
    for kind, cap in DEDUCTION_CAPS.items():
        limit = add_days(pl.col("start").dt.offset_by(f"{cap.months}mo"), cap.days - 1)
        cap_limit = pl.when(pl.col("kind") == kind).then(limit).otherwise(cap_limit)
    rows = rows.with_columns(cap_limit=cap_limit).with_columns(
        w_open=pl.col("end").is_null(),
        # Outside the case's life: it begins before filing, or begins or ends after closing (C5).
        w_outside=(pl.col("start") < pl.col("filed_on"))
        | (
            pl.col("closed_eff").is_not_null()
            & (pl.max_horizontal("start", pl.coalesce("end", "start")) > pl.col("closed_eff"))
        ).fill_null(False),
        s=pl.max_horizontal(pl.col("start"), add_days(pl.col("anchor"), 1)).cast(pl.Int64),
        # min_horizontal skips nulls: no cap, or an open deduction running to the upper bound.
        e=pl.min_horizontal(pl.coalesce(pl.col("end"), upper), pl.col("cap_limit"), upper).cast(pl.Int64),
    )
    # Merge overlapping intervals per case (C5) in one sweep: sorted by case and start, an interval adds only the
    # days beyond the running maximum end of the case's earlier intervals, and overlaps when it starts on or before
    # it. Window functions over many small groups are slow, so the running maximum runs over one key that orders
    # by case first: cid * SPAN + end.
    inclusive = 1 if conventions.deductions_inclusive else 0
    key = pl.col("cid") * SPAN + pl.col("e") + OFFSET
    kept = rows.filter(pl.col("s") <= pl.col("e"))
    if late_from is not None:
        kept = kept.join(late_from, on="cid", how="left").filter(
            pl.col("late_from").is_null() | (pl.col("s") < pl.col("late_from").cast(pl.Int64))
        )
    intervals = (
        kept.select("cid", "s", "e")
        .sort("cid", "s", "e")
        .with_columns(
            previous=pl.when(pl.col("cid") == pl.col("cid").shift(1)).then(
                key.cum_max().shift(1) - pl.col("cid") * SPAN - OFFSET
            )
        )
        .with_columns(overlap=(pl.col("s") <= pl.col("previous")).fill_null(False))
        .with_columns(
            days=pl.when(pl.col("overlap"))
            .then(pl.max_horizontal(pl.col("e") - pl.col("previous"), pl.lit(0)))
            .otherwise(pl.col("e") - pl.col("s") + inclusive)
        )
    )
    per_case = pl.DataFrame(
        {
            "deducted_days": _per_case(intervals.get_column("cid"), cases, intervals.get_column("days")),
            "w_open": _per_case(rows.filter(pl.col("w_open")).get_column("cid"), cases) > 0,
            "w_outside": _per_case(rows.filter(pl.col("w_outside")).get_column("cid"), cases) > 0,
            "w_overlap": _per_case(intervals.filter(pl.col("overlap")).get_column("cid"), cases) > 0,
            "w_not_allowed": _per_case(not_allowed, cases) > 0,
        }
    ).with_columns(pl.col("deducted_days").cast(pl.Int32))
    return per_case, intervals.select("cid", "s", "e", "days")


def _per_case(cid: pl.Series, cases: int, weights: pl.Series | None = None) -> np.ndarray:
    """Sum of ``weights`` (or a count) per case id, for case ids 0 … cases − 1."""
    values = None if weights is None else weights.to_numpy()
    return np.bincount(cid.to_numpy(), weights=values, minlength=cases).round().astype(np.int64)
