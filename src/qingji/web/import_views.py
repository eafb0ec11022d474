"""The upload page: a court's export into the database, as `qingji import` does it (issue 3 §3).

For the trial management office and administrators, and only for cases of the courts they may see: a file with a
case of another court is refused whole, like a file with any other bad row.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from qingji.cases.imports import do_import
from qingji.cases.snapshot import do_snapshot
from qingji.courts.models import Role
from qingji.courts.selectors import visible_court_codes
from qingji.web.views import page_context, person_of

IMPORT_ROLES = frozenset({Role.TRIAL_MANAGEMENT, Role.ADMINISTRATOR})
SUFFIXES = (".csv", ".xlsx", ".xls")
SHOWN_PROBLEMS = 50
_SESSION_REPORT = "qingji_import_report"


def _save(upload: UploadedFile, directory: Path) -> Path:
    """The upload saved under a safe version of its own name (the import records the file name)."""
    name = re.sub(r"[^\w.\-（）()]", "_", Path(upload.name or "upload.csv").name)
    path = directory / name
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return path


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    allowed = person is not None and person.role in IMPORT_ROLES
    context = page_context(request, allowed=allowed, outcome=None, error="")
    if request.method != "POST" or not allowed or person is None:
        return render(
            request, "web/import.html", context, status=200 if allowed or request.method != "POST" else 403
        )
    cases_upload = request.FILES.get("cases")
    events_upload = request.FILES.get("events")
    uploads = [u for u in (cases_upload, events_upload) if u is not None]
    if cases_upload is None or any(Path(u.name or "").suffix.lower() not in SUFFIXES for u in uploads):
        context["error"] = context["t"]["import_choose"]
        return render(request, "web/import.html", context, status=400)
    home = Path(settings.HOME) / "uploads"
    home.mkdir(parents=True, exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix="import-", dir=home))
    cases_path = _save(cases_upload, directory)
    events_path = _save(events_upload, directory) if events_upload is not None else None
    outcome = do_import(
        cases_path, events_path, actor=request.user, report_path=directory / "问题报告.xlsx",
        allowed_courts=visible_court_codes(person),
    )  # fmt: skip
    if outcome.report is not None:
        request.session[_SESSION_REPORT] = str(outcome.report)
    refreshed = None
    if outcome.imported and outcome.changed:
        # the ledger and the summary read the snapshot: bring it up to date so that the upload shows at once
        refreshed = timezone.localdate()
        do_snapshot(refreshed, actor=request.user)
    context.update(outcome=outcome, problems=outcome.problems[:SHOWN_PROBLEMS], refreshed=refreshed)
    return render(request, "web/import.html", context, status=200 if outcome.imported else 422)


@login_required
def import_report(request: HttpRequest) -> FileResponse:
    """The marked Excel copy of this user's last refused upload."""
    stored = request.session.get(_SESSION_REPORT)
    path = Path(stored) if isinstance(stored, str) else None
    if path is None or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)
