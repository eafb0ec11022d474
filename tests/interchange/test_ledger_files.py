"""The ledger in Excel (laid out as courts keep it), CSV, Parquet and JSON rows; Excel and CSV re-import."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from interchange_files import ledger_frame

from qingji.core.state import LEDGER_FIELDS
from qingji.interchange import ledger_json_rows, read_cases, write_ledger
from qingji.interchange.ledger_layout import LEDGER_COLUMNS

AS_OF = date(2026, 11, 27)
HEADERS = [
    "案号", "法院代字", "法院", "类型代字", "适用程序", "案由", "立案日期", "结案日期", "承办法官", "审判庭", "状态",
    "审理天数", "案龄段", "长期未结(月)", "审限届满日", "剩余天数", "超审限天数", "延长月数", "延长天数", "扣除天数",
    "日历暂定", "预警", "依据",
]  # fmt: skip
RED = "FFFFC7CE"
YELLOW = "FFFFEB9C"


def fill(cell: object) -> str | None:
    pattern = getattr(cell, "fill")  # noqa: B009
    if pattern.fill_type != "solid":
        return None
    return str(pattern.fgColor.rgb)


@pytest.fixture
def workbook(tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "ledger.xlsx"
    write_ledger(ledger_frame(), path, as_of=AS_OF)
    return openpyxl.load_workbook(path)


def test_excel_layout(workbook: openpyxl.Workbook) -> None:
    sheet = workbook.worksheets[0]
    assert sheet.title == "审限台账"
    assert sheet["A1"].value == "审限管理台账（截至 2026-11-27）"
    assert "A1:W1" in {str(merged) for merged in sheet.merged_cells.ranges}
    assert [cell.value for cell in sheet[2]] == HEADERS
    assert sheet.freeze_panes == "B3"
    assert sheet.auto_filter.ref == "A2:W8"
    assert sheet.column_dimensions["A"].width > 20


def test_the_layout_has_a_column_for_each_ledger_field_in_order() -> None:
    """The engine's frame has the fields of core.state (it does not import the layout); the layout must follow."""
    assert tuple(column.name for column in LEDGER_COLUMNS) == LEDGER_FIELDS
    assert tuple(ledger_frame().columns) == LEDGER_FIELDS


def test_excel_cells(workbook: openpyxl.Workbook) -> None:
    sheet = workbook.worksheets[0]
    overdue = [cell.value for cell in sheet[3]]
    assert overdue[:11] == [
        "（2023）甘1002民初1001号", "甘1002", "庆阳市西峰区人民法院", "民初", "普通程序", "民间借贷纠纷",
        datetime(2023, 3, 15), None, "张伟", "民一庭", "超审限",
    ]  # fmt: skip
    assert overdue[11:] == [
        623,
        "1至2年",
        18,
        datetime(2023, 9, 15),
        -438,
        438,
        0,
        0,
        0,
        "否",
        "已超审限",
        "CPL 152 6个月",
    ]
    assert sheet["G3"].number_format == "yyyy-mm-dd"
    assert sheet["O3"].number_format == "yyyy-mm-dd"
    approaching = [cell.value for cell in sheet[4]]
    assert approaching[4] == "简易程序" and approaching[10] == "临近届满"
    assert approaching[21] == "7日内届满；20日内届满"
    assert sheet["U5"].value == "是"  # provisional calendar
    assert sheet["E5"].value is None  # unknown procedure left empty
    assert sheet["K6"].value == "超审限结案"
    assert sheet["F8"].value == "=涉外合同纠纷"  # text, never a formula
    assert sheet["F8"].data_type == "s"


def test_excel_row_marks(workbook: openpyxl.Workbook) -> None:
    sheet = workbook.worksheets[0]
    marks = {row: {fill(cell) for cell in sheet[row]} for row in range(3, 9)}
    assert marks[3] == {RED}  # overdue, blank cells included
    assert marks[4] == {YELLOW}  # approaching
    assert marks[5] == {None}  # in time
    assert marks[6] == {RED}  # closed late
    assert marks[7] == {None}
    assert marks[8] == {None}


def test_excel_ledger_reimports(tmp_path: Path) -> None:
    frame = ledger_frame()
    path = tmp_path / "ledger.xlsx"
    write_ledger(frame, path, as_of=AS_OF, title="庆阳市两级法院审限台账")
    assert (
        openpyxl.load_workbook(path).worksheets[0]["A1"].value == "庆阳市两级法院审限台账（截至 2026-11-27）"
    )
    result = read_cases(path)
    assert result.problems == []
    assert result.frame.get_column("source_row").to_list() == [3, 4, 5, 6, 7, 8]
    back = result.frame.select(
        "case_number",
        pl.col("court").alias("court_name"),
        "procedure",
        "cause",
        "filed_on",
        "closed_on",
        "judge",
        "division",
        "court_code",
        "type_code",
    )
    assert back.equals(frame.select(back.columns))


def test_csv_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    write_ledger(ledger_frame(), path, as_of=AS_OF)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].split(",") == HEADERS
    assert lines[1].split(",")[:11] == [
        "（2023）甘1002民初1001号", "甘1002", "庆阳市西峰区人民法院", "民初", "普通程序", "民间借贷纠纷",
        "2023-03-15", "", "张伟", "民一庭", "超审限",
    ]  # fmt: skip
    assert "7日内届满；20日内届满" in lines[2]
    # a text cell a spreadsheet would run as a formula is written behind a single quote; numbers as they are
    assert "'=涉外合同纠纷" in lines[6].split(",") and "=涉外合同纠纷" not in lines[6].split(",")
    assert "-438" in lines[1].split(",")
    result = read_cases(path)
    assert result.problems == []
    assert result.frame.get_column("closed_on").to_list()[3] == date(2024, 2, 1)


def test_parquet_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.parquet"
    frame = ledger_frame()
    write_ledger(frame, path, as_of=AS_OF)
    assert pl.read_parquet(path).equals(frame)


def test_json_rows() -> None:
    frame = ledger_frame()
    rows = ledger_json_rows(frame)
    assert len(rows) == 6
    assert list(rows[0]) == frame.columns
    assert rows[0]["filed_on"] == "2023-03-15" and rows[0]["closed_on"] is None
    assert rows[0]["expiry"] == "2023-09-15"
    assert rows[1]["warnings"] == ["approaching_7", "approaching_20"]
    assert rows[4]["warnings"] == []
    assert rows[5]["expiry"] is None
    assert rows[0]["status"] == "overdue" and rows[0]["age_bucket"] == "1_2y"


def test_unknown_format_and_missing_columns(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unsupported ledger format"):
        write_ledger(ledger_frame(), tmp_path / "ledger.ods", as_of=AS_OF)
    with pytest.raises(ValueError, match="basis"):
        write_ledger(ledger_frame().drop("basis"), tmp_path / "ledger.xlsx", as_of=AS_OF)


def test_empty_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    write_ledger(ledger_frame().clear(), path, as_of=AS_OF)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert [cell.value for cell in sheet[2]] == HEADERS
    result = read_cases(path)
    assert result.rows_read == 0
    assert [(p.row, p.reason_en) for p in result.problems] == [
        (2, "the file has no data rows (only the header): there is nothing to read")
    ]
