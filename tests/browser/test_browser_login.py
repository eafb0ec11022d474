"""Logging in and out through the form, the leaders' home with its courts ranked, and the language switch."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from court_cases import PASSWORD

from .browsing import cell_texts, log_in

# The leaders' home, seen by the administrator on what tests/court_cases.py gives on 2024-12-31: the courts ranked by
# overdue cases (the intermediate court, with no pending case of its own, is not listed), and the pending cases by court and age.
RANKING_HEADERS_ZH = ["名称", "超审限", "临近届满", "未结案件"]
RANKING_HEADERS_EN = ["Name", "Overdue", "Approaching expiry", "Pending cases"]
RANKING = [
    ["庆阳市西峰区人民法院", "3", "1", "5"],
    ["镇原县人民法院", "1", "0", "1"],
]
HEAT_HEADERS_ZH = ["名称", "6个月以内", "6至12个月", "1至2年", "2年以上"]
HEAT = [
    ["庆阳市西峰区人民法院", "2", "1", "1", "1"],
    ["镇原县人民法院", "0", "1", "0", "0"],
]


def test_login_form_home_and_language_switch(page: Page) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.get_by_role("heading", name="登录")).to_be_visible()
    expect(page.locator("label[for=id_username]")).to_have_text("用户名")
    expect(page.locator("label[for=id_password]")).to_have_text("密码")

    log_in(page, "admin")  # an administrator's home is the leaders' (the office has its to-do list)
    expect(page.get_by_role("heading", level=1)).to_have_text("清积指挥台")
    expect(page.locator(".as-of")).to_have_text("截至 2024-12-31")
    expect(page.locator("header .who")).to_have_text("系统管理员")
    assert cell_texts(page, "table.ranking thead tr") == [RANKING_HEADERS_ZH]
    assert cell_texts(page, "table.ranking tbody tr") == RANKING
    assert cell_texts(page, "table.heat thead tr") == [HEAT_HEADERS_ZH]
    assert cell_texts(page, "table.heat tbody tr") == HEAT
    # The stylesheet came from the server and applies (the court-red header bar).
    background = page.locator("header.top").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(139, 26, 26)"

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Backlog command centre")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert cell_texts(page, "table.ranking thead tr") == [RANKING_HEADERS_EN]
    assert cell_texts(page, "table.ranking tbody tr") == RANKING  # court names are the courts' own
    expect(page.get_by_role("link", name="Ledger", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    # The choice lasts: the ledger, reached through the menu, is in English too.
    page.get_by_role("link", name="Ledger", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ledger")
    expect(page.get_by_role("button", name="Filter")).to_be_visible()

    page.get_by_role("button", name="中文").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("台账")
    expect(page).to_have_url(re.compile(r"/ledger/$"))
    page.get_by_role("link", name="首页").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("清积指挥台")
    assert cell_texts(page, "table.heat tbody tr") == HEAT


def test_the_login_page_switches_to_english_before_logging_in(page: Page) -> None:
    page.goto("/login/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("label[for=id_username]")).to_have_text("User name")
    page.get_by_label("User name").fill("office")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trial management office: to do")


def test_a_wrong_password_is_refused_and_logout_ends_the_session(page: Page) -> None:
    page.goto("/login/")
    page.get_by_label("用户名").fill("office")
    page.get_by_label("密码").fill("not-the-password")
    page.get_by_role("button", name="登录").click()
    expect(page.locator("p.error")).to_have_text("用户名或密码错误。")
    expect(page).to_have_url(re.compile(r"/login/$"))
    expect(page.get_by_label("用户名")).to_have_value("office")  # kept, so only the password is typed again
    expect(page.get_by_label("密码")).to_have_value("")
    expect(page.get_by_role("link", name="台账")).to_have_count(0)  # no menu without a login

    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("审管办待办")

    page.get_by_role("button", name="退出").click()
    expect(page).to_have_url(re.compile(r"/login/$"))
    expect(page.get_by_role("heading", name="登录")).to_be_visible()
    page.goto("/ledger/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/ledger/$"))
    # Logging in again goes where the user was going.
    page.get_by_label("用户名").fill("office")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(re.compile(r"/ledger/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("台账")
