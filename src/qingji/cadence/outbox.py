"""Sending the outbox (issue 13 "Delivery": "retries with back-off, the robots' rate limits respected (about 20 a
minute a robot) … a channel that is down loses nothing and delivers when it is back"; docs/cadence.md "Delivery").

:func:`deliver_due` is called by the cadence's clock after each look at the schedule (qingji.server.cadence_clock:
``qingji serve`` and ``qingji worker``; both may run at once). It takes the deliveries due — pending and their
time come, or claimed by a process that stopped more than ``STALE_CLAIM`` ago — and for each:

- **claims** it by an UPDATE conditioned on the state it was read in (its status and attempts), so that of two
  processes one alone sends it; the claim is committed before the send (a process that dies mid-send leaves it
  claimed, taken up again after ``STALE_CLAIM``);
- **sends** it (qingji.cadence.channels_smtp, qingji.cadence.channels_robot), its text made from its messages
  (qingji.cadence.delivery_texts);
- **records** the outcome: sent; or the error in words, and the next try after the back-off of ``[delivery]
  retry_minutes`` (1, 2, 5, 15, 60 minutes, then every hour); given up (failed) when it still fails
  ``give_up_hours`` (24) after it was due, or at once when the channel refuses it for good. The office sees the
  failures on its page (/outbox/) and may send a failed one again (:func:`do_retry`).

A robot is sent at most ``[delivery] robot_rate`` posts in any 60 seconds (20), counted from the records (the
attempts claimed in the last minute), so that the limit holds across restarts and processes; what is over waits
for the next round. Each round's outcome is audited per court (``delivery_sent``).

Never twice, but for one edge: a mail the relay accepted just before the process stopped, before it recorded that,
is sent again when its claim is taken up (at least once, there; its Message-ID is the same).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from qingji.audit.actions import audit, audit_per_court
from qingji.cadence.channels_robot import post
from qingji.cadence.channels_smtp import SmtpSession
from qingji.cadence.delivery_error import DeliveryError
from qingji.cadence.delivery_texts import Sent, email_text, robot_text
from qingji.cadence.outbox_models import Delivery
from qingji.courts.models import Court
from qingji.site.delivery_settings import DeliverySettings
from qingji.site.in_force import site_settings

STALE_CLAIM = timedelta(minutes=10)  # a claim older than this was left by a process that stopped
RATE_WINDOW = timedelta(seconds=60)
BUDGET_SECONDS = 50.0  # a round stops claiming after this long: the clock looks every minute
BATCH = 100
ROBOT_CHANNELS = (Delivery.Channel.WECOM, Delivery.Channel.DINGTALK)
log = logging.getLogger(__name__)


@dataclass
class Round:
    """What a round of sending did, by court."""

    sent: Counter[str] = field(default_factory=Counter)
    retrying: Counter[str] = field(default_factory=Counter)
    given_up: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.sent.values()) + sum(self.retrying.values()) + sum(self.given_up.values())


def backoff(attempts: int, retry_minutes: tuple[int, ...]) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: the n-th of ``retry_minutes``, then the last again."""
    return timedelta(minutes=retry_minutes[min(max(attempts, 1), len(retry_minutes)) - 1])


def due_deliveries(moment: datetime) -> Q:
    return Q(status=Delivery.Status.PENDING, next_try_at__lte=moment) | Q(
        status=Delivery.Status.SENDING, claimed_at__lt=moment - STALE_CLAIM
    )


def deliver_due(now: datetime | None = None, *, budget: float = BUDGET_SECONDS) -> Round:
    """Send what is due at ``now`` (aware; default: the time as each is claimed); what was done, by court."""
    settings = site_settings().delivery
    clock: Callable[[], datetime] = (lambda: now) if now is not None else timezone.now
    done = Round()
    started = time.monotonic()
    session = SmtpSession(settings.smtp, settings.timeout_seconds) if settings.smtp else None
    names = dict(Court.objects.values_list("code", "name"))
    try:
        while time.monotonic() - started < budget:
            moment = clock()
            full = _full_robots(settings, moment)
            batch = list(
                Delivery.objects.filter(due_deliveries(moment))
                .exclude(channel__in=ROBOT_CHANNELS, recipient__in=full)
                .order_by("next_try_at", "pk")[:BATCH]
            )
            if not batch:
                break
            claimed = 0
            for delivery in batch:
                if time.monotonic() - started >= budget:
                    break
                moment = clock()
                if delivery.channel in ROBOT_CHANNELS and _over_rate(settings, delivery.recipient, moment):
                    full.add(delivery.recipient)
                    continue
                if not _claim(delivery, moment):
                    continue
                claimed += 1
                _send(delivery, settings, session, names, moment, done)
            if not claimed:
                break
    finally:
        if session is not None:
            session.close()
    if done.total:
        courts = sorted({*done.sent, *done.retrying, *done.given_up})
        audit_per_court(
            "delivery_sent", "cadence_delivery", clock().isoformat(timespec="seconds"),
            courts={court: {key: n for key, n in (("sent", done.sent[court]), ("retrying", done.retrying[court]),
                                                  ("given_up", done.given_up[court])) if n} for court in courts},
        )  # fmt: skip
    return done


def _full_robots(settings: DeliverySettings, moment: datetime) -> set[str]:
    return {robot.name for robot in settings.robots if _over_rate(settings, robot.name, moment)}


def _over_rate(settings: DeliverySettings, robot: str, moment: datetime) -> bool:
    """Whether the robot had its ``robot_rate`` posts in the 60 seconds before ``moment`` (by the records)."""
    recent = Delivery.objects.filter(
        channel__in=ROBOT_CHANNELS,
        recipient=robot,
        claimed_at__gt=moment - RATE_WINDOW,
        claimed_at__lte=moment,
    )
    return recent.count() >= settings.robot_rate


def _claim(delivery: Delivery, moment: datetime) -> bool:
    """Claim the delivery as read (its status and attempts unchanged since): one process alone succeeds."""
    claimed = Delivery.objects.filter(
        pk=delivery.pk, status=delivery.status, attempts=delivery.attempts
    ).update(status=Delivery.Status.SENDING, claimed_at=moment, attempts=F("attempts") + 1)
    if claimed:
        delivery.status, delivery.claimed_at, delivery.attempts = (
            Delivery.Status.SENDING,
            moment,
            delivery.attempts + 1,
        )
    return bool(claimed)


def _send(
    delivery: Delivery, settings: DeliverySettings, session: SmtpSession | None, names: dict[str, str],
    moment: datetime, done: Round,
) -> None:  # fmt: skip
    try:
        _transmit(delivery, settings, session, names)
    except DeliveryError as error:
        _failed(delivery, settings, error, moment, done)
    except Exception as error:
        log.exception("outbox: delivery %s failed", delivery.key)
        _failed(delivery, settings, DeliveryError(f"内部错误 / internal error: {error!r}"), moment, done)
    else:
        Delivery.objects.filter(
            pk=delivery.pk, status=Delivery.Status.SENDING, attempts=delivery.attempts
        ).update(status=Delivery.Status.SENT, sent_at=moment, last_error="")
        done.sent[delivery.court_code] += 1


def _transmit(
    delivery: Delivery, settings: DeliverySettings, session: SmtpSession | None, names: dict[str, str]
) -> None:
    messages = [
        Sent(m.pk, m.kind, m.on, m.data, m.person.name, m.person.court.code)
        for m in delivery.messages.select_related("person__court").order_by("pk")
    ]
    if not messages:
        raise DeliveryError("消息已不存在 / its messages no longer exist", permanent=True)
    if delivery.channel == Delivery.Channel.EMAIL:
        if session is None:
            raise DeliveryError("未配置邮件服务器 / no mail relay is configured ([delivery.smtp])")
        text = email_text(messages[0], settings.site_url)
        session.send(delivery.key, delivery.recipient, text.title, text.body)
        return
    robot = settings.robot(delivery.recipient)
    if robot is None:
        raise DeliveryError(
            f"未配置名为“{delivery.recipient}”的机器人 / no robot of this name is configured ([[delivery.robots]])"
        )
    court = names.get(delivery.court_code, delivery.court_code)
    text = robot_text(delivery.kind, delivery.on, court, messages, settings.site_url)
    post(robot, text.title, text.body, settings.timeout_seconds)


def _failed(
    delivery: Delivery, settings: DeliverySettings, error: DeliveryError, moment: datetime, done: Round
) -> None:
    give_up = error.permanent or moment - delivery.due_at >= timedelta(hours=settings.give_up_hours)
    changes: dict[str, object] = {"last_error": error.reason[:2000]}
    if give_up:
        changes["status"] = Delivery.Status.FAILED
        done.given_up[delivery.court_code] += 1
    else:
        changes["status"] = Delivery.Status.PENDING
        changes["next_try_at"] = moment + backoff(delivery.attempts, settings.retry_minutes)
        done.retrying[delivery.court_code] += 1
    Delivery.objects.filter(
        pk=delivery.pk, status=Delivery.Status.SENDING, attempts=delivery.attempts
    ).update(**changes)
    log.warning("outbox: %s failed (attempt %d): %s", delivery.key, delivery.attempts, error.reason)


def do_retry(delivery: Delivery, actor: object, now: datetime | None = None) -> bool:
    """Send a failed delivery again (the office, from the failures page): pending at once, its give-up time
    counted afresh; audited (``delivery_retried``). False when it is not failed (sent meanwhile, retried by
    another)."""
    moment = now or timezone.now()
    changed = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.FAILED).update(
        status=Delivery.Status.PENDING, next_try_at=moment, due_at=moment
    )
    if changed:
        audit("delivery_retried", "cadence_delivery", str(delivery.pk), actor=actor, court_code=delivery.court_code,
              after={"recipient": delivery.recipient, "attempts": delivery.attempts})  # fmt: skip
    return bool(changed)


def failing_deliveries(court_codes: set[str]) -> QuerySet[Delivery]:
    """The deliveries to people and robots of ``court_codes`` that fail (to be tried again) or failed (given up),
    the latest first (the failures page, qingji.web.outbox_views)."""
    trouble = Q(status=Delivery.Status.FAILED) | (~Q(last_error="") & ~Q(status=Delivery.Status.SENT))
    return Delivery.objects.filter(court_code__in=court_codes).filter(trouble).order_by("-on", "-pk")
