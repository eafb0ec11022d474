"""Loading a year's holiday notice (qingji.site) and bringing every stored expiry under it: the year's expiries
stop being provisional. The snapshot waits its turn behind an import (qingji.cases.import_lock)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from qingji.cases.import_lock import SNAPSHOT, import_lock
from qingji.cases.models import Case
from qingji.cases.snapshot import do_snapshot
from qingji.core.calendar import YearSchedule
from qingji.courts.models import Person, Role
from qingji.courts.selectors import visible_court_codes
from qingji.site.models import HolidayNotice
from qingji.site.notices import save_notice


def may_load_holidays(person: Person | None) -> bool:
    """Whether ``person`` may change the calendar every expiry is counted with: an administrator who sees every
    court with cases (the calendar concerns them all; an administrator of one basic court may not change the
    expiries of the others)."""
    if person is None or person.role != Role.ADMINISTRATOR:
        return False
    courts = set(Case.objects.order_by().values_list("court_code", flat=True).distinct())
    return courts <= visible_court_codes(person)


def load_holiday_notice(schedule: YearSchedule, text: str, *, actor: Any = None) -> tuple[HolidayNotice, int]:
    """Keep the checked ``schedule`` as its year's notice and recompute the snapshot for today; returns the notice
    and the number of states computed. Raises ImportRunning when an import holds the lock (nothing is written)."""
    with import_lock(SNAPSHOT, actor=actor):
        with transaction.atomic():
            notice = save_notice(schedule, text, actor)
        return notice, do_snapshot(timezone.localdate(), actor=actor)
