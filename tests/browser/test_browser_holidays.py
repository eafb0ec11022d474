"""An administrator loads next year's holiday notice on the holidays page, as published: pasted, checked against
the table the page shows, then loaded."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from qingji.site.models import HolidayNotice

from .browsing import cell_texts, log_in

NOTICE = (Path(__file__).parent.parent / "site" / "test_notice_text.py").read_text(encoding="utf-8")
NOTICE_2027 = NOTICE.split('NOTICE_2027 = """', 1)[1].split('"""', 1)[0]


def test_an_administrator_pastes_checks_and_loads_the_notice(page: Page) -> None:
    log_in(page, "admin")
    page.get_by_role("link", name="节假日安排").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("节假日安排")
    page.get_by_label("通知全文（粘贴，含标题）").fill(NOTICE_2027)
    page.get_by_role("button", name="检查").click()
    rows = cell_texts(page, "section.preview table.grid tbody tr")
    assert rows[0] == ["元旦", "2027-01-01 – 2027-01-03（3 天）", ""]
    assert rows[1] == ["春节", "2027-02-06 – 2027-02-12（7 天）", "2027-02-14"]
    assert not HolidayNotice.objects.exists()  # checked and shown, not kept
    page.get_by_role("button", name="确认载入").click()
    expect(page.locator("p.notice")).to_contain_text("2027：已载入，快照已重新计算")
    years = cell_texts(page, "table.years tbody tr")
    assert years[0][0] == "2027" and "国务院办公厅关于2027年部分节假日安排的通知" in years[0][1]
    assert HolidayNotice.objects.get().year == 2027


def test_someone_else_sees_the_years_but_cannot_load(page: Page) -> None:
    log_in(page, "office")
    page.goto("/holidays/")
    expect(page.get_by_text("只有能查看所有法院的系统管理员可以载入")).to_be_visible()
    expect(page.get_by_role("button", name="检查")).to_have_count(0)
    expect(page.get_by_role("link", name="节假日安排")).to_have_count(0)  # not in the menu
