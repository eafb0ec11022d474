"""The upload page: a court's export into the database by the same action as `qingji import` (issue 3 §3, issue 9).

For the trial management office and administrators, and only for cases of the courts they may see: a file with a
case of another court is refused whole, like a file with any other bad row. An import that would empty a field or
reopen closed cases on many cases is shown as a preview: the uploaded files wait under a token kept in the
session (qingji.cases.import_action says where and how long) until the user confirms, which runs the same action
again with the confirmation, or discards them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from qingji.cases.import_action import finish_upload, report_place, run_import, upload_named
from qingji.cases.import_guard import BLANKABLE
from qingji.cases.import_lock import ImportRunning
from qingji.cases.upload_files import discard_upload, keep_export, readable
from qingji.courts.models import Person
from qingji.courts.roles import may_import
from qingji.courts.selectors import visible_court_codes
from qingji.web.busy import import_busy
from qingji.web.import_labels import import_texts
from qingji.web.uploads import refused_upload
from qingji.web.views import page_context, person_of

SHOWN_PROBLEMS = 50
_SESSION_REPORT = "qingji_import_report"
_SESSION_PENDING = "qingji_import_pending"  # {"token": …, "cases": file name, "events": file name or ""}


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    allowed = may_import(person)
    context = page_context(request, allowed=allowed, outcome=None, error="", notice="")
    context["t"] = {**context["t"], **import_texts(bool(context.get("english")))}
    if request.method != "POST" or not allowed or person is None:
        return render(
            request, "web/import.html", context, status=200 if allowed or request.method != "POST" else 403
        )
    if "token" in request.POST:
        return _confirm(request, person, context)
    # a file dropped as it arrived, over the size limit (issue 10): say which, the limit and the setting
    too_large = refused_upload(request)
    if too_large is not None:
        context["error"] = too_large.reason_en if context.get("english") else too_large.reason_zh
        return render(request, "web/import.html", context, status=413)
    cases_upload = request.FILES.get("cases")
    events_upload = request.FILES.get("events")
    uploads = [u for u in (cases_upload, events_upload) if u is not None]
    if cases_upload is None or not all(readable(upload) for upload in uploads):
        context["error"] = context["t"]["import_choose"]
        return render(request, "web/import.html", context, status=400)
    directory, cases_path, events_path = keep_export(cases_upload, events_upload)
    return _run(request, person, context, directory, cases_path, events_path, confirm=False)


def _confirm(request: HttpRequest, person: Person, context: dict[str, Any]) -> HttpResponse:
    """The confirm or discard button of a preview: the pending upload of this session, if still there."""
    pending = request.session.pop(_SESSION_PENDING, None)
    token = request.POST.get("token", "")
    directory = upload_named(token) if isinstance(pending, dict) and pending.get("token") == token else None
    if directory is None or not isinstance(pending, dict):
        context["error"] = context["t"]["import_expired"]
        return render(request, "web/import.html", context, status=409)
    if "discard" in request.POST:
        discard_upload(directory)
        context["notice"] = context["t"]["import_discarded"]
        return render(request, "web/import.html", context)
    cases_path = directory / str(pending["cases"])
    events_path = directory / str(pending["events"]) if pending.get("events") else None
    previewed = pending.get("preview")
    return _run(
        request, person, context, directory, cases_path, events_path, confirm=True,
        previewed=previewed if isinstance(previewed, list) else [],
    )  # fmt: skip


def _run(
    request: HttpRequest,
    person: Person,
    context: dict[str, Any],
    directory: Path,
    cases_path: Path,
    events_path: Path | None,
    *,
    confirm: bool,
    previewed: list[object] | None = None,
) -> HttpResponse:
    report_path, report_until = report_place(directory)
    try:
        outcome = run_import(
            cases_path, events_path, actor=request.user, allowed_courts=visible_court_codes(person),
            confirm=confirm, report_path=report_path, report_until=report_until, previewed=previewed,
            limits=settings.UPLOAD_LIMITS,
        )  # fmt: skip
    except BaseException as error:
        discard_upload(directory)  # nothing kept of an upload whose import did not finish
        if isinstance(error, ImportRunning):  # another import: a clear answer, nothing read or written
            return import_busy(request, context, error)
        raise  # a database busy with another write: the busy page (qingji.web.busy)
    finish_upload(directory, outcome)
    if outcome.report is not None:
        request.session[_SESSION_REPORT] = str(outcome.report)
    if outcome.unconfirmed:
        request.session[_SESSION_PENDING] = {
            "token": directory.name,
            "cases": cases_path.name,
            "events": events_path.name if events_path else "",
            "preview": outcome.blanking.summary(),
        }
    blanked = [
        (column, outcome.blanking.fields[column])
        for column in BLANKABLE.values()
        if column in outcome.blanking.fields
    ]
    context.update(
        outcome=outcome,
        problems=outcome.problems[:SHOWN_PROBLEMS],
        refreshed=outcome.refreshed,
        token=directory.name,
        blanked=blanked,
    )
    return render(
        request, "web/import.html", context, status=200 if outcome.imported or outcome.unconfirmed else 422
    )


@login_required
def import_report(request: HttpRequest) -> FileResponse:
    """The marked Excel copy of this user's last refused upload, while it is kept."""
    stored = request.session.get(_SESSION_REPORT)
    path = Path(stored) if isinstance(stored, str) else None
    if path is None or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)
