"""Each person's home in a browser (issue 12): a judge and an assistant see their work, most urgent first, and the
office its to-do list; each figure opens the matching cases."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from home_world import create_home_world, number
from qingji.campaigns.models import Campaign
from qingji.web.queries import LedgerFilters

from .browsing import cell_texts, log_in

LEDGER_WARNINGS = "warning" in LedgerFilters.__dataclass_fields__  # contracts.md: the ledger part's filter

# the case and what is due, in the order of the list (tests/web/test_home_work.py EXPECTED, in words)
FIRST_ROWS = [
    (number(104), "已超审限"),
    (number(100), "四定缺项"),
    (number(103), "鉴定逾期"),
    (number(100), "已过化解期限"),
]


@pytest.fixture
def home_world(court: None) -> Campaign:
    return create_home_world().campaign


def work_rows(page: Page) -> list[list[str]]:
    return cell_texts(page, "table.work tbody tr")


def count_link(page: Page, label: str) -> tuple[str, str]:
    """The count under ``label`` at the top of the page: its number and where it links."""
    tile = page.locator("dl.work-counts div").filter(
        has=page.locator("dt", has_text=re.compile(f"^{label}$"))
    )
    link = tile.locator("a.count")
    return link.inner_text(), link.get_attribute("href") or ""


def check_my_work(page: Page) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("我的待办")
    rows = work_rows(page)
    assert len(rows) == 11
    assert [(row[0].split("\n")[0], row[1]) for row in rows[:4]] == FIRST_ROWS
    assert rows[0][3] == "逾期133日" and rows[-1][3] == "剩51日"
    assert rows[1][4] == "补填督办领导、化解方案"
    # the campaign's cases link to their campaign case page too
    assert "专项行动案件" in rows[1][0] and "专项行动案件" not in rows[0][0]


def test_a_judge_sees_the_week_and_each_figure_opens_its_cases(page: Page, home_world: Campaign) -> None:
    log_in(page, "wangfang")
    check_my_work(page)
    # the menu: no import, no audit trail; the integrity checks of their own cases
    nav = page.get_by_role("navigation")
    expect(nav.get_by_role("link")).to_have_text(
        ["首页", "收件箱", "台账", "专项行动", "统计", "积案预测", "审限核查"]
    )

    n, _ = count_link(page, "计划步骤逾期")
    assert n == "1"
    page.locator("dl.work-counts div").filter(has_text="计划步骤逾期").locator("a.count").click()
    expect(page).to_have_url(re.compile(r"/\?show=step_overdue#work$"))
    rows = work_rows(page)
    assert [(row[0].split("\n")[0], row[1]) for row in rows] == [(number(103), "计划步骤逾期")]
    assert "另有1项" in rows[0][4]
    page.get_by_role("link", name="全部事项").click()
    assert len(work_rows(page)) == 11

    overdue, url = count_link(page, "已超审限")
    assert overdue == "2" and url == "/ledger/?warning=overdue"
    page.locator("dl.work-counts div").filter(has_text="已超审限").locator("a.count").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("台账")
    if LEDGER_WARNINGS:
        expect(page.locator("p.count")).to_have_text(f"{overdue} 件")
        listed = page.locator("table.ledger tbody tr td:first-child a").all_inner_texts()
        assert sorted(listed) == sorted([number(103), number(104)])

    # a case of the list opens its page; a campaign case its campaign case page
    page.goto("/")
    page.locator("table.work tbody tr").nth(1).get_by_role("link", name="专项行动案件").click()
    expect(page).to_have_url(re.compile(rf"/campaigns/{home_world.pk}/case/"))
    expect(page.locator("main")).to_contain_text(number(100))


def test_an_assistant_sees_the_work_of_the_judge_they_assist(page: Page, home_world: Campaign) -> None:
    log_in(page, "zhuli")
    check_my_work(page)
    page.get_by_role("link", name=number(101)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(number(101))


def test_the_office_sees_its_to_do_list_and_each_item_opens_where_it_is_done(
    page: Page, home_world: Campaign
) -> None:
    log_in(page, "office")
    expect(page.get_by_role("heading", level=1)).to_have_text("审管办待办")
    nav = page.get_by_role("navigation")
    expect(nav.get_by_role("link")).to_have_text(
        [
            "首页",
            "收件箱",
            "通报存档",
            "台账",
            "专项行动",
            "统计",
            "积案预测",
            "审限核查",
            "导入",
            "审计记录",
            "投递失败",
        ]
    )
    rows = cell_texts(page, "table.todo tbody tr")
    # no court has imported an export here: every court is listed first, then the campaign's items by date
    assert [row[0] for row in rows[:9]] == ["导出数据未按时导入"] * 9
    assert {row[3] for row in rows[:9]} == {"从未导入"}
    assert [row[0] for row in rows[9:]] == ["四定缺项的案件", "提交审委会/专业法官会议待决", "鉴定逾期"]
    assert rows[9][1:4] == ["甘1002 庆阳市西峰区人民法院", "冬季清积", "2"]

    # the appraisals overdue open the campaign's appraisals page, which counts the same
    page.locator("table.todo tbody tr").nth(11).get_by_role("link", name="去处理").click()
    expect(page).to_have_url(re.compile(rf"/campaigns/{home_world.pk}/appraisals/\?as_of=2024-12-31$"))
    expect(page.locator("main")).to_contain_text("甘肃某司法鉴定所")

    # the missing determinations open the campaign page narrowed to the court and to those cases
    page.goto("/")
    missing = page.locator("table.todo tbody tr").nth(9).locator("a.count")
    shown = int(missing.inner_text())
    missing.click()
    expect(page).to_have_url(re.compile(r"\?court=%E7%94%981002&missing=determinations&as_of=2024-12-31$"))
    expect(page.locator("main")).to_contain_text("冬季清积")
    # … which lists exactly that many cases, each of 甘1002 and each with a determination missing
    entries = page.locator("table.entries tbody tr")
    expect(entries).to_have_count(shown)
    assert {row[1] for row in cell_texts(page, "table.entries tbody tr")} == {"甘1002"}
    for row in entries.all():
        expect(row.locator("td").last.locator("span.tag").first).to_be_visible()

    # the courts' figures open the ledger's cases: 甘1002's overdue cases
    page.goto("/")
    figures = page.locator("table.figures-by-court tbody tr").filter(has_text="甘1002")
    overdue = figures.locator("td").nth(1).locator("a")
    n = overdue.inner_text()
    overdue.click()
    expect(page.locator("p.count")).to_have_text(f"{n} 件")
