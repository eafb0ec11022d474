"""A campaign's progress and countdown on hand-checked data, the boundaries, the worked example, invariants."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from qingji.core.progress import (
    ScheduleRow,
    ScopedCase,
    campaign_progress,
    countdown,
    days_behind,
    progress,
)

START, TARGET = date(2023, 1, 1), date(2023, 1, 31)


def case(number: str, court: str, added: date, closed: date | None) -> ScopedCase:
    return ScopedCase(number, court, added, closed)


# A small campaign from 1 to 31 January 2023:
#   A 甘1002 in scope from the start, closed 10 Jan
#   B 甘1002 in scope from the start, closed 31 Jan (on the target date)
#   C 甘1027 in scope from the start, closed 20 Jan
#   D 甘1027 added late on 15 Jan, still pending
#   E 甘1027 added late on 15 Jan, closed 20 Dec 2022 (before it was added)
SMALL = [
    case("A", "甘1002", START, date(2023, 1, 10)),
    case("B", "甘1002", START, TARGET),
    case("C", "甘1027", START, date(2023, 1, 20)),
    case("D", "甘1027", date(2023, 1, 15), None),
    case("E", "甘1027", date(2023, 1, 15), date(2022, 12, 20)),
]


def report_on(as_of: date, cases: list[ScopedCase] = SMALL, target: date = TARGET) -> dict[str, object]:
    return campaign_progress(cases, start=START, target=target, as_of=as_of).as_json()


def test_a_case_closed_on_the_as_of_date_is_cleared_and_late_cases_wait_for_their_day() -> None:
    # On 10 Jan: in scope A, B, C (D and E come on 15 Jan); A closed that very day: 1 of 3 = 0.3333.
    # Pace: 1 case cleared over the 10 days 1–10 Jan = 0.1 a day; 2 remaining → 20 days → 30 Jan.
    on = report_on(date(2023, 1, 10))
    assert (on["in_scope"], on["cleared"], on["remaining"], on["clearance_rate"]) == (3, 1, 2, 0.3333)
    assert on["completed_on"] is None and on["days_ahead"] is None
    assert on["projected_completion"] == "2023-01-30"
    # The day before, nothing is cleared and there is no pace.
    before = report_on(date(2023, 1, 9))
    assert (
        before["cleared"] == 0 and before["projected_completion"] is None and before["fastest_court"] is None
    )


def test_a_late_case_counts_from_its_day_and_one_closed_before_it_was_added_is_cleared_at_once() -> None:
    # 14 Jan: still 3 in scope. 15 Jan: 5 in scope; cleared A and E (E closed in December) = 2; 2/5 = 0.4.
    assert report_on(date(2023, 1, 14))["in_scope"] == 3
    on = report_on(date(2023, 1, 15))
    assert (on["in_scope"], on["cleared"], on["remaining"], on["clearance_rate"]) == (5, 2, 3, 0.4)
    # Pace counts only cases closed since the start (A, not E): 1 over 15 days; 3 remaining → 45 days → 1 March.
    assert on["projected_completion"] == "2023-03-01"


def test_a_closing_after_the_as_of_date_is_ignored_for_that_date() -> None:
    assert report_on(date(2023, 1, 19))["cleared"] == 2  # A, E; C closes on the 20th
    assert report_on(date(2023, 1, 20))["cleared"] == 3


def test_a_court_that_closed_its_last_case_on_the_target_date_is_in_time_with_zero_days_ahead() -> None:
    # 31 Jan: 甘1002 has A and B, B closed that day: complete on 31 Jan, 0 days ahead.
    # 甘1027 has C, D, E: 2 cleared, D pending: 2/3 = 0.6667. Overall 4/5 = 0.8.
    on = campaign_progress(SMALL, start=START, target=TARGET, as_of=TARGET)
    xifeng, zhenyuan = on.by_court
    assert (xifeng.court_code, xifeng.completed_on, xifeng.days_ahead, xifeng.clearance_rate) == (
        "甘1002",
        TARGET,
        0,
        1.0,
    )
    assert (zhenyuan.court_code, zhenyuan.cleared, zhenyuan.remaining, zhenyuan.clearance_rate) == (
        "甘1027",
        2,
        1,
        0.6667,
    )
    assert (on.overall.cleared, on.overall.clearance_rate, on.overall.court_code) == (4, 0.8, "")
    assert on.fastest_court == "甘1002"


def test_completed_late_gives_negative_days_ahead() -> None:
    # D closes on 5 Feb: on 10 Feb all 5 are cleared, the last on 5 Feb, 5 days after the target.
    late = [*SMALL[:3], case("D", "甘1027", date(2023, 1, 15), date(2023, 2, 5)), SMALL[4]]
    on = report_on(date(2023, 2, 10), late)
    assert (on["clearance_rate"], on["completed_on"], on["days_ahead"]) == (1.0, "2023-02-05", -5)
    assert on["projected_completion"] is None


def test_an_empty_scope_is_not_complete() -> None:
    on = campaign_progress([], start=START, target=TARGET, as_of=TARGET)
    assert on.overall.in_scope == 0 and on.overall.clearance_rate == 0.0 and on.overall.completed_on is None
    assert on.by_court == [] and on.fastest_court is None
    # Before anything is added: the same.
    assert report_on(date(2022, 12, 31))["in_scope"] == 0


def test_the_fastest_court_is_only_one_that_finished() -> None:
    cases = [
        case("1", "甘1027", START, date(2023, 1, 5)),
        case("2", "甘1027", START, None),
        case("3", "甘1002", START, date(2023, 1, 6)),
        case("4", "甘1002", START, None),
        case("5", "甘10", START, None),
    ]
    # 甘1002 and 甘1027 both at 0.5, 甘10 at 0: none finished, none is the fastest.
    assert campaign_progress(cases, start=START, target=TARGET, as_of=TARGET).fastest_court is None
    finished = [*cases, case("6", "甘1021", START, date(2023, 1, 20))]
    assert campaign_progress(finished, start=START, target=TARGET, as_of=TARGET).fastest_court == "甘1021"


def test_counted_cases_give_the_same_figures_as_single_ones() -> None:
    """The pages hand in cases counted by court, day added and day closed: the same progress and countdown."""
    single = [case(str(n), "甘1002", START, date(2023, 1, 5) if n % 3 else None) for n in range(9)]
    single += [case("late", "甘1002", date(2023, 1, 10), date(2023, 1, 8))]
    counted = [
        ScopedCase("", "甘1002", START, date(2023, 1, 5), 6),
        ScopedCase("", "甘1002", START, None, 3),
        ScopedCase("", "甘1002", date(2023, 1, 10), date(2023, 1, 8), 1),
    ]
    for as_of in (date(2023, 1, 4), date(2023, 1, 5), date(2023, 1, 10), TARGET):
        one = campaign_progress(single, start=START, target=TARGET, as_of=as_of)
        other = campaign_progress(counted, start=START, target=TARGET, as_of=as_of)
        assert one == other
        assert countdown(single, start=START, target=TARGET, as_of=as_of) == countdown(
            counted, start=START, target=TARGET, as_of=as_of
        )


NINE_COURTS = ["甘10", "甘1002", "甘1021", "甘1022", "甘1023", "甘1024", "甘1025", "甘1026", "甘1027"]


def feedback_ledger() -> list[ScopedCase]:
    """The worked example (DESIGN.md §1): 49 old cases over the nine courts, case n at court n mod 9, closed
    every other day up to 12 April 2023 (case 48, the last)."""
    return [
        case(f"（2021）{NINE_COURTS[n % 9]}民初{n + 1}号", NINE_COURTS[n % 9], date(2022, 12, 1),
             date(2023, 4, 12) - timedelta(days=(48 - n) * 2))
        for n in range(49)
    ]  # fmt: skip


def test_the_worked_example_49_cases_all_closed_by_12_april_49_days_ahead() -> None:
    on = campaign_progress(feedback_ledger(), start=date(2022, 12, 1), target=date(2023, 5, 31),
                           as_of=date(2023, 5, 31))  # fmt: skip
    document = on.as_json()
    assert (document["in_scope"], document["cleared"], document["remaining"]) == (49, 49, 0)
    assert document["clearance_rate"] == 1.0
    assert (document["completed_on"], document["target"], document["days_ahead"]) == (
        "2023-04-12",
        "2023-05-31",
        49,
    )
    # 49 = 9 × 5 + 4: the courts of n mod 9 = 0…3 have 6 cases, the other five 5.
    assert [row.court_code for row in on.by_court] == sorted(NINE_COURTS)
    assert sorted(row.in_scope for row in on.by_court) == [5] * 5 + [6] * 4
    # Each court's last case is its largest n: 45, 46, 47, 48, 40, …, 44. The earliest is n = 40 at 甘1023,
    # closed 12 April − 16 days = 27 March, 4 + 30 + 31 = 65 days before 31 May.
    assert on.fastest_court == "甘1023"
    first = next(row for row in on.by_court if row.court_code == "甘1023")
    assert (first.completed_on, first.days_ahead) == (date(2023, 3, 27), 65)
    assert isinstance(document["by_court"], list) and len(document["by_court"]) == 9


# Countdown: 4 cases from 1 Jan, target 29 Jan (28 days), weekly rows:
#   1 Jan 4 · 8 Jan ceil(4 × 21/28) = 3 · 15 Jan 2 · 22 Jan 1 · 29 Jan 0.
# Case 1 closed 5 Jan, case 2 closed on 8 Jan, case 3 on 20 Jan, case 4 pending; case 5 added on 10 Jan.
PLAN_TARGET = date(2023, 1, 29)
PLANNED = [
    case("1", "甘1002", START, date(2023, 1, 5)),
    case("2", "甘1002", START, date(2023, 1, 8)),
    case("3", "甘1002", START, date(2023, 1, 20)),
    case("4", "甘1002", START, None),
    case("5", "甘1002", date(2023, 1, 10), None),
]


def schedule(as_of: date, cases: list[ScopedCase] = PLANNED) -> list[ScheduleRow]:
    return countdown(cases, start=START, target=PLAN_TARGET, as_of=as_of)


def test_the_countdown_schedule_by_hand() -> None:
    rows = schedule(date(2023, 1, 15))
    # Actual: 1 Jan 4; 8 Jan 4 − 2 (case 2 closed that day) = 2; 15 Jan 5 in scope − 2 = 3; later: not yet.
    assert [(row.on.day, row.planned, row.actual) for row in rows] == [
        (1, 4, 4),
        (8, 3, 2),
        (15, 2, 3),
        (22, 1, None),
        (29, 0, None),
    ]
    # A = 3 on 15 Jan: the plan reached 3 on 8 Jan (4 × 21/28 = 3), so 7 days behind.
    assert days_behind(rows, date(2023, 1, 15)) == 7


def test_the_as_of_date_gets_its_own_row() -> None:
    rows = schedule(date(2023, 1, 17))
    row = next(row for row in rows if row.on == date(2023, 1, 17))
    assert (row.planned, row.actual) == (2, 3)  # ceil(4 × 12/28) = ceil(1.71) = 2
    # 3 × 28/4 = 21 days of plan, 12 days of plan left: 9 days behind (as_of − 8 Jan).
    assert days_behind(rows, date(2023, 1, 17)) == 9


def test_days_behind_ahead_of_plan_and_after_the_target() -> None:
    done = [case(str(n), "甘1002", START, date(2023, 1, 19)) for n in range(4)]
    # All cleared on 19 Jan, 10 days before the target: 10 days ahead.
    assert days_behind(schedule(date(2023, 1, 19), done), date(2023, 1, 19)) == -10
    # 5 Feb, one case left (case 4) plus case 5 = 2: 2 × 28/4 = 14 days behind; the plan is over.
    assert days_behind(schedule(date(2023, 2, 5)), date(2023, 2, 5)) == 14
    # Before the start there is no actual figure yet.
    assert days_behind(schedule(date(2022, 12, 20)), date(2022, 12, 20)) == 0


def test_a_target_on_the_start_date_gives_one_row() -> None:
    rows = countdown(PLANNED, start=START, target=START, as_of=START)
    assert rows == [ScheduleRow(START, 0, 4)]
    assert days_behind(rows, START) == 0


# Properties, over generated campaigns.
DAYS = st.integers(0, 120).map(lambda n: START + timedelta(days=n))
CASES = st.lists(
    st.builds(
        ScopedCase,
        st.text(min_size=1, max_size=3),
        st.sampled_from(NINE_COURTS[:4]),
        st.one_of(st.just(START), DAYS),
        st.one_of(st.none(), st.integers(-30, 150).map(lambda n: START + timedelta(days=n))),
    ),
    max_size=30,
)


@given(CASES, DAYS, st.integers(1, 120))
def test_counts_add_up_overall_and_over_the_courts(cases: list[ScopedCase], as_of: date, span: int) -> None:
    target = START + timedelta(days=span)
    on = campaign_progress(cases, start=START, target=target, as_of=as_of)
    for row in [on.overall, *on.by_court]:
        assert row.cleared + row.remaining == row.in_scope
        assert 0.0 <= row.clearance_rate <= 1.0
        assert (row.completed_on is not None) == (row.in_scope > 0 and row.remaining == 0)
        if row.completed_on is not None:
            assert row.days_ahead == (target - row.completed_on).days and row.completed_on <= as_of
        if row.projected_completion is not None:
            assert row.remaining > 0 and row.projected_completion > as_of
    for field in ("in_scope", "cleared", "remaining"):
        assert sum(getattr(row, field) for row in on.by_court) == getattr(on.overall, field)
    codes = [row.court_code for row in on.by_court]
    assert codes == sorted(codes) and all(row.in_scope for row in on.by_court)
    assert on.fastest_court is None or on.fastest_court in codes


@given(CASES, DAYS, DAYS)
def test_progress_never_goes_back(cases: list[ScopedCase], one: date, other: date) -> None:
    early, late = sorted((one, other))
    before = progress(cases, start=START, target=TARGET, as_of=early)
    after = progress(cases, start=START, target=TARGET, as_of=late)
    assert before.in_scope <= after.in_scope and before.cleared <= after.cleared


@given(CASES, DAYS, st.integers(0, 120), st.integers(1, 10))
def test_the_planned_line_starts_at_the_scope_ends_at_zero_and_never_rises(
    cases: list[ScopedCase], as_of: date, span: int, step: int
) -> None:
    target = START + timedelta(days=span)
    rows = countdown(cases, start=START, target=target, as_of=as_of, step_days=step)
    days = [row.on for row in rows]
    assert days == sorted(set(days)) and days[0] == START and target in days
    at_start = sum(1 for c in cases if c.added_on <= START)
    assert rows[0].planned == (at_start if span else 0) and rows[-1].planned == 0
    assert all(a.planned >= b.planned for a, b in itertools.pairwise(rows))
    for row in rows:
        if row.on <= as_of:
            # The actual line is the remaining count of the progress on that date.
            assert row.actual == progress(cases, start=START, target=target, as_of=row.on).remaining
        else:
            assert row.actual is None
    assert isinstance(days_behind(rows, as_of), int)
