"""Walking the site as a reader does (test_words.py): from the home page through the links of each page, a few
levels down, each kind of page a few times (not every case of a ledger), with the seeds a reader reaches through a
form (the ledger's filters, the campaign's court and gaps)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit

from django.test import Client
from django.urls import Resolver404, resolve

SKIPPED = re.compile(r"^/(logout|i18n|admin|static|favicon\.ico)")
PER_SHAPE = 2  # pages of one kind with the same query keys (two cases, two campaign cases …)
PER_ROUTE = 8  # pages of one kind in all (the ledger with this filter and that one …)
ROUTE_LIMITS = {"web:ledger_export": 3}  # the same ledger in other rows


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def links_of(html: str, base: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return [urljoin(base, href) for href in parser.links]


def local(url: str) -> str | None:
    """The path and query of a link within the site (no fragment), or None for another site or a skipped one."""
    parts = urlsplit(url)
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    if SKIPPED.match(parts.path) or not parts.path.startswith("/"):
        return None
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page")
    )
    return parts.path + (f"?{query}" if query else "")


def route_of(url: str) -> str:
    try:
        match = resolve(unquote(urlsplit(url).path))
    except Resolver404:
        return "?"
    return match.view_name


@dataclass
class Walk:
    """The pages (HTML) and the downloads one user reached."""

    pages: dict[str, str] = field(default_factory=dict)  # url → HTML
    downloads: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # url → (content type, body)
    failures: list[str] = field(default_factory=list)


def walk(client: Client, seeds: Iterable[str], depth: int = 3) -> Walk:
    """Every page reached from ``seeds`` within ``depth`` links, each kind of page at most PER_SHAPE times for the
    same query keys and PER_ROUTE times in all; downloads fetched, not followed."""
    result = Walk()
    shapes: Counter[tuple[str, tuple[str, ...]]] = Counter()
    routes: Counter[str] = Counter()
    frontier = [url for url in (local(seed) for seed in seeds) if url]
    seen = set(frontier)
    for level in range(depth + 1):
        following = []
        for url in frontier:
            route = route_of(url)
            shape = (route, tuple(sorted(k for k, _ in parse_qsl(urlsplit(url).query))))
            if level and (shapes[shape] >= PER_SHAPE or routes[route] >= ROUTE_LIMITS.get(route, PER_ROUTE)):
                continue
            shapes[shape] += 1
            routes[route] += 1
            response = client.get(url)
            kind = response.get("Content-Type", "")
            if response.status_code != 200:
                if response.status_code >= 500 or level:  # a seed the user may not see answers 404
                    result.failures.append(f"{url}: HTTP {response.status_code}")
                continue
            body = b"".join(response) if response.streaming else response.content
            if not kind.startswith("text/html"):
                result.downloads[url] = (kind, body)
                continue
            html = body.decode()
            result.pages[url] = html
            for link in links_of(html, url):
                found = local(link)
                if found and found not in seen:
                    seen.add(found)
                    following.append(found)
        frontier = following
    return result
