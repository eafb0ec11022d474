"""A case's state on a day T (rules §4.2 C8–C10, §5; DESIGN.md §1).

The base case is Example 1: 民初 ordinary filed 2023-03-15 (Wed), expiry 2023-09-15 (Fri).
C8: closed on the expiry day is in time; the day after is 1 day over; pending on T is over when T > expiry.
C9: elapsed days = close (or T) − filing. C10: long-pending by gross age, T > add_months(filing, N).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.events import CaseFacts, Deduction, Extension, Period
from qingji.core.procedures import Procedure as P
from qingji.core.state import CaseState, age_bucket, assess, long_pending_tier
from qingji.core.vocabulary import AgeBucket, Status, Warning

CAL = WorkCalendar.official()
FILED = date(2023, 3, 15)
EXPIRY = date(2023, 9, 15)


def d(text: str) -> date:
    return date.fromisoformat(text)


def case(
    closed: str | None = None,
    *,
    extensions: tuple[Extension, ...] = (),
    deductions: tuple[Deduction, ...] = (),
) -> CaseFacts:
    return CaseFacts(
        "民初",
        FILED,
        P.ORDINARY,
        closed_on=d(closed) if closed else None,
        court_code="甘1002",
        extensions=extensions,
        deductions=deductions,
    )


def state(facts: CaseFacts, as_of: str, conventions: Conventions | None = None) -> CaseState:
    return assess(facts, d(as_of), CAL, conventions or Conventions())


# Both extensions: expiry 2024-06-17 (15 months, 2024-06-15 a Saturday). Keeps old cases in time.
EXTENDED = (
    Extension(Period(6), "院长", d("2023-09-01")),
    Extension(Period(3), "庆阳市中级人民法院", d("2024-03-01")),
)


# --- C8 status ----------------------------------------------------------------------------------------


def test_closed_on_the_expiry_day_is_in_time() -> None:
    s = state(case("2023-09-15"), "2023-12-31")
    assert s.status is Status.CLOSED_IN_TIME
    assert not s.pending
    assert s.days_over is None
    assert s.days_remaining is None
    assert s.age_days == 184  # C9: 2023-09-15 − 2023-03-15
    assert s.age_bucket is None and s.long_pending is None


def test_closed_a_day_later_is_one_day_over() -> None:
    s = state(case("2023-09-16"), "2023-12-31")
    assert s.status is Status.CLOSED_LATE
    assert s.days_over == 1
    assert s.age_days == 185


def test_closed_well_before_expiry() -> None:
    s = state(case("2023-05-01"), "2023-05-01")
    assert s.status is Status.CLOSED_IN_TIME
    assert s.age_days == 47


def test_pending_after_expiry_is_overdue() -> None:
    s = state(case(), "2023-09-16")
    assert s.pending
    assert s.status is Status.OVERDUE
    assert s.days_over == 1
    assert s.days_remaining == -1
    assert Warning.OVERDUE in s.warnings
    s = state(case(), "2023-10-15")
    assert s.days_over == 30


def test_pending_on_the_expiry_day_is_not_overdue() -> None:
    s = state(case(), "2023-09-15")
    assert s.status is Status.APPROACHING
    assert s.days_remaining == 0
    assert s.days_over is None
    assert Warning.OVERDUE not in s.warnings


def test_grace_days_setting() -> None:
    grace = Conventions(grace_days=1)
    assert state(case("2023-09-16"), "2023-12-31", grace).status is Status.CLOSED_IN_TIME
    assert state(case("2023-09-17"), "2023-12-31", grace).status is Status.CLOSED_LATE
    assert state(case(), "2023-09-16", grace).status is not Status.OVERDUE
    assert state(case(), "2023-09-17", grace).status is Status.OVERDUE


@pytest.mark.parametrize(
    ("as_of", "remaining", "status", "warning"),
    [
        ("2023-08-14", 32, Status.IN_TIME, None),
        ("2023-08-15", 31, Status.IN_TIME, None),
        ("2023-08-16", 30, Status.APPROACHING, Warning.APPROACHING_30),
        ("2023-08-17", 29, Status.APPROACHING, Warning.APPROACHING_30),
        ("2023-08-30", 16, Status.APPROACHING, Warning.APPROACHING_30),
        ("2023-08-31", 15, Status.APPROACHING, Warning.APPROACHING_15),
        ("2023-09-07", 8, Status.APPROACHING, Warning.APPROACHING_15),
        ("2023-09-08", 7, Status.APPROACHING, Warning.APPROACHING_7),
        ("2023-09-14", 1, Status.APPROACHING, Warning.APPROACHING_7),
        ("2023-09-15", 0, Status.APPROACHING, Warning.APPROACHING_7),
    ],
)
def test_days_remaining_and_the_nearest_approaching_warning(
    as_of: str, remaining: int, status: Status, warning: Warning | None
) -> None:
    s = state(case(), as_of)
    assert s.days_remaining == remaining
    assert s.status is status
    approaching = {str(w) for w in s.warnings if str(w).startswith("approaching_")}
    assert approaching == ({str(warning)} if warning else set())


def test_closed_after_t_is_pending_on_t() -> None:
    s = state(case("2023-10-01"), "2023-09-01")
    assert s.pending
    assert s.status is Status.APPROACHING
    assert s.days_remaining == 14
    assert Warning.APPROACHING_15 in s.warnings
    assert s.age_days == 170
    assert s.age_bucket is AgeBucket.UNDER_6M


def test_closed_before_filed_is_flagged() -> None:
    s = state(case("2023-03-10"), "2023-04-01")
    assert Warning.CLOSED_BEFORE_FILED in s.warnings


def test_not_yet_filed_on_as_of_is_an_error() -> None:
    with pytest.raises(ValueError):
        state(case(), "2023-03-14")


def test_no_limit_case_state() -> None:
    facts = CaseFacts("民初", FILED, P.FOREIGN_RELATED)
    s = state(facts, "2026-01-01")
    assert s.status is Status.NO_LIMIT
    assert s.expiry is None
    assert s.days_remaining is None and s.days_over is None
    assert s.age_bucket is AgeBucket.OVER_2Y
    assert s.long_pending == 24


# --- C9 elapsed days -----------------------------------------------------------------------------------


def test_elapsed_days_gross_and_net() -> None:
    facts = case("2023-09-15", deductions=(Deduction("鉴定", d("2023-04-01"), d("2023-04-30")),))
    assert state(facts, "2023-12-31").age_days == 184
    assert state(facts, "2023-12-31", Conventions(elapsed_net_of_deductions=True)).age_days == 154


# --- 10-month warning ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "warned"),
    [
        ("2024-01-14", False),
        ("2024-01-15", False),  # exactly add_months(filing, 10): not yet over 10 months
        ("2024-01-16", True),
        ("2024-03-15", True),  # exactly 12 months: still not a 12-month case
        ("2024-03-16", False),  # now a 12-month long-pending case instead
    ],
)
def test_ten_month_warning(as_of: str, warned: bool) -> None:
    s = state(case(extensions=EXTENDED), as_of)
    assert (Warning.AGE_10_MONTHS in s.warnings) == warned
    assert s.status is not Status.OVERDUE


def test_ten_month_warning_only_for_pending_cases() -> None:
    s = state(case("2024-02-01", extensions=EXTENDED), "2024-02-10")
    assert Warning.AGE_10_MONTHS not in s.warnings


# --- age buckets -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "bucket"),
    [
        ("2023-03-15", AgeBucket.UNDER_6M),
        ("2023-09-15", AgeBucket.UNDER_6M),  # exactly add_months(filing, 6)
        ("2023-09-16", AgeBucket.M6_12),
        ("2024-03-15", AgeBucket.M6_12),
        ("2024-03-16", AgeBucket.Y1_2),
        ("2025-03-15", AgeBucket.Y1_2),
        ("2025-03-16", AgeBucket.OVER_2Y),
        ("2030-01-01", AgeBucket.OVER_2Y),
    ],
)
def test_age_bucket(as_of: str, bucket: AgeBucket) -> None:
    assert age_bucket(FILED, d(as_of)) is bucket
    assert state(case(), as_of).age_bucket is bucket


def test_age_bucket_from_a_month_end_filing() -> None:
    # Filed 2023-08-31: 6 months → 2024-02-29, so 02-29 is still under 6 months and 03-01 is not.
    assert age_bucket(d("2023-08-31"), d("2024-02-29")) is AgeBucket.UNDER_6M
    assert age_bucket(d("2023-08-31"), d("2024-03-01")) is AgeBucket.M6_12


# --- long-pending tiers (C10) --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "tier"),
    [
        ("2024-03-15", None),
        ("2024-03-16", 12),
        ("2024-09-15", 12),
        ("2024-09-16", 18),
        ("2025-03-15", 18),
        ("2025-03-16", 24),
        ("2026-03-15", 24),
        ("2026-03-16", 36),
        ("2033-01-01", 36),
    ],
)
def test_long_pending_tiers(as_of: str, tier: int | None) -> None:
    assert long_pending_tier(FILED, d(as_of)) == tier
    assert state(case(), as_of).long_pending == tier


def test_long_pending_uses_gross_age_even_with_large_deductions() -> None:
    # 641 days of appraisal cannot hide a case pending more than 12 months (C10).
    facts = case(extensions=EXTENDED, deductions=(Deduction("鉴定", d("2023-04-01"), d("2024-12-31")),))
    s = state(facts, "2024-03-16")
    assert s.long_pending == 12
    assert s.age_bucket is AgeBucket.Y1_2
    assert s.status is Status.IN_TIME  # the deduction keeps it within its period
    s = state(facts, "2025-03-16")
    assert s.long_pending == 24
    assert s.age_bucket is AgeBucket.OVER_2Y


def test_long_pending_net_setting() -> None:
    facts = case(extensions=EXTENDED, deductions=(Deduction("鉴定", d("2023-04-01"), d("2023-04-30")),))
    net = Conventions(long_pending_gross=False)
    # Net of 30 days, 2024-03-16 counts as 2024-02-15: not yet 12 months.
    assert state(facts, "2024-03-16", net).long_pending is None
    assert state(facts, "2024-03-16").long_pending == 12


def test_state_over_a_whole_life() -> None:
    # Walk every day: status changes exactly once from in time to overdue, right after the expiry.
    day, statuses = FILED, []
    while day <= d("2023-10-31"):
        statuses.append((day, state(case(), day.isoformat()).status))
        day += timedelta(days=1)
    overdue = [day for day, status in statuses if status is Status.OVERDUE]
    assert overdue[0] == EXPIRY + timedelta(days=1)
    assert overdue == [day for day, _ in statuses if day > EXPIRY]
