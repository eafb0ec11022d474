"""The upload page, as the trial management office uses it: a court's export chosen in the file inputs and
imported; a file with a bad row refused whole, with the problems listed and the marked Excel copy to download."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect

from .browsing import case_url, cell_texts, fields, log_in

CASES_HEADER = "案号,法院,适用程序,案由,立案日期,结案日期,结案方式,承办法官,审判庭,羁押,当事人\n"
EVENTS_HEADER = "案号,事项,类别,开始日期,结束日期,期间,批准人,批准日期,备注\n"
XIFENG = "（2024）甘1002民初7号,庆阳市西峰区人民法院,普通程序,民间借贷纠纷,2024-06-03,,,张伟,民一庭,,王某某;李某某\n"
ZHENYUAN = "（2024）甘1027民初2号,镇原县人民法院,简易程序,离婚纠纷,2024-09-02,,,赵磊,民一庭,,周某;吴某\n"
EXTENSION = "（2024）甘1002民初7号,延长审限,,,,6个月,院长,2024-11-20,\n"
BAD_DATE = "（2024）甘1002民初8号,庆阳市西峰区人民法院,普通程序,买卖合同纠纷,2024-13-01,,,张伟,民一庭,,赵某;孙某\n"  # fmt: skip


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def upload(page: Page, cases: Path, events: Path | None = None) -> None:
    page.get_by_label("案件表").set_input_files(cases)
    if events is not None:
        page.get_by_label("事项表（可选）").set_input_files(events)
    page.get_by_role("button", name="导入").click()


def test_the_office_uploads_an_export_and_again_unchanged(page: Page, tmp_path: Path) -> None:
    cases = write(tmp_path, "西峰镇原案件.csv", CASES_HEADER + XIFENG + ZHENYUAN)
    events = write(tmp_path, "事项.csv", EVENTS_HEADER + EXTENSION)
    log_in(page, "office")
    page.get_by_role("navigation").get_by_role("link", name="导入").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("导入")

    upload(page, cases, events)
    expect(page.locator("p.notice")).to_have_text(
        re.compile(
            r"^已导入: 2 行; 新增 2, 更新 0, 未变 0, 新增事项 1, 更正事项 0, 撤回事项 0\. 导入记录 #\d+$"
        )
    )
    expect(page.locator("p.error")).to_have_count(0)

    # The new case is in the database, with its extension.
    page.goto(case_url("（2024）甘1002民初7号"))
    expect(page.get_by_role("heading", level=1)).to_have_text("案件 （2024）甘1002民初7号")
    shown = fields(page)
    assert (shown["立案日期"], shown["案由"], shown["当事人"]) == (
        "2024-06-03",
        "民间借贷纠纷",
        "王某某;李某某",
    )
    event = cell_texts(page, "table.grid tbody tr")[0]
    assert event[0] == "延长审限" and event[4:7] == ["6个月", "院长", "2024-11-20"]

    # The same export again changes nothing.
    page.goto("/import/")
    upload(page, cases, events)
    expect(page.locator("p.notice")).to_have_text(
        re.compile(
            r"^已导入: 2 行; 新增 0, 更新 0, 未变 2, 新增事项 0, 更正事项 0, 撤回事项 0\. 导入记录 #\d+$"
        )
    )


def test_a_file_with_a_bad_row_is_refused_with_the_marked_copy(page: Page, tmp_path: Path) -> None:
    cases = write(tmp_path, "西峰案件.csv", CASES_HEADER + XIFENG + BAD_DATE)
    log_in(page, "office")
    page.goto("/import/")
    upload(page, cases)
    expect(page.locator("p.error")).to_have_text("文件中有无法读取的行，未导入任何数据 (1)")
    problems = cell_texts(page, "table.problems tbody tr")
    assert len(problems) == 1
    # file, row, the row's case number, column, value, reason
    assert problems[0][:5] == ["西峰案件.csv", "3", "（2024）甘1002民初8号", "立案日期", "2024-13-01"]
    assert "立案日期" in problems[0][5] and re.search(r"[\u4e00-\u9fff]", problems[0][5])

    link = page.get_by_role("link", name="下载标注问题的 Excel 副本")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / "report.xlsx"
    download.save_as(saved)
    sheet = openpyxl.load_workbook(saved).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = rows[0]
    assert header[:11] == CASES_HEADER.strip().split(",")
    assert "原因" in header and "reason" in header
    bad_row = rows[2]
    assert bad_row[0] == "（2024）甘1002民初8号" and bad_row[4] == "2024-13-01"
    assert "立案日期" in str(bad_row[header.index("原因")])
    assert rows[1][header.index("原因")] in (None, "")  # the good row carries no reason
    bad_cell = sheet.cell(row=3, column=5)
    assert str(bad_cell.fill.fgColor.rgb).upper().endswith("FF9999")
    assert str(sheet.cell(row=2, column=5).fill.fgColor.rgb).upper() != str(bad_cell.fill.fgColor.rgb).upper()

    # Nothing was imported, not even the good row.
    response = page.goto(case_url("（2024）甘1002民初7号"))
    assert response is not None and response.status == 404


def test_a_judge_has_no_upload_form(page: Page) -> None:
    log_in(page, "lina")
    expect(page.get_by_role("navigation").get_by_role("link", name="导入")).to_have_count(
        0
    )  # not in the menu
    response = page.goto("/import/")  # and refused when typed in the address
    assert response is not None and response.status == 403
    expect(page.locator("p.notice")).to_have_text("只有审管办和系统管理员可以导入。")
    expect(page.get_by_label("案件表")).to_have_count(0)
