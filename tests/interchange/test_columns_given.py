"""Which columns a file gives: the fields present, the headers not recognised, and the aliases court systems use."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from interchange_files import CASE_HEADERS, EVENT_HEADERS, case_row, event_row, write_csv

from qingji.interchange import read_cases, read_events
from qingji.interchange.headers import CASE_FIELDS, EVENT_FIELDS, SUPPLEMENTARY_CASE_FIELDS


def test_every_column_present(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "cases.csv", [CASE_HEADERS, case_row("（2023）甘1002民初1001号")])
    result = read_cases(path)
    assert result.present_fields == frozenset(field.key for field in CASE_FIELDS) - SUPPLEMENTARY_CASE_FIELDS
    assert result.unknown_columns == ()


def test_missing_and_unknown_columns(tmp_path: Path) -> None:
    rows = [
        ["案号", "立案日期", "备注栏", "", "法院"],
        ["（2023）甘1002民初1001号", "2023-03-15", "x", "", "庆阳市西峰区人民法院"],
    ]
    result = read_cases(write_csv(tmp_path / "cases.csv", rows, encoding="gb18030"))
    assert result.problems == []
    assert result.present_fields == frozenset({"case_number", "filed_on", "court"})
    # An empty header is no column name to report; an unknown one is, as written.
    assert result.unknown_columns == ("备注栏",)
    assert "closed_on" not in result.present_fields


def test_aliases_court_systems_export(tmp_path: Path) -> None:
    rows = [
        ["案号", "立案时间", "结案时间", "承办人", "承办部门", "是否羁押"],
        ["（2023）甘1002刑初1001号", "2023-03-15 09:30:00", "2023-06-01 16:00", "张伟", "刑一庭", "是"],
    ]
    result = read_cases(write_csv(tmp_path / "cases.csv", rows))
    assert result.problems == [] and result.unknown_columns == ()
    assert result.present_fields == frozenset(
        {"case_number", "filed_on", "closed_on", "judge", "division", "in_custody"}
    )
    row = result.frame.row(0, named=True)
    assert (row["judge"], row["division"], row["in_custody"]) == ("张伟", "刑一庭", True)
    assert str(row["closed_on"]) == "2023-06-01"


def test_events_present_fields_in_a_workbook(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["案号", "事项", "类别", "开始时间", "期间", "经办人"])
    sheet.append(["（2023）甘1002民初1001号", "延长审限", "", "2023-08-01", "6个月", "李四"])
    workbook.save(tmp_path / "events.xlsx")
    result = read_events(tmp_path / "events.xlsx")
    assert result.problems == []
    assert result.present_fields == frozenset({"case_number", "event", "kind", "start", "length"})
    assert result.unknown_columns == ("经办人",)


def test_required_column_missing_still_says_what_is_present(tmp_path: Path) -> None:
    rows = [EVENT_HEADERS[1:], event_row("（2023）甘1002民初1001号", "延长审限")[1:]]
    result = read_events(write_csv(tmp_path / "events.csv", rows))
    assert [problem.column for problem in result.problems] == ["案号"]
    assert result.present_fields == frozenset(field.key for field in EVENT_FIELDS) - {"case_number"}
