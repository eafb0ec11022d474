"""The cadence's clock (issue 13, docs/cadence.md): every minute, what fell due is produced
(qingji.cadence.runner.run_due). It runs in a daemon thread of `qingji serve` (its supervisor with --workers),
or alone in `qingji worker`; both may run at once: an occasion is produced once whoever looks."""

from __future__ import annotations

import logging
import threading

from django.db import close_old_connections

from qingji.cadence.runner import run_due

TICK = 60  # seconds between two looks
log = logging.getLogger(__name__)


def tick() -> int:
    """One look; the number of occasions produced. An error is logged, and the next look tries again."""
    try:
        return len(run_due())
    except Exception:
        log.exception("cadence: the look at the schedule failed")
        return 0
    finally:
        close_old_connections()


def run_clock(stop: threading.Event) -> None:
    while not stop.is_set():
        tick()
        stop.wait(TICK)


def start_cadence_clock() -> threading.Event:
    """Start the clock in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=run_clock, args=(stop,), name="qingji-cadence", daemon=True).start()
    return stop
