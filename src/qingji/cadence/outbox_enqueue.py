"""The deliveries of a run's messages, written with them (issue 13 "Delivery": "each message with an idempotency
key … a delivery record per recipient and channel"; docs/cadence.md "Delivery").

:func:`enqueue` is called by the runner in the transaction that writes the run's messages and marks it done
(qingji.cadence.runner._produce): the deliveries exist exactly when the messages do, so that a process that stops
loses none, and their unique keys make a run taken up again write none twice:

- ``email:<message key>:<address>``: each message to its person's e-mail (their account's; a person without one
  gets no e-mail), when ``[delivery.smtp]`` is configured for the message's kind;
- ``robot:<robot>:<kind>:<day>:<court>``: for each robot of ``[[delivery.robots]]`` serving the kind, one post per
  court it serves that has messages in the run — a group is told once, not once per person.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from qingji.cadence.models import Message, Run
from qingji.cadence.outbox_models import Delivery
from qingji.site.delivery_settings import DeliverySettings
from qingji.site.in_force import site_settings

CHUNK = 500


def email_key(message_key: str, address: str) -> str:
    return f"email:{message_key}:{address}"


def robot_key(robot: str, kind: str, day: str, court: str) -> str:
    return f"robot:{robot}:{kind}:{day}:{court}"


def enqueue(run: Run, moment: datetime, delivery: DeliverySettings | None = None) -> int:
    """Write the deliveries of ``run``'s messages, due at ``moment`` (aware), that are not written yet; how many
    the run has in all. Nothing when no channel is configured (the inbox alone)."""
    settings = delivery or site_settings().delivery
    if not settings.configured:
        return 0
    messages = list(
        Message.objects.filter(run=run).select_related("person__user", "person__court").order_by("pk")
    )
    planned: dict[str, tuple[Delivery, list[int]]] = {}

    def plan(key: str, channel: str, recipient: str, court: str, ids: list[int]) -> None:
        delivery = Delivery(key=key, channel=channel, recipient=recipient, court_code=court, kind=run.kind,
                            on=run.on, run=run, due_at=moment, next_try_at=moment)  # fmt: skip
        planned[key] = (delivery, ids)

    smtp = settings.smtp
    if smtp is not None and run.kind in smtp.kinds:
        for message in messages:
            address = (message.person.user.email or "").strip()
            if address:
                plan(email_key(message.key, address), Delivery.Channel.EMAIL, address,
                     message.person.court.code, [message.pk])  # fmt: skip
    by_court: dict[str, list[int]] = defaultdict(list)
    for message in messages:
        by_court[message.person.court.code].append(message.pk)
    for robot in settings.robots:
        for court, ids in sorted(by_court.items()):
            if robot.serves(court, run.kind):
                key = robot_key(robot.name, run.kind, run.on.isoformat(), court)
                plan(key, robot.kind, robot.name, court, ids)
    if not planned:
        return 0
    Delivery.objects.bulk_create(
        [row for row, _ in planned.values()], batch_size=CHUNK, ignore_conflicts=True
    )
    keys = list(planned)
    ids_by_key: dict[str, int] = {}
    for start in range(0, len(keys), CHUNK):
        ids_by_key.update(
            Delivery.objects.filter(key__in=keys[start : start + CHUNK]).values_list("key", "pk")
        )
    through = Delivery.messages.through
    links = [
        through(delivery_id=ids_by_key[key], message_id=message)
        for key, (_, ids) in planned.items()
        for message in ids
    ]
    through.objects.bulk_create(links, batch_size=CHUNK, ignore_conflicts=True)
    return len(planned)
