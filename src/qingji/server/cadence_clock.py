"""The cadence's clock (issue 13, docs/cadence.md): every minute, what fell due is produced
(qingji.cadence.runner.run_due), then the outbox is sent (qingji.cadence.outbox.deliver_due). It runs in a
daemon thread of `qingji serve` (its supervisor with --workers), or alone in `qingji worker`; both may run at
once: an occasion is produced once whoever looks, a delivery sent once whoever sends."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from django.db import close_old_connections

from qingji.cadence.outbox import Round, deliver_due
from qingji.cadence.runner import run_due

TICK = 60  # seconds between two looks
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Look:
    """What one look did: the occasions produced, and the round of the outbox after it (None if it failed)."""

    produced: int
    sent: Round | None


def tick() -> Look:
    """One look, then one round of the outbox. An error in either is logged (the other still runs), and the next
    look tries again."""
    produced, sent = 0, None
    try:
        produced = len(run_due())
    except Exception:
        log.exception("cadence: the look at the schedule failed")
    try:
        sent = deliver_due()  # the messages' e-mails and robot posts (docs/cadence.md "Delivery")
    except Exception:
        log.exception("cadence: the round of the outbox failed")
    finally:
        close_old_connections()
    return Look(produced, sent)


def run_clock(stop: threading.Event) -> None:
    while not stop.is_set():
        tick()
        stop.wait(TICK)


def start_cadence_clock() -> threading.Event:
    """Start the clock in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=run_clock, args=(stop,), name="qingji-cadence", daemon=True).start()
    return stop
