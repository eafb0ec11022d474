"""No input file may crash or exhaust the process (issue 10): files over the limits are refused whole, before they
are read, with the limit and its setting in Chinese and English; files within them are read as before."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import xlsxwriter

from hostile_files import cell, issue_workbook, xls, xlsb, xlsx, zip_bomb
from qingji.interchange.limits import (
    MB,
    FileLimits,
    command_limits,
    limits_from_environment,
    upload_limits,
)
from qingji.interchange.table_error import TableError
from qingji.interchange.tables import load_table

PAGE = upload_limits()
COMMAND = command_limits()
SMALL = FileLimits(
    max_bytes=MB, max_rows=10, max_cells=40, max_unpacked_bytes=MB, settings="QINGJI_UPLOAD_MAX"
)


def refusal(path: Path, limits: FileLimits) -> TableError:
    with pytest.raises(TableError) as refused:
        load_table(path, limits)
    return refused.value


def test_reading_the_issues_workbook_ends_cleanly_in_a_child_process(tmp_path: Path) -> None:
    """Before the checks, calamine asked for 512 GB and the process aborted (exit 134): read it where a
    regression cannot take pytest down."""
    path = issue_workbook(tmp_path / "bomb.xlsx")
    assert 1400 < path.stat().st_size < 1800  # the issue's 1,627 bytes, give or take
    program = (
        "import sys\nfrom pathlib import Path\n"
        "from qingji.interchange.limits import upload_limits\n"
        "from qingji.interchange.tables import TableError, load_table\n"
        "try:\n    load_table(Path(sys.argv[1]), upload_limits())\n"
        "except TableError as error:\n    print(error.reason_en)\n    sys.exit(0)\n"
        "sys.exit(3)\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", program, str(path)], capture_output=True, text=True, timeout=120, check=False
    )
    assert child.returncode == 0, (child.returncode, child.stderr[-2000:])
    assert "1,048,576 rows" in child.stdout and "QINGJI_UPLOAD_MAX_ROWS" in child.stdout


def test_the_issues_workbook_is_refused_naming_the_limit_and_the_setting(tmp_path: Path) -> None:
    path = issue_workbook(tmp_path / "bomb.xlsx")
    page = refusal(path, PAGE)
    assert "1,048,576 行" in page.reason_zh and "200,000 行" in page.reason_zh
    assert "QINGJI_UPLOAD_MAX_ROWS" in page.reason_zh and "未读入" in page.reason_zh
    assert "1,048,576 rows" in page.reason_en and "limit of 200,000 rows" in page.reason_en
    assert "QINGJI_UPLOAD_MAX_ROWS" in page.reason_en
    # the command line allows a million rows, not 17 billion cells
    command = refusal(path, COMMAND)
    assert "17,179,869,184" in command.reason_en and "QINGJI_CLI_MAX_CELLS" in command.reason_en
    assert "个单元格" in command.reason_zh and "QINGJI_CLI_MAX_CELLS" in command.reason_zh


@pytest.mark.parametrize(
    "data",
    [
        # no dimension, or one that lies: the cells themselves count
        f'<row r="1">{cell("A1", "案号")}</row><row r="50">{cell("A50", "x")}</row>',
        f'<row r="1">{cell("A1", "案号")}{cell("AP2", "x")}</row>',  # 2 rows × 42 columns
        # cells without a reference, placed after the row's last one as calamine places them
        '<row r="1"><c t="inlineStr"><is><t>案号</t></is></c></row>'
        '<row r="500"><c t="inlineStr"><is><t>x</t></is></c></row>',
        '<row r="1">' + '<c t="inlineStr"><is><t>x</t></is></c>' * 41 + "</row>",
        # prefixed names, the reference not first, spaces around "=", a quoted ">", two references, lower case
        '<x:row r="1"><x:c r="A30" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row>',
        f'<row r="1"><c t="inlineStr" r="B30">{"<is><t>x</t></is>"}</c></row>',
        '<row r="1"><c  r = "B30" t="inlineStr"><is><t>x</t></is></c></row>',
        '<row r="1"><c x=">" r="B30" t="inlineStr"><is><t>x</t></is></c></row>',
        '<row r="1"><c r="A1" r="B30" t="inlineStr"><is><t>x</t></is></c></row>',
        '<row r="1"><c r="b30" t="inlineStr"><is><t>x</t></is></c></row>',
    ],
)
def test_a_sheet_over_the_limits_is_refused_however_its_cells_are_written(tmp_path: Path, data: str) -> None:
    with pytest.raises(TableError, match=r"QINGJI_UPLOAD_MAX_(ROWS|CELLS)"):
        load_table(xlsx(tmp_path / "book.xlsx", data, dimension="A1"), SMALL)


def test_empty_cells_far_away_take_no_room_and_are_not_refused(tmp_path: Path) -> None:
    """calamine leaves out cells without a value (a border someone drew): so do the checks."""
    data = f'<row r="1">{cell("A1", "案号")}<c r="Z5000" s="1"/></row><row r="2">{cell("A2", "（2024）甘1002民初1号")}</row>'
    table = load_table(xlsx(tmp_path / "book.xlsx", data, dimension="A1:Z5000"), SMALL)
    assert table.headers == ("案号",) and table.frame.height == 1


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bomb.xlsx", 20)
    assert bomb.stat().st_size < 100_000
    refused = refusal(bomb, PAGE)
    assert "压缩炸弹" in refused.reason_zh and "zip bomb" in refused.reason_en
    over = refusal(bomb, replace(PAGE, max_unpacked_bytes=10 * MB))
    assert "QINGJI_UPLOAD_MAX_UNPACKED_MB" in over.reason_zh and "unpacks to 20 MB" in over.reason_en


def test_a_workbook_declaring_billions_of_shared_strings_is_refused(tmp_path: Path) -> None:
    """calamine reserves room for the shared strings the workbook says it has, before reading any."""
    strings = f'<?xml version="1.0"?><sst xmlns="{"x"}" count="1" uniqueCount="99999999999"><si><t>案号</t></si></sst>'
    path = xlsx(
        tmp_path / "book.xlsx",
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
        extra={"xl/sharedStrings.xml": strings},
    )
    refused = refusal(path, COMMAND)
    assert "99,999,999,999" in refused.reason_en and "QINGJI_CLI_MAX_CELLS" in refused.reason_en


def test_binary_and_old_workbooks_are_checked_too(tmp_path: Path) -> None:
    small = load_table(xlsb(tmp_path / "small.xlsb", [(0, 0, 1.0), (2, 3, 2.0)]), SMALL)
    assert small.frame.select("c3", "source_row").rows() == [("2", 3)]  # below the header row, A1
    assert (
        "QINGJI_UPLOAD_MAX_ROWS"
        in refusal(xlsb(tmp_path / "bomb.xlsb", [(0, 0, 1.0), (1_048_575, 16_383, 2.0)]), PAGE).reason_en
    )
    old = load_table(xls(tmp_path / "small.xls", [(0, 0, 1.0), (2, 3, 2.0)]), SMALL)
    assert old.frame.select("c3", "source_row").rows() == [("2", 3)]
    # values at A1 and IV65536 of a 6 KB file: 1.5 GB and 6 seconds before
    corners = refusal(
        xls(tmp_path / "corners.xls", [(0, 0, 1.0), (65_535, 255, 2.0)], dimensions=(0, 1, 0, 1)), PAGE
    )
    assert "16,777,216" in corners.reason_en and "QINGJI_UPLOAD_MAX_CELLS" in corners.reason_zh
    # a declared size of four billion rows: calamine reserved room for it and aborted
    declared = refusal(
        xls(tmp_path / "declared.xls", [(0, 0, 1.0)], dimensions=(0, 0xFFFFFFF0, 0, 0xFF)), COMMAND
    )
    assert "declares 4,294,967,280 rows" in declared.reason_en and "声明" in declared.reason_zh
    # a chain of sectors pointing back at itself: calamine followed it until memory ran out
    looping = refusal(xls(tmp_path / "looping.xls", [(0, 0, 1.0)], looping=True), COMMAND)
    assert "loops" in looping.reason_en and "文件损坏" in looping.reason_zh


def test_an_upper_case_suffix_is_read_as_its_lower_case(tmp_path: Path) -> None:
    """calamine guesses the format of a suffix it does not know (.XLSX among them): it is shown the one the
    checks went by."""
    assert "QINGJI_UPLOAD_MAX_ROWS" in refusal(issue_workbook(tmp_path / "BOMB.XLSX"), PAGE).reason_en
    data = f'<row r="1">{cell("A1", "案号")}</row><row r="2">{cell("A2", "（2024）甘1002民初1号")}</row>'
    assert load_table(xlsx(tmp_path / "CASES.XLSX", data), SMALL).frame.height == 1


def test_a_workbook_within_the_limits_reads_as_before(tmp_path: Path) -> None:
    path = tmp_path / "cases.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["案号", "法院"])
    for row in range(1, 10):
        sheet.write_row(row, 0, [f"（2024）甘1002民初{row}号", "西峰区人民法院"])
    workbook.close()
    table = load_table(path, SMALL)  # 10 rows × 2 columns: at the limits, not over
    assert table.frame.height == 9 and table.headers == ("案号", "法院")
    with pytest.raises(TableError, match="QINGJI_UPLOAD_MAX_ROWS"):
        load_table(path, replace(SMALL, max_rows=9))
    with pytest.raises(TableError, match="QINGJI_UPLOAD_MAX_CELLS"):
        load_table(path, replace(SMALL, max_cells=19))
    with pytest.raises(TableError, match="QINGJI_UPLOAD_MAX_MB"):
        load_table(path, replace(SMALL, max_bytes=1000))


def test_a_csv_file_over_the_limits_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(
        "案号,法院\n" + "".join(f"（2024）甘1002民初{n}号,西峰区人民法院\n" for n in range(1, 10)),
        encoding="utf-8",
    )
    assert load_table(path, SMALL).frame.height == 9
    rows = refusal(path, replace(SMALL, max_rows=9))
    assert "10 行" in rows.reason_zh and "QINGJI_UPLOAD_MAX_ROWS" in rows.reason_zh
    assert "10 rows" in rows.reason_en and "limit of 9 rows" in rows.reason_en
    cells = refusal(path, replace(SMALL, max_cells=19))
    assert (
        "20 个单元格" in cells.reason_zh
        and "20 cells" in cells.reason_en
        and "QINGJI_UPLOAD_MAX_CELLS" in cells.reason_en
    )
    size = refusal(path, replace(SMALL, max_bytes=100))
    assert "QINGJI_UPLOAD_MAX_MB" in size.reason_zh and "QINGJI_UPLOAD_MAX_MB" in size.reason_en


def test_a_csv_header_wider_than_excel_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_bytes(b"\xe6\xa1\x88\xe5\x8f\xb7" + b"," * 100_000 + b"\n1\n")
    refused = refusal(path, COMMAND)
    assert "16,384" in refused.reason_zh and "16,384 columns" in refused.reason_en


def test_the_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QINGJI_UPLOAD_MAX_MB", "5")
    monkeypatch.setenv("QINGJI_UPLOAD_MAX_ROWS", "1_000")
    monkeypatch.setenv("QINGJI_CLI_MAX_CELLS", "70,000,000")
    assert upload_limits() == FileLimits(5 * MB, 1000, 3_000_000, 200 * MB, "QINGJI_UPLOAD_MAX")
    assert command_limits() == FileLimits(2000 * MB, 3_000_000, 70_000_000, 3000 * MB, "QINGJI_CLI_MAX")
    for wrong in ("0", "-1", "many"):
        monkeypatch.setenv("QINGJI_CLI_MAX_ROWS", wrong)
        with pytest.raises(ValueError, match="QINGJI_CLI_MAX_ROWS"):
            limits_from_environment("QINGJI_CLI_MAX", page=False)
    assert "QINGJI_CLI_MAX_ROWS" in os.environ  # monkeypatch puts it back


def test_the_default_limits_refuse_the_issues_files_on_the_page_and_read_a_court_system_on_the_command_line() -> (
    None
):
    """The issue's 12 MB workbook of 4 million cells and 240 MB CSV file are over the page's limits; a court
    system's export of 1.5 million cases of 20 columns is within the command line's."""
    assert PAGE.max_cells < 4_000_000 and PAGE.max_bytes < 240 * MB
    assert COMMAND.max_rows > 1_500_000 and COMMAND.max_cells >= 1_500_001 * 20
    assert COMMAND.max_bytes > 500 * MB  # 1.5 million rows of 20 columns: about 450 MB of CSV
