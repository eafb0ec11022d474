"""Running the schedule (docs/cadence.md "The schedule"): what fell due since the last look is produced once.

:func:`run_due` is called every minute by the server (``qingji serve``: its nightly thread's process, the
supervisor with ``--workers``) or by ``qingji worker`` alone, and by the demo with the days it replays. It looks
from where the last look stopped (the :class:`Clock`; at most ``CATCH_UP_DAYS`` back; on the very first look,
from the start of the day), so that what fell due while nothing ran is caught up: of the reminders and lists the latest alone (the
others are recorded as superseded), every bulletin and report as of its own day.

Never twice: an occasion is a :class:`Run`, unique by kind and day, claimed before it is produced; its messages
have unique keys and are written in the same transaction that marks it done. A run left "running" by a process
that stopped is taken up again after ``STALE_AFTER`` by the next look.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Collection
from contextlib import suppress
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from qingji.audit.actions import audit_per_court
from qingji.cadence.bulletins import bulletin_messages
from qingji.cadence.models import Clock, Message, Run
from qingji.cadence.outbox_enqueue import enqueue
from qingji.cadence.reminders import list_messages, reminder_messages
from qingji.cadence.reports import report_messages
from qingji.cadence.schedule import SUPERSEDED, Kind, Occasion, occasions, to_produce
from qingji.cases.snapshot import snapshot_date
from qingji.site.cadence_settings import CadenceSettings
from qingji.site.in_force import site_settings
from qingji.site.notices import calendar_in_force

CATCH_UP_DAYS = 40
STALE_AFTER = timedelta(minutes=30)
WAIT_FOR_SNAPSHOT = timedelta(hours=6)
log = logging.getLogger(__name__)

Producer = Callable[[Run, CadenceSettings], list[Message]]
# What each kind produces (docs/cadence.md).
PRODUCERS: dict[Kind, Producer] = {
    Kind.REMINDER: lambda run, cadence: reminder_messages(run, cadence.reminder_roles),
    Kind.LIST: lambda run, cadence: list_messages(run, cadence.list_roles),
    Kind.BULLETIN: lambda run, cadence: bulletin_messages(run, cadence.bulletin_roles),
    Kind.REPORT: lambda run, cadence: report_messages(run, cadence.report_roles),
}


def run_due(now: datetime | None = None, kinds: Collection[Kind] = tuple(PRODUCERS)) -> list[Run]:
    """Produce what fell due up to ``now`` (aware; default: now) and was not produced, of ``kinds`` (default:
    every kind produced; the others falling due meanwhile are recorded as superseded: the demo's replay of past
    weeks); the runs produced."""
    moment = timezone.localtime(now or timezone.now()).replace(tzinfo=None)
    cadence = site_settings().cadence
    calendar = calendar_in_force()
    due = [
        occasion
        for occasion in occasions(
            cadence, _looked_until(moment), moment, lambda day: not calendar.is_rest_day(day)
        )
        if occasion.kind in PRODUCERS
    ]
    chosen = [occasion for occasion in to_produce(due) if occasion.kind in kinds]
    for occasion in due:
        if occasion not in chosen:
            _record_superseded(occasion)
    stored = snapshot_date()
    waiting = [occasion for occasion in chosen if not _figures_ready(occasion, stored, moment)]
    chosen = [occasion for occasion in chosen if occasion not in waiting]
    produced = [run for occasion in chosen if (run := _produce(occasion, cadence, moment)) is not None]
    for run in Run.objects.filter(status=Run.Status.RUNNING, started_at__lt=_aware(moment) - STALE_AFTER):
        log.warning("cadence: %s of %s was left unfinished; taken up again", run.kind, run.on)
        occasion = Occasion(timezone.localtime(run.due_at).replace(tzinfo=None), Kind(run.kind))
        if (again := _produce(occasion, cadence, moment)) is not None:
            produced.append(again)
    # The next look starts after what was resolved: before the first occasion still waiting for its figures. A
    # look that found nothing due writes nothing (on SQLite a write waits for an import's lock).
    looked = min(waiting).at - timedelta(microseconds=1) if waiting else moment
    if due or not Clock.objects.filter(pk=1).exists():
        Clock.objects.update_or_create(pk=1, defaults={"looked_until": _aware(looked)})
    return produced


def _figures_ready(occasion: Occasion, stored: date | None, moment: datetime) -> bool:
    """A reminder's or a list's figures are the snapshot's: it waits for the night's snapshot of its day (the
    nightly run, qingji.server.nightly), at most WAIT_FOR_SNAPSHOT, then goes with the snapshot there is."""
    if occasion.kind not in SUPERSEDED or stored is None or stored >= occasion.on:
        return True
    return moment - occasion.at >= WAIT_FOR_SNAPSHOT


def _looked_until(moment: datetime) -> datetime:
    """Where to look from: where the last look stopped (the clock), at most CATCH_UP_DAYS back; on the very first
    look, the start of the day."""
    clock = Clock.objects.filter(pk=1).values_list("looked_until", flat=True).first()
    if clock is None:
        return datetime.combine(moment.date(), datetime.min.time()) - timedelta(microseconds=1)
    return max(timezone.localtime(clock).replace(tzinfo=None), moment - timedelta(days=CATCH_UP_DAYS))


def _aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment)


def _record_superseded(occasion: Occasion) -> None:
    with suppress(IntegrityError):  # recorded by another process meanwhile
        Run.objects.get_or_create(
            kind=occasion.kind.value,
            on=occasion.on,
            defaults={"due_at": _aware(occasion.at), "status": Run.Status.SUPERSEDED},
        )


def _produce(occasion: Occasion, cadence: CadenceSettings, moment: datetime) -> Run | None:
    """Claim the occasion's run and produce its messages; None when it is done, or being done elsewhere."""
    started = _aware(moment)
    run, created = Run.objects.get_or_create(
        kind=occasion.kind.value,
        on=occasion.on,
        defaults={"due_at": _aware(occasion.at), "status": Run.Status.RUNNING, "started_at": started},
    )
    if not created:
        if run.status != Run.Status.RUNNING or (run.started_at and run.started_at >= started - STALE_AFTER):
            return None
        # Left by a process that stopped: claimed again, by one process alone.
        if not Run.objects.filter(pk=run.pk, started_at=run.started_at).update(started_at=started):
            return None
    messages = PRODUCERS[occasion.kind](run, cadence)
    with transaction.atomic():
        Message.objects.bulk_create(messages, batch_size=1000, ignore_conflicts=True)
        enqueue(run, started)  # their e-mails and robot posts, written with them (docs/cadence.md "Delivery")
        run.status, run.finished_at, run.messages = Run.Status.DONE, timezone.now(), len(messages)
        run.save(update_fields=["status", "finished_at", "messages"])
        per_court = Counter(message.person.court.code for message in messages)
        courts = {code: {"messages": n} for code, n in per_court.items()}
        if courts:  # what each court's people were sent (a run that sent nothing is the run's record alone)
            audit_per_court("cadence_produced", f"cadence_{run.kind}", run.on.isoformat(), courts=courts)
    log.info("cadence: %s of %s produced: %d messages", run.kind, run.on, len(messages))
    return run
