"""Referral waits, overdue appraisals and the look-back test, checked by hand at their boundaries and by
properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qingji.core.casework import (
    appraisal_overdue,
    days_overdue,
    lookback_due,
    one_year_after,
    pending_over_a_year,
    referral_open,
    summarize_waits,
    waiting_days,
)
from qingji.core.dates import add_months


def d(text: str) -> date:
    return date.fromisoformat(text)


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


# --- referrals ----------------------------------------------------------------------------------------------


def test_a_referral_waits_to_its_decision_or_to_the_as_of_date() -> None:
    # referred 1 March 2023, decided 15 March: 14 days (1 March not counted, C9)
    assert waiting_days(d("2023-03-01"), d("2023-03-15"), d("2023-04-01")) == 14
    # on 10 March the decision is not yet made: 9 days so far, and the referral is open
    assert waiting_days(d("2023-03-01"), d("2023-03-15"), d("2023-03-10")) == 9
    assert referral_open(d("2023-03-01"), d("2023-03-15"), d("2023-03-10"))
    # decided on the as-of date: decided that day, 14 days
    assert not referral_open(d("2023-03-01"), d("2023-03-15"), d("2023-03-15"))
    assert waiting_days(d("2023-03-01"), d("2023-03-15"), d("2023-03-15")) == 14
    # decided the day it was referred: 0 days
    assert waiting_days(d("2023-03-01"), d("2023-03-01"), d("2023-03-01")) == 0
    # undecided: to the as-of date
    assert waiting_days(d("2023-03-01"), None, d("2023-05-31")) == 91
    # not yet referred on the as-of date: no wait at all
    assert waiting_days(d("2023-03-01"), None, d("2023-02-28")) is None
    assert not referral_open(d("2023-03-01"), None, d("2023-02-28"))


def test_the_summary_of_a_campaigns_referrals() -> None:
    as_of = d("2023-04-01")
    referrals = [
        (d("2023-03-01"), d("2023-03-15")),  # decided: 14
        (d("2023-03-10"), None),  # open: 22
        (d("2023-02-01"), d("2023-04-20")),  # decided after as_of, so open on it: 59
        (d("2023-04-02"), None),  # after as_of: not counted
    ]
    summary = summarize_waits(referrals, as_of)
    assert (summary.referrals, summary.open, summary.decided) == (3, 2, 1)
    assert summary.average_days == 31.7  # (14 + 22 + 59) / 3 = 31.67
    assert (summary.longest_days, summary.longest_open_days) == (59, 59)
    empty = summarize_waits([], as_of)
    assert (empty.referrals, empty.average_days, empty.longest_days, empty.longest_open_days) == (
        0,
        None,
        None,
        None,
    )
    assert set(summary.as_json()) == {"referrals", "open", "decided", "average_days", "longest_days",
                                      "longest_open_days"}  # fmt: skip


@given(dates, st.integers(0, 400), st.one_of(st.none(), st.integers(0, 400)), dates)
def test_waits_are_never_negative_and_grow_with_the_as_of_date_until_decided(
    referred: date, after: int, decided_after: int | None, as_of: date
) -> None:
    decided = None if decided_after is None else referred + timedelta(days=decided_after)
    days = waiting_days(referred, decided, as_of)
    if as_of < referred:
        assert days is None and not referral_open(referred, decided, as_of)
        return
    assert days is not None and days >= 0
    later = waiting_days(referred, decided, as_of + timedelta(days=after))
    assert later is not None and later >= days
    if referral_open(referred, decided, as_of):
        assert days == (as_of - referred).days
    else:
        assert decided is not None and days == (decided - referred).days


@given(st.lists(st.tuples(dates, st.one_of(st.none(), st.integers(0, 300))), max_size=20), dates)
def test_the_summary_counts_every_referral_made_by_the_as_of_date(
    raw: list[tuple[date, int | None]], as_of: date
) -> None:
    pairs = [(referred, None if n is None else referred + timedelta(days=n)) for referred, n in raw]
    summary = summarize_waits(pairs, as_of)
    assert summary.referrals == sum(1 for referred, _ in pairs if referred <= as_of)
    assert summary.open + summary.decided == summary.referrals
    if summary.referrals:
        assert summary.average_days is not None and summary.longest_days is not None
        assert 0 <= summary.average_days <= summary.longest_days
    if summary.longest_open_days is not None:
        assert summary.longest_days is not None and summary.longest_open_days <= summary.longest_days


# --- appraisals ---------------------------------------------------------------------------------------------


def test_an_appraisal_is_overdue_the_day_after_its_due_date_until_received() -> None:
    requested, due = d("2023-01-10"), d("2023-03-10")
    assert not appraisal_overdue(requested, due, None, d("2023-03-10"))  # due today: not yet
    assert appraisal_overdue(requested, due, None, d("2023-03-11"))
    assert days_overdue(requested, due, None, d("2023-03-11")) == 1
    assert days_overdue(requested, due, None, d("2023-04-10")) == 31
    # received late on 20 March: overdue on the 19th, not from the 20th
    assert appraisal_overdue(requested, due, d("2023-03-20"), d("2023-03-19"))
    assert not appraisal_overdue(requested, due, d("2023-03-20"), d("2023-03-20"))
    assert days_overdue(requested, due, d("2023-03-20"), d("2023-03-20")) is None
    # received in time: never overdue
    assert not appraisal_overdue(requested, due, d("2023-03-01"), d("2023-12-31"))


@given(dates, st.integers(0, 200), st.one_of(st.none(), st.integers(0, 400)), dates)
def test_overdue_means_due_before_and_not_received_by_the_as_of_date(
    requested: date, due_after: int, received_after: int | None, as_of: date
) -> None:
    due = requested + timedelta(days=due_after)
    received = None if received_after is None else requested + timedelta(days=received_after)
    overdue = appraisal_overdue(requested, due, received, as_of)
    assert overdue == (requested <= as_of and due < as_of and (received is None or received > as_of))
    days = days_overdue(requested, due, received, as_of)
    assert (days is not None) == overdue
    if days is not None:
        assert days == (as_of - due).days >= 1


# --- look-back ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filed", "closed", "over"),
    [
        ("2022-03-15", "2023-03-15", False),  # exactly one year: not over a year (C10)
        ("2022-03-15", "2023-03-16", True),  # one year and a day
        ("2022-03-15", "2023-03-14", False),
        ("2023-02-28", "2024-02-28", False),  # add_months(2023-02-28, 12) = 2024-02-28
        ("2023-02-28", "2024-02-29", True),
        ("2024-02-29", "2025-02-28", False),  # clamped to 2025-02-28 (C2): a year exactly
        ("2024-02-29", "2025-03-01", True),
        ("2021-03-01", "2023-01-20", True),  # nearly two years
    ],
)
def test_pending_over_a_year_by_hand(filed: str, closed: str, over: bool) -> None:
    assert pending_over_a_year(d(filed), d(closed)) is over


def test_a_case_is_due_a_look_back_once_closed_by_the_as_of_date() -> None:
    filed, closed = d("2021-03-01"), d("2023-01-20")
    assert lookback_due(filed, closed, d("2023-01-20"))  # closed that day
    assert not lookback_due(filed, closed, d("2023-01-19"))  # still pending then
    assert not lookback_due(filed, None, d("2024-01-01"))  # pending: nothing to look back on
    assert not lookback_due(d("2022-03-15"), d("2023-03-15"), d("2024-01-01"))  # a year exactly
    assert one_year_after(d("2024-02-29")) == d("2025-02-28")


@given(dates, dates)
def test_over_a_year_is_the_long_pending_test_of_c10(filed: date, closed: date) -> None:
    assert pending_over_a_year(filed, closed) == (closed > add_months(filed, 12))
    assert pending_over_a_year(filed, closed) == (closed > one_year_after(filed))
