"""Every URL pattern of the site, read from the resolver (the web pages, the casework pages and the admin site), so
that a test covering "every page" covers a new page without anyone remembering to add it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter, PathConverter
from django.urls.resolvers import RegexPattern, RoutePattern

_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?:[^()]|\([^()]*\))*\)")


@dataclass(frozen=True)
class Route:
    """One pattern: its key (``namespace:name``, or the route itself when it has no name), the whole route and
    its path parameters with their kind (``int``, ``text`` or ``path``)."""

    key: str
    route: str
    params: tuple[tuple[str, str], ...]
    callback_name: str

    def url(self, **values: object) -> str:
        """The URL with ``values`` in place of the parameters (each quoted as a browser would)."""

        def value(name: str, kind: str) -> str:
            return quote(str(values[name]), safe="/" if kind == "path" else "")

        kinds = dict(self.params)
        path = _GROUP.sub(lambda m: value(m["name"], kinds[m["name"]]), self.route)
        path = _PARAMETER.sub(lambda m: value(m["name"], kinds[m["name"]]), path)
        return "/" + path.replace("^", "").replace("$", "")


def _kinds(pattern: RoutePattern | RegexPattern) -> list[tuple[str, str]]:
    if isinstance(pattern, RoutePattern):
        kinds = []
        for name, converter in pattern.converters.items():
            digits = isinstance(converter, IntConverter) or re.fullmatch(converter.regex, "a") is None
            kinds.append(
                (name, "path" if isinstance(converter, PathConverter) else "int" if digits else "text")
            )
        return kinds
    return [(name, "text") for name in pattern.regex.groupindex]


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str, namespace: str, params: list[tuple[str, str]]
) -> list[Route]:
    routes = []
    for entry in patterns:
        route = prefix + str(entry.pattern)
        found = params + _kinds(entry.pattern)  # type: ignore[arg-type]
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace or "") if part)
            routes += _walk(entry.url_patterns, route, inner, found)
        else:
            key = f"{namespace}:{entry.name}" if entry.name else route
            callback = getattr(entry.callback, "__name__", type(entry.callback).__name__)
            routes.append(Route(key, route, tuple(found), callback))
    return routes


def all_routes() -> list[Route]:
    """Every pattern of the site's URL configuration, in the resolver's order."""
    return _walk(get_resolver().url_patterns, "", "", [])
