"""The nightly snapshot: a job that starts with the server (issue 3 §4).

At start-up, and every night at the site settings' nightly.at (default 02:00, local time, settings.TIME_ZONE),
the snapshot is recomputed when the stored one is older than today, an import changed cases after it, or the site
settings or the holiday notices changed after it; between nights, every CHECK_EVERY, only in the last cases. After
the snapshot it runs the integrity checks on the snapshot's day when their stored findings are not of that day
(qingji.cases.integrity_run: tens of seconds on a million cases, which the pages never spend).
A process stopped between an import's commit and its snapshot leaves such a snapshot behind
(qingji.cases.snapshot.changed_since_snapshot). It runs in a daemon thread of the server process, so there is
no other service to install on a court's machine; an error is logged and the next night tries again. The same run computes the
statistics page's and the forecast page's court-wide views ahead (qingji.cases.statistics, .forecasts) and opens the look-back review tasks (回头看)
due that day in every campaign (qingji.campaigns.lookback), counts the campaigns' figures and the office's to-do
list ahead (qingji.campaigns.gaps, .office_todo), and removes the uploaded exports and marked copies of
refused uploads whose days are over (qingji.cases.import_action.remove_old_files), and the expired logins.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from importlib import import_module

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from qingji.campaigns.due_work import work_day
from qingji.campaigns.gaps import warm_campaigns
from qingji.campaigns.integrity_section import campaign_dates
from qingji.campaigns.lookback import open_all_lookbacks
from qingji.campaigns.office_todo import warm_office_todo
from qingji.cases.forecasts import warm_forecasts
from qingji.cases.import_action import remove_old_files
from qingji.cases.import_lock import SNAPSHOT, import_lock, running_text
from qingji.cases.integrity_run import do_integrity_run, integrity_date, integrity_stale
from qingji.cases.snapshot import changed_since_snapshot, do_snapshot, snapshot_date
from qingji.cases.statistics import warm_statistics
from qingji.site.in_force import site_settings
from qingji.site.settings_file import DEFAULT_NIGHTLY_AT

NIGHTLY_AT = DEFAULT_NIGHTLY_AT  # the site settings' nightly.at, when the file sets none
CHECK_EVERY = 10 * 60  # seconds between two looks for an import that changed cases after the snapshot
log = logging.getLogger(__name__)


def next_run(now: datetime, at: time = NIGHTLY_AT) -> datetime:
    """The first moment at ``at`` after ``now`` (both in the same time zone)."""
    today = now.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return today if today > now else today + timedelta(days=1)


def refresh_if_stale(today: date) -> bool:
    """Recompute the snapshot when the stored one is older than ``today``, or when an import changed cases after
    it was computed (an import whose own snapshot never ran: the process was stopped in between); True when it
    did. While an import runs it waits its turn (the import lock, qingji.cases.import_lock), then looks again."""
    with import_lock(
        SNAPSHOT, waiting=lambda holder: log.info("nightly snapshot waits: %s", running_text(holder))
    ):
        stored = snapshot_date()
        if stored is not None and stored >= today and not changed_since_snapshot():
            return False
        count = do_snapshot(today)
    log.info("snapshot for %s: %d cases", today, count)
    return True


def refresh_integrity() -> bool:
    """Run the integrity checks (qingji.cases.integrity_run) when the stored findings are not of the snapshot's
    day, or older than the snapshot (an import or changed settings made it anew); True when it did. It holds the
    import lock as the snapshot does, so that the findings are those of one state of the cases."""
    with import_lock(
        SNAPSHOT, waiting=lambda holder: log.info("integrity checks wait: %s", running_text(holder))
    ):
        on = integrity_date()
        if not integrity_stale(on):
            return False
        run = do_integrity_run(on, campaign_dates=campaign_dates())
    log.info("integrity checks for %s: %d findings in %d cases", on, run.findings, run.cases)
    return True


def _warm_statistics() -> None:
    stored = snapshot_date()
    if stored is not None:
        log.info("statistics computed ahead for %d court-wide views", warm_statistics(stored))


def _warm_forecasts() -> None:
    stored = snapshot_date()
    if stored is not None:
        log.info("forecast computed ahead for %d court-wide views", warm_forecasts(stored))


def _remove_expired_sessions() -> None:
    """Expired logins: session files on SQLite (<QINGJI_HOME>/sessions), rows on PostgreSQL (Django's
    clearsessions)."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


def _guarded(task: Callable[[], object], what: str) -> None:
    """Run one of the night's tasks: an error is logged and the server keeps serving (the next night tries again);
    the thread's database connection is closed after each."""
    try:
        task()
    except Exception:
        log.exception("nightly %s failed", what)
    finally:
        close_old_connections()


def _loop(stop: threading.Event) -> None:
    while not stop.is_set():
        _guarded(lambda: refresh_if_stale(timezone.localdate()), "snapshot")
        # after the snapshot, on its day; before the counts computed ahead, whose keys hold the newest audit record
        _guarded(refresh_integrity, "integrity checks")
        _guarded(_warm_statistics, "statistics")
        _guarded(_warm_forecasts, "forecast")
        _guarded(
            lambda: log.info("campaigns counted ahead: %d", warm_campaigns(timezone.localdate())), "campaigns"
        )
        _guarded(
            lambda: log.info("look-back tasks opened: %d", open_all_lookbacks(timezone.localdate())),
            "look-back tasks",
        )
        _guarded(  # after the look-back tasks, which it lists; on the day the office's home counts on
            lambda: log.info("office to-do counted ahead: %d campaigns", warm_office_todo(work_day())),
            "office to-do",
        )
        _guarded(lambda: remove_old_files(timezone.now()), "removal of old uploads")
        _guarded(_remove_expired_sessions, "removal of expired logins")
        due = next_run(timezone.localtime(), site_settings().nightly_at)
        # Between nights, a look every few minutes for an import committed without its snapshot (one query).
        while not stop.wait(min(CHECK_EVERY, max((due - timezone.localtime()).total_seconds(), 0))):
            if timezone.localtime() >= due:
                break
            _guarded(catch_up, "snapshot after an interrupted import")


def catch_up() -> bool:
    """Between nights: recompute the snapshot when an import changed cases after it (an import whose process
    stopped before its snapshot, say a `qingji import` killed in its last minute); True when it did."""
    return changed_since_snapshot() and refresh_if_stale(timezone.localdate())


def start_nightly_snapshot() -> threading.Event:
    """Start the job in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=_loop, args=(stop,), name="qingji-nightly-snapshot", daemon=True).start()
    return stop
