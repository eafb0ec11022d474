"""Rest days and the roll-forward (rules/trial-periods.md §4.1, §4.3; convention C6).

The holiday and adjusted-working-day lists below are copied from the §4.3 table, not from the calendar package.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from qingji.core.calendar import WorkCalendar, YearSchedule
from qingji.core.conventions import Conventions
from qingji.core.deadline import compute_deadline
from qingji.core.events import CaseFacts
from qingji.core.procedures import Procedure
from qingji.core.state import assess
from qingji.core.vocabulary import Warning

CAL = WorkCalendar.official()


def d(text: str) -> date:
    return date.fromisoformat(text)


def span(first: str, last: str) -> list[date]:
    start, end = d(first), d(last)
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# §4.3, inclusive ranges.
HOLIDAYS: dict[int, list[date]] = {
    2023: [
        *span("2022-12-31", "2023-01-02"),
        *span("2023-01-21", "2023-01-27"),
        d("2023-04-05"),
        *span("2023-04-29", "2023-05-03"),
        *span("2023-06-22", "2023-06-24"),
        *span("2023-09-29", "2023-10-06"),
    ],
    2024: [
        d("2024-01-01"),
        *span("2024-02-10", "2024-02-17"),
        *span("2024-04-04", "2024-04-06"),
        *span("2024-05-01", "2024-05-05"),
        d("2024-06-10"),
        *span("2024-09-15", "2024-09-17"),
        *span("2024-10-01", "2024-10-07"),
    ],
    2025: [
        d("2025-01-01"),
        *span("2025-01-28", "2025-02-04"),
        *span("2025-04-04", "2025-04-06"),
        *span("2025-05-01", "2025-05-05"),
        *span("2025-05-31", "2025-06-02"),
        *span("2025-10-01", "2025-10-08"),
    ],
    2026: [
        *span("2026-01-01", "2026-01-03"),
        *span("2026-02-15", "2026-02-23"),
        *span("2026-04-04", "2026-04-06"),
        *span("2026-05-01", "2026-05-05"),
        *span("2026-06-19", "2026-06-21"),
        *span("2026-09-25", "2026-09-27"),
        *span("2026-10-01", "2026-10-07"),
    ],
}
WORKDAYS: dict[int, list[date]] = {
    2023: [d(f"2023-{md}") for md in ("01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08")],
    2024: [
        d(f"2024-{md}") for md in ("02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12")
    ],
    2025: [d(f"2025-{md}") for md in ("01-26", "02-08", "04-27", "09-28", "10-11")],
    2026: [d(f"2026-{md}") for md in ("01-04", "02-14", "02-28", "05-09", "09-20", "10-10")],
}
ALL_HOLIDAYS = {day for days in HOLIDAYS.values() for day in days}
ALL_WORKDAYS = {day for days in WORKDAYS.values() for day in days}


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_every_listed_holiday_is_a_rest_day(year: int) -> None:
    assert [day for day in HOLIDAYS[year] if not CAL.is_rest_day(day)] == []


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_every_adjusted_working_day_is_a_working_day(year: int) -> None:
    # Each listed day is a Saturday or Sunday worked in exchange for a holiday.
    assert all(day.weekday() >= 5 for day in WORKDAYS[year])
    assert [day for day in WORKDAYS[year] if CAL.is_rest_day(day)] == []


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_whole_year_matches_the_table(year: int) -> None:
    # Outside the listed days, weekdays are working days and weekends are rest days.
    wrong = [
        day
        for day in span(f"{year}-01-01", f"{year}-12-31")
        if CAL.is_rest_day(day) != (day in ALL_HOLIDAYS or (day.weekday() >= 5 and day not in ALL_WORKDAYS))
    ]
    assert wrong == []


def test_new_years_eve_2024_was_not_a_holiday() -> None:
    # §4.3 note: 2024-02-09 (除夕, a Friday) was only "encouraged" rest.
    assert not CAL.is_rest_day(d("2024-02-09"))
    assert CAL.roll_forward(d("2024-02-09")).date == d("2024-02-09")


def test_new_years_eve_2025_is_a_holiday() -> None:
    # From 2025 New Year's Eve is a statutory holiday (§4.3): 2025-01-28 is a Tuesday and a rest day.
    assert CAL.is_rest_day(d("2025-01-28"))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2024-08-31", "2024-09-02"),  # Saturday → Monday (Example 6)
        ("2024-09-02", "2024-09-02"),  # a working Monday stays
        ("2023-09-29", "2023-10-07"),  # National Day 2023 → adjusted working Saturday 10-07
        ("2023-10-01", "2023-10-07"),
        ("2024-02-10", "2024-02-18"),  # Spring Festival 2024 → adjusted working Sunday 02-18
        ("2024-04-04", "2024-04-07"),  # Qingming 2024 → adjusted working Sunday 04-07
        ("2024-09-15", "2024-09-18"),  # Mid-Autumn 2024 (Sun..Tue) → Wednesday
        ("2024-10-05", "2024-10-08"),
        ("2025-01-28", "2025-02-05"),  # Spring Festival 2025
        ("2025-10-05", "2025-10-09"),
        ("2026-02-15", "2026-02-24"),
        ("2026-09-19", "2026-09-20"),  # Saturday → adjusted working Sunday 09-20
        ("2023-12-30", "2024-01-02"),  # Saturday, Sunday, New Year's Day 2024
    ],
)
def test_roll_forward(day: str, expected: str) -> None:
    moved = CAL.roll_forward(d(day))
    assert moved.date == d(expected)
    assert moved.moved == (day != expected)
    assert not moved.provisional


def test_adjusted_working_weekend_ends_a_period_without_moving() -> None:
    # 民初 ordinary filed 2023-04-07: 6 months → 2023-10-07, a Saturday worked after National Day.
    facts = CaseFacts("民初", d("2023-04-07"), Procedure.ORDINARY)
    deadline = compute_deadline(facts, d("2023-05-01"), CAL)
    assert deadline.expiry == d("2023-10-07")
    assert not deadline.rolled


def test_expiry_in_a_holiday_moves_to_the_first_working_day() -> None:
    # 民初 ordinary filed 2023-04-01: 6 months → 2023-10-01 (National Day) → 2023-10-07 (worked Saturday).
    facts = CaseFacts("民初", d("2023-04-01"), Procedure.ORDINARY)
    deadline = compute_deadline(facts, d("2023-05-01"), CAL)
    assert deadline.expiry == d("2023-10-07")
    assert deadline.rolled
    last = deadline.steps[-1]
    assert last.result == d("2023-10-07")
    assert "CPL 85(3)" in last.basis
    # 2023-08-10 + 6 m = 2024-02-10 (Spring Festival) → 2024-02-18 (worked Sunday).
    facts = CaseFacts("民初", d("2023-08-10"), Procedure.ORDINARY)
    assert compute_deadline(facts, d("2023-09-01"), CAL).expiry == d("2024-02-18")
    # 2023-08-09 + 6 m = 2024-02-09, New Year's Eve 2024, a working Friday.
    facts = CaseFacts("民初", d("2023-08-09"), Procedure.ORDINARY)
    assert compute_deadline(facts, d("2023-09-01"), CAL).expiry == d("2024-02-09")


# --- custody exception and the roll-forward setting ---------------------------------------------------------


def test_custody_exception_for_criminal_cases() -> None:
    # 刑初 ordinary, outer limit 3 months: 2023-07-01 → 2023-10-01, inside the National Day holiday.
    free = CaseFacts("刑初", d("2023-07-01"), Procedure.ORDINARY, in_custody=False)
    held = CaseFacts("刑初", d("2023-07-01"), Procedure.ORDINARY, in_custody=True)
    assert compute_deadline(free, d("2023-07-02"), CAL).expiry == d("2023-10-07")
    deadline = compute_deadline(held, d("2023-07-02"), CAL)
    assert deadline.expiry == d("2023-10-01")  # CrPL 105(4): not lengthened for holidays
    assert not deadline.rolled
    assert any("CrPL 105(4)" in step.basis for step in deadline.steps)


def test_custody_flag_does_not_matter_outside_criminal_cases() -> None:
    facts = CaseFacts("民终", d("2024-05-31"), Procedure.APPEAL_JUDGMENT, in_custody=True)
    assert compute_deadline(facts, d("2024-06-01"), CAL).expiry == d("2024-09-02")


def test_custody_exception_can_be_switched_off() -> None:
    held = CaseFacts("刑初", d("2023-07-01"), Procedure.ORDINARY, in_custody=True)
    conv = Conventions(custody_exception=False)
    assert compute_deadline(held, d("2023-07-02"), CAL, conv).expiry == d("2023-10-07")


def test_roll_forward_setting_off() -> None:
    facts = CaseFacts("民终", d("2024-05-31"), Procedure.APPEAL_JUDGMENT)
    deadline = compute_deadline(facts, d("2024-06-01"), CAL, Conventions(roll_forward_rest_days=False))
    assert deadline.expiry == d("2024-08-31")
    assert not deadline.rolled


# --- years without State Council data -------------------------------------------------------------------------


def test_official_calendar_has_no_2027_data() -> None:
    assert {2023, 2024, 2025, 2026} <= CAL.years
    assert not CAL.has_year(2027)


def test_2027_weekends_alone_and_provisional() -> None:
    # No 2027 schedule: 2027-10-01 (a Friday, National Day in any year) is judged on weekends alone.
    moved = CAL.roll_forward(d("2027-10-01"))
    assert moved.date == d("2027-10-01")
    assert moved.provisional
    moved = CAL.roll_forward(d("2027-09-26"))  # Sunday → Monday
    assert moved.date == d("2027-09-27")
    assert moved.provisional


def test_2027_expiry_is_provisional_not_a_crash() -> None:
    # 民初 ordinary filed 2026-09-15: 6 months → 2027-03-15, a Monday.
    facts = CaseFacts("民初", d("2026-09-15"), Procedure.ORDINARY)
    deadline = compute_deadline(facts, d("2026-10-01"), CAL)
    assert deadline.expiry == d("2027-03-15")
    assert deadline.provisional
    assert Warning.PROVISIONAL_CALENDAR in deadline.warnings
    assert "暂定" in deadline.basis
    state = assess(facts, d("2026-10-01"), CAL)
    assert Warning.PROVISIONAL_CALENDAR in state.warnings


def test_2026_expiry_is_not_provisional() -> None:
    facts = CaseFacts("民初", d("2026-03-16"), Procedure.ORDINARY)  # → 2026-09-16, Wednesday
    deadline = compute_deadline(facts, d("2026-04-01"), CAL)
    assert deadline.expiry == d("2026-09-16")
    assert not deadline.provisional
    assert Warning.PROVISIONAL_CALENDAR not in deadline.warnings


def test_every_day_of_2027_and_2028_computes() -> None:
    facts_dates = span("2026-07-01", "2028-06-30")
    for filed in facts_dates[::7]:
        deadline = compute_deadline(CaseFacts("民初", filed, Procedure.ORDINARY), filed, CAL)
        assert deadline.expiry is not None
        assert deadline.expiry.weekday() < 5
        assert deadline.provisional == (deadline.expiry.year >= 2027)


LOCAL_2027 = YearSchedule(
    2027,
    holidays=frozenset(span("2027-10-01", "2027-10-07")),
    workdays=frozenset({d("2027-09-26"), d("2027-10-09")}),
    source="local override",
)


def test_local_override_for_2027() -> None:
    local = CAL.with_schedules([LOCAL_2027])
    assert local.has_year(2027)
    assert CAL.has_year(2024) and local.has_year(2024)
    assert not CAL.has_year(2027)  # the official calendar is unchanged
    # 民初 ordinary filed 2027-04-01 → 2027-10-01, a holiday in the local schedule → Friday 2027-10-08.
    facts = CaseFacts("民初", d("2027-04-01"), Procedure.ORDINARY)
    deadline = compute_deadline(facts, d("2027-04-02"), local)
    assert deadline.expiry == d("2027-10-08")
    assert deadline.rolled
    assert not deadline.provisional
    assert Warning.PROVISIONAL_CALENDAR not in deadline.warnings
    # Without the override it is a provisional Friday.
    official = compute_deadline(facts, d("2027-04-02"), CAL)
    assert official.expiry == d("2027-10-01")
    assert official.provisional


def test_local_override_working_weekend_and_mapping_form() -> None:
    local = CAL.with_schedules({2027: LOCAL_2027})
    # 2027-03-26 + 6 m = 2027-09-26, a Sunday worked in the local schedule.
    facts = CaseFacts("民初", d("2027-03-26"), Procedure.ORDINARY)
    assert compute_deadline(facts, d("2027-04-01"), local).expiry == d("2027-09-26")
    assert compute_deadline(facts, d("2027-04-01"), CAL).expiry == d("2027-09-27")


def test_the_roll_forward_names_the_holiday_or_the_weekday() -> None:
    calendar = WorkCalendar.official()
    assert calendar.rest_day_name(date(2024, 5, 1)) == ("劳动节假期", "Labour Day holiday")
    assert calendar.rest_day_name(date(2024, 10, 3)) == ("国庆节假期", "National Day holiday")
    assert calendar.rest_day_name(date(2024, 4, 14)) == ("星期日", "Sunday")
    # Three months from 2024-02-01 is 2024-05-01, the first day of the May Day holiday.
    facts = CaseFacts("民初", date(2024, 2, 1), Procedure.SIMPLE)
    last = compute_deadline(facts, date(2024, 3, 1), calendar).steps[-1]
    assert last.result == date(2024, 5, 6)
    assert "劳动节" in last.zh and "Labour Day" in last.en
