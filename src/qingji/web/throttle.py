"""Login throttling: after a few failed attempts for one user name from one address, refuse for a while.

Counts live in Django's cache (per process by default; the waitress server is one process with threads).
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest

FAILURES_ALLOWED = 5
WINDOW_SECONDS = 15 * 60


def _key(request: HttpRequest, username: str) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return f"qingji:login-failures:{address}:{username.strip().lower()}"


def is_locked(request: HttpRequest, username: str) -> bool:
    return int(cache.get(_key(request, username), 0)) >= FAILURES_ALLOWED


def record_failure(request: HttpRequest, username: str) -> None:
    key = _key(request, username)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)


def clear(request: HttpRequest, username: str) -> None:
    cache.delete(_key(request, username))
