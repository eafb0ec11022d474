"""The campaign page as each reader sees it: a judge's own cases apart from the court's figures, each gap opening
exactly its cases, and the battle map printed as an A3 landscape wall chart (the PDF Chromium prints is measured).
Plain links and forms: no script anywhere (the offline checks after every test hold)."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import Page, expect

from qingji.campaigns.actions import do_create_campaign
from qingji.campaigns.models import CampaignCase

from .browsing import cell_texts, log_in

AS_OF = "2024-12-31"


def campaign_url() -> str:
    # Pending on 2024-09-02 and older than six months: 2号 (李娜), 3号 (张伟), 4号 (李娜) of 甘1002, 1号 of 甘1027.
    campaign = do_create_campaign(
        "年底清积", start=date(2024, 9, 2), target=date(2024, 12, 31), older_than_months=6
    )
    CampaignCase.objects.filter(case__case_number="（2023）甘1002民初3号").update(target_on=date(2024, 11, 1))
    return f"/campaigns/{campaign.pk}/?as_of={AS_OF}"


def test_a_judge_sees_their_cases_apart_from_the_courts_figures(page: Page) -> None:
    url = campaign_url()
    log_in(page, "lina")
    page.goto(url)
    yours = page.locator("section.your-cases")
    expect(yours.get_by_role("heading", level=2)).to_have_text("您的案件")
    figures = dict(
        zip(yours.locator("dt").all_inner_texts(), yours.locator("dd").all_inner_texts(), strict=True)
    )
    assert (figures["纳入"], figures["未结"]) == ("2", "2")
    # The court's own row is the whole court's three cases, with its place among the basic courts.
    rows = cell_texts(page, "table.progress tbody tr")
    assert len(rows) == 1 and rows[0][0].startswith("庆阳市西峰区人民法院") and rows[0][1] == "3"
    assert rows[0][5] == "第 2 名 / 共 2 院"
    expect(page.locator("table.progress tfoot")).to_have_count(0)  # no total that would call a part the court
    listed = cell_texts(page, "table.entries tbody tr")
    assert sorted(row[0] for row in listed) == ["（2022）甘1002民初4号", "（2024）甘1002民初2号"]


def test_each_gap_opens_exactly_its_cases(page: Page) -> None:
    url = campaign_url()
    log_in(page, "office")
    page.goto(url)
    gaps = page.locator("ul.gaps li")
    for index in range(gaps.count()):
        item = page.locator("ul.gaps li").nth(index)
        link = item.get_by_role("link")
        count = int(link.inner_text())
        link.click()
        expect(page).to_have_url(re.compile(r"(missing=|overdue_target=1)"))
        listed = [row for row in cell_texts(page, "table.entries tbody tr") if len(row) > 1]
        assert len(listed) == count, item.inner_text()
        page.goto(url)
    page.get_by_role("link", name="1", exact=True).and_(page.locator("a.overdue-target")).click()
    assert [row[0] for row in cell_texts(page, "table.entries tbody tr")] == ["（2023）甘1002民初3号"]
    # The countdown's court filter narrows the list too.
    page.goto(url)
    chooser = page.locator("form", has=page.locator("select[name=court] option", has_text="全部"))
    chooser.locator("select[name=court]").select_option("甘1027")
    chooser.get_by_role("button", name="查看").click()
    assert [row[1] for row in cell_texts(page, "table.entries tbody tr")] == ["甘1027"]


def test_the_battle_map_prints_on_one_a3_landscape_sheet(page: Page) -> None:
    url = campaign_url()
    log_in(page, "office")
    page.goto(url)
    page.get_by_role("link", name="打印作战图（A3 横向）").click()
    expect(page.locator(".wall-grid")).to_be_visible()
    expect(page.locator(".wall-grid .court-map a")).to_have_count(2)
    expect(page.locator(".wall-ranking table.standings")).to_have_count(1)
    expect(page.locator(".wall-countdown svg.countdown")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".screen-only")).to_be_hidden()
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert len(boxes) == 1, boxes  # one sheet
    width, height = (float(value) for value in boxes[0])
    assert abs(width - 1190.55) < 2 and abs(height - 841.89) < 2  # A3 landscape, in points
