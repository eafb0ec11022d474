"""Counting extensions over columns (mirrors qingji.core.extensions; rules §2, §10; C4)."""

from __future__ import annotations

from datetime import date

import polars as pl

from qingji.core.approvers import approver_authority, required_authority
from qingji.core.conventions import Conventions
from qingji.core.periods import Approver, RuleTable
from qingji.engine.dates import add_period, period_key
from qingji.engine.tables import step_frame


def _authorities(extensions: pl.DataFrame) -> pl.DataFrame:
    """(approved_by, court_code, step_approver) → authority and required authority, over the distinct triples."""
    triples = extensions.select("approved_by", "court_code", "step_approver").unique()
    have, need = [], []
    for by, court, approver in triples.iter_rows():
        have.append(approver_authority(by, court) if by else None)
        need.append(required_authority(Approver(approver), court) if approver else None)
    return triples.with_columns(
        authority=pl.Series(have, dtype=pl.Int32), required=pl.Series(need, dtype=pl.Int32)
    )


# What counting extensions reads of each case (narrow: filtering copies every column of the frame it filters).
_CASE_COLUMNS = (
    "cid", "rule_id", "anchor", "base_months", "base_days", "max_months", "max_days", "n_steps",
    "last_repeatable", "extension_cutoff", "court_code", "month_end",
)  # fmt: skip


def count_extensions(
    resolved: pl.DataFrame,
    events: pl.DataFrame,
    as_of: date,
    rules: RuleTable,
    conventions: Conventions,
    late_from: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Per case with extensions: total_months, total_days, chain_end (C4 chained) and the extension warnings; and
    the moves: per counted extension with an approval date, (cid, k, approved_on, end_after), the end (before
    the anchor-day shift, deductions and roll-forward) once it and those before it count.

    ``resolved`` has cid, rule_id, anchor, base/max periods, n_steps, last_repeatable, extension_cutoff,
    court_code, month_end. ``late_from`` (cid, late_from) marks extensions approved on or after that day late
    (qingji.core.late): they keep their place k but add nothing, as ``skip`` in qingji.core.extensions.
    """
    rows = (
        events.filter(
            (pl.col("event") == "extension")
            & (pl.col("approved_on").is_null() | (pl.col("approved_on") <= as_of))
        )
        .select("cid", "length_months", "length_days", "approved_by", "approved_on", "source_row")
        .join(resolved.select(_CASE_COLUMNS).filter(pl.col("base_months").is_not_null()), on="cid")
        .filter(
            pl.col("approved_on").is_null()
            | pl.col("extension_cutoff").is_null()
            | (pl.col("approved_on") >= pl.col("extension_cutoff"))
        )
        # core.extensions.extension_order: by approval date, then content, so that row order never decides
        .sort(
            "cid",
            pl.col("approved_on").is_null(),
            "approved_on",
            pl.col("length_months").is_null() & pl.col("length_days").is_null(),
            pl.col("length_months").fill_null(0),
            pl.col("length_days").fill_null(0),
            pl.col("approved_by").fill_null(""),
            "source_row",
        )
        .with_columns(k=pl.int_range(pl.len(), dtype=pl.Int32).over("cid"))
        .with_columns(
            step=pl.when(pl.col("k") < pl.col("n_steps"))
            .then(pl.col("k"))
            .when(pl.col("last_repeatable"))
            .then(pl.col("n_steps") - 1)
            .otherwise(pl.lit(None, pl.Int32))
        )
        .join(step_frame(rules), on=["rule_id", "step"], how="left")
    )
    rows = rows.join(
        _authorities(rows), on=["approved_by", "court_code", "step_approver"], how="left", nulls_equal=True
    )
    has_step = pl.col("step_months").is_not_null()
    no_approver = pl.col("approved_by").is_null() | (pl.col("approved_by").str.strip_chars() == "")
    rows = rows.with_columns(
        w_beyond_count=~has_step,
        w_without_approver=has_step & no_approver,
        w_wrong_level=has_step
        & ~no_approver
        & pl.col("step_approver").is_not_null()
        & (pl.col("authority").is_null() | (pl.col("authority") < pl.col("required"))),
    )
    flags = rows.group_by("cid").agg(
        w_ext_beyond=pl.col("w_beyond_count").any(),
        w_ext_without_approver=pl.col("w_without_approver").any(),
        w_ext_wrong_level=pl.col("w_wrong_level").any(),
    )

    month_end = pl.col("month_end")
    state = (
        rows.select("cid", "anchor", "base_months", "base_days", "max_months", "max_days", "month_end")
        .unique("cid")
        .with_columns(
            total_months=pl.col("base_months"),
            total_days=pl.col("base_days"),
            chain_end=add_period(pl.col("anchor"), pl.col("base_months"), pl.col("base_days"), month_end),
            w_ext_capped=pl.lit(False),
        )
    )
    counted = rows.filter(has_step)
    if late_from is not None:
        counted = counted.join(late_from, on="cid", how="left").filter(
            pl.col("late_from").is_null()
            | pl.col("approved_on").is_null()
            | (pl.col("approved_on") < pl.col("late_from"))
        )
    steps = counted.select("cid", "k", "length_months", "length_days", "step_months", "step_days", "to_total")
    ends: list[pl.DataFrame] = []
    rounds = steps.get_column("k").max() if steps.height else None
    rounds = int(rounds) + 1 if isinstance(rounds, int) else 0
    tm, td = pl.col("total_months"), pl.col("total_days")
    for k in range(rounds):
        current = steps.filter(pl.col("k") == k).drop("k")
        state = state.join(current, on="cid", how="left")
        present = pl.col("step_months").is_not_null()
        recorded = pl.col("length_months").is_not_null() | pl.col("length_days").is_not_null()
        rec_m = pl.when(recorded).then(pl.col("length_months").fill_null(0)).otherwise(pl.col("step_months"))
        rec_d = pl.when(recorded).then(pl.col("length_days").fill_null(0)).otherwise(pl.col("step_days"))
        too_long = period_key(rec_m, rec_d) > period_key(pl.col("step_months"), pl.col("step_days"))
        grows = period_key(pl.col("step_months"), pl.col("step_days")) > period_key(tm, td)
        state = state.with_columns(
            add_m=pl.when(~present)
            .then(0)
            .when(pl.col("to_total"))
            .then(pl.when(grows).then(pl.col("step_months") - tm).otherwise(0))
            .when(too_long)
            .then(pl.col("step_months"))
            .otherwise(rec_m),
            add_d=pl.when(~present)
            .then(0)
            .when(pl.col("to_total"))
            .then(pl.when(grows).then(pl.col("step_days") - td).otherwise(0))
            .when(too_long)
            .then(pl.col("step_days"))
            .otherwise(rec_d),
            w_too_long=present & ~pl.col("to_total") & too_long,
        )
        over_max = pl.col("max_months").is_not_null() & (
            period_key(tm + pl.col("add_m"), td + pl.col("add_d"))
            > period_key(pl.col("max_months"), pl.col("max_days"))
        )
        state = state.with_columns(
            add_m=pl.when(over_max).then(pl.col("max_months") - tm).otherwise(pl.col("add_m")),
            add_d=pl.when(over_max).then(pl.col("max_days") - td).otherwise(pl.col("add_d")),
            w_ext_capped=pl.col("w_ext_capped") | pl.col("w_too_long") | over_max,
        ).with_columns(
            total_months=tm + pl.col("add_m"),
            total_days=td + pl.col("add_d"),
            # An extension *to* a total (CrPL 220, 225) is that total from the anchor under either C4 method.
            chain_end=pl.when(present & pl.col("to_total"))
            .then(add_period(pl.col("anchor"), tm + pl.col("add_m"), td + pl.col("add_d"), month_end))
            .when(present)
            .then(add_period(pl.col("chain_end"), pl.col("add_m"), pl.col("add_d"), month_end))
            .otherwise(pl.col("chain_end")),
        )
        after = (
            add_period(pl.col("anchor"), tm, td, month_end)
            if conventions.extensions_from_anchor
            else pl.col("chain_end")
        )
        ends.append(state.filter(present).select("cid", pl.lit(k, pl.Int32).alias("k"), end_after=after))
        state = state.drop(
            "length_months",
            "length_days",
            "step_months",
            "step_days",
            "to_total",
            "add_m",
            "add_d",
            "w_too_long",
        )
    moves = (
        counted.filter(pl.col("approved_on").is_not_null())
        .select("cid", "k", "approved_on")
        .join(
            pl.concat(ends)
            if ends
            else pl.DataFrame(schema={"cid": pl.Int64, "k": pl.Int32, "end_after": pl.Date}),
            on=["cid", "k"],
        )
    )
    totals = (
        state.select("cid", "total_months", "total_days", "chain_end", "w_ext_capped")
        .join(flags, on="cid", how="left")
        .with_columns(w_ext_beyond=pl.col("w_ext_beyond") | pl.col("w_ext_capped"))
        .drop("w_ext_capped")
    )
    return totals, moves
