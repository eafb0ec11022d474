"""A case page and the statistics page in a real browser: the expiry explained step by step and drawn as a
timeline, in Chinese and in English; the statistics led by the Chinese courts' terms with their definitions on
hover, the monthly trend drawn with its table, and a figure that opens exactly the cases it counts."""

from __future__ import annotations

import os
import re
from datetime import date

from playwright.sync_api import Page, expect

from qingji.cases.models import Case, CaseEvent
from qingji.cases.snapshot import do_snapshot

from .browsing import case_url, cell_texts, log_in

NUMBER = "（2024）甘1002民初2号"


def shot(page: Page, name: str) -> None:
    """A screenshot for a reader, when QINGJI_SHOTS names a directory."""
    if directory := os.environ.get("QINGJI_SHOTS"):
        page.screenshot(path=f"{directory}/{name}.png", full_page=True)


def test_a_case_page_explains_its_expiry_and_draws_its_timeline(page: Page) -> None:
    case = Case.objects.get(case_number=NUMBER)
    CaseEvent.objects.create(case=case, key="x1", event="extension", length_months=6, approved_by="院长",
                             approved_on=date(2024, 8, 20))  # fmt: skip
    CaseEvent.objects.create(case=case, key="d1", event="deduction", kind="鉴定", start=date(2024, 4, 1),
                             end=date(2024, 4, 30))  # fmt: skip
    do_snapshot(date(2024, 12, 31))
    log_in(page, "office")
    page.goto(case_url(NUMBER))
    expect(page.locator("p.expiry-line strong")).to_have_text("2025-03-31")
    steps = cell_texts(page, "table.steps tbody tr")
    assert steps[0][1] == "《民事诉讼法》第152条" and "普通程序审限6个月" in steps[0][2]
    assert any("延长6个月" in row[2] and "院长" in row[2] for row in steps), steps
    assert any("鉴定" in row[2] and "30日" in row[2] for row in steps), steps
    expect(page.locator("table.steps tfoot td.final")).to_have_text("2025-03-31")
    svg = page.locator("svg.timeline")
    expect(svg).to_be_visible()
    expect(svg.locator("g.mark")).to_have_count(5)  # filed, deduction, extension, as-of day, expiry
    expect(svg.locator("rect.span")).to_have_count(1)
    dates = cell_texts(page, "table.timeline-dates tbody tr")
    assert [row[1] for row in dates] == ["2024-03-01", "2024-04-01 – 2024-04-30", "2024-08-20", "2024-12-31",
                                         "2025-03-31"]  # fmt: skip
    shot(page, "case")

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="How the expiry is computed")).to_be_visible()
    steps = cell_texts(page, "table.steps tbody tr")
    assert steps[0][1] == "Civil Procedure Law, art. 152"
    assert "ordinary procedure period 6 months" in steps[0][2]
    expect(page.locator("table.timeline-dates tbody tr").nth(1)).to_contain_text("Deduction: appraisal")


def test_the_statistics_page_leads_with_the_chinese_terms_and_draws_the_trend(page: Page) -> None:
    log_in(page, "office")
    page.get_by_role("navigation").get_by_role("link", name="统计").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("审判执行统计")
    terms = page.locator("dl.chinese dt").all_inner_texts()
    assert terms == ["结收比", "审限内结案率", "平均审理天数", "长期未结案件", "清结率"]
    definition = page.locator("dl.chinese abbr", has_text="结收比").get_attribute("title")
    assert definition is not None and definition.startswith("结收比 = 统计期间结案数 ÷ 同期收案数")
    # 清结率: pending on 2023-12-31 were 3号 and 4号 of 甘1002; neither closed in 2024.
    expect(page.locator("dl.chinese dd.clearing-rate")).to_have_text("0.0%")
    expect(page.locator("svg.trend")).to_be_visible()
    trend = cell_texts(page, "table.trend tbody tr")
    assert [row[0] for row in trend][-1] == "2024-12" and len(trend) == 12
    assert trend[-1][1] == "6"  # pending at the end of the last month = pending on the as-of date
    shot(page, "stats")

    # The overdue figure of 甘1002 opens the ledger of exactly those cases.
    row = page.locator("table.stats-courts tbody tr", has_text="甘1002")
    overdue = row.locator("td.overdue a")
    shown = overdue.inner_text()
    overdue.click()
    expect(page).to_have_url(re.compile(r"/ledger/\?status=overdue&court="))
    expect(page.locator("p.count")).to_have_text(f"{shown} 件")

    page.goto("/stats/")
    page.get_by_role("button", name="English").click()
    terms = page.locator("dl.chinese dt").all_inner_texts()
    assert terms == ["Closed ÷ filed", "Closed within the trial period", "Average days to close",
                     "Long-pending cases", "Clearing rate of the stock carried over"]  # fmt: skip
    expect(page.get_by_role("heading", name="International comparisons: CourTools and CEPEJ")).to_be_visible()
