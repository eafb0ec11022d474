"""A person's inbox (收件箱): their messages alone, newest first; opening one marks it read."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from qingji.cadence.models import Message
from qingji.courts.models import Person


def messages_of(person: Person) -> QuerySet[Message]:
    return Message.objects.filter(person=person).order_by("-on", "-id")


def unread_count(person: Person) -> int:
    return Message.objects.filter(person=person, read_at__isnull=True).count()


def open_message(person: Person, pk: int) -> Message | None:
    """The person's message ``pk`` (None for another's), marked read the first time it is opened."""
    message = messages_of(person).filter(pk=pk).first()
    if message is not None and message.read_at is None:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])
    return message
