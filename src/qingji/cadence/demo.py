"""The demo's inbox (`qingji demo`, issue 13): what the schedule would have produced over the campaign's last
weeks — the weekly supervision lists, the ten-day bulletins and the monthly report of the last REPLAY_WEEKS weeks
(the lists counted with the campaign's casework as it stands, the bulletins on their own dates) and the reminders
of the latest working day (counted with the day's snapshot: the reminders of earlier days would need the
snapshots of those days)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from qingji.cadence.models import Message
from qingji.cadence.runner import PRODUCERS, run_due
from qingji.cadence.schedule import Kind
from qingji.site.notices import calendar_in_force

REPLAY_WEEKS = 3


def replay_cadence(today: date) -> int:
    """Run the schedule over the last weeks up to the end of ``today``; the messages in the inboxes after it."""
    calendar = calendar_in_force()
    last_workday = today
    while calendar.is_rest_day(last_workday):
        last_workday -= timedelta(days=1)
    day = today - timedelta(weeks=REPLAY_WEEKS)
    replayed = tuple(kind for kind in PRODUCERS if kind != Kind.REMINDER)
    while day < last_workday:
        run_due(_end_of(day), kinds=replayed)
        day += timedelta(days=1)
    run_due(_end_of(today))  # the latest working day's reminders (and today's list, if Monday)
    return Message.objects.count()


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59)))
