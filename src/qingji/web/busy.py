"""The pages while an import writes (issue 10): reading goes on, a write that cannot wait gets a clear answer.

On SQLite an import holds the database's one write lock for its whole transaction (minutes for a million
cases). Reading is not held up (WAL); for writes:

- :class:`WriteWaitMiddleware` lets a page's write wait at most ``settings.WEB_WRITE_WAIT`` seconds for the lock
  (the command line keeps its 30 s), and answers a write that gave up with :func:`busy_response` — HTTP 503,
  ``Retry-After``, "an import is being written, try again in a minute" in the site's own page — instead of a
  server error; :func:`server_error` (``handler500``) does the same for a write outside a view. At the start of
  each request it also writes the audit records of exports kept aside while the database was busy
  (:mod:`qingji.audit.deferred`).
- Logging in writes nothing to the database that must wait: the sessions are files on SQLite (settings), and the
  last-login time is written only when the database is free at once (:func:`update_last_login_if_free`).
- The upload page answers an import started while another runs with :func:`import_busy`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import update_last_login
from django.db import OperationalError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.views import defaults

from qingji.audit.deferred import write_deferred
from qingji.cases.import_lock import ImportRunning, running_texts
from qingji.db_wait import database_busy, set_write_wait, write_wait
from qingji.web import labels as lb
from qingji.web.busy_labels import BUSY_TEXTS

RETRY_AFTER_SECONDS = 60
LOGIN_WRITE_WAIT = 0.2  # seconds the last-login time may wait for the database; then it is left as it was
log = logging.getLogger(__name__)


def busy_texts(request: HttpRequest) -> dict[str, str]:
    english = lb.is_english(getattr(request, "LANGUAGE_CODE", None))
    return {
        **lb.labels(getattr(request, "LANGUAGE_CODE", None)),
        **{k: v[english] for k, v in BUSY_TEXTS.items()},
    }


def busy_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: the write was not done; try again in a minute."""
    try:
        response = render(request, "web/busy.html", {"t": busy_texts(request)}, status=503)
    except Exception:  # never an error page in place of this one
        log.exception("the busy page could not be drawn")
        zh, en = BUSY_TEXTS["busy_text"]
        response = HttpResponse(f"{zh}\n{en}\n", status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def import_busy(request: HttpRequest, context: dict[str, Any], error: ImportRunning) -> HttpResponse:
    """The upload page when another import (or a snapshot) runs: what runs, and that nothing was done."""
    english = bool(context.get("english"))
    running = running_texts(error.holder)[english]
    done = BUSY_TEXTS["import_busy"][english]
    context["error"] = f"{running[0].upper()}{running[1:]}. {done}" if english else f"{running}。{done}"
    response = render(request, "web/import.html", context, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class WriteWaitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path.startswith(settings.STATIC_URL):
            return self.get_response(request)
        set_write_wait(settings.WEB_WRITE_WAIT)
        try:
            try:
                write_deferred()
            except Exception:  # the page is served all the same; the records stay kept for the next request
                log.exception("audit records kept aside could not be written")
            return self.get_response(request)
        finally:
            set_write_wait(None)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not database_busy(exception):
            return None
        log.warning(
            "%s %s: the database is busy with another write; answered 503", request.method, request.path
        )
        return busy_response(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: the busy page for a write outside a view that gave up waiting; else Django's own."""
    if database_busy(sys.exc_info()[1]):
        return busy_response(request)
    return defaults.server_error(request)


def update_last_login_if_free(sender: Any, user: Any, **kwargs: Any) -> None:
    """Django's last-login update (a receiver of user_logged_in), skipped when the database is busy: a login is
    never held up or refused for the sake of this time."""
    try:
        with write_wait(LOGIN_WRITE_WAIT), transaction.atomic():
            update_last_login(sender, user, **kwargs)
    except OperationalError as error:
        if not database_busy(error):
            raise
        log.info("last login of %s not recorded: the database is busy", user.get_username())
