"""The leaders' home in a real browser: a president, a division head and a higher-court reader log in, see the
campaign's tile and the figures, and each figure clicked (a tile, a bar of the chart, a cell of the heat map, a
number of the tables) opens a ledger that lists that many cases."""

from __future__ import annotations

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from court_cases import PASSWORD
from qingji.campaigns.actions import do_create_campaign
from qingji.courts.actions import do_create_user
from qingji.courts.models import Role

from .browsing import log_in

LEADERS = {
    "yuanzhang": ("院长", "甘10", Role.PRESIDENT, None),
    "tingzhang": ("庭长", "甘1002", Role.DIVISION_HEAD, "民一庭"),
    "gaoyuan": ("高院读者", "甘", Role.HIGHER_COURT_READER, None),
}


def make_leaders() -> None:
    for username, (name, court, role, division) in LEADERS.items():
        do_create_user(username, PASSWORD, name=name, court_code=court, role=role, division=division)
    today = timezone.localdate()
    do_create_campaign(
        "年终清积", start=today - timedelta(days=30), target=today + timedelta(days=60), older_than_months=6
    )


def count_shown(page: Page) -> int:
    text = page.locator("p.count").inner_text()
    match = re.match(r"(\d+)", text)
    assert match is not None, text
    return int(match.group(1))


def opens_that_many(page: Page, link: Locator) -> None:
    """Click a figure; the ledger it opens counts and lists as many cases as the figure said."""
    number = int(re.sub(r"\D", "", link.text_content() or ""))
    link.click()
    expect(page).to_have_url(re.compile(r"/ledger/"))
    assert count_shown(page) == number
    assert page.locator("table.ledger tbody tr").count() == number
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("清积指挥台")


def test_a_president_sees_the_tiles_and_every_figure_opens_its_cases(page: Page) -> None:
    make_leaders()
    log_in(page, "yuanzhang")
    expect(page.get_by_role("heading", level=1)).to_have_text("清积指挥台")
    tile = page.locator("article.campaign-tile")
    expect(tile.get_by_role("heading")).to_have_text(re.compile("年终清积"))
    expect(tile).to_contain_text("已清结 / 纳入")
    expect(tile).to_contain_text("0 / 6")  # the six pending cases, all older than six months on the start
    for label in ("未结案件", "超审限", "临近届满", "案龄满10个月", "本月新增长期未结"):
        opens_that_many(page, page.locator("a.figure-tile", has_text=label).locator("strong"))
    # the courts ranked: the bar of the most overdue court, and its row in the table beside
    first_bar = page.locator("svg.ranking a").first
    expect(first_bar.locator("text.name")).to_have_text("庆阳市西峰区人民法院")
    opens_that_many(page, first_bar.locator("text.count"))
    for link in page.locator("table.ranking tbody tr").first.locator("a").all():
        opens_that_many(page, link)
    # the heat map: a cell, and the table's cells
    opens_that_many(page, page.locator("svg.heat-map a").nth(3).locator("text"))
    opens_that_many(page, page.locator("table.heat tbody tr").first.locator("a").nth(3))
    tile.get_by_role("link", name="年终清积").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("年终清积")


def test_a_division_head_sees_their_judges(page: Page) -> None:
    make_leaders()
    log_in(page, "tingzhang")
    expect(page.get_by_role("heading", name="承办法官超审限案件排名")).to_be_visible()
    names = page.locator("table.ranking tbody th").all_inner_texts()
    assert sorted(names) == ["张伟", "李娜"]
    expect(page.locator("article.campaign-tile")).to_contain_text("您可查看的案件")
    expect(page.locator("article.campaign-tile")).not_to_contain_text("排名末位")
    for link in page.locator("table.ranking tbody a").all():
        opens_that_many(page, link)


def test_a_higher_court_reader_sees_the_courts_and_the_last_one(page: Page) -> None:
    make_leaders()
    log_in(page, "gaoyuan")
    expect(page.get_by_role("heading", name="各院超审限案件排名")).to_be_visible()
    tile = page.locator("article.campaign-tile")
    expect(tile).to_contain_text("排名末位")
    opens_that_many(page, page.locator("a.figure-tile", has_text="超审限").locator("strong"))
    for link in page.locator("table.heat tbody a").all()[:4]:
        opens_that_many(page, link)
