"""Read an events file (事项表, DESIGN.md §6) into the normalised events frame, with a problem for each bad row.

Events are 延长审限 (extension), 扣除审限 (deduction), 程序转换 (conversion) and 重新计算 (restart). Rejected rows:
a malformed case number; an unknown event; a deduction without a start date or with a kind that is not a
deduction kind (national or local); an end before its start; an unreadable date; an unreadable length (an empty
length on an extension is fine); a conversion without a procedure in 类别 or without a start date; a restart
without a start date or with a reason that is not a restart reason; and, when the case numbers of the cases file
are given, an event of a case not in it.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from qingji.core.events import (
    DEDUCTION_KINDS,
    EVENT_TYPE_LABELS,
    LOCAL_DEDUCTION_KINDS,
    RESTART_REASONS,
    EventType,
    parse_event_type,
)
from qingji.core.procedures import PROCEDURE_LABELS, parse_procedure
from qingji.interchange.case_numbers import canonical_case_number, case_number_columns, rejection_reason
from qingji.interchange.dates import date_columns, date_reason
from qingji.interchange.headers import EVENT_FIELDS
from qingji.interchange.lengths import length_columns
from qingji.interchange.limits import FileLimits
from qingji.interchange.reading import Opened, Source, open_table, read_result, text_column
from qingji.interchange.results import ReadResult
from qingji.interchange.row_checks import Check, Row, fixed, flag_column, raw_column, split_rows
from qingji.interchange.tables import ROW
from qingji.interchange.values import map_distinct

EVENTS_SCHEMA: dict[str, pl.DataType] = {
    ROW: pl.Int64(),
    "case_number": pl.String(),
    "event": pl.String(),
    "kind": pl.String(),
    "procedure": pl.String(),
    "start": pl.Date(),
    "end": pl.Date(),
    "length_months": pl.Int32(),
    "length_days": pl.Int32(),
    "approved_by": pl.String(),
    "approved_on": pl.Date(),
    "note": pl.String(),
    # Position of the event's case in the ``case_numbers`` given to read_events (null when not given).
    "case_index": pl.Int64(),
}

ALLOWED_DEDUCTION_KINDS: tuple[str, ...] = (*DEDUCTION_KINDS, *LOCAL_DEDUCTION_KINDS)
_DATES = {"start": "开始日期", "end": "结束日期", "approved_on": "批准日期"}
_DATES_EN = {"start": "start date", "end": "end date", "approved_on": "approval date"}


def read_events(
    path: Path | Source, case_numbers: pl.Series | None = None, *, limits: FileLimits | None = None
) -> ReadResult:
    """Read the events in ``path`` (CSV or Excel; a :class:`~.reading.Source` in a court's own layout is read by
    its events columns); a file over ``limits`` (the command line's unless given) is refused whole.

    ``case_numbers``, when given, are the cases the events may refer to, in canonical form (the ``case_number``
    column of :func:`read_cases`' frame); an event of another case is a problem. Each event's ``case_index`` is
    then the position of its case among them.
    """
    opened = open_table(path, EVENT_FIELDS, EVENTS_SCHEMA, limits, events=True)
    if isinstance(opened, ReadResult):
        return opened
    work = _normalise(opened, case_numbers)
    good, problems = split_rows(
        work, [*opened.checks, *_CHECKS], file=opened.file, fields=EVENT_FIELDS, match=opened.match
    )
    frame = good.select(pl.col(name).cast(dtype) for name, dtype in EVENTS_SCHEMA.items())
    return read_result(opened, frame, problems)


def _normalise(opened: Opened, case_numbers: pl.Series | None) -> pl.DataFrame:
    work = opened.work
    text = {field.key: pl.col(text_column(field.key)) for field in EVENT_FIELDS}
    events = map_distinct(work.get_column(text_column("event")), _event_code)
    procedures = map_distinct(work.get_column(text_column("kind")), _procedure_code)
    case_number, case_index = _case_numbers(work, case_numbers)
    work = work.with_columns(
        case_number,
        case_index,
        *[
            text["event"].replace_strict(events, default=None, return_dtype=pl.String).alias("event"),
            text["kind"].alias("kind"),
            text["kind"]
            .replace_strict(procedures, default=None, return_dtype=pl.String)
            .alias("_kind_procedure"),
            *date_columns(work, {key: text_column(key) for key in _DATES}),
            *length_columns(work, text_column("length"), "length_months", "length_days"),
            text["approved_by"].alias("approved_by"),
            text["note"].alias("note"),
        ],
    )
    event = pl.col("event")
    kind = pl.col("kind")
    missing_start = text["start"].is_null()
    unknown_case = (
        pl.lit(case_numbers is not None)
        & pl.col("case_number").is_not_null()
        & pl.col("case_index").is_null()
    )
    return work.with_columns(
        pl.when(event == EventType.CONVERSION).then(pl.col("_kind_procedure")).alias("procedure"),
        pl.col("case_number").is_null().alias(flag_column("case_number")),
        event.is_null().alias(flag_column("event")),
        *(
            (text[key].is_not_null() & pl.col(key).is_null()).alias(flag_column(key))
            for key in ("start", "end", "approved_on")
        ),
        (pl.col("end") < pl.col("start")).alias(flag_column("end_before_start")),
        (text["length"].is_not_null() & pl.col("length_months").is_null()).alias(flag_column("length")),
        ((event == EventType.DEDUCTION) & missing_start).alias(flag_column("deduction_start")),
        ((event == EventType.DEDUCTION) & ~kind.is_in(ALLOWED_DEDUCTION_KINDS).fill_null(False)).alias(
            flag_column("deduction_kind")
        ),
        ((event == EventType.CONVERSION) & pl.col("_kind_procedure").is_null()).alias(
            flag_column("conversion_procedure")
        ),
        ((event == EventType.CONVERSION) & missing_start).alias(flag_column("conversion_start")),
        ((event == EventType.RESTART) & missing_start).alias(flag_column("restart_start")),
        ((event == EventType.RESTART) & kind.is_not_null() & ~kind.is_in(tuple(RESTART_REASONS))).alias(
            flag_column("restart_reason")
        ),
        unknown_case.alias(flag_column("unknown_case")),
    )


def _case_numbers(work: pl.DataFrame, case_numbers: pl.Series | None) -> tuple[pl.Series, pl.Series]:
    """Each row's canonical case number (null when malformed) and the position of its case in ``case_numbers``
    (null when unknown or when no ``case_numbers`` are given).

    A number found among the cases was accepted there, so only the rows not found are parsed, to tell a malformed
    number from an unknown one; one left join then serves both this check and the engine, which needs no join.
    """
    source = text_column("case_number")
    if case_numbers is None:
        parsed = case_number_columns(work.select(source), source).get_column("case_number")
        return parsed, pl.Series("case_index", [None] * work.height, dtype=pl.Int64)
    canonical = work.select(canonical_case_number(pl.col(source)).alias("case_number"))
    # ``case_numbers`` are canonical, as read_cases gives them.
    known = (
        pl.DataFrame({"case_number": case_numbers.cast(pl.String)})
        .with_row_index("case_index")
        .with_columns(pl.col("case_index").cast(pl.Int64))
        .drop_nulls()
    )
    looked_up = canonical.join(known, on="case_number", how="left", maintain_order="left")
    if (
        looked_up.height != canonical.height
    ):  # a number given twice among the cases matched twice: keep the first
        known = known.unique("case_number", keep="first", maintain_order=True)
        looked_up = canonical.join(known, on="case_number", how="left", maintain_order="left")
    case_index = looked_up.get_column("case_index")
    number = looked_up.get_column("case_number")
    unmatched = (case_index.is_null() & number.is_not_null()).arg_true()
    if len(unmatched):
        rows = work.select(source).gather(unmatched)
        number = number.scatter(unmatched, case_number_columns(rows, source).get_column("case_number"))
    return number, case_index


def _event_code(text: str) -> str | None:
    event = parse_event_type(text)
    return event.value if event else None


def _procedure_code(text: str) -> str | None:
    procedure = parse_procedure(text)
    return procedure.value if procedure else None


def _date_check(key: str) -> Check:
    def reason(row: Row) -> tuple[str, str]:
        return date_reason(_DATES[key], _DATES_EN[key], row[raw_column(key)])

    return Check(key, key, reason)


def _case_number(row: Row) -> tuple[str, str]:
    return rejection_reason(row[raw_column("case_number")] or "")


def _event(row: Row) -> tuple[str, str]:
    if row[text_column("event")] is None:
        return ("缺少事项", "the event is missing")
    return (f"事项无法识别（应为 {_EVENT_NAMES_ZH}）", f"event not understood (expected {_EVENT_NAMES_EN})")


def _deduction_kind(row: Row) -> tuple[str, str]:
    if row["kind"] is None:
        return (
            "扣除审限缺少类别（如 鉴定、公告）",
            "a deduction needs a kind (e.g. 鉴定 appraisal, 公告 notice)",
        )
    return (
        f"扣除审限类别无法识别（应为 {'、'.join(ALLOWED_DEDUCTION_KINDS)} 之一）",
        f"deduction kind not known (expected one of {', '.join(ALLOWED_DEDUCTION_KINDS)})",
    )


_EVENT_NAMES_ZH = "、".join(EVENT_TYPE_LABELS.values())
_EVENT_NAMES_EN = ", ".join(f"{label} ({event.value})" for event, label in EVENT_TYPE_LABELS.items())
_PROCEDURE_NAMES = "、".join(PROCEDURE_LABELS.values())

_CHECKS: list[Check] = [
    Check("case_number", "case_number", _case_number),
    Check(
        "unknown_case",
        "case_number",
        fixed("案号不在案件表中", "the case number is not in the cases file"),
    ),
    Check("event", "event", _event),
    _date_check("start"),
    _date_check("end"),
    _date_check("approved_on"),
    Check(
        "end_before_start",
        "end",
        fixed("结束日期早于开始日期", "the end date is before the start date"),
    ),
    Check(
        "length",
        "length",
        fixed(
            "期间无法识别（应如 6个月、30日、1个月15日）",
            "length not understood (e.g. 6个月, 30日, 1个月15日)",
        ),
    ),
    Check(
        "deduction_start",
        "start",
        fixed("扣除审限缺少开始日期", "a deduction needs a start date"),
    ),
    Check("deduction_kind", "kind", _deduction_kind),
    Check(
        "conversion_procedure",
        "kind",
        fixed(
            f"程序转换的类别应为转换后的程序（如 {_PROCEDURE_NAMES}）",
            "a conversion needs the new procedure in 类别 (e.g. 普通程序 ordinary)",
        ),
    ),
    Check(
        "conversion_start",
        "start",
        fixed("程序转换缺少开始日期（转换之日）", "a conversion needs a start date (the day of conversion)"),
    ),
    Check(
        "restart_start",
        "start",
        fixed(
            "重新计算缺少开始日期（重新计算之日）",
            "a restart needs a start date (the day the clock restarts)",
        ),
    ),
    Check(
        "restart_reason",
        "kind",
        fixed(
            f"重新计算的类别无法识别（应为 {'、'.join(RESTART_REASONS)} 之一，或留空）",
            f"restart reason not known (expected one of {', '.join(RESTART_REASONS)}, or empty)",
        ),
    ),
]
