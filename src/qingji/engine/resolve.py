"""Which rule governs each case on the as-of date, over columns (mirrors qingji.core.resolution)."""

from __future__ import annotations

from datetime import date

import polars as pl

from qingji.core.conventions import Conventions
from qingji.core.periods import RuleTable
from qingji.core.resolution import restart_allowed
from qingji.core.typecodes import Family
from qingji.engine.tables import conversion_frame, resolution_frames, rule_frame, type_frame

_NONE = ""  # stands for a missing procedure in join keys


def resolve_rules(
    cases: pl.DataFrame, events: pl.DataFrame, as_of: date, rules: RuleTable, conventions: Conventions
) -> pl.DataFrame:
    """Per case (``cid``): rule_id, anchor, cut-offs, conversion and restart, and the resolution warnings.

    ``cases`` has cid, type_code, procedure, filed_on, in_custody; ``events`` has cid, event, kind, procedure,
    start, source_row.
    """
    exact, fallback = resolution_frames(rules)
    frame = (
        cases.select("cid", "type_code", "procedure", "filed_on", "in_custody")
        .join(type_frame(), on="type_code", how="left", maintain_order="left")
        .join(
            exact.rename({"rule_id": "exact_id", "custody_rule_id": "exact_custody_id"}),
            on=["type_code", "procedure"],
            how="left",
            maintain_order="left",
        )
        .join(fallback, on="type_code", how="left", maintain_order="left")
    )
    known = pl.col("exact_id").is_not_null()
    custody = pl.col("in_custody").fill_null(False)
    frame = frame.with_columns(
        rule_id=pl.when(known)
        .then(pl.when(custody).then(pl.col("exact_custody_id")).otherwise(pl.col("exact_id")))
        .otherwise(
            pl.when(custody).then(pl.col("fallback_custody_rule_id")).otherwise(pl.col("fallback_rule_id"))
        ),
        current=pl.when(known).then(pl.col("procedure")).otherwise(pl.lit(None, pl.String)),
        criminal=pl.col("family") == Family.CRIMINAL.value,
    ).with_columns(
        w_unknown_type_code=pl.col("rule_id").is_null(),
        w_unknown_procedure=pl.col("rule_id").is_not_null()
        & ~known
        & pl.col("procedure_matters").fill_null(False),
    )

    # Conversions (程序转换), in date order; a target that is not a procedure of the type code is flagged, ignored.
    conversions = (
        events.filter((pl.col("event") == "conversion") & (pl.col("start") <= as_of))
        .select("cid", "start", pl.col("procedure").alias("target"), "source_row")
        .join(frame.select("cid", "type_code", "criminal", "current", "in_custody", "rule_id"), on="cid")
        .filter(pl.col("rule_id").is_not_null())
        .join(exact.rename({"procedure": "target"}), on=["type_code", "target"], how="left", suffix="_target")
    )
    invalid = conversions.filter(pl.col("rule_id_target").is_null()).select("cid").unique()
    valid = (
        conversions.filter(pl.col("rule_id_target").is_not_null())
        .sort("cid", "start", "source_row")
        .with_columns(
            target_rule_id=pl.when(pl.col("in_custody").fill_null(False))
            .then(pl.col("custody_rule_id"))
            .otherwise(pl.col("rule_id_target")),
            from_procedure=pl.when(pl.int_range(pl.len()).over("cid") == 0)
            .then(pl.col("current"))
            .otherwise(pl.col("target").shift(1).over("cid"))
            .fill_null(_NONE),
        )
        .join(
            conversion_frame()
            .with_columns(pl.col("from_procedure").fill_null(_NONE))
            .rename({"procedure": "target"}),
            on=["criminal", "from_procedure", "target"],
            how="left",
        )
    )
    last_conversion = valid.group_by("cid").agg(
        conv_on=pl.col("start").last(),
        converted_to=pl.col("target").last(),
        conv_rule_id=pl.col("target_rule_id").last(),
        w_conversion_disallowed=(~pl.col("allowed").fill_null(False)).any(),
    )
    frame = (
        frame.join(last_conversion, on="cid", how="left", maintain_order="left")
        .join(
            invalid.with_columns(w_conversion_invalid=pl.lit(True)),
            on="cid",
            how="left",
            maintain_order="left",
        )
        .with_columns(
            rule_id=pl.coalesce("conv_rule_id", "rule_id"),
            w_conversion_not_allowed=pl.col("w_conversion_disallowed").fill_null(False)
            | pl.col("w_conversion_invalid").fill_null(False),
            anchor=pl.when(pl.col("criminal") & pl.col("conv_on").is_not_null())
            .then(pl.col("conv_on"))
            .otherwise(pl.col("filed_on")),
            extension_cutoff=pl.col("conv_on"),
        )
    )

    # Restarts (重新计算, C7): those on or after the anchor reached so far; the last one is the new anchor.
    restarts = (
        events.filter((pl.col("event") == "restart") & (pl.col("start") <= as_of))
        .select("cid", "start", "kind")
        .join(frame.select("cid", "anchor", "family", "rule_id"), on="cid")
        .filter(pl.col("rule_id").is_not_null() & (pl.col("start") >= pl.col("anchor")))
    )
    pairs = restarts.select("family", "kind").unique()
    allowed = pairs.with_columns(
        reason_allowed=pl.Series(
            [
                restart_allowed(Family(f) if f else None, k)
                for f, k in zip(pairs["family"].to_list(), pairs["kind"].to_list(), strict=True)
            ],
            dtype=pl.Boolean,
        )
    )
    last_restart = (
        restarts.join(allowed, on=["family", "kind"], how="left", nulls_equal=True)
        .group_by("cid")
        .agg(restarted_on=pl.col("start").max(), w_restart_not_allowed=(~pl.col("reason_allowed")).any())
    )
    frame = frame.join(last_restart, on="cid", how="left", maintain_order="left").with_columns(
        anchor=pl.coalesce("restarted_on", "anchor"),
        extension_cutoff=pl.max_horizontal("restarted_on", "extension_cutoff"),
        w_restart_not_allowed=pl.col("w_restart_not_allowed").fill_null(False),
    )
    if not conventions.restart_discards_earlier_events:
        frame = frame.with_columns(extension_cutoff=pl.lit(None, pl.Date))
    # Every join keeps the cases' order, so the result is in case-id order, row for row.
    return frame.join(
        rule_frame(rules, conventions).drop("type_code", "criminal"),
        on="rule_id",
        how="left",
        maintain_order="left",
    ).select(
        "cid",
        "family",
        "criminal",
        "rule_id",
        "rule_procedure",
        "source",
        "base_months",
        "base_days",
        "max_months",
        "max_days",
        "n_steps",
        "last_repeatable",
        "anchor",
        "extension_cutoff",
        "converted_to",
        "restarted_on",
        "w_unknown_type_code",
        "w_unknown_procedure",
        "w_conversion_not_allowed",
        "w_restart_not_allowed",
    )
