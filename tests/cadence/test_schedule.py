"""When the cadence falls due (qingji.cadence.schedule): the settings' times and days, working days for the
reminders, and — what makes "never twice, never missed" hold — the same occasions whether the schedule is looked
at once over a span or in many looks that split it."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from qingji.cadence.schedule import Kind, Occasion, occasions, report_month, to_produce
from qingji.core.calendar import WorkCalendar
from qingji.site.cadence_settings import DEFAULT_CADENCE, CadenceSettings

CALENDAR = WorkCalendar.official()


def workday(day: date) -> bool:
    return not CALENDAR.is_rest_day(day)


def test_a_week_of_the_default_schedule() -> None:
    # Monday 2026-12-07 to Sunday 2026-12-13: five working days, the list on Monday, the bulletin on the 11th.
    found = occasions(DEFAULT_CADENCE, datetime(2026, 12, 7), datetime(2026, 12, 13, 23, 59), workday)
    assert [(o.kind, o.at) for o in found] == [
        (Kind.REMINDER, datetime(2026, 12, 7, 8, 0)),
        (Kind.LIST, datetime(2026, 12, 7, 8, 30)),
        (Kind.REMINDER, datetime(2026, 12, 8, 8, 0)),
        (Kind.REMINDER, datetime(2026, 12, 9, 8, 0)),
        (Kind.REMINDER, datetime(2026, 12, 10, 8, 0)),
        (Kind.REMINDER, datetime(2026, 12, 11, 8, 0)),
        (Kind.BULLETIN, datetime(2026, 12, 11, 9, 0)),
    ]


def test_no_reminder_on_a_holiday_unless_every_day_is_asked() -> None:
    # 2026-10-01 to 10-07: the National Day holiday (Thursday to Wednesday); 10-01 also the month's first day.
    span = (datetime(2026, 10, 1), datetime(2026, 10, 7, 23, 0))
    found = occasions(DEFAULT_CADENCE, *span, workday)
    assert [o.kind for o in found] == [Kind.BULLETIN, Kind.REPORT, Kind.LIST]  # 10-01, 10-01, Monday 10-05
    every_day = CadenceSettings(reminder_workdays_only=False)
    assert sum(o.kind == Kind.REMINDER for o in occasions(every_day, *span, workday)) == 7


def test_the_settings_move_the_times_and_days() -> None:
    cadence = CadenceSettings(reminders_at=time(7, 15), lists_weekday=5, lists_at=time(16, 0),
                              bulletin_days=(5, 15, 25), bulletin_at=time(10, 0), report_day=3,
                              report_at=time(11, 0))  # fmt: skip
    found = occasions(cadence, datetime(2026, 12, 1), datetime(2026, 12, 5, 23, 0), workday)
    assert [(o.kind, o.at) for o in found if o.kind != Kind.REMINDER] == [
        (Kind.REPORT, datetime(2026, 12, 3, 11, 0)),
        (Kind.LIST, datetime(2026, 12, 4, 16, 0)),
        (Kind.BULLETIN, datetime(2026, 12, 5, 10, 0)),
    ]
    assert {o.at.time() for o in found if o.kind == Kind.REMINDER} == {time(7, 15)}


moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2026, 12, 31))


@given(start=moments, length=st.integers(0, 60 * 24 * 40), cuts=st.lists(st.integers(0, 60 * 24 * 40)))
def test_looking_in_many_steps_finds_each_occasion_once(
    start: datetime, length: int, cuts: list[int]
) -> None:
    end = start + timedelta(minutes=length)
    points = sorted({start, end, *(start + timedelta(minutes=c) for c in cuts if c < length)})
    pieces = [o for a, b in itertools.pairwise(points) for o in occasions(DEFAULT_CADENCE, a, b, workday)]
    assert pieces == occasions(DEFAULT_CADENCE, start, end, workday)


@given(start=moments, days=st.integers(0, 40))
def test_of_what_fell_due_the_latest_reminder_and_list_and_every_bulletin_are_produced(
    start: datetime, days: int
) -> None:
    due = occasions(DEFAULT_CADENCE, start, start + timedelta(days=days), workday)
    produced = to_produce(due)
    for kind in (Kind.REMINDER, Kind.LIST):
        mine = [o for o in due if o.kind == kind]
        assert [o for o in produced if o.kind == kind] == mine[-1:]
    for kind in (Kind.BULLETIN, Kind.REPORT):
        assert [o for o in produced if o.kind == kind] == [o for o in due if o.kind == kind]


def test_the_monthly_report_covers_the_month_before() -> None:
    assert report_month(date(2026, 1, 1)) == (2025, 12)
    assert report_month(date(2026, 3, 1)) == (2026, 2)
    assert Occasion(datetime(2026, 3, 1, 9, 30), Kind.REPORT).on == date(2026, 3, 1)
