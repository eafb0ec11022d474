"""A campaign run from the pages as the trial management office runs it — created by rule, its countdown drawn and
chosen per court, a case's determinations filled in, a phone reminder recorded — and the statistics page with
other weights tried. Plain forms: no script anywhere (the offline checks after every test hold)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .browsing import cell_texts, log_in

CASE = "（2023）甘1002民初3号"


def create_campaign(page: Page) -> None:
    page.get_by_role("navigation").get_by_role("link", name="专项行动").click()
    page.get_by_label("名称").fill("年底清积")
    page.get_by_label("开始日期").fill("2024-09-02")
    page.get_by_label("目标日期").fill("2024-12-31")
    page.locator("input[name=older_than_months]").fill("6")
    page.get_by_role("button", name="创建").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("年底清积")


def test_the_office_runs_a_campaign_from_the_pages(page: Page) -> None:
    log_in(page, "office")
    create_campaign(page)
    campaign_url = page.url.split("?")[0]
    page.goto(campaign_url + "?as_of=2024-10-01")
    # Pending on 2024-09-02 and older than six months: 2号, 3号, 4号 of 甘1002 and 1号 of 甘1027.
    rows = cell_texts(page, "table.progress tbody tr")
    assert [(row[0].split()[-1], row[1], row[3]) for row in rows] == [  # the court's name, its code beside
        ("甘1002", "3", "3"),
        ("甘1027", "1", "1"),
    ]
    chart = page.locator("svg.countdown").first
    expect(chart).to_be_visible()
    assert chart.locator("polyline.planned").count() == 1 and chart.locator("polyline.actual").count() == 1
    expect(page.locator(".court-map a")).to_have_count(2)

    chooser = page.locator("form", has=page.locator("select[name=court] option", has_text="全部"))
    chooser.locator("select[name=court]").select_option("甘1027")
    chooser.get_by_role("button", name="查看").click()
    expect(page).to_have_url(re.compile(r"court=%E7%94%981027"))
    expect(page.locator("#schedule")).to_have_text("倒排工期 · 镇原县人民法院")
    page.locator("details.schedule summary").click()
    weeks = cell_texts(page, "table.schedule tbody tr")
    assert weeks[0][1:] == ["1", "1"] and weeks[-1][:2] == ["2024-12-31", "0"]

    # The court chosen narrows the case list too: 甘1002's case is listed again with all courts.
    expect(page.get_by_role("link", name=CASE)).to_have_count(0)
    page.goto(campaign_url + "?as_of=2024-10-01")
    page.get_by_role("link", name=CASE).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(CASE)
    missing_before = page.locator("p.error .tag").count()
    page.get_by_label("责任人").fill("张伟")
    page.get_by_label("化解期限").fill("2024-12-01")
    # The leader is chosen among the court's people of the right role, not typed (甘1002 has none of them here).
    expect(page.locator("select[name=supervisor] option")).to_have_text(["—"])
    page.get_by_role("button", name="保存").first.click()
    expect(page.locator("p.saved")).to_have_text("已保存")
    assert page.locator("p.error .tag").count() == missing_before - 2
    expect(page.get_by_label("责任人")).to_have_value("张伟")

    page.goto(campaign_url + "?as_of=2024-10-01")
    form = page.locator("form", has=page.get_by_role("button", name="记录"))
    form.locator("select[name=court]").select_option("甘1027")
    form.locator("select[name=kind]").select_option("phone")
    form.locator("input[name=to]").fill("院长丁")
    form.locator("textarea[name=agreed]").fill("十日内结案")
    form.get_by_role("button", name="记录").click()
    recorded = cell_texts(page, "table.supervision tbody tr")
    assert recorded[0][:5] == ["2024-10-01", "镇原县人民法院 甘1027", "电话提醒", "审管办", "院长丁"]


def test_the_statistics_page_and_other_weights(page: Page) -> None:
    log_in(page, "office")
    page.get_by_role("navigation").get_by_role("link", name="统计").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("审判执行统计")
    tiles = dict(
        zip(
            page.locator("dl.figures dt").all_inner_texts(),
            page.locator("dl.figures dd").all_inner_texts(),
            strict=True,
        )
    )
    assert (tiles["未结"], tiles["对比日未结"], tiles["未结变化"], tiles["结收比"]) == (
        "6",
        "2",
        "+200.00%",
        "20.0%",
    )
    scores = cell_texts(page, "table.scores tbody tr")
    assert [row[:3] for row in scores] == [["1", "甘1002", "63.50"], ["2", "甘1027", "33.33"]]

    weight = page.locator("input[name=w_on_time_rate]")
    expect(weight).to_have_value("40")
    weight.fill("0")
    page.get_by_role("button", name="查看").click()
    expect(page).to_have_url(re.compile(r"w_on_time_rate=0"))
    scores = cell_texts(page, "table.scores tbody tr")
    assert [row[:3] for row in scores] == [["1", "甘1002", "39.17"], ["2", "甘1027", "33.33"]]

    page.get_by_role("link", name="法官得分").first.click()
    judges = cell_texts(page, "table.judge-scores tbody tr")
    # Still without the on-time rate: 张伟 (30×⅓ + 20×⅔ + 10×⅔) ÷ 60 = 50.0; 李娜 16.67.
    assert [row[:3] for row in judges] == [["1", "张伟", "50.00"], ["2", "李娜", "16.67"]]
