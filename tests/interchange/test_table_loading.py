"""Files that are not tables, and where the header row is found."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from interchange_files import CASE_HEADERS, case_row, write_csv

from qingji.interchange import read_cases, read_events


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "cases.ods"
    path.write_bytes(b"whatever")
    result = read_cases(path)
    assert result.frame.height == 0
    assert [(p.file, p.row) for p in result.problems] == [("cases.ods", 1)]
    assert "不支持的文件类型" in result.problems[0].reason_zh


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n")
    result = read_cases(path)
    assert result.problems[0].reason_en == "the file is empty"


def test_header_only(tmp_path: Path) -> None:
    """A header and no data rows (blank rows are not data): nothing to read, said as a problem of the file."""
    rows = [CASE_HEADERS, [""] * len(CASE_HEADERS), [" ", "\u3000"]]
    result = read_cases(write_csv(tmp_path / "cases.csv", rows, encoding="gb18030"))
    assert (result.frame.height, result.rows_read) == (0, 0)
    assert [(p.file, p.row, p.column) for p in result.problems] == [("cases.csv", 1, "")]
    assert result.problems[0].reason_zh.startswith("文件中没有数据行")
    assert result.problems[0].reason_en.startswith("the file has no data rows")
    assert result.present_fields is not None and "filed_on" in result.present_fields


def test_header_only_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["事项表"])
    sheet.append(["案号", "事项"])
    book.save(tmp_path / "events.xlsx")
    result = read_events(tmp_path / "events.xlsx")
    assert [(p.row, p.reason_en) for p in result.problems] == [
        (2, "the file has no data rows (only the header): there is nothing to read")
    ]


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "cases.xlsx"
    path.write_bytes(b"not a zip file")
    result = read_events(path)
    assert "Excel 文件无法读取" in result.problems[0].reason_zh


def test_undecodable_csv(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_bytes("案号,立案日期\n".encode() + b"\xff\xfe\xff\n")
    result = read_cases(path)
    assert "编码" in result.problems[0].reason_zh


def test_csv_title_rows_above_header(tmp_path: Path) -> None:
    rows = [
        ["庆阳市中级人民法院 案件清单"],
        [],
        CASE_HEADERS,
        case_row("（2023）甘10民初1号", court="庆阳市中级人民法院"),
        case_row("（2023）甘10民初号", court="庆阳市中级人民法院"),
    ]
    result = read_cases(write_csv(tmp_path / "cases.csv", rows))
    assert result.frame.get_column("source_row").to_list() == [4]
    assert [p.row for p in result.problems] == [5]


def test_header_beyond_the_first_rows_is_not_searched(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for i in range(12):
        sheet.append([f"说明 {i}"])
    sheet.append(CASE_HEADERS)
    path = tmp_path / "cases.xlsx"
    book.save(path)
    result = read_cases(path)
    assert [(p.row, p.column) for p in result.problems] == [(1, "案号、立案日期")]


def test_excel_unicode_text(tmp_path: Path) -> None:
    """Excel's "Unicode text" export: UTF-16 with a BOM, tab separated."""
    court = "甘10"  # a court's code in 法院 names it too
    rows = [
        CASE_HEADERS,
        case_row("（2023）甘10民初1号", court=court),
        case_row("（2023）甘10民初2号", "2023/4/1", court=court),
    ]
    path = tmp_path / "cases.txt"
    path.write_bytes("\r\n".join("\t".join(row) for row in rows).encode("utf-16"))
    result = read_cases(path)
    assert result.problems == []
    assert result.frame.get_column("case_number").to_list() == ["（2023）甘10民初1号", "（2023）甘10民初2号"]


def test_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text("案号;立案日期;当事人\n（2023）甘10民初1号;2023-01-01;张三,李四\n", encoding="utf-8")
    result = read_cases(path)
    assert result.problems == []
    assert result.frame.get_column("parties").to_list() == ["张三,李四"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_cases(tmp_path / "nothing.xlsx")
