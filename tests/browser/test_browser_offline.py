"""Offline and locked down: every request a page makes goes to the server itself (no CDN, no font, nothing
from outside the court intranet), and no page logs a content security policy violation or a script error."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import Page, Response, expect

from .browsing import Traffic, case_url, log_in


def visit(page: Page, path: str) -> Response:
    response = page.goto(path)
    assert response is not None
    return response


def test_every_page_loads_only_from_the_server_without_violations(page: Page, traffic: Traffic) -> None:
    documents: list[Response] = []
    page.on("response", lambda r: documents.append(r) if r.request.resource_type == "document" else None)
    page.goto("/login/")
    log_in(page, "office")
    pages = [
        "/",
        "/ledger/",
        "/ledger/?court=甘1002&status=overdue",
        case_url("（2024）甘1002民初2号"),
        "/stats/",
        "/stats/?as_of=2024-06-30&court=甘1002",
        "/forecast/",
        "/forecast/?court=甘1002&crossing=10&within=30",
        "/campaigns/",
        "/import/",
        "/holidays/",
        "/audit/",
    ]
    for path in pages:
        assert visit(page, path).status == 200, path
        expect(page.locator("main")).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
    for path in pages:
        assert visit(page, path).status == 200, path
    assert visit(page, case_url("（2099）甘1002民初1号")).status == 404

    # Something was recorded, and all of it came from the server: the pages, the stylesheet, the icon.
    assert traffic.requests, "no request recorded"
    assert traffic.foreign_requests() == []
    paths = {urlsplit(url).path for url in traffic.requests}
    static_files = {path for path in paths if path.startswith("/static/")}
    assert static_files <= {"/static/web/qingji.css", "/static/web/favicon.svg"}
    assert "/static/web/qingji.css" in static_files
    assert not any(path.endswith(".js") for path in paths)
    # Every page, the 404 and the redirects included, came with the policy that keeps it so.
    assert len(documents) > 2 * len(pages)
    for response in documents:
        policy = response.header_value("content-security-policy") or ""
        assert policy.startswith("default-src 'self'"), (response.url, policy)
    assert traffic.problems() == []


def test_the_recorder_sees_a_violation_and_a_script_error(page: Page, traffic: Traffic) -> None:
    """The checks above and after every test are not blind: an outside image and a thrown error are caught."""
    log_in(page, "office")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"http://192.0.2.1/logo.png\">')")
    page.evaluate("setTimeout(() => { throw new Error('boom') }, 0)")
    expect(page.locator("img")).to_have_count(1)
    page.wait_for_timeout(200)
    problems = traffic.problems()
    violation = [problem for problem in problems if "Content Security Policy" in problem]
    assert violation and "192.0.2.1" in violation[0], problems
    assert any(problem.startswith("request to another host: http://192.0.2.1/") for problem in problems)
    assert any(problem == "failed: image http://192.0.2.1/logo.png: csp" for problem in problems), problems
    assert any("boom" in problem for problem in problems), problems
    # Forgotten, so that the check after every test passes for this one.
    for recorded in (traffic.console, traffic.errors, traffic.failed):
        recorded.clear()
    traffic.requests[:] = [url for url in traffic.requests if "192.0.2.1" not in url]


def test_the_browser_finds_the_tab_icon(page: Page) -> None:
    log_in(page, "office")
    icon = page.request.get("/favicon.ico")
    assert icon.ok, icon.status
    assert re.match(r"image/", icon.headers.get("content-type", ""))
