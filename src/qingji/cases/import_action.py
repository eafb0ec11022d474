"""The one import action (issue 9): what `qingji import` and the upload page both run.

:func:`run_import` is :func:`~qingji.cases.imports.do_import` with the site's settings (how many cases may lose a
value before the import waits for a confirmation, ``IMPORT_CONFIRM_CASES``) followed by the snapshot: when the
import changed a case or an event, every case's state is recomputed for today, so that the pages and the ledger
show it at once, whichever way the file came. The checks, the audit and the import record are the same both
ways; only the user differs (the page's signed-in user and the courts they may change; nobody, every court, on
the command line, which runs on the server itself).

Where the upload page keeps files (under ``QINGJI_HOME``), and for how long:

- ``uploads/<token>/``: the uploaded export. Deleted as soon as its import is done or refused, unless the
  setting ``UPLOAD_KEEP_DAYS`` keeps it for review; an import awaiting confirmation keeps it until confirmed or
  :data:`PREVIEW_VALID` has passed.
- ``import-reports/<token>/``: the marked copy of a refused upload, kept ``IMPORT_REPORT_KEEP_DAYS`` days; its
  import record holds the path and the end (``report``, ``report_until``).

:func:`remove_old_files` is the nightly clean-up of both.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from qingji.cases.import_lock import IMPORT, Holder, import_lock
from qingji.cases.import_log import logged_import
from qingji.cases.imports import ImportOutcome, do_import
from qingji.cases.models import ImportRecord
from qingji.cases.snapshot import do_snapshot
from qingji.interchange.header_profile import HeaderProfile
from qingji.interchange.limits import FileLimits

PREVIEW_VALID = timedelta(days=1)  # how long an upload awaiting confirmation can still be confirmed
REPORT_NAME = "问题报告.xlsx"
log = logging.getLogger(__name__)


def run_import(
    cases: Path | Sequence[Path],
    events: Path | None = None,
    *,
    layout: HeaderProfile | None = None,
    actor: Any = None,
    allowed_courts: Collection[str] | None = None,
    confirm: bool = False,
    report_path: Path | None = None,
    report_until: datetime | None = None,
    previewed: Sequence[object] | None = None,
    waiting: Callable[[Holder | None], None] | None = None,
    limits: FileLimits | None = None,
) -> ImportOutcome:
    """Import ``cases`` (and ``events``) and bring the snapshot up to date when anything changed. ``cases`` may be
    several tables of one export; ``layout`` is the court's layout (header profile) they are in, if not the
    interchange format.

    The outcome is refused (problems, a marked copy at ``report_path``), awaiting confirmation (nothing written)
    or imported; each leaves an ImportRecord. Raises FileNotFoundError when a file does not exist. The import
    lock is held throughout (:mod:`.import_lock`): when another import or a snapshot holds it, raises
    ImportRunning before reading anything, or with ``waiting`` calls it once and waits its turn. The files are
    read within ``limits`` (issue 10): the upload page passes ``settings.UPLOAD_LIMITS``; the command line's
    (``QINGJI_CLI_MAX_…``) apply otherwise.
    """
    named = layout.name if layout is not None else None
    with (
        logged_import(cases, events, actor, named) as logged,
        import_lock(IMPORT, actor=actor, waiting=waiting),
    ):
        outcome = do_import(
            cases,
            events,
            layout=layout,
            actor=actor,
            report_path=report_path,
            allowed_courts=allowed_courts,
            confirm=confirm,
            confirm_limit=settings.IMPORT_CONFIRM_CASES,
            report_until=report_until,
            previewed=previewed,
            limits=limits,
        )
        if outcome.imported and outcome.changed:
            outcome.refreshed = timezone.localdate()
            do_snapshot(outcome.refreshed, actor=actor)
        logged.outcome = outcome  # logged with its counts and time (issue 11): qingji.cases.import_log
    return outcome


def uploads_root() -> Path:
    return Path(settings.HOME) / "uploads"


def reports_root() -> Path:
    return Path(settings.HOME) / "import-reports"


def new_upload() -> Path:
    """A new directory for one upload under :func:`uploads_root`; its name is the upload's token."""
    root = uploads_root()
    root.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="import-", dir=root))


def upload_named(token: str) -> Path | None:
    """The directory of the upload ``token`` when it exists and can still be confirmed."""
    if not token.startswith("import-") or "/" in token or "\\" in token or ".." in token:
        return None
    directory = uploads_root() / token
    if not directory.is_dir() or time.time() - directory.stat().st_mtime > PREVIEW_VALID.total_seconds():
        return None
    return directory


def report_place(directory: Path) -> tuple[Path, datetime]:
    """Where the marked copy of the upload in ``directory`` goes, and until when qingji keeps it."""
    return (
        reports_root() / directory.name / REPORT_NAME,
        timezone.now() + timedelta(days=settings.IMPORT_REPORT_KEEP_DAYS),
    )


def finish_upload(directory: Path, outcome: ImportOutcome) -> None:
    """After an upload's import: its files are deleted unless it awaits confirmation or the site keeps uploads."""
    if outcome.unconfirmed or settings.UPLOAD_KEEP_DAYS > 0:
        return
    shutil.rmtree(directory, ignore_errors=True)


def remove_old_files(now: datetime) -> tuple[int, int]:
    """Delete uploads older than the days kept (at least as old as a preview stays valid) and marked copies
    whose record's time is over; returns how many of each. The records stay, their ``report`` emptied."""
    keep = max(timedelta(days=settings.UPLOAD_KEEP_DAYS), PREVIEW_VALID)
    cutoff = now.timestamp() - keep.total_seconds()
    uploads = 0
    root = uploads_root()
    for directory in sorted(root.iterdir()) if root.is_dir() else []:
        if directory.is_dir() and directory.stat().st_mtime < cutoff:
            shutil.rmtree(directory, ignore_errors=True)
            uploads += 1
    reports = 0
    for record in ImportRecord.objects.filter(report_until__lt=now).exclude(report=""):
        path = Path(record.report)
        if path.is_relative_to(reports_root()):  # never a file qingji did not write there
            path.unlink(missing_ok=True)
            if path.parent.parent == reports_root():  # the upload's own directory of reports
                shutil.rmtree(path.parent, ignore_errors=True)
            reports += 1
        record.report = ""
        record.save(update_fields=["report"])
    log.info("old uploads removed: %d, marked copies removed: %d", uploads, reports)
    return uploads, reports
