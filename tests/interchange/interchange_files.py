"""Helpers for the interchange tests: files written the way courts' systems write them, and a ledger frame."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import polars as pl

from qingji.interchange.headers import CASE_FIELDS, EVENT_FIELDS, SUPPLEMENTARY_CASE_FIELDS

# The interchange headers a court's file has (the court system's own expiry, an optional column, apart).
CASE_HEADERS = [field.zh for field in CASE_FIELDS if field.key not in SUPPLEMENTARY_CASE_FIELDS]
EVENT_HEADERS = [field.zh for field in EVENT_FIELDS]


def write_csv(
    path: Path,
    rows: list[list[str]],
    *,
    encoding: str = "utf-8",
    bom: bool = False,
) -> Path:
    """``rows`` (header first) as a CSV file, CRLF line ends as Excel writes them."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def case_row(
    number: str,
    filed: str = "2023-03-15",
    *,
    court: str = "庆阳市西峰区人民法院",
    procedure: str = "普通程序",
    closed: str = "",
    custody: str = "",
    parties: str = "王某某;李某某",
) -> list[str]:
    return [number, court, procedure, "民间借贷纠纷", filed, closed, "", "张伟", "民一庭", custody, parties]


def event_row(
    number: str,
    event: str,
    kind: str = "",
    start: str = "",
    end: str = "",
    length: str = "",
    approved_by: str = "",
    approved_on: str = "",
    note: str = "",
) -> list[str]:
    return [number, event, kind, start, end, length, approved_by, approved_on, note]


def ledger_frame() -> pl.DataFrame:
    """Six cases in the shape the engine gives the ledger, one per status."""
    rows = [
        # case_number, court_code, court_name, type_code, procedure, cause, filed_on, closed_on, judge, division,
        # status, age_days, age_bucket, long_pending, expiry, days_remaining, days_over, ext_m, ext_d, deducted,
        # provisional, warnings, basis
        ("（2023）甘1002民初1001号", "甘1002", "庆阳市西峰区人民法院", "民初", "ordinary", "民间借贷纠纷",
         date(2023, 3, 15), None, "张伟", "民一庭", "overdue", 623, "1_2y", 18, date(2023, 9, 15), -438, 438,
         0, 0, 0, False, ["overdue"], "CPL 152 6个月"),
        ("（2024）甘10民初1002号", "甘10", "甘肃省庆阳市中级人民法院", "民初", "simple", "买卖合同纠纷",
         date(2024, 9, 2), None, "王芳", "民二庭", "approaching", 86, "under_6m", None, date(2024, 12, 2), 5, None,
         0, 0, 0, False, ["approaching_7", "approaching_20"], "CPL 164 3个月"),
        ("（2024）甘1021民初1003号", "甘1021", "庆城县人民法院", "民初", None, None,
         date(2024, 10, 1), None, None, None, "in_time", 57, "under_6m", None, date(2025, 4, 1), 118, None,
         0, 0, 0, True, [], "CPL 152 6个月"),
        ("（2023）甘1027民初1004号", "甘1027", "镇原县人民法院", "民初", "ordinary", "离婚纠纷",
         date(2023, 1, 5), date(2024, 2, 1), "赵磊", "民一庭", "closed_late", 392, None, None, date(2023, 12, 5),
         None, 58, 3, 0, 30, False, ["extension_without_approver"], "CPL 152 6个月 + 延长3个月"),
        ("（2024）甘1026执1005号", "甘1026", "宁县人民法院", "执", None, None,
         date(2024, 7, 2), date(2024, 9, 1), "周强", "执行局", "closed_in_time", 61, None, None,
         date(2025, 1, 2), None, None, 0, 0, 0, False, None, "执行 6个月"),
        ("（2024）甘10民初1006号", "甘10", "甘肃省庆阳市中级人民法院", "民初", "foreign_related", "=涉外合同纠纷",
         date(2024, 5, 6), None, "黄敏", "民四庭", "no_limit", 205, "6_12m", None, None, None, None,
         0, 0, 0, False, ["unknown_procedure"], "CPL 287 涉外无审限"),
    ]  # fmt: skip
    schema: dict[str, pl.DataType] = {
        "case_number": pl.String(),
        "court_code": pl.String(),
        "court_name": pl.String(),
        "type_code": pl.String(),
        "procedure": pl.String(),
        "cause": pl.String(),
        "filed_on": pl.Date(),
        "closed_on": pl.Date(),
        "judge": pl.String(),
        "division": pl.String(),
        "status": pl.String(),
        "age_days": pl.Int32(),
        "age_bucket": pl.String(),
        "long_pending": pl.Int32(),
        "expiry": pl.Date(),
        "days_remaining": pl.Int32(),
        "days_over": pl.Int32(),
        "extended_months": pl.Int32(),
        "extended_days": pl.Int32(),
        "deducted_days": pl.Int32(),
        "provisional": pl.Boolean(),
        "warnings": pl.List(pl.String()),
        "basis": pl.String(),
    }
    return pl.DataFrame(rows, schema=schema, orient="row")
