"""Rows the readers refuse whatever their fields (issue 9): ragged CSV rows, control characters, dates after the
export, a case closed before it was filed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from interchange_files import CASE_HEADERS, EVENT_HEADERS, case_row, event_row, write_csv

from qingji.interchange import read_cases, read_events, write_problems

N = "（2023）甘1002民初{}号"


def test_ragged_rows_are_refused_with_their_cells_and_case_number(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    lines = [
        ",".join(CASE_HEADERS),
        ",".join(case_row(N.format(1))),  # 2 good
        ",".join(case_row(N.format(2), parties="王某,李某")),  # 3 an unquoted comma: 12 cells
        ",".join(case_row(N.format(3))[:9]),  # 4 short: 9 cells
        ",".join(case_row(N.format(4), parties='"王某,李某"')),  # 5 quoted comma: fine
        ",".join(case_row(N.format(5), parties='"王某\r\n李某"')),  # 6 quoted line break: fine
        ",".join(case_row(N.format(6), parties='"王某""小名"",李某"')),  # 7 doubled quotes: fine
        "",  # 8 empty line: not data
        ",".join(case_row("(2023)甘1002民初8号", parties="甲,乙,丙")),  # 9 13 cells, half-width brackets
    ]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    result = read_cases(path)
    assert result.rows_read == 7
    assert result.frame.get_column("source_row").to_list() == [2, 5, 6, 7]
    assert result.frame.get_column("parties").to_list()[1:] == [
        "王某,李某",
        "王某\r\n李某",
        '王某"小名",李某',
    ]
    found = [(p.row, p.column, p.case_number, p.value) for p in result.problems]
    assert found == [
        (3, "（整行）", N.format(2), ",".join(case_row(N.format(2), parties="王某,李某"))),
        (4, "（整行）", N.format(3), ",".join(case_row(N.format(3))[:9])),
        (9, "（整行）", N.format(8), ",".join(case_row("(2023)甘1002民初8号", parties="甲,乙,丙"))),
    ]
    long, short = result.problems[0], result.problems[1]
    assert long.reason_zh.startswith("该行有 12 格，表头有 11 列") and "未加引号的逗号" in long.reason_zh
    assert "12 cells where the header has 11" in long.reason_en and "unquoted comma" in long.reason_en
    assert short.reason_zh.startswith("该行只有 9 格，表头有 11 列")
    assert "only 9 cells where the header has 11" in short.reason_en


def test_ragged_row_with_a_nul_is_counted_exactly(tmp_path: Path) -> None:
    """A NUL stops the quick count; the exact one still finds the ragged row and the NUL is a problem too."""
    rows = [
        EVENT_HEADERS,
        event_row(N.format(1), "延长审限", length="3个月", note="a\x00b"),
        [*event_row(N.format(2), "延长审限"), "x"],
    ]
    result = read_events(write_csv(tmp_path / "events.csv", rows))
    found = [(p.row, p.column, p.case_number) for p in result.problems]
    assert found == [(2, "备注", N.format(1)), (3, "（整行）", N.format(2))]
    assert "U+0000" in result.problems[0].reason_zh and "U+0000" in result.problems[0].reason_en
    assert result.problems[0].value == "a␀b"
    assert result.frame.height == 0


def test_control_characters_in_a_workbook_and_the_report(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(CASE_HEADERS)
    sheet.append(case_row(N.format(1), parties="王某\n李某\t（代理人）"))  # line feed and tab: fine
    sheet.append(case_row(N.format(2), parties="王某\x7f"))  # DEL
    sheet.append(case_row(N.format(3)))
    sheet.cell(4, 8).value = "张伟_x0001_"  # how a workbook holds U+0001
    book.save(tmp_path / "cases.xlsx")
    result = read_cases(tmp_path / "cases.xlsx")
    assert result.frame.get_column("parties").to_list() == ["王某\n李某\t（代理人）"]
    assert [(p.row, p.column, p.case_number, p.value) for p in result.problems] == [
        (3, "当事人", N.format(2), "王某␡"),
        (4, "承办法官", N.format(3), "张伟␁"),
    ]
    report = tmp_path / "problems.xlsx"
    write_problems(result.problems, report)  # a workbook cannot hold the characters themselves
    listed = list(openpyxl.load_workbook(report).worksheets[0].iter_rows(values_only=True))
    assert listed[1][2:5] == (N.format(2), "当事人", "王某␡")


def test_dates_after_the_export_and_closing_before_filing(tmp_path: Path) -> None:
    rows = [
        CASE_HEADERS,
        case_row(N.format(1), "2024-06-30", closed="2024-06-30"),  # 2 on the export date: fine
        case_row(N.format(2), "2024-07-01"),  # 3 filed after the export
        case_row(N.format(3), "2024-01-02", closed="2024-07-01"),  # 4 closed after the export
        case_row(N.format(4), "2024-03-02", closed="2024-03-01"),  # 5 closed before filed
    ]
    path = write_csv(tmp_path / "cases.csv", rows)
    result = read_cases(path, exported_on=date(2024, 6, 30))
    assert result.frame.get_column("source_row").to_list() == [2]
    assert [(p.row, p.column, p.case_number) for p in result.problems] == [
        (3, "立案日期", N.format(2)),
        (4, "结案日期", N.format(3)),
        (5, "结案日期", N.format(4)),
    ]
    assert result.problems[0].reason_zh == "立案日期晚于导出日期 2024-06-30：导出文件不会有尚未发生的日期"
    assert "filing date is after the export date 2024-06-30" in result.problems[0].reason_en
    assert result.problems[2].reason_zh == "结案日期早于立案日期（2024-03-02）"
    # By default the export date is today: these dates are long past.
    assert [p.row for p in read_cases(path).problems] == [5]


def test_courts_of_pre_2016_numbers_and_contradicting_court_columns(tmp_path: Path) -> None:
    rows = [
        CASE_HEADERS,
        case_row("（2015）庆中民终字第45号", "2015-03-02", court="庆阳市中级人民法院"),  # 2 from 法院
        case_row("（2015）庆中民终字第46号", "2015-03-02", court=""),  # 3 no court known
        case_row("（2015）庆中民终字第47号", "2015-03-02", court="庆阳中院"),  # 4 nor here
        case_row(N.format(5), court="镇原县人民法院"),  # 5 contradicts the number
        case_row(
            "（2014）庆城民初字第6号", "2014-03-02", court="宁县人民法院"
        ),  # 6 contradicts the abbreviation
        case_row(N.format(7), court="西峰法院"),  # 7 a name qingji does not know: kept as written
    ]
    result = read_cases(write_csv(tmp_path / "cases.csv", rows, encoding="gb18030"))
    kept = result.frame.select("source_row", "court_code", "court").rows()
    assert kept == [(2, "甘10", "庆阳市中级人民法院"), (7, "甘1002", "西峰法院")]
    assert [(p.row, p.column, p.case_number) for p in result.problems] == [
        (3, "法院", "（2015）庆中民终字第46号"),
        (4, "法院", "（2015）庆中民终字第47号"),
        (5, "法院", N.format(5)),
        (6, "法院", "（2014）庆城民初字第6号"),
    ]
    unknown, conflict = result.problems[1], result.problems[2]
    assert (
        unknown.reason_zh.startswith("案号中的法院代字“庆中”不是已知的法院")
        and "庆阳中院" in unknown.reason_zh
    )
    assert "abbreviation '庆中'" in unknown.reason_en
    assert conflict.reason_zh == "法院列与案号中的法院（庆阳市西峰区人民法院）不一致"
    assert (
        result.problems[3].reason_en
        == "the 法院 column names another court than the case number's (庆城县人民法院)"
    )
