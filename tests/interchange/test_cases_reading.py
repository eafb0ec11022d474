"""Reading cases files: CSV in the encodings courts save, Excel with date cells, and every kind of bad row."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from interchange_files import CASE_HEADERS, case_row, write_csv

from qingji.interchange import CASES_SCHEMA, Problem, read_cases

SAMPLES = Path("/work/shared/samples")


def good_rows() -> list[list[str]]:
    return [
        case_row("（2023）甘1002民初1001号", "2023-03-15"),
        case_row("（2023）甘10民初1002号", "2023/8/31", court="庆阳市中级人民法院", closed="2024年1月20日"),
        case_row("（2024）甘1002刑初1007号", "2024.6.3", custody="是"),
    ]


def test_sample_file() -> None:
    result = read_cases(SAMPLES / "cases.csv")
    assert result.problems == []
    assert result.rows_read == 8 and result.frame.height == 8
    assert result.frame.schema == pl.Schema(CASES_SCHEMA)
    first = result.frame.row(0, named=True)
    assert first == {
        "source_row": 2,
        "case_number": "（2023）甘1002民初1001号",
        "court_code": "甘1002",
        "special_code": None,
        "type_code": "民初",
        "year": 2023,
        "serial": 1001,
        "court": "庆阳市西峰区人民法院",
        "procedure": "ordinary",
        "procedure_raw": "普通程序",
        "cause": "民间借贷纠纷",
        "closure_method": None,
        "judge": "张伟",
        "division": "民一庭",
        "parties": "王某某;李某某",
        "filed_on": date(2023, 3, 15),
        "closed_on": None,
        "in_custody": False,
        "cms_expiry": None,  # the sample has no 审限届满日期 column
    }
    by_number = {row["case_number"]: row for row in result.frame.iter_rows(named=True)}
    assert by_number["（2024）甘10民终1003号"]["procedure"] == "appeal_judgment"
    assert by_number["（2024）甘1002刑初1007号"]["in_custody"] is True
    assert by_number["（2024）甘1026执1006号"]["procedure"] is None


@pytest.mark.parametrize(("encoding", "bom"), [("utf-8", False), ("utf-8", True), ("gb18030", False)])
def test_encodings(tmp_path: Path, encoding: str, bom: bool) -> None:
    path = write_csv(tmp_path / "cases.csv", [CASE_HEADERS, *good_rows()], encoding=encoding, bom=bom)
    result = read_cases(path)
    assert result.problems == []
    assert result.frame.get_column("case_number").to_list() == [
        "（2023）甘1002民初1001号",
        "（2023）甘10民初1002号",
        "（2024）甘1002刑初1007号",
    ]
    assert result.frame.get_column("filed_on").to_list() == [
        date(2023, 3, 15),
        date(2023, 8, 31),
        date(2024, 6, 3),
    ]
    assert result.frame.get_column("closed_on").to_list() == [None, date(2024, 1, 20), None]
    assert result.frame.get_column("court").to_list()[1] == "庆阳市中级人民法院"


def test_gb18030_after_a_long_ascii_start(tmp_path: Path) -> None:
    """The encoding is decided on the whole file when its start looks like UTF-8 (all ASCII here)."""
    rows = [["case_number", "filed_on", "parties"]]
    rows += [[f"(2023)gan10{i}", "2023-01-01", "a" * 200] for i in range(1, 3000)]
    rows.append(["（2023）甘10民初9999号", "2023-01-01", "王某某"])
    path = write_csv(tmp_path / "cases.csv", rows, encoding="gb18030")
    assert len(path.read_bytes()) > 512 * 1024
    result = read_cases(path)
    assert len(result.problems) == 2999  # the made-up numbers
    assert result.frame.get_column("parties").to_list() == ["王某某"]


def test_english_headers_any_case_and_extra_columns(tmp_path: Path) -> None:
    rows = [
        [" Case_Number ", "FILED_ON", "Procedure", "备用", "closed_on", "In_Custody"],
        ["（2023）甘1002民初1号", "2023-03-15", "simple", "ignored", "", "yes"],
    ]
    result = read_cases(write_csv(tmp_path / "cases.csv", rows))
    assert result.problems == []
    row = result.frame.row(0, named=True)
    assert (row["procedure"], row["in_custody"], row["court"]) == ("simple", True, None)


def test_missing_required_column(tmp_path: Path) -> None:
    rows = [["案号", "法院"], ["（2023）甘1002民初1号", "x"], ["（2023）甘1002民初2号", "y"]]
    result = read_cases(write_csv(tmp_path / "cases.csv", rows))
    assert result.frame.height == 0
    assert result.frame.schema == pl.Schema(CASES_SCHEMA)
    assert result.rows_read == 2
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.file, problem.row, problem.column, problem.value) == ("cases.csv", 1, "立案日期", "")
    assert "缺少必需的列" in problem.reason_zh and "required column missing" in problem.reason_en


def bad_file(tmp_path: Path) -> Path:
    rows = [
        CASE_HEADERS,
        case_row("（2023）甘1002民初1号"),  # 2 good
        case_row("（2023）甘1002民初号"),  # 3 no serial
        case_row("", "2023-03-15"),  # 4 no case number
        case_row("（2023）甘1002民初4号", "15/03/2023"),  # 5 filing date not understood
        case_row("（2023）甘1002民初5号", ""),  # 6 no filing date
        case_row("（2023）甘1002民初6号", closed="去年"),  # 7 closing date not understood
        case_row("（2023）甘1002民初7号", custody="可能"),  # 8 custody not understood
        case_row("(2023)甘1002民初1号"),  # 9 repeats row 2
        case_row("（2023）甘1002民初9号", procedure="特别程序"),  # 10 unknown procedure: kept
        case_row("（2023）甘1002民初10号", "2023-03-15", closed="2023-01-01"),  # 11 closed before filed
        [""] * 11,  # 12 empty: skipped
        [" ", "\u3000"] + [""] * 9,  # 13 blank: skipped
        case_row("（2023）甘1002民初14号", parties="张三\n李四"),  # 14 two lines in one record
        case_row("（2023）甘1002民初15号", "2023-02-30"),  # 15 no such day
        case_row("（2023）甘1002民初16号", "2023-02-30", custody="?"),  # 16 two problems on one row
    ]
    return write_csv(tmp_path / "bad.csv", rows)


def test_bad_rows(tmp_path: Path) -> None:
    result = read_cases(bad_file(tmp_path))
    d = "（应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日）"
    e = "(expected YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)"
    custody_zh = "羁押无法识别（应为 是、否、y、n、yes、no、true、false、1、0，或留空表示否）"
    custody_en = "in custody not understood (expected 是/否 or yes/no)"
    assert result.problems == [
        Problem("bad.csv", 3, "案号", "（2023）甘1002民初号", "缺少案件编号（“号”前的数字）", "the serial number before 号 is missing"),
        Problem("bad.csv", 4, "案号", "", "案号为空", "the case number is empty"),
        Problem("bad.csv", 5, "立案日期", "15/03/2023", f"立案日期无法识别{d}", f"filing date not understood {e}", "（2023）甘1002民初4号"),
        Problem("bad.csv", 6, "立案日期", "", "缺少立案日期", "the filing date is missing", "（2023）甘1002民初5号"),
        Problem("bad.csv", 7, "结案日期", "去年", f"结案日期无法识别{d}", f"closing date not understood {e}", "（2023）甘1002民初6号"),
        Problem("bad.csv", 8, "羁押", "可能", custody_zh, custody_en, "（2023）甘1002民初7号"),
        Problem("bad.csv", 9, "案号", "(2023)甘1002民初1号", "案号重复，与第2行相同", "the case number was already given on row 2", "（2023）甘1002民初1号"),
        Problem("bad.csv", 11, "结案日期", "2023-01-01", "结案日期早于立案日期（2023-03-15）", "the closing date is before the filing date (2023-03-15)", "（2023）甘1002民初10号"),
        Problem("bad.csv", 15, "立案日期", "2023-02-30", "立案日期不存在（日历上没有这一天）", "the filing date does not exist in the calendar", "（2023）甘1002民初15号"),
        Problem("bad.csv", 16, "立案日期", "2023-02-30", "立案日期不存在（日历上没有这一天）", "the filing date does not exist in the calendar", "（2023）甘1002民初16号"),
        Problem("bad.csv", 16, "羁押", "?", custody_zh, custody_en, "（2023）甘1002民初16号"),
    ]  # fmt: skip
    frame = result.frame
    assert frame.get_column("source_row").to_list() == [2, 10, 14]
    kept = {row["source_row"]: row for row in frame.iter_rows(named=True)}
    assert (kept[10]["procedure"], kept[10]["procedure_raw"]) == (None, "特别程序")
    assert kept[14]["parties"] == "张三\n李四"


def test_nothing_is_dropped_silently(tmp_path: Path) -> None:
    result = read_cases(bad_file(tmp_path))
    kept = set(result.frame.get_column("source_row").to_list())
    rejected = {problem.row for problem in result.problems}
    assert not kept & rejected
    assert kept | rejected == set(range(2, 12)) | {14, 15, 16}
    assert result.rows_read == len(kept | rejected) == 13
    assert result.rejected_rows == 10


def test_custody_words(tmp_path: Path) -> None:
    words = ["是", "否", "Y", "n", "YES", "no", "True", "false", "1", "0", ""]
    rows = [CASE_HEADERS] + [case_row(f"（2023）甘1002民初{i}号", custody=w) for i, w in enumerate(words, 1)]
    result = read_cases(write_csv(tmp_path / "cases.csv", rows))
    assert result.problems == []
    assert result.frame.get_column("in_custody").to_list() == [True, False] * 5 + [False]


def test_pre_2016_and_full_width_numbers(tmp_path: Path) -> None:
    rows = [
        CASE_HEADERS,
        case_row("（2014）庆城民初字第833号", "2014-05-06", court="庆城县人民法院"),
        case_row("（2014）环县民初字第12号", "2014-05-06", court="环县人民法院"),
        case_row("（２０２３）甘１０民初１２３号", "2023-05-06", court="庆阳市中级人民法院"),
        case_row("(2019)最高法知民终1号", "2019-05-06", court="最高人民法院"),
    ]
    result = read_cases(write_csv(tmp_path / "cases.csv", rows))
    assert result.problems == []
    got = result.frame.select(
        "case_number", "court_code", "special_code", "type_code", "year", "serial"
    ).rows()
    assert got == [
        ("（2014）庆城民初字第833号", "甘1021", None, "民初", 2014, 833),
        ("（2014）环县民初字第12号", "甘1022", None, "民初", 2014, 12),
        ("（2023）甘10民初123号", "甘10", None, "民初", 2023, 123),
        ("（2019）最高法知民终1号", "最高法", "知", "民终", 2019, 1),
    ]


def workbook_with_dates(path: Path) -> Path:
    """A workbook as a court's system exports it: title row, blank row, header, real date cells, an empty row."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "案件"
    sheet["A1"] = "庆阳市中级人民法院 未结案件清单"
    sheet.append([])
    sheet.append(CASE_HEADERS)  # row 3
    sheet.append(["（2023）甘1002民初1号", "庆阳市西峰区人民法院", "简易程序", "离婚纠纷", date(2023, 3, 15),
                  None, None, "张伟", "民一庭", 1, "周某;吴某"])  # fmt: skip
    sheet.append(["（2023）甘1002民初2号", None, "普通程序", None, datetime(2023, 4, 1, 9, 30),
                  date(2023, 9, 1), "判决", None, None, 0, None])  # fmt: skip
    sheet.append([])  # row 6
    sheet.append(
        ["（2023）甘1002民初3号", None, None, None, "2023年5月6日", None, None, None, None, True, None]
    )
    sheet.append(
        ["（2023）甘1002民初4号", None, None, None, 45000, None, None, None, None, None, None]
    )  # row 8
    for row in sheet.iter_rows(min_row=4, max_row=5, min_col=5, max_col=6):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    book.save(path)
    return path


def test_excel_with_date_cells_and_title_row(tmp_path: Path) -> None:
    result = read_cases(workbook_with_dates(tmp_path / "cases.xlsx"))
    assert result.problems == [
        Problem(
            "cases.xlsx",
            8,
            "立案日期",
            "45000",
            "立案日期无法识别（应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日）",
            "filing date not understood (expected YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)",
            "（2023）甘1002民初4号",
        )
    ]
    frame = result.frame
    assert frame.get_column("source_row").to_list() == [4, 5, 7]
    assert frame.get_column("filed_on").to_list() == [date(2023, 3, 15), date(2023, 4, 1), date(2023, 5, 6)]
    assert frame.get_column("closed_on").to_list() == [None, date(2023, 9, 1), None]
    assert frame.get_column("in_custody").to_list() == [True, False, True]
    assert frame.get_column("procedure").to_list() == ["simple", "ordinary", None]
    assert result.rows_read == 4
