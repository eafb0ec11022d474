"""Real-browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium) against pytest-django's live
server, with the court data of browsing.py in a fresh database for every test.

One browser serves every test of this folder; each test gets a fresh browser context (no cookies, Chinese
locale) whose traffic is recorded and checked when the test ends (browsing.Traffic). Without /usr/bin/chromium
the tests are skipped, saying how to install it; with QINGJI_REQUIRE_BROWSER=1 (as .ci/run sets it) they fail
instead, so that CI cannot pass without them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
from django.core.cache import cache
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from pytest_django.live_server_helper import LiveServer

from court_cases import PASSWORD, create_court_system
from qingji.courts.actions import do_create_user

from .browsing import USERS, Traffic

CHROMIUM = Path("/usr/bin/chromium")
# Headless, as root (no sandbox), and nothing that reaches for Google's servers: the machines have no internet.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRE = "QINGJI_REQUIRE_BROWSER"
INSTALL = "install Debian's Chromium as root: apt-get install chromium"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"{reason} ({REQUIRE}=1: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Chromium, started once for the tests of this folder and closed after the last of them (package scope,
    not session: the other tests must not run beside Playwright's event loop)."""
    if not CHROMIUM.exists():
        _unavailable(f"no browser at {CHROMIUM}: {INSTALL}")
    with pytest.MonkeyPatch.context() as patch:
        # Playwright's synchronous API keeps an asyncio loop running in this thread while it is started, and
        # Django refuses database calls from a thread with a running loop. The tests are synchronous code (the
        # loop only carries Playwright's messages), so Django is told so, here only: the loop stops, and the
        # setting goes, when the last browser test has run.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            try:
                chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            except PlaywrightError as error:
                _unavailable(f"Chromium at {CHROMIUM} did not start: {error.message.splitlines()[0]}")
            yield chromium
            chromium.close()


@pytest.fixture
def court(transactional_db: None, settings: Any, tmp_path: Path) -> None:
    """The Qingyang courts, the cases of tests/court_cases.py with their state on its AS_OF, and the users of USERS."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.HOME = tmp_path  # uploads go here
    cache.clear()  # login failures counted by an earlier test
    create_court_system()
    for username, (name, court_code, role) in USERS.items():
        do_create_user(username, PASSWORD, name=name, court_code=court_code, role=role)


@pytest.fixture
def traffic(live_server: LiveServer) -> Traffic:
    return Traffic(origin=live_server.url)


@pytest.fixture
def page(browser: Browser, live_server: LiveServer, court: None, traffic: Traffic) -> Iterator[Page]:
    """A page in a fresh browser context of a Chinese desktop, on the live server; when the test is over, no
    request may have left the server and no page may have logged a policy violation or a script error."""
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", timezone_id="Asia/Shanghai", accept_downloads=True
    )
    context.set_default_timeout(10_000)
    context.on("page", traffic.watch)
    try:
        yield context.new_page()
    finally:
        context.close()
    problems = traffic.problems()
    if problems:
        pytest.fail("the pages were not self-contained or not clean:\n" + "\n".join(problems), pytrace=False)
