"""Screenshots of every main page, as the main roles see them on the demo's data, in Chinese and in English.

Each role logs in through the form and opens its home, the ledger, a case of its ledger, the campaigns, the demo
campaign, a case of the campaign, the statistics, and the pages its role may use of the audit trail, the upload
and the holidays; each page is written as a full-page PNG to $QINGJI_SCREENSHOTS (default: artifacts/screenshots/
in the repository, which git ignores; .ci/run keeps it and says where), named role-page-language.png. A shot is
checked to be of the page meant: its main heading is there, and the file is more than a few kilobytes.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from demo_world import WordsWorld, build_words_world
from qingji.courts.demo_users import DEMO_PASSWORD
from qingji.courts.models import Role

from .browsing import Traffic, log_in

REPOSITORY = Path(__file__).parents[2]
SMALLEST = 8_000  # bytes: a page with its heading, menu and a table is well over this; a blank page is not
# The roles shot, and the pages beyond those every role has that each may use.
ROLES = {
    Role.PRESIDENT: ("audit",),
    Role.JUDGE: (),
    Role.TRIAL_MANAGEMENT: ("audit", "import"),
    Role.HIGHER_COURT_READER: (),
    Role.ADMINISTRATOR: ("holidays",),  # the holidays page is the administrators'
}
LANGUAGES = {"zh": "", "en": "English"}  # the language, and the button that switches to it


def chinese_font() -> bool:
    """Whether the machine has a font for Chinese (else every Chinese word is an empty box in a shot)."""
    try:
        listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:
        return False
    return bool(listed.strip())


def screenshots_directory() -> Path:
    directory = Path(os.environ.get("QINGJI_SCREENSHOTS") or REPOSITORY / "artifacts" / "screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture
def demo(transactional_db: None, settings: Any, tmp_path: Path) -> WordsWorld:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.HOME = tmp_path
    cache.clear()
    return build_words_world(tmp_path / "files", timezone.localdate(), every_action=False)


@pytest.fixture
def context(browser: Browser, live_server: LiveServer, demo: WordsWorld) -> Iterator[BrowserContext]:
    traffic = Traffic(origin=live_server.url)
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  viewport={"width": 1366, "height": 900})  # fmt: skip
    context.set_default_timeout(15_000)
    context.on("page", traffic.watch)
    try:
        yield context
    finally:
        context.close()
    problems = traffic.problems()
    if problems:
        pytest.fail("the pages were not self-contained or not clean:\n" + "\n".join(problems), pytrace=False)


def shoot(page: Page, directory: Path, name: str) -> Path:
    """A full-page PNG of the page open, once it has its main heading."""
    heading = page.get_by_role("heading", level=1).first
    expect(heading).to_be_visible()
    assert heading.inner_text().strip(), f"{name}: an empty main heading"
    path = directory / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > SMALLEST, f"{name}: {path.stat().st_size} bytes, too small to be the page"
    return path


def first_link(page: Page, selector: str) -> str:
    """The address of the first link matching ``selector`` on the page open."""
    href = page.locator(selector).first.get_attribute("href")
    assert href, f"no link {selector} on {page.url}"
    return href


def main_pages(page: Page, demo: WordsWorld, extra: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(name, address) of the main pages of the logged-in role, found as a reader finds them."""
    yield "home", "/"
    yield "ledger", "/ledger/?status=all"
    page.goto("/ledger/?status=all")
    yield "case", first_link(page, "table.ledger a[href^='/case/']")
    campaign = f"/campaigns/{demo.campaign.pk}/"
    yield "campaigns", "/campaigns/"
    yield "campaign", campaign
    page.goto(campaign)
    yield "campaign-case", first_link(page, f"a[href^='{campaign}case/']")
    yield "stats", "/stats/"
    yield "inbox", "/inbox/"
    page.goto("/inbox/")
    if page.locator("table.inbox a.message").count():  # the role's newest message, when the schedule sent one
        yield "inbox-message", first_link(page, "table.inbox a.message")
    bulletins = page.locator("table.inbox tr[data-kind='bulletin'] a.message")
    if bulletins.count():  # a ten-day bulletin in the inbox, and the archive that keeps it
        yield "inbox-bulletin", bulletins.first.get_attribute("href") or ""
        yield "documents", "/documents/"
    pages = {"audit": "/audit/", "import": "/import/", "holidays": "/holidays/"}
    yield from ((name, pages[name]) for name in extra)


@pytest.mark.parametrize("role", list(ROLES), ids=lambda role: role.value)
def test_screenshots_of_the_main_pages(role: Role, demo: WordsWorld, context: BrowserContext) -> None:
    if not chinese_font() and os.environ.get("QINGJI_REQUIRE_BROWSER") == "1":
        pytest.fail(
            "no Chinese font: the shots would show empty boxes (as root: apt-get install fonts-wqy-microhei)"
        )
    directory = screenshots_directory()
    username = next(user.username for user in demo.users if user.role == role)
    page = context.new_page()
    log_in(page, username, DEMO_PASSWORD)
    pages = list(main_pages(page, demo, ROLES[role]))
    written = []
    for language, button in LANGUAGES.items():
        if button:  # the language button at the top right, as a reader switches
            page.get_by_role("button", name=button).click()
            expect(page.locator("html")).to_have_attribute("lang", "en")
        for name, address in pages:
            response = page.goto(address)
            assert response is not None and response.status == 200, (
                f"{role.value} {name} {address}: {response}"
            )
            expect(page.locator("html")).to_have_attribute(
                "lang", re.compile("^en" if language == "en" else "^zh")
            )
            written.append(shoot(page, directory, f"{role.value}-{name}-{language}"))
    assert len(written) == 2 * len(pages) >= 2 * (8 + len(ROLES[role]))
