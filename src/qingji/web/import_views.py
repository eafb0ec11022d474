"""The upload page: a court's export into the database by the same action as `qingji import` (issue 3 §3, issue 9).

The export is in the interchange format or in a court's own layout chosen on the page (a header profile, issue 11:
the built-in 数据中心 or one of the site settings), whose several tables, one per kind of case, may be uploaded
together (files, or a workbook with a sheet per kind) and are imported as one.

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
from qingji.cases.import_guard import BLANKABLE, BLANKABLE_DATES
from qingji.cases.import_lock import ImportRunning
from qingji.cases.profiles_in_force import court_profiles
from qingji.cases.upload_files import discard_upload, keep_tables, readable
from qingji.courts.models import Person
from qingji.courts.roles import may_import
from qingji.courts.selectors import visible_court_codes
from qingji.interchange.profiles import HeaderProfile
from qingji.web.busy import import_busy
from qingji.web.import_labels import import_texts
from qingji.web.uploads import refused_upload
from qingji.web.views import page_context, person_of

SHOWN_PROBLEMS = 50
_SESSION_REPORT = "qingji_import_report"
# {"token": …, "cases": [file names], "events": file name or "", "preview": …, "profile": name or ""}
_SESSION_PENDING = "qingji_import_pending"


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    allowed = may_import(person)
    context = page_context(request, allowed=allowed, outcome=None, error="", notice="")
    english = bool(context.get("english"))
    context["t"] = {**context["t"], **import_texts(english)}
    profiles = court_profiles()
    context["layouts"] = [
        (name, profile.description_en if english else profile.description)
        for name, profile in profiles.items()
    ]
    context["layout"] = request.POST.get("profile", "") if request.method == "POST" else ""
    if request.method != "POST" or not allowed or person is None:
        # a role that does not import is refused (web/menu.py leaves the page out of its menu)
        return render(request, "web/import.html", context, status=200 if allowed else 403)
    if "token" in request.POST:
        return _confirm(request, person, context)
    # a file dropped as it arrived, over the size limit (issue 10): say which, the limit and the setting
    too_large = refused_upload(request)
    if too_large is not None:
        context["error"] = too_large.reason_en if context.get("english") else too_large.reason_zh
        return render(request, "web/import.html", context, status=413)
    cases_uploads = request.FILES.getlist("cases")
    events_upload = request.FILES.get("events")
    uploads = [*cases_uploads, *([events_upload] if events_upload is not None else [])]
    if not cases_uploads or not all(readable(upload) for upload in uploads):
        context["error"] = context["t"]["import_choose"]
        return render(request, "web/import.html", context, status=400)
    layout_name = context["layout"]
    if layout_name and layout_name not in profiles:
        context["error"] = context["t"]["import_no_layout"]
        return render(request, "web/import.html", context, status=400)
    directory, cases_paths, events_path = keep_tables(cases_uploads, events_upload)
    layout = profiles.get(layout_name)
    return _run(request, person, context, directory, cases_paths, events_path, layout=layout, confirm=False)


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
    names = pending["cases"] if isinstance(pending.get("cases"), list) else [pending.get("cases")]
    cases_paths = [directory / str(name) for name in names]
    events_path = directory / str(pending["events"]) if pending.get("events") else None
    previewed = pending.get("preview")
    layout_name = str(pending.get("profile") or "")
    layout = court_profiles().get(layout_name) if layout_name else None
    if layout_name and layout is None:  # the site's settings changed meanwhile
        discard_upload(directory)
        context["error"] = context["t"]["import_no_layout"]
        return render(request, "web/import.html", context, status=409)
    context["layout"] = layout_name
    return _run(
        request, person, context, directory, cases_paths, events_path, layout=layout, confirm=True,
        previewed=previewed if isinstance(previewed, list) else [],
    )  # fmt: skip


def _run(
    request: HttpRequest,
    person: Person,
    context: dict[str, Any],
    directory: Path,
    cases_paths: list[Path],
    events_path: Path | None,
    *,
    layout: HeaderProfile | None,
    confirm: bool,
    previewed: list[object] | None = None,
) -> HttpResponse:
    report_path, report_until = report_place(directory)
    try:
        outcome = run_import(
            cases_paths, events_path, layout=layout, actor=request.user,
            allowed_courts=visible_court_codes(person), confirm=confirm, report_path=report_path,
            report_until=report_until, previewed=previewed, limits=settings.UPLOAD_LIMITS,
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
            "cases": [path.name for path in cases_paths],
            "events": events_path.name if events_path else "",
            "preview": outcome.blanking.summary(),
            "profile": layout.name if layout is not None else "",
        }
    blanked = [
        (column, outcome.blanking.fields[column])
        for column in (*BLANKABLE.values(), *BLANKABLE_DATES.values())
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
