"""The synthetic court system's cases in a court's own export layout: the data centre's (数据中心, issue 11).

A court's data centre exports one table per kind of case (民事一审, 民事二审, 刑事一审, 首次执行 …) headed by pinyin
initials, with the court system's own expiry of each case (审限届满日期 SXJMRQ, in enforcement tables 执行期限届满日期
ZXQXJMRQ). :func:`data_centre_tables` writes the same cases as the interchange files that way, so that an import
of the one can be compared with an import of the other: the built-in profile ``数据中心``
(:mod:`qingji.interchange.data_centre`) reads them back to the same cases.

A synthetic court system has no court system to compute its expiries: :func:`with_cms_expiry` takes the expiry
qingji's own ledger gives on the export date, as a court system that counts as qingji does would.

Trial tables: FYDM AH LAAYMC SYCX LARQ SXQSRQ SXJMRQ JARQ JAFSMC CBSPT CBRMC DSR AJJZJDMC, and SFJY in the criminal
ones; enforcement tables: FYDM AH AY SYCX LARQ ZXQXQSRQ ZXQXJMRQ FDZXQX JARQ JAFSMC CBSPT CBRMC DSR AJJZJDMC.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import polars as pl
import xlsxwriter

from qingji.core.calendar import WorkCalendar
from qingji.core.typecodes import TYPE_CODES_BY_CODE, Family
from qingji.engine.ledger import compute_ledger
from qingji.interchange import read_cases, read_events
from qingji.interchange.case_numbers import case_number_columns

CMS_EXPIRY = "审限届满日期"  # the interchange column of the court system's own expiry
_TRIAL = (
    "FYDM", "AH", "LAAYMC", "SYCX", "LARQ", "SXQSRQ", "SXJMRQ", "JARQ", "JAFSMC", "CBSPT", "CBRMC", "DSR",
    "AJJZJDMC",
)  # fmt: skip
_CRIMINAL = (*_TRIAL, "SFJY")
_ENFORCEMENT = (
    "FYDM", "AH", "AY", "SYCX", "LARQ", "ZXQXQSRQ", "ZXQXJMRQ", "FDZXQX", "JARQ", "JAFSMC", "CBSPT", "CBRMC",
    "DSR", "AJJZJDMC",
)  # fmt: skip
ENFORCEMENT_PERIOD = "6个月"  # 法定执行期限 of a first enforcement (rules/trial-periods.md §10)


def with_cms_expiry(
    cases: pl.DataFrame, events: pl.DataFrame, until: date, calendar: WorkCalendar
) -> pl.DataFrame:
    """The interchange cases frame (as :func:`qingji.synth.generate` gives it) with the column 审限届满日期: each
    case's expiry in qingji's ledger on ``until`` with ``calendar`` (empty when the case has no statutory
    limit)."""
    with tempfile.TemporaryDirectory(prefix="qingji-synth-") as folder:
        cases_path, events_path = Path(folder) / "cases.csv", Path(folder) / "events.csv"
        cases.write_csv(cases_path, date_format="%Y-%m-%d")
        events.write_csv(events_path, date_format="%Y-%m-%d")
        read = read_cases(cases_path, until)
        read_evts = read_events(events_path, read.frame.get_column("case_number"))
    if read.problems or read_evts.problems:
        raise ValueError(f"the synthetic files do not read back: {(read.problems + read_evts.problems)[:3]}")
    ledger = compute_ledger(read.frame, read_evts.frame, until, calendar)
    expiry = dict(zip(ledger.get_column("case_number"), ledger.get_column("expiry"), strict=True))
    return cases.with_columns(
        pl.col("案号").replace_strict(expiry, default=None, return_dtype=pl.Date).alias(CMS_EXPIRY)
    )


def data_centre_tables(cases: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """The cases of an interchange frame with 审限届满日期 (:func:`with_cms_expiry`) as the data centre's tables, by
    kind (the type code's name: 民事一审, 首次执行 …), in the order of the type codes (民事 first)."""
    parts = case_number_columns(cases.select("案号"), "案号").select("court_code", "type_code")
    frame = pl.concat([cases, parts], how="horizontal")
    closed = pl.col("结案日期").is_not_null()
    columns = {
        "FYDM": pl.col("court_code"),
        "AH": pl.col("案号"),
        "LAAYMC": pl.col("案由"),
        "AY": pl.col("案由"),
        "SYCX": pl.col("适用程序"),
        "LARQ": pl.col("立案日期"),
        "SXQSRQ": pl.col("立案日期"),
        "ZXQXQSRQ": pl.col("立案日期"),
        "SXJMRQ": pl.col(CMS_EXPIRY),
        "ZXQXJMRQ": pl.col(CMS_EXPIRY),
        "FDZXQX": pl.lit(ENFORCEMENT_PERIOD),
        "JARQ": pl.col("结案日期"),
        "JAFSMC": pl.col("结案方式"),
        "CBSPT": pl.col("审判庭"),
        "CBRMC": pl.col("承办法官"),
        "DSR": pl.col("当事人"),
        "SFJY": pl.col("羁押"),
        "AJJZJDMC": pl.when(closed).then(pl.lit("已结案")).otherwise(pl.lit("审理中")),
    }
    tables: dict[str, pl.DataFrame] = {}
    order = list(TYPE_CODES_BY_CODE)
    for code in sorted(frame.get_column("type_code").unique().to_list(), key=order.index):
        kind = TYPE_CODES_BY_CODE[code]
        headers = (
            _ENFORCEMENT
            if kind.family is Family.ENFORCEMENT
            else _CRIMINAL
            if kind.family is Family.CRIMINAL
            else _TRIAL
        )
        rows = frame.filter(pl.col("type_code") == code)
        tables[kind.name] = rows.select(columns[header].alias(header) for header in headers)
    return tables


def write_data_centre(
    directory: Path, cases: pl.DataFrame, *, workbook: bool = True, name: str = "数据中心"
) -> list[Path]:
    """Write :func:`data_centre_tables` of ``cases`` into ``directory``: one workbook ``<name>.xlsx`` with a sheet
    per kind (dates as date cells), or a CSV file per kind (``民事一审.csv`` …). Returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    tables = data_centre_tables(cases)
    if not workbook:
        paths = []
        for kind, table in tables.items():
            path = directory / f"{kind}.csv"
            table.write_csv(path, date_format="%Y-%m-%d")
            paths.append(path)
        return paths
    path = directory / f"{name}.xlsx"
    with xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False}) as book:
        for kind, table in tables.items():
            table.write_excel(book, worksheet=kind, autofit=False, dtype_formats={pl.Date: "yyyy-mm-dd"})
    return [path]
