"""The list of problems, written for the user to open beside their export."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from qingji.interchange import Problem, write_problems

PROBLEMS = [
    Problem("cases.csv", 3, "案号", "（2023）甘1002民初号", "缺少案件编号（“号”前的数字）", "the serial number before 号 is missing"),
    Problem("cases.csv", 5, "立案日期", "=1+1", "立案日期无法识别", "filing date not understood", "（2023）甘1002民初5号"),
]  # fmt: skip


def test_csv_report(tmp_path: Path) -> None:
    path = tmp_path / "problems.csv"
    write_problems(PROBLEMS, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "文件,行,案号,列,值,原因,reason"
    assert (
        lines[1]
        == "cases.csv,3,,案号,（2023）甘1002民初号,缺少案件编号（“号”前的数字）,the serial number before 号 is missing"
    )
    assert (
        lines[2]
        == "cases.csv,5,（2023）甘1002民初5号,立案日期,'=1+1,立案日期无法识别,filing date not understood"
    )  # a value a spreadsheet would run is written behind a single quote (csv_safety); the workbook holds it as text


def test_xlsx_report(tmp_path: Path) -> None:
    path = tmp_path / "problems.xlsx"
    write_problems(PROBLEMS, path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["文件", "行", "案号", "列", "值", "原因", "reason"]
    assert rows[1] == [
        "cases.csv",
        3,
        None,
        "案号",
        "（2023）甘1002民初号",
        "缺少案件编号（“号”前的数字）",
        "the serial number before 号 is missing",
    ]
    assert rows[2][2] == "（2023）甘1002民初5号"
    assert rows[2][4] == "=1+1"
    assert sheet.freeze_panes == "A2"


def test_problem_text() -> None:
    text = str(PROBLEMS[0])
    assert "cases.csv 第3行 [案号]" in text and "row 3 [案号]" in text
    text = str(PROBLEMS[1])
    assert "cases.csv 第5行（案号 （2023）甘1002民初5号） [立案日期]" in text
    assert "row 5 (case （2023）甘1002民初5号) [立案日期]" in text
