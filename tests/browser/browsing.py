"""What the browser tests share: the court data they start from, logging in as a user does, and a recorder of
everything a page asks for and complains about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from playwright.sync_api import ConsoleMessage, Error, Page, Request, Response, expect

from court_cases import PASSWORD
from qingji.courts.models import Role

# user name → name, court, role
USERS = {
    "office": ("审管办", "甘10", Role.TRIAL_MANAGEMENT),
    "lina": ("李娜", "甘1002", Role.JUDGE),
    "admin": ("系统管理员", "甘10", Role.ADMINISTRATOR),
}


def case_url(number: str) -> str:
    return f"/case/{quote(number)}/"


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Fill in the login form and submit it, as a user does; expects to land on the home page."""
    page.goto("/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(re.compile(r"/$"))


def cell_texts(page: Page, selector: str) -> list[list[str]]:
    """The text of every cell (th and td) of the rows matched by ``selector``, once the page has loaded."""
    page.wait_for_load_state()
    rows = page.locator(selector)
    return [
        [text.strip() for text in rows.nth(i).locator("th, td").all_inner_texts()]
        for i in range(rows.count())
    ]


def fields(page: Page) -> dict[str, str]:
    """A case page's fields, name → value (its two lists: the case, then its state), once the page has loaded."""
    page.wait_for_load_state()
    names = page.locator("dl.fields dt").all_inner_texts()
    values = page.locator("dl.fields dd").all_inner_texts()
    assert len(names) == len(values)
    return {name.strip(): value.strip() for name, value in zip(names, values, strict=True)}


_FAILED_LOAD = re.compile(r"Failed to load resource: the server responded with a status of (\d+)")


@dataclass
class Traffic:
    """Every request the pages of one browser context make, and every console message and page error.

    ``problems()`` lists what a court intranet cannot have: a request to any host but the server's own, a
    sub-resource (stylesheet, image, …) that failed, a content security policy violation, a script error.
    """

    origin: str
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    document_statuses: set[int] = field(default_factory=set)

    def watch(self, page: Page) -> None:
        page.on("request", self._request)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", self._error)

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _failed(self, request: Request) -> None:
        # A download is aborted on purpose once the browser has handed it over, and the tab icon when the next
        # page is asked for before it arrived: neither is a failure.
        aborted = request.failure == "net::ERR_ABORTED"
        if not aborted or request.resource_type not in ("document", "other"):
            self.failed.append(f"{request.resource_type} {request.url}: {request.failure}")

    def _response(self, response: Response) -> None:
        if response.request.resource_type == "document":
            self.document_statuses.add(response.status)
        elif response.status >= 400:
            self.failed.append(f"{response.request.resource_type} {response.url}: HTTP {response.status}")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text} ({message.location.get('url', '')})")

    def _error(self, error: Error) -> None:
        self.errors.append(f"{error.name}: {error.message}")

    def foreign_requests(self) -> list[str]:
        mine = urlsplit(self.origin)
        return [
            url
            for url in self.requests
            if (urlsplit(url).scheme, urlsplit(url).netloc) != (mine.scheme, mine.netloc)
        ]

    def complaints(self) -> list[str]:
        """Console errors and warnings, but the browser's note of a page answered with an error status on
        purpose (a 404 page, a refused upload: the test that asked for it checks the status)."""
        kept = []
        for text in self.console:
            failed_load = _FAILED_LOAD.search(text)
            if failed_load and int(failed_load.group(1)) in self.document_statuses:
                continue
            kept.append(text)
        return kept

    def problems(self) -> list[str]:
        return [
            *(f"request to another host: {url}" for url in self.foreign_requests()),
            *(f"failed: {text}" for text in self.failed),
            *(f"console {text}" for text in self.complaints()),
            *(f"page error {text}" for text in self.errors),
        ]
