"""Login throttling: after a few failed attempts for one user name from one address, refuse for a while.

Every login path goes through :class:`ThrottledBackend` (settings.AUTHENTICATION_BACKENDS): the login page and the
admin site's alike, so that neither can be used to guess around the other. A user name is counted in the form
Django signs in with (Unicode NFKC, as its login form normalises it) and case-folded: ``tｉng2`` and ``𝗍ing2``
are ``ting2`` and share its count. Counts live in the cache every process of the installation shares
(qingji.server.shared_cache, where adding to a count is atomic across processes): with `qingji serve --workers N`
a name's failures count together whichever worker answers them.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.http import HttpRequest

FAILURES_ALLOWED = 5
WINDOW_SECONDS = 15 * 60
log = logging.getLogger(__name__)


def _key(request: HttpRequest, username: str) -> str:
    """The count's key: the address and a digest of the name (any name, of any length or characters, makes a
    key every cache takes)."""
    address = request.META.get("REMOTE_ADDR", "")
    name = hashlib.sha256(normalised(username).encode("utf-8", "surrogatepass")).hexdigest()
    return f"qingji:login-failures:{address}:{name}"


def normalised(username: str) -> str:
    """The user name as counted: NFKC (what Django's login form signs in with), trimmed, case-folded."""
    return unicodedata.normalize("NFKC", username).strip().casefold()


def is_locked(request: HttpRequest, username: str) -> bool:
    return int(cache.get(_key(request, username), 0)) >= FAILURES_ALLOWED


def refused(request: HttpRequest, username: str) -> bool:
    """Whether ``username`` is locked from this address; a refusal is logged (issue 11)."""
    if not is_locked(request, username):
        return False
    log.warning("login refused by the throttle: %s, address %s", _account(username), _address(request))
    return True


def record_failure(request: HttpRequest, username: str) -> None:
    key = _key(request, username)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)


def clear(request: HttpRequest, username: str) -> None:
    cache.delete(_key(request, username))


class ThrottledBackend(ModelBackend):
    """Django's model backend, refusing a locked name without checking its password and counting failures."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if request is None or not username:
            return super().authenticate(request, username=username, password=password, **kwargs)
        if refused(request, username):
            return None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            record_failure(request, username)
            if is_locked(request, username):
                log.warning(
                    "login locked for %d minutes after %d failed attempts: %s, address %s",
                    WINDOW_SECONDS // 60, FAILURES_ALLOWED, _account(username), _address(request),
                )  # fmt: skip
        else:
            clear(request, username)
        return user


def _account(username: str) -> str:
    """For the log: the account's name when there is such an account, else not the name typed (it may be a
    password typed in the wrong field)."""
    from django.contrib.auth import get_user_model

    model = get_user_model()
    typed = unicodedata.normalize("NFKC", username).strip()
    account = model._default_manager.filter(**{f"{model.USERNAME_FIELD}__iexact": typed}).first()
    return f"account {account.get_username()}" if account is not None else "a name that is no account"


def _address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "?"))
