"""The expiry of every case over columns: the rule, extensions, deductions, late acts and roll-forward (the
columnar mirror of qingji.core.deadline.compute_deadline)."""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.periods import RuleTable
from qingji.engine.dates import add_days, add_period
from qingji.engine.deductions import count_deductions
from qingji.engine.extensions import count_extensions
from qingji.engine.late import judge_acts
from qingji.engine.resolve import resolve_rules
from qingji.engine.tables import roll_frame


def counted_frame(
    filed: pl.DataFrame,
    evts: pl.DataFrame,
    as_of: date,
    calendar: WorkCalendar,
    conventions: Conventions,
    rules: RuleTable,
) -> pl.DataFrame:
    """Per case of ``filed`` (cid = row position), in order: the resolved rule, the counts and the expiry.

    ``evts`` carries ``cid``; late conversions are judged (and left out) by the caller.
    """
    resolved = resolve_rules(filed, evts, as_of, rules, conventions)
    context = filed.select(
        "cid",
        "type_code",
        "court_code",
        "filed_on",
        "closed_on",
        pl.col("in_custody").fill_null(False),
        closed_eff=pl.when(pl.col("closed_on") <= as_of)
        .then(pl.col("closed_on"))
        .otherwise(pl.lit(None, pl.Date)),
    )
    # In case-id order from here on, so that per-case columns can be laid beside the frame without joins.
    resolved = resolved.hstack(context.drop("cid")).with_columns(
        month_end=pl.col("criminal").fill_null(False) & conventions.criminal_month_end_rule
    )
    # The end of the base period, once: judging late acts and the expiry both start from it.
    resolved = resolved.with_columns(
        base_end=add_period(pl.col("anchor"), pl.col("base_months"), pl.col("base_days"), pl.col("month_end"))
    )
    extensions, extension_moves = count_extensions(resolved, evts, as_of, rules, conventions)
    deductions, intervals = count_deductions(resolved, evts, as_of, conventions, resolved.height)
    verdicts = judge_acts(resolved, extension_moves, intervals, calendar, conventions)
    late_from = verdicts.select("cid", "late_from").drop_nulls()
    if not late_from.is_empty():
        # Counted again without the late acts, only for the cases that have one (their events and their rows).
        redone = pl.Series(np.zeros(resolved.height, dtype=bool))
        redone.scatter(late_from.get_column("cid"), True)
        late_cases = resolved.filter(redone)
        late_events = evts.join(late_from.select("cid"), on="cid", how="semi")
        recounted, _ = count_extensions(late_cases, late_events, as_of, rules, conventions, late_from)
        extensions = pl.concat(
            [extensions.join(late_from.select("cid"), on="cid", how="anti"), recounted],
            how="diagonal_relaxed",
        )
        again, _ = count_deductions(late_cases, late_events, as_of, conventions, resolved.height, late_from)
        deductions = deductions.select(
            pl.when(redone).then(again.get_column(c)).otherwise(pl.col(c)).alias(c)
            for c in deductions.columns
        )
    frame = (
        resolved.join(extensions, on="cid", how="left", maintain_order="left")
        .hstack(deductions)
        .join(verdicts.drop("late_from"), on="cid", how="left", maintain_order="left")
        .with_columns(
            pl.col(
                "w_ext_beyond",
                "w_ext_without_approver",
                "w_ext_wrong_level",
                "w_ext_late",
                "w_ded_late",
                "w_ext_decided_late",
            ).fill_null(False),
            total_months=pl.coalesce("total_months", "base_months"),
            total_days=pl.coalesce("total_days", "base_days"),
            deducted_days=pl.when(pl.col("base_months").is_not_null())
            .then(pl.col("deducted_days").fill_null(0))
            .otherwise(0),
        )
    )
    return _expiry(frame, calendar, conventions)


def _expiry(frame: pl.DataFrame, calendar: WorkCalendar, conventions: Conventions) -> pl.DataFrame:
    has_limit = pl.col("base_months").is_not_null()
    if conventions.extensions_from_anchor:
        end = add_period(pl.col("anchor"), pl.col("total_months"), pl.col("total_days"), pl.col("month_end"))
    else:
        end = pl.coalesce("chain_end", "base_end")
    if conventions.anchor_day_counted:
        end = add_days(end, -1)
    frame = frame.with_columns(end=pl.when(has_limit).then(add_days(end, pl.col("deducted_days"))))
    custody = pl.col("criminal").fill_null(False) & pl.col("in_custody") & conventions.custody_exception
    roll = conventions.roll_forward_rest_days
    ends = frame["end"].drop_nulls()
    if roll and ends.len():
        first, last = ends.min(), ends.max()
        assert isinstance(first, date) and isinstance(last, date)
        rolled = frame.select("end").join(
            roll_frame(calendar, first, last),
            left_on="end",
            right_on="day",
            how="left",
            maintain_order="left",
        )
        frame = frame.with_columns(rolled.get_column("rolled"), rolled.get_column("roll_provisional"))
    else:
        frame = frame.with_columns(rolled=pl.col("end"), roll_provisional=pl.lit(False))
    rolls = pl.lit(roll) & ~custody
    return frame.with_columns(
        expiry=pl.when(rolls).then(pl.col("rolled")).otherwise(pl.col("end")),
        moved=rolls & (pl.col("rolled") != pl.col("end")).fill_null(False),
        provisional=(rolls & pl.col("roll_provisional")).fill_null(False),
        extended_months=pl.when(has_limit).then(pl.col("total_months") - pl.col("base_months")).otherwise(0),
        extended_days=pl.when(has_limit).then(pl.col("total_days") - pl.col("base_days")).otherwise(0),
    )
