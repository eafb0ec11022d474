"""Read a cases file (案件表, DESIGN.md §6) into the normalised cases frame, with a problem for each bad row.

Rejected rows: case number missing or malformed, filing date missing or unreadable, closing date present but
unreadable, 羁押 not understood, a case number already given on an earlier row, a case closed before it was filed,
a filing or closing date after the export date (issue 9: the first was counted as closed on time, the second got no
state), and, in every file, a row with more or fewer cells than the header or a control character in a cell (see
:mod:`qingji.interchange.cell_checks`). Kept rows: an unknown or missing procedure (``procedure`` null,
``procedure_raw`` as written); the rules flag it later.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from qingji.core.casenumber import parse_case_number
from qingji.core.courts import COURTS_BY_CODE, court_for_old_abbreviation
from qingji.core.procedures import parse_procedure
from qingji.interchange.case_numbers import PARTS_SCHEMA, case_number_columns, rejection_reason
from qingji.interchange.dates import date_columns, date_reason
from qingji.interchange.headers import CASE_FIELDS
from qingji.interchange.limits import FileLimits
from qingji.interchange.reading import Opened, Source, open_table, read_result, text_column
from qingji.interchange.results import ReadResult
from qingji.interchange.row_checks import Check, Reason, Row, fixed, flag_column, raw_column, split_rows
from qingji.interchange.tables import ROW
from qingji.interchange.values import BOOLEAN_WORDS, boolean, map_distinct

CASES_SCHEMA: dict[str, pl.DataType] = {
    ROW: pl.Int64(),
    **PARTS_SCHEMA,
    "court": pl.String(),
    "procedure": pl.String(),
    "procedure_raw": pl.String(),
    "cause": pl.String(),
    "closure_method": pl.String(),
    "judge": pl.String(),
    "division": pl.String(),
    "parties": pl.String(),
    "filed_on": pl.Date(),
    "closed_on": pl.Date(),
    "in_custody": pl.Boolean(),
    "cms_expiry": pl.Date(),
}

_PLAIN_TEXT = ("court", "cause", "closure_method", "judge", "division", "parties")


def read_cases(
    path: Path | Source, exported_on: date | None = None, *, limits: FileLimits | None = None
) -> ReadResult:
    """Read the cases in ``path`` (CSV or Excel; a :class:`~.reading.Source` names a sheet or a court's own
    layout), exported on ``exported_on`` (default today): a case filed or closed after it is a problem of its
    row. A file over ``limits`` (the command line's unless given) is refused whole."""
    exported_on = exported_on or date.today()
    opened = open_table(path, CASE_FIELDS, CASES_SCHEMA, limits)
    if isinstance(opened, ReadResult):
        return opened
    work = _normalise(opened).with_columns(
        (pl.col("closed_on") < pl.col("filed_on")).alias(flag_column("closed_before_filed")),
        (pl.col("filed_on") > exported_on).alias(flag_column("filed_after_export")),
        (pl.col("closed_on") > exported_on).alias(flag_column("closed_after_export")),
    )
    first_rows = _first_rows_of_repeats(work)
    checks = _checks(first_rows, exported_on)
    good, problems = split_rows(
        work, [*opened.checks, *checks], file=opened.file, fields=CASE_FIELDS, match=opened.match
    )
    frame = good.select(pl.col(name).cast(dtype) for name, dtype in CASES_SCHEMA.items())
    return read_result(opened, frame, problems)


def _normalise(opened: Opened) -> pl.DataFrame:
    work = opened.work
    text = {
        key: pl.col(text_column(key))
        for key in ("filed_on", "closed_on", "in_custody", "procedure", "cms_expiry")
    }
    procedures = map_distinct(work.get_column(text_column("procedure")), _procedure_code)
    dates = {key: text_column(key) for key in ("filed_on", "closed_on", "cms_expiry")}
    work = case_number_columns(
        work,
        text_column("case_number"),
        text_column("court"),
        mark_repeats=True,
        alongside=[
            *date_columns(work, dates),
            boolean(text["in_custody"]).alias("_custody"),
            text["procedure"]
            .replace_strict(procedures, default=None, return_dtype=pl.String)
            .alias("procedure"),
            text["procedure"].alias("procedure_raw"),
            *(pl.col(text_column(key)).alias(key) for key in _PLAIN_TEXT),
        ],
    )
    return work.with_columns(
        pl.col("_custody").fill_null(False).alias("in_custody"),
        pl.col("case_number").is_null().alias(flag_column("case_number")),
        pl.col("filed_on").is_null().alias(flag_column("filed_on")),
        (text["closed_on"].is_not_null() & pl.col("closed_on").is_null()).alias(flag_column("closed_on")),
        (text["cms_expiry"].is_not_null() & pl.col("cms_expiry").is_null()).alias(flag_column("cms_expiry")),
        (text["in_custody"].is_not_null() & pl.col("_custody").is_null()).alias(flag_column("in_custody")),
        pl.col("repeated").alias(flag_column("repeat")),
        pl.col("court_unknown").alias(flag_column("court_unknown")),
        pl.col("court_conflict").alias(flag_column("court_conflict")),
    )


def _procedure_code(text: str) -> str | None:
    procedure = parse_procedure(text)
    return procedure.value if procedure else None


def _first_rows_of_repeats(work: pl.DataFrame) -> dict[str, int]:
    """For each case number given more than once, the row where it first appears."""
    repeated = work.filter(pl.col(flag_column("repeat"))).get_column("case_number").unique()
    if repeated.is_empty():
        return {}
    firsts = work.filter(pl.col("case_number").is_in(repeated.implode()) & ~pl.col(flag_column("repeat")))
    return dict(
        zip(firsts.get_column("case_number").to_list(), firsts.get_column(ROW).to_list(), strict=True)
    )


def _checks(first_rows: dict[str, int], exported_on: date) -> list[Check]:
    def case_number(row: Row) -> tuple[str, str]:
        return rejection_reason(row[raw_column("case_number")] or "")

    def filed_on(row: Row) -> tuple[str, str]:
        return date_reason("立案日期", "filing date", row[raw_column("filed_on")])

    def closed_on(row: Row) -> tuple[str, str]:
        return date_reason("结案日期", "closing date", row[raw_column("closed_on")])

    def cms_expiry(row: Row) -> tuple[str, str]:
        return date_reason("审限届满日期", "court system's expiry", row[raw_column("cms_expiry")])

    def repeat(row: Row) -> tuple[str, str]:
        first = first_rows.get(row["case_number"], 0)
        return (f"案号重复，与第{first}行相同", f"the case number was already given on row {first}")

    def closed_before_filed(row: Row) -> tuple[str, str]:
        return (
            f"结案日期早于立案日期（{row['filed_on']}）",
            f"the closing date is before the filing date ({row['filed_on']})",
        )

    def after_export(zh: str, en: str) -> Reason:
        return fixed(
            f"{zh}晚于导出日期 {exported_on}：导出文件不会有尚未发生的日期",
            f"the {en} is after the export date {exported_on}: an export cannot hold a date yet to come",
        )

    def court_unknown(row: Row) -> tuple[str, str]:
        abbreviation = parse_case_number(row["case_number"]).court_code
        court = row[raw_column("court")] or ""
        return (
            f"案号中的法院代字“{abbreviation}”不是已知的法院（2016年以前的案号），法院列“{court}”也不是："
            "无法确定案件属于哪个法院，请在法院列填写法院全称",
            f"the court abbreviation {abbreviation!r} of this pre-2016 case number is not a known court, nor is "
            f"the 法院 column's {court!r}: the case's court cannot be told; give the court's full name in 法院",
        )

    def court_conflict(row: Row) -> tuple[str, str]:
        code = parse_case_number(row["case_number"]).court_code
        number_court = COURTS_BY_CODE.get(code) or court_for_old_abbreviation(code)
        name = number_court.name if number_court else code
        return (
            f"法院列与案号中的法院（{name}）不一致",
            f"the 法院 column names another court than the case number's ({name})",
        )

    words = "、".join(BOOLEAN_WORDS)
    return [
        Check("case_number", "case_number", case_number),
        Check("repeat", "case_number", repeat),
        Check("filed_on", "filed_on", filed_on),
        Check("closed_on", "closed_on", closed_on),
        Check("cms_expiry", "cms_expiry", cms_expiry),
        Check(
            "in_custody",
            "in_custody",
            fixed(
                f"羁押无法识别（应为 {words}，或留空表示否）",
                "in custody not understood (expected 是/否 or yes/no)",
            ),
        ),
        Check("court_unknown", "court", court_unknown),
        Check("court_conflict", "court", court_conflict),
        Check("closed_before_filed", "closed_on", closed_before_filed),
        Check("filed_after_export", "filed_on", after_export("立案日期", "filing date")),
        Check("closed_after_export", "closed_on", after_export("结案日期", "closing date")),
    ]
