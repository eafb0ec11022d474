"""The ledger (台账): every case's expiry and state on a date, over whole tables.

The same rules as :func:`qingji.core.state.assess`, column by column, so that a million cases take seconds;
property tests prove both paths agree on generated cases.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import DEFAULT_CONVENTIONS, Conventions
from qingji.core.courts import COURTS_BY_CODE
from qingji.core.dates import older_than_cutoff
from qingji.core.deadline import extension_label
from qingji.core.events import Period
from qingji.core.explain import basis_head
from qingji.core.periods import DEFAULT_RULES, RuleTable
from qingji.core.procedures import PROCEDURE_LABELS
from qingji.core.state import LEDGER_FIELDS
from qingji.core.vocabulary import AgeBucket, Status, Warning, approaching_warning
from qingji.engine.dates import (
    add_days,
    add_months,
    days_between,
)
from qingji.engine.expiry import counted_frame
from qingji.engine.facts import EVENT_SCHEMA
from qingji.engine.late import judge_conversions

# The ledger's columns, in order: the fields of a ledger row (the JSON keys relied on from outside).
LEDGER_COLUMNS: tuple[str, ...] = LEDGER_FIELDS


def empty_events() -> pl.DataFrame:
    return pl.DataFrame(schema=EVENT_SCHEMA)


def _events_with_case_ids(cases: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """``events`` with ``cid``, the row of their case in ``cases`` (events of other cases are left out).

    Events read against these cases carry it already as ``case_index``; it is used when every row checks out
    against ``cases`` (one gather), else the events are joined by case number.
    """
    typed = events.with_columns(pl.col(c).cast(t) for c, t in EVENT_SCHEMA.items() if c in events.columns)
    if "case_index" in events.columns and events.get_column("case_index").null_count() == 0:
        index = events.get_column("case_index")
        if index.is_empty() or (
            index.max() < cases.height  # type: ignore[operator]
            and (cases.get_column("case_number").gather(index) == events.get_column("case_number")).all()
        ):
            return typed.with_columns(cid=pl.col("case_index").cast(pl.Int64))
    return typed.join(cases.select("case_number", "cid"), on="case_number")


def compute_ledger(
    cases: pl.DataFrame,
    events: pl.DataFrame | None,
    as_of: date,
    calendar: WorkCalendar,
    conventions: Conventions = DEFAULT_CONVENTIONS,
    rules: RuleTable = DEFAULT_RULES,
) -> pl.DataFrame:
    """The ledger on ``as_of`` of the cases filed by then, in input order, with the columns LEDGER_COLUMNS.

    ``cases`` and ``events`` are frames as read by :mod:`qingji.interchange` (case_number, court_code,
    type_code, procedure, filed_on, closed_on, in_custody …; event, kind, procedure, start, end, length_*,
    approved_by, approved_on, source_row).
    """
    # Case ids are row positions in ``cases``; cases filed after the as-of date are computed along and left out
    # at the end, so that events read against these cases (read_events' case_index) need no join.
    filed = cases.with_row_index("cid").with_columns(pl.col("cid").cast(pl.Int64))
    for column in ("procedure", "cause", "judge", "division", "court"):
        if column not in filed.columns:
            filed = filed.with_columns(pl.lit(None, pl.String).alias(column))
    if "in_custody" not in filed.columns:
        filed = filed.with_columns(in_custody=pl.lit(False))
    evts = _events_with_case_ids(filed, events if events is not None else empty_events())
    evts = evts.with_row_index("eid")

    def expiries(cases: pl.DataFrame, events: pl.DataFrame) -> pl.Series:
        return counted_frame(cases, events, as_of, calendar, conventions, rules).get_column("expiry")

    evts, late_conversions = judge_conversions(filed, evts, as_of, conventions, expiries)
    frame = counted_frame(filed, evts, as_of, calendar, conventions, rules).join(
        late_conversions.with_columns(w_conv_late=pl.lit(True)), on="cid", how="left", maintain_order="left"
    )
    frame = _state(frame, as_of, conventions)
    court_names = {code: court.name for code, court in COURTS_BY_CODE.items()}
    court_name = pl.col("court_code").replace_strict(court_names, default=pl.col("court")).alias("court_name")
    given = filed.select(
        court_name if name == "court_name" else pl.col(name)
        for name in LEDGER_COLUMNS
        if name in filed.columns or name == "court_name"
    )
    computed = frame.select(c for c in LEDGER_COLUMNS if c not in given.columns)
    ledger = pl.concat([given, computed], how="horizontal").select(LEDGER_COLUMNS)
    latest = filed.get_column("filed_on").max()
    if (
        isinstance(latest, date) and latest > as_of
    ):  # only then are some cases not yet filed on the as-of date
        ledger = ledger.filter(pl.col("filed_on") <= as_of)
    return ledger


def _state(frame: pl.DataFrame, as_of: date, conventions: Conventions) -> pl.DataFrame:
    t = pl.lit(as_of)
    filed_on = pl.col("filed_on")
    pending = pl.col("closed_eff").is_null()
    end = pl.coalesce(pl.col("closed_eff"), t)
    age = days_between(filed_on, end)
    if conventions.elapsed_net_of_deductions:
        age = age - pl.col("deducted_days")

    def older_than(months: int) -> pl.Expr:
        """Gross age over N months (C10): T > add_months(filed_on, N); net of deductions where set so."""
        if conventions.long_pending_gross:
            return filed_on < older_than_cutoff(as_of, months)
        return add_days(t, -pl.col("deducted_days")) > add_months(filed_on, months)

    bucket: pl.Expr = pl.lit(AgeBucket.UNDER_6M.value)
    for months, name in zip(
        conventions.bucket_months, (AgeBucket.M6_12, AgeBucket.Y1_2, AgeBucket.OVER_2Y), strict=True
    ):
        bucket = pl.when(older_than(months)).then(pl.lit(name.value)).otherwise(bucket)
    tier: pl.Expr = pl.lit(None, pl.Int32)
    for months in conventions.long_pending_tiers:
        tier = pl.when(older_than(months)).then(pl.lit(months, pl.Int32)).otherwise(tier)
    expiry = pl.col("expiry")
    grace_expiry = add_days(expiry, conventions.grace_days)
    remaining = days_between(t, expiry)
    approaching: pl.Expr = pl.lit(None, pl.Int32)
    for threshold in sorted(conventions.approaching_days, reverse=True):
        approaching = pl.when(remaining <= threshold).then(pl.lit(threshold, pl.Int32)).otherwise(approaching)
    frame = frame.with_columns(
        pending=pending,
        age_days=age,
        age_bucket=pl.when(pending).then(bucket),
        long_pending=pl.when(pending).then(tier),
        age_warning=pending
        & older_than(conventions.age_warning_months)
        & ~older_than(min(conventions.long_pending_tiers)),
        late=pl.col("closed_eff") > grace_expiry,
        overdue=pending & (t > grace_expiry),
        approaching_at=pl.when(pending & ~(t > grace_expiry)).then(approaching),
    )
    frame = frame.with_columns(
        status=pl.when(expiry.is_null())
        .then(pl.lit(Status.NO_LIMIT.value))
        .when(~pending)
        .then(
            pl.when(pl.col("late"))
            .then(pl.lit(Status.CLOSED_LATE.value))
            .otherwise(pl.lit(Status.CLOSED_IN_TIME.value))
        )
        .when(pl.col("overdue"))
        .then(pl.lit(Status.OVERDUE.value))
        .when(pl.col("approaching_at").is_not_null())
        .then(pl.lit(Status.APPROACHING.value))
        .otherwise(pl.lit(Status.IN_TIME.value)),
        days_remaining=pl.when(pending & expiry.is_not_null()).then(remaining),
        days_over=pl.when(expiry.is_null())
        .then(pl.lit(None, pl.Int32))
        .when(~pending)
        .then(pl.when(pl.col("late")).then(days_between(expiry, pl.col("closed_eff"))))
        .when(pl.col("overdue"))
        .then(days_between(expiry, t)),
    )
    return _with_warnings(_with_basis(frame), conventions)


def _warning_conditions(conventions: Conventions) -> list[tuple[str, pl.Expr]]:
    """(code, condition) in the order a row lists its warnings: the approaching warning first, then the order of
    :class:`Warning` (as the core lists them)."""
    limited = pl.col("base_months").is_not_null()
    conditions: dict[Warning, pl.Expr] = {
        Warning.AGE_10_MONTHS: pl.col("age_warning"),
        Warning.OVERDUE: pl.col("status") == Status.OVERDUE.value,
        Warning.PROVISIONAL_CALENDAR: pl.col("provisional"),
        Warning.UNKNOWN_PROCEDURE: pl.col("w_unknown_procedure"),
        Warning.UNKNOWN_TYPE_CODE: pl.col("w_unknown_type_code"),
        Warning.CLOSED_BEFORE_FILED: pl.col("closed_on") < pl.col("filed_on"),
        Warning.DEDUCTION_OUTSIDE_LIFE: limited & pl.col("w_outside"),
        Warning.OVERLAPPING_DEDUCTIONS: limited & pl.col("w_overlap"),
        Warning.DEDUCTION_NOT_ALLOWED: limited & pl.col("w_not_allowed"),
        Warning.DEDUCTION_OPEN: limited & pl.col("w_open"),
        Warning.EXTENSION_BEYOND_MAXIMUM: limited & pl.col("w_ext_beyond"),
        Warning.EXTENSION_WRONG_LEVEL: limited & pl.col("w_ext_wrong_level"),
        Warning.EXTENSION_WITHOUT_APPROVER: limited & pl.col("w_ext_without_approver"),
        Warning.CONVERSION_NOT_ALLOWED: pl.col("w_conversion_not_allowed"),
        Warning.RESTART_NOT_ALLOWED: pl.col("w_restart_not_allowed"),
        Warning.EXTENSION_AFTER_EXPIRY: limited & pl.col("w_ext_late"),
        Warning.EXTENSION_DECIDED_LATE: limited & pl.col("w_ext_decided_late"),
        Warning.DEDUCTION_AFTER_EXPIRY: limited & pl.col("w_ded_late"),
        Warning.CONVERSION_AFTER_EXPIRY: pl.col("w_conv_late").fill_null(False),
    }
    approaching = [
        (approaching_warning(days), pl.col("approaching_at") == days)
        for days in sorted(set(conventions.approaching_days))
    ]
    return approaching + [(w.value, conditions[w]) for w in Warning if w in conditions]


def _with_warnings(frame: pl.DataFrame, conventions: Conventions) -> pl.DataFrame:
    """The list of warning codes per row. Rows share few combinations, so each row gets a bit mask and the masks
    present are turned into lists once (building a list per row in Polars is slow)."""
    conditions = _warning_conditions(conventions)
    mask = pl.sum_horizontal(
        pl.when(condition.fill_null(False)).then(pl.lit(1 << bit, pl.Int64)).otherwise(pl.lit(0, pl.Int64))
        for bit, (_, condition) in enumerate(conditions)
    ).alias("warning_mask")
    frame = frame.with_columns(mask)
    masks = frame.get_column("warning_mask").unique().sort().to_list()
    lists = pl.DataFrame(
        {
            "warning_mask": masks,
            "warnings": [[code for bit, (code, _) in enumerate(conditions) if m >> bit & 1] for m in masks],
        },
        schema={"warning_mask": pl.Int64, "warnings": pl.List(pl.String)},
    )
    looked_up = frame.select("warning_mask").join(lists, on="warning_mask", how="left", maintain_order="left")
    return frame.with_columns(looked_up.get_column("warnings")).drop("warning_mask")


def _with_basis(frame: pl.DataFrame) -> pl.DataFrame:
    """The one-line basis, as :func:`qingji.core.explain.basis_summary` writes it. The rule-and-period parts
    repeat across rows, so they are written once per distinct combination with the core's own functions."""
    keys = ["source", "base_months", "base_days", "extended_months", "extended_days"]
    combos = frame.select(keys).unique()
    heads, extended = [], []
    for source, base_months, base_days, ext_months, ext_days in combos.iter_rows():
        base = Period(base_months, base_days) if base_months is not None else None
        heads.append(basis_head(source, base.label_zh() if base else None))
        label = extension_label(base, Period(ext_months, ext_days))
        extended.append(f"延长{label}" if label else None)
    labels = combos.with_columns(
        basis_head=pl.Series(heads, dtype=pl.String), basis_extended=pl.Series(extended, dtype=pl.String)
    )
    # Join a narrow frame and lay its columns beside the wide one: gathering every column of a wide frame is slow.
    looked_up = frame.select(keys).join(labels, on=keys, how="left", nulls_equal=True, maintain_order="left")
    frame = frame.with_columns(looked_up.get_column("basis_head"), looked_up.get_column("basis_extended"))
    procedure_labels = {p.value: f"转{label}" for p, label in PROCEDURE_LABELS.items()}
    parts = [
        pl.col("basis_head"),
        pl.col("converted_to").replace_strict(procedure_labels, default=None, return_dtype=pl.String),
        pl.format("重新计算{}", pl.col("restarted_on").dt.to_string("%Y-%m-%d")),
        pl.col("basis_extended"),
        pl.when(pl.col("deducted_days") != 0).then(pl.format("扣除{}日", pl.col("deducted_days"))),
        pl.when(pl.col("moved")).then(pl.format("顺延至{}", pl.col("expiry").dt.to_string("%Y-%m-%d"))),
        pl.when(pl.col("provisional")).then(pl.lit("暂定")),
    ]
    return frame.with_columns(basis=pl.concat_str(parts, separator="；", ignore_nulls=True)).drop(
        "basis_head", "basis_extended"
    )
