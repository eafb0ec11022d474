"""The forecast page and the campaign page's what-if in Chromium, as the trial management office uses them: the page
opened from the menu, a count followed to its cases and on to a case, the projection drawn and tabled; the what-if
form filled in and its answer read, as qingji.campaigns.whatif computes it. Plain links and a GET form: no script
(the offline checks after every test hold)."""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction

from playwright.sync_api import Page, expect

from qingji.campaigns.actions import do_create_campaign
from qingji.campaigns.whatif import campaign_what_if

from .browsing import cell_texts, log_in

ON = date(2024, 12, 16)


def test_the_office_follows_a_forecast_count_to_its_cases(page: Page) -> None:
    log_in(page, "office")
    page.get_by_role("navigation").get_by_role("link", name="积案预测").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("积案预测：哪些案件即将成为积案")
    # 甘1002's row: 5号 passes 6 months within 30 days, 2号 10 months; 甘1027's 1号 10 months too
    rows = {row[0]: row for row in cell_texts(page, "table.forecast-courts tbody tr")}
    west = rows["庆阳市西峰区人民法院"]
    assert west[1] == "5" and west[2:5] == ["1", "1", "1"] and west[5:8] == ["1", "1", "1"]
    page.locator("table.forecast-courts tbody tr[data-court='甘1002'] td").nth(4).get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"crossing=10"))
    expect(page.locator("#cases")).to_contain_text("满10个月")
    listed = cell_texts(page, "table.forecast-cases tbody tr")
    assert [row[0] for row in listed] == ["（2024）甘1002民初2号"] and listed[0][4:] == ["2025-01-02", "2"]
    page.get_by_role("link", name="（2024）甘1002民初2号").click()
    expect(page).to_have_url(re.compile(r"/case/"))
    expect(page.locator("h1")).to_contain_text("（2024）甘1002民初2号")
    # the projection: a band per age, drawn with its interval, and the as-of date's counts open their cases
    page.go_back()
    chart = page.locator("svg.forecast")
    expect(chart).to_be_visible()
    expect(chart.locator("polygon.interval")).to_have_count(3)
    months = cell_texts(page, "table.forecast-months tbody tr")
    assert len(months) == 7 and months[0][0] == "2024-12-31（实际）"
    over_12 = months[0][4]  # over 12 months on the as-of date
    page.locator("table.forecast-months tbody tr.now td").nth(3).get_by_role("link").click()
    assert len(cell_texts(page, "table.forecast-cases tbody tr")) == int(over_12) == 2


def test_the_office_asks_the_what_if_of_a_court(page: Page) -> None:
    campaign = do_create_campaign(
        "年底清积", start=date(2024, 9, 2), target=date(2024, 12, 31), older_than_months=6
    )
    log_in(page, "office")
    page.goto(f"/campaigns/{campaign.pk}/?as_of={ON.isoformat()}")
    rows = cell_texts(page, "table.progress tbody tr")
    assert [row[-2:] for row in rows] == [
        ["0.00", "1.40"],
        ["0.00", "0.47"],
    ]  # pace; needed: 7 × 3 ÷ 15, 7 × 1 ÷ 15
    form = page.locator("form.whatif-form")
    form.locator("select[name=whatif]").select_option("甘1027")
    form.locator("input[name=more]").fill("1")
    form.get_by_role("button", name="计算").click()
    expect(page).to_have_url(re.compile(r"whatif=.*more=1"))
    answer = page.locator("dl.whatif-answer")
    expected = campaign_what_if(campaign, "甘1027", as_of=ON, per_week=Fraction(1))
    assert expected.finish_on is not None and expected.rank is not None
    expect(answer.locator("dd.finish")).to_have_text(expected.finish_on.isoformat())
    expect(answer.locator("dd.rank")).to_have_text(f"第 {expected.rank} 名 / 共 {expected.of} 院")
    expect(answer.locator("dd.on-track")).to_have_text("是")
    # a case of the court closed by a date besides, typed with half-width brackets
    form = page.locator("form.whatif-form")
    form.locator("select[name=whatif]").select_option("甘1002")
    form.locator("textarea[name=close]").fill("(2024)甘1002民初2号")
    form.locator("input[name=close_by]").fill("2024-12-20")
    form.get_by_role("button", name="计算").click()
    named = campaign_what_if(campaign, "甘1002", as_of=ON, per_week=Fraction(1), close=["（2024）甘1002民初2号"],
                             close_by=date(2024, 12, 20))  # fmt: skip
    assert named.finish_on is not None
    expect(page.locator("dl.whatif-answer dd.finish")).to_have_text(named.finish_on.isoformat())
    expect(page.locator("section.whatif h3").first).to_contain_text("另结 1 件，2024-12-20 前")
