"""The ledger's filters used as a user uses them, a case's page reached from it, and who may see what."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

from playwright.sync_api import Page, expect

from .browsing import case_url, cell_texts, fields, log_in

OTHER_COURT_CASE = "（2024）甘1027民初1号"


def listed(page: Page) -> list[str]:
    """The case numbers in the ledger, in the order shown."""
    page.wait_for_load_state()
    return page.locator("table.ledger tbody tr td:first-child a").all_inner_texts()


def query(page: Page) -> dict[str, list[str]]:
    page.wait_for_load_state()
    return parse_qs(urlsplit(page.url).query)


def apply_filters(page: Page, **expected: str) -> None:
    """Click 筛选 and wait for the ledger of those filters (``expected``: the query they give)."""
    page.get_by_role("button", name="筛选").click()
    for name, value in expected.items():
        expect(page).to_have_url(re.compile(rf"[?&]{name}={re.escape(quote(value))}(&|$)"))


def test_the_ledger_filters_by_court_and_status_and_opens_a_case(page: Page) -> None:
    log_in(page, "office")
    page.get_by_role("navigation").get_by_role("link", name="台账").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("台账")
    court = page.locator("select[name=court]")
    status = page.locator("select[name=status]")
    expect(court.locator("option")).to_have_text(
        ["全部", "甘肃省庆阳市中级人民法院", *[re.compile(r"^[^甘].*人民法院$") for _ in range(8)]]
    )

    court.select_option(label="庆阳市西峰区人民法院")
    status.select_option(label="超审限")
    apply_filters(page, court="甘1002", status="overdue")
    expect(page.locator("p.count")).to_have_text("3 件")
    assert query(page)["court"] == ["甘1002"] and query(page)["status"] == ["overdue"]
    # Sorted by expiry, the longest overdue first; the choices stay selected.
    assert listed(page) == ["（2022）甘1002民初4号", "（2023）甘1002民初3号", "（2024）甘1002民初2号"]
    assert {row[7] for row in cell_texts(page, "table.ledger tbody tr")} == {"超审限"}
    expect(court).to_have_value("甘1002")
    expect(status).to_have_value("overdue")

    court.select_option(label="镇原县人民法院")
    apply_filters(page, court="甘1027", status="overdue")
    expect(page.locator("p.count")).to_have_text("1 件")
    assert listed(page) == [OTHER_COURT_CASE]

    status.select_option(label="临近届满")
    apply_filters(page, court="甘1027", status="approaching")
    expect(page.locator("p.notice")).to_have_text("没有符合条件的案件。")

    court.select_option(label="庆阳市西峰区人民法院")
    apply_filters(page, court="甘1002", status="approaching")
    assert listed(page) == ["（2024）甘1002民初5号"]
    row = cell_texts(page, "table.ledger tbody tr")[0]
    assert row[1:8] == ["甘1002", "民初", "张伟", "2024-07-15", "2025-01-15", "15", "临近届满"]
    assert "15日内届满" in row[9]

    page.get_by_role("link", name="清除").click()
    expect(page).to_have_url(re.compile(r"/ledger/$"))
    expect(court).to_have_value("")

    court.select_option(label="庆阳市西峰区人民法院")
    status.select_option(label="超审限")
    apply_filters(page, court="甘1002", status="overdue")
    page.get_by_role("link", name="（2024）甘1002民初2号").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("案件 （2024）甘1002民初2号")
    shown = fields(page)
    assert shown["立案日期"] == "2024-03-01"
    assert shown["承办法官"] == "李娜"
    assert shown["适用程序"] == "普通程序"
    assert shown["状态"] == "超审限"
    # Six months from 2024-03-01 end on Sunday 2024-09-01: the last day moves to the Monday.
    assert shown["审限届满日"] == "2024-09-02"
    assert shown["超审限天数"] == "120"
    expect(page.locator(".as-of")).to_have_text("截至 2024-12-31")
    basis = page.locator("pre.basis").inner_text()
    # The basis names the law (Civil Procedure Law art. 152, six months) and the move to the Monday.
    assert "CPL 152" in basis and "6个月" in basis and "顺延至2024-09-02" in basis, basis


def test_a_judge_sees_only_their_own_cases(page: Page) -> None:
    log_in(page, "lina")
    expect(page.locator("header .who")).to_have_text("李娜")
    # Their home is their work: their two cases, both overdue, the longer overdue first.
    work = cell_texts(page, "table.work tbody tr")
    assert [row[:2] for row in work] == [
        ["（2022）甘1002民初4号", "已超审限"],
        ["（2024）甘1002民初2号", "已超审限"],
    ]
    page.goto("/ledger/?court=甘1002")
    expect(page).to_have_url(re.compile(r"/ledger/\?court="))
    assert query(page)["court"] == ["甘1002"]
    assert listed(page) == ["（2022）甘1002民初4号", "（2024）甘1002民初2号"]
    assert {row[3] for row in cell_texts(page, "table.ledger tbody tr")} == {"李娜"}
    # Only their court to choose from; asking for another court in the address shows nothing.
    expect(page.locator("select[name=court] option")).to_have_text(["全部", "庆阳市西峰区人民法院"])
    page.goto("/ledger/?court=甘1027")
    expect(page.locator("p.notice")).to_have_text("没有符合条件的案件。")

    # Their own case opens; a colleague's case, or another court's, typed in the address, is not found.
    assert page.goto(case_url("（2024）甘1002民初2号")) is not None
    expect(page.get_by_role("heading", level=1)).to_have_text("案件 （2024）甘1002民初2号")
    for number in (OTHER_COURT_CASE, "（2024）甘1002民初1号"):
        response = page.goto(case_url(number))
        assert response is not None and response.status == 404, number
        expect(page.get_by_role("heading", level=1)).to_have_text("找不到该页面")
        expect(page.get_by_text(number)).to_have_count(0)


def test_the_not_found_page_is_in_chinese_with_the_menu(page: Page) -> None:
    log_in(page, "lina")
    response = page.goto(case_url(OTHER_COURT_CASE))
    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans", timeout=1000)
    expect(page.get_by_role("navigation").get_by_role("link", name="台账")).to_be_visible(timeout=1000)
