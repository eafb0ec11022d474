"""The integrity page in a real browser (docs/pages.md "The integrity page"): the office of the intermediate court
reads the findings per court and check, clicks a count and gets exactly those findings with their explanation and
evidence, downloads the export, opens the case; a judge of a basic court reads their own findings only, another
judge's case told as "another case"."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect

from court_cases import AS_OF
from integrity_world import OTHER_COURT, REFILED, SPLIT, WITHDRAWN, plant_integrity_cases
from qingji.cases.integrity_run import do_integrity_run

from .browsing import cell_texts, log_in


def findings_listed(page: Page) -> list[str]:
    return [text.split("·")[-1].strip() for text in page.locator("li.finding h3").all_inner_texts()]


def test_the_office_follows_a_count_to_its_findings_and_their_case(page: Page) -> None:
    plant_integrity_cases()
    do_integrity_run(AS_OF)
    log_in(page, "office")
    page.get_by_role("navigation").get_by_role("link", name="审限核查").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("审限核查：隐形超审限")
    courts = {row[0]: row for row in cell_texts(page, "table.integrity-courts tbody tr")}
    assert courts["庆阳市西峰区人民法院"][-1] == "5" and courts["合计"][-1] == "6"
    assert courts["镇原县人民法院"][-1] == "1" and courts["甘肃省庆阳市中级人民法院"][-1] == "0"
    # the split filings of 西峰: the count in that check's column of that court's row
    page.locator("table.integrity-courts tbody tr[data-court='甘1002'] a", has_text=re.compile("^2$")).click()
    expect(page).to_have_url(re.compile(r"/integrity/\?court=.*&check=split_filing#findings$"))
    expect(page.locator("p.count")).to_have_text("2 项发现")
    assert findings_listed(page) == list(SPLIT)
    first = page.locator("li.finding").first
    expect(first.locator("dd.explanation")).to_contain_text(
        "同日以同一当事人、同一案由（借款合同纠纷）立案2件"
    )
    expect(first).to_contain_text("同日立案的案件")
    # a judge's row opens that judge's findings
    page.goto("/integrity/")
    judges = {row[1]: row for row in cell_texts(page, "table.integrity-judges tbody tr")}
    assert judges["张伟"][-1] == "4" and judges["李娜"][-1] == "1" and judges["赵磊"][-1] == "1"
    page.locator("table.integrity-judges tbody tr", has_text="李娜").get_by_role("link").last.click()
    expect(page.locator("p.count")).to_have_text("1 项发现")
    finding = page.locator("li.finding").first
    expect(finding.locator("h3")).to_contain_text("撤诉后重新立案")
    expect(finding).to_contain_text("前案结案方式")
    expect(finding.get_by_role("link", name=WITHDRAWN)).to_be_visible()
    # the export of what the page lists
    with page.expect_download() as download:
        page.get_by_role("link", name="导出 Excel").click()
    content = Path(download.value.path()).read_bytes()
    rows = list(
        openpyxl.load_workbook(io.BytesIO(content), read_only=True).worksheets[0].iter_rows(values_only=True)
    )
    assert rows[0][:3] == ("核查项目", "案号", "法院") and [row[1] for row in rows[1:]] == [REFILED]
    # and the case behind it
    finding.get_by_role("link", name="打开案件").click()
    expect(page.locator("main")).to_contain_text(REFILED)
    expect(page).to_have_url(re.compile(r"/case/"))
    # in English
    page.goto("/integrity/")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Integrity checks: hidden over-deadline time")
    # the columns headed by the short names, the names in full on hovering
    head = page.locator("table.integrity-courts thead")
    expect(head.locator("abbr[title='Withdrawn and filed again']")).to_have_text("Refiled")


def test_a_judge_reads_only_their_own_findings(page: Page) -> None:
    plant_integrity_cases()
    do_integrity_run(AS_OF)
    log_in(page, "lina")
    page.get_by_role("navigation").get_by_role("link", name="审限核查").click()
    expect(page.locator("p.count")).to_have_text("1 项发现")
    finding = page.locator("li.finding").first
    expect(finding.locator("h3")).to_contain_text(REFILED)
    expect(finding).to_contain_text("另一案件（不在您的查看范围内）")
    text = page.locator("main").inner_text()
    assert WITHDRAWN not in text and OTHER_COURT not in text and SPLIT[0] not in text
