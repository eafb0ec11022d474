"""Month and day arithmetic (rules/trial-periods.md §4.1; conventions C2, C3, C4, C5).

Expected dates are worked out by hand from the rules: same-numbered day of the target month, clamped to its last
day (Civil Code 202); criminal month-end rule (CrPL-Interp 202); day periods are anchor + n days.
"""

from __future__ import annotations

from datetime import date

import pytest

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.dates import add_months, add_period, is_month_end, last_day_of_month
from qingji.core.deadline import compute_deadline
from qingji.core.events import CaseFacts, Extension, Period
from qingji.core.procedures import Procedure

CAL = WorkCalendar.official()
NO_ROLL = Conventions(roll_forward_rest_days=False)


def d(text: str) -> date:
    return date.fromisoformat(text)


# --- C2: civil clamping -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "months", "expected"),
    [
        ("2023-03-15", 6, "2023-09-15"),  # Example 1
        ("2024-04-30", 1, "2024-05-30"),  # C2: civil, 30 exists in May
        ("2023-08-31", 6, "2024-02-29"),  # Example 3: leap February
        ("2022-08-31", 6, "2023-02-28"),  # common February
        ("2023-08-31", 12, "2024-08-31"),  # C4: Aug 31 at 12 months keeps the 31st
        ("2024-01-31", 1, "2024-02-29"),
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-01-30", 1, "2024-02-29"),
        ("2024-01-29", 1, "2024-02-29"),
        ("2024-01-28", 1, "2024-02-28"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2024-03-31", 1, "2024-04-30"),
        ("2024-05-31", 3, "2024-08-31"),  # Example 6 before roll-forward
        ("2023-12-31", 2, "2024-02-29"),
        ("2023-11-15", 3, "2024-02-15"),  # crosses a year end
        ("2014-05-28", 3, "2014-08-28"),  # the SPC reply of 2014-12-12 (§4.1)
        ("2024-06-30", 0, "2024-06-30"),
    ],
)
def test_add_months_civil(anchor: str, months: int, expected: str) -> None:
    assert add_months(d(anchor), months) == d(expected)


def test_add_months_negative_goes_back() -> None:
    assert add_months(d("2024-03-31"), -1) == d("2024-02-29")
    assert add_months(d("2024-01-15"), -2) == d("2023-11-15")


# --- C2: criminal month-end rule (CrPL-Interp 202) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "months", "civil", "criminal"),
    [
        ("2024-04-30", 1, "2024-05-30", "2024-05-31"),  # the C2 example
        ("2024-02-29", 1, "2024-03-29", "2024-03-31"),  # leap-year month end
        ("2023-02-28", 1, "2023-03-28", "2023-03-31"),
        ("2024-04-30", 3, "2024-07-30", "2024-07-31"),
        ("2024-01-31", 1, "2024-02-29", "2024-02-29"),  # both clamp to February's end
        ("2024-04-29", 1, "2024-05-29", "2024-05-29"),  # not a month end: no difference
        ("2024-06-30", 2, "2024-08-30", "2024-08-31"),
    ],
)
def test_month_end_rule(anchor: str, months: int, civil: str, criminal: str) -> None:
    assert add_months(d(anchor), months) == d(civil)
    assert add_months(d(anchor), months, month_end_rule=True) == d(criminal)


def test_month_helpers() -> None:
    assert last_day_of_month(2024, 2) == 29
    assert last_day_of_month(2023, 2) == 28
    assert last_day_of_month(1900, 2) == 28
    assert last_day_of_month(2000, 2) == 29
    assert is_month_end(d("2024-02-29"))
    assert not is_month_end(d("2024-02-28"))
    assert is_month_end(d("2023-02-28"))


# --- C3 day periods; C5 half a month -----------------------------------------------------------------------


def test_day_period_c3_example() -> None:
    # C3: a 30-day period from 2025-09-05 ends on 2025-10-05 before any rest-day roll-forward.
    assert add_period(d("2025-09-05"), Period(0, 30)) == d("2025-10-05")


def test_half_month_is_one_month_plus_fifteen_days() -> None:
    # C5: "half a month" = add_months(anchor, 1) + 15 days.
    assert add_period(d("2024-03-15"), Period(1, 15)) == d("2024-04-30")
    assert add_period(d("2024-01-31"), Period(1, 15)) == d("2024-03-15")  # 02-29 + 15
    assert add_period(d("2023-01-31"), Period(1, 15)) == d("2023-03-15")  # 02-28 + 15


def test_day_period_through_deadline_before_and_after_roll_forward() -> None:
    # 民终 appeal against a ruling: 30 days (CPL 183(2)). 2025-09-05 + 30 d = 2025-10-05, a Sunday inside the
    # 2025 National Day holiday (10-01..10-08), so the period ends on Thursday 2025-10-09.
    facts = CaseFacts("民终", d("2025-09-05"), Procedure.APPEAL_RULING)
    unrolled = compute_deadline(facts, d("2025-09-10"), CAL, NO_ROLL)
    assert unrolled.expiry == d("2025-10-05")
    rolled = compute_deadline(facts, d("2025-09-10"), CAL)
    assert rolled.expiry == d("2025-10-09")
    assert rolled.rolled
    assert rolled.steps[0].result == d("2025-10-05")


# --- C4: extensions counted from the anchor, and the chained alternative -----------------------------------


def _aug31(filed: str, extensions: tuple[Extension, ...] = ()) -> CaseFacts:
    return CaseFacts("民初", d(filed), Procedure.ORDINARY, extensions=extensions, court_code="甘1002")


def test_c4_filed_aug_31_six_months_is_end_of_february() -> None:
    assert compute_deadline(_aug31("2023-08-31"), d("2023-09-01"), CAL, NO_ROLL).expiry == d("2024-02-29")
    assert compute_deadline(_aug31("2024-08-31"), d("2024-09-01"), CAL, NO_ROLL).expiry == d("2025-02-28")


def test_c4_twelve_months_from_the_anchor_not_chained() -> None:
    # 6 m + 6 m extension = 12 months from 2024-08-31 = 2025-08-31 (not 2025-02-28 + 6 m = 2025-08-28).
    ext = (Extension(Period(6), "院长", d("2025-02-10")),)
    deadline = compute_deadline(_aug31("2024-08-31", ext), d("2025-03-01"), CAL, NO_ROLL)
    assert deadline.expiry == d("2025-08-31")
    assert [s.result for s in deadline.steps if s.result] == [d("2025-02-28"), d("2025-08-31")]
    # 2025-08-31 is a Sunday: with roll-forward on, Monday 2025-09-01.
    assert compute_deadline(_aug31("2024-08-31", ext), d("2025-03-01"), CAL).expiry == d("2025-09-01")


def test_c4_chained_alternative() -> None:
    ext = (Extension(Period(6), "院长", d("2025-02-10")),)
    chained = Conventions(roll_forward_rest_days=False, extensions_from_anchor=False)
    deadline = compute_deadline(_aug31("2024-08-31", ext), d("2025-03-01"), CAL, chained)
    assert deadline.expiry == d("2025-08-28")
    # Leap year: 2023-08-31 → 2024-02-29 → chained 2024-08-29; from the anchor 2024-08-31.
    ext23 = (Extension(Period(6), "院长", d("2024-02-01")),)
    assert compute_deadline(_aug31("2023-08-31", ext23), d("2024-03-01"), CAL, chained).expiry == d(
        "2024-08-29"
    )
    assert compute_deadline(_aug31("2023-08-31", ext23), d("2024-03-01"), CAL, NO_ROLL).expiry == d(
        "2024-08-31"
    )


def test_c4_chained_equals_anchor_when_no_clamping() -> None:
    # The two methods differ only at month-end clamping (C4); mid-month they agree.
    ext = (Extension(Period(6), "院长", d("2023-09-01")),)
    facts = _aug31("2023-03-15", ext)
    chained = Conventions(roll_forward_rest_days=False, extensions_from_anchor=False)
    assert compute_deadline(facts, d("2023-10-01"), CAL, chained).expiry == d("2024-03-15")
    assert compute_deadline(facts, d("2023-10-01"), CAL, NO_ROLL).expiry == d("2024-03-15")


def test_c4_chained_does_not_change_an_extension_to_a_total() -> None:
    # Criminal simple procedure extended "to 1.5 months" (CrPL 220): the end is add_months(anchor, 1) + 15 days
    # (C5) under either C4 method, since the anchor (2024-03-15) is mid-month and nothing is clamped.
    facts = CaseFacts(
        "刑初", d("2024-03-15"), Procedure.SIMPLE, extensions=(Extension(None, "院长", d("2024-03-30")),)
    )
    chained = Conventions(roll_forward_rest_days=False, extensions_from_anchor=False)
    assert compute_deadline(facts, d("2024-04-01"), CAL, NO_ROLL).expiry == d("2024-04-30")
    assert compute_deadline(facts, d("2024-04-01"), CAL, chained).expiry == d("2024-04-30")


# --- C1: anchor day -----------------------------------------------------------------------------------------


def test_c1_anchor_day_not_counted_by_default() -> None:
    facts = CaseFacts("民初", d("2023-03-15"), Procedure.ORDINARY)
    assert compute_deadline(facts, d("2023-04-01"), CAL, NO_ROLL).expiry == d("2023-09-15")
    counted = Conventions(roll_forward_rest_days=False, anchor_day_counted=True)
    assert compute_deadline(facts, d("2023-04-01"), CAL, counted).expiry == d("2023-09-14")
