"""A content security policy on every response (nothing but our own files, no inline script or style), and no
copy of a page or an export kept by the browser or a proxy: pages and files carry parties' names and case data."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

POLICY = "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        if not request.path.startswith(settings.STATIC_URL):  # our own scripts and styles may be cached
            response.headers["Cache-Control"] = "no-store"
        return response
