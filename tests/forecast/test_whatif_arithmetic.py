"""The what-if's arithmetic (qingji.forecast.whatif), worked out by hand on a campaign of three basic courts on
1 March 2023 (start 1 December 2022, target 31 May 2023: 91 days ahead), then its properties over generated
campaigns: more closures a week never finish later nor rank worse, the needed pace finishes by the target."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from qingji.core.progress import Progress, ScopedCase, clearance_rate
from qingji.forecast.whatif import closed_by, finish_on, needed_per_week, recent_pace, what_if

START, AS_OF, TARGET = date(2022, 12, 1), date(2023, 3, 1), date(2023, 5, 31)


def row(code: str, in_scope: int, cleared: int, target: date = TARGET) -> Progress:
    return Progress(code, in_scope, cleared, in_scope - cleared, clearance_rate(cleared, in_scope), None, target,
                    None, None)  # fmt: skip


# 甘1021 80% (4 of 5), 甘1002 50% (4 of 8), 甘1026 25% (1 of 4): 甘1026 last.
GROUP = [row("甘1002", 8, 4), row("甘1021", 5, 4), row("甘1026", 4, 1)]


def test_the_pace_of_the_last_four_weeks() -> None:
    # (2023-02-01, 2023-03-01]: 28 days, the window's first day 2 February.
    cases = [
        ScopedCase("", "甘1002", START, date(2023, 2, 2), 1),  # the window's first day
        ScopedCase("", "甘1002", START, date(2023, 3, 1), 1),  # the as-of date
        ScopedCase("", "甘1002", START, date(2023, 2, 1), 1),  # the day before the window
        ScopedCase("", "甘1002", START, date(2023, 3, 2), 1),  # after the as-of date
        ScopedCase(
            "", "甘1002", date(2023, 3, 2), date(2023, 2, 20), 1
        ),  # not in scope yet on the as-of date
        ScopedCase("", "甘1002", START, None, 3),
    ]
    assert recent_pace(cases, start=START, as_of=AS_OF) == Fraction(1, 2)  # 2 cases in 4 weeks
    # Ten days after the start, the window is those ten days (both counted): 2 closings → 1.4 a week.
    early = [ScopedCase("", "甘1002", START, date(2022, 12, 5), 2)]
    assert recent_pace(early, start=START, as_of=date(2022, 12, 10)) == Fraction(14, 10)
    assert recent_pace(early, start=START, as_of=date(2022, 11, 30)) == 0


def test_one_more_closure_a_week_for_the_last_court() -> None:
    """甘1026, three remaining, closed none in the last four weeks (pace 0): at its pace it never finishes and stays
    last on the target date. With one more a week it closes the three in ⌈7 × 3 ÷ 1⌉ = 21 days, by 22 March; on
    the target 甘1002 has closed its four at ½ a week (⌊½ × 91 ÷ 7⌋ = 6 ≥ 4), 甘1021 stays at 80% (pace 0): both
    甘1002 and 甘1026 at 100% with none left, 甘1002 first by code. To finish by the target it needs 7 × 3 ÷ 91 =
    0.2307… a week, 0.24 rounded up."""
    paces = {"甘1002": Fraction(1, 2), "甘1021": Fraction(0), "甘1026": Fraction(0)}
    at_pace = what_if(GROUP, paces, court_code="甘1026", as_of=AS_OF, target=TARGET, campaign="半年清积")
    assert (at_pace.finish_on, at_pace.rank, at_pace.of, at_pace.rank_now) == (None, 3, 3, 3)
    assert not at_pace.on_track
    more = what_if(GROUP, paces, court_code="甘1026", as_of=AS_OF, target=TARGET, per_week_added=Fraction(1),
                   campaign="半年清积")  # fmt: skip
    assert more.finish_on == date(2023, 3, 22) and more.finish_at_pace is None
    assert (more.rank, more.of, more.rank_now) == (2, 3, 3)
    assert more.needed_per_week == Fraction(24, 100) and more.on_track
    assert more.as_json() == {
        "campaign": "半年清积", "court_code": "甘1026", "as_of": "2023-03-01", "target": "2023-05-31",
        "remaining": 3, "pace_per_week": 0.0, "per_week_added": 1.0, "finish_on": "2023-03-22", "rank": 2, "of": 3,
        "rank_now": 3, "needed_per_week": 0.24, "on_track": True, "close": [], "close_by": None,
        "finish_at_pace": None,
    }  # fmt: skip


def test_named_cases_closed_by_a_date() -> None:
    """One named case closed by 10 March and one more a week: the other two take ⌈7 × 2 ÷ 1⌉ = 14 days, so the
    court finishes on 15 March (the later of 10 and 15 March), before the 22 March of the pace alone. The pace
    needed for the other two: 7 × 2 ÷ 91 = 0.1538… → 0.16."""
    paces = {"甘1002": Fraction(1, 2)}
    result = what_if(GROUP, paces, court_code="甘1026", as_of=AS_OF, target=TARGET, per_week_added=Fraction(1),
                     close=["（2021）甘1026民初1号"], close_by=date(2023, 3, 10))  # fmt: skip
    assert result.finish_on == date(2023, 3, 15) and result.needed_per_week == Fraction(16, 100)
    # With no pace at all, the two others never close.
    assert finish_on(3, Fraction(0), AS_OF, named=1, named_by=date(2023, 3, 10)) is None
    # Named cases closed by a date after the target do not count towards finishing by it.
    assert needed_per_week(3, AS_OF, TARGET, named=1, named_by=date(2023, 6, 1)) == Fraction(24, 100)
    # All remaining cases named: finished on their date.
    assert finish_on(3, Fraction(0), AS_OF, named=3, named_by=date(2023, 3, 10)) == date(2023, 3, 10)


def test_the_edges() -> None:
    assert finish_on(0, Fraction(0), AS_OF) == AS_OF
    assert needed_per_week(0, AS_OF, TARGET) == 0
    assert needed_per_week(2, TARGET, TARGET) is None  # the target reached with cases left
    done = row("甘1021", 5, 5)
    finished = what_if([done, GROUP[0]], {}, court_code="甘1021", as_of=AS_OF, target=TARGET)
    assert finished.remaining == 0 and finished.needed_per_week == 0 and finished.rank == 1
    alone = what_if([GROUP[2]], {}, court_code="甘1026", as_of=AS_OF, target=TARGET, ranked=False)
    assert (alone.rank, alone.of, alone.rank_now) == (None, None, None)


# Generated campaigns: 1–6 units, each with its scope, progress and pace; a what-if for the first.
paces_st = st.builds(Fraction, st.integers(0, 40), st.integers(1, 28))
unit_st = st.tuples(st.integers(0, 40), st.integers(0, 40), paces_st).map(
    lambda t: (t[0] + t[1], t[0], t[2])  # in scope, cleared, pace
)
day_st = st.integers(-30, 200).map(lambda n: AS_OF + timedelta(days=n))


@st.composite
def campaigns(draw: st.DrawFn) -> tuple[list[Progress], dict[str, Fraction], date]:
    units = draw(st.lists(unit_st, min_size=1, max_size=6))
    target = draw(day_st)
    group = [row(f"甘10{20 + n}", scope, cleared, target) for n, (scope, cleared, _) in enumerate(units)]
    return group, {unit.court_code: pace for unit, (_, _, pace) in zip(group, units, strict=True)}, target


def later_or_never(day: date | None) -> date:
    return day if day is not None else date.max


@given(campaigns(), paces_st, paces_st, st.integers(0, 5), day_st)
def test_more_closures_a_week_never_finish_later_nor_rank_worse(
    campaign: tuple[list[Progress], dict[str, Fraction], date],
    k1: Fraction,
    k2: Fraction,
    named: int,
    by: date,
) -> None:
    group, paces, target = campaign
    low, high = sorted((k1, k2))
    code = group[0].court_code
    close = [f"case{n}" for n in range(named)]
    slower = what_if(group, paces, court_code=code, as_of=AS_OF, target=target, per_week_added=low, close=close,
                     close_by=max(by, AS_OF))  # fmt: skip
    faster = what_if(group, paces, court_code=code, as_of=AS_OF, target=target, per_week_added=high, close=close,
                     close_by=max(by, AS_OF))  # fmt: skip
    assert later_or_never(faster.finish_on) <= later_or_never(slower.finish_on)
    assert faster.rank is not None and slower.rank is not None and faster.rank <= slower.rank
    # Named cases never make it later either.
    plain = what_if(group, paces, court_code=code, as_of=AS_OF, target=target, per_week_added=low)
    assert later_or_never(slower.finish_on) <= later_or_never(plain.finish_on)


@given(st.integers(0, 300), st.integers(0, 300), st.integers(0, 10), st.integers(0, 400))
def test_the_needed_pace_finishes_by_the_target(remaining: int, days: int, named: int, by_days: int) -> None:
    target, by = AS_OF + timedelta(days=days), AS_OF + timedelta(days=by_days)
    needed = needed_per_week(remaining, AS_OF, target, named=named, named_by=by)
    if needed is None:
        assert days == 0 and remaining > (named if by <= target else 0)
        return
    finish = finish_on(remaining, needed, AS_OF, named=named, named_by=by)
    assert finish is not None and finish <= target
    # And a hundredth less does not: the needed pace is the exact one rounded up to the hundredth.
    if needed > 0:
        slower = finish_on(remaining, needed - Fraction(1, 100), AS_OF, named=named, named_by=by)
        assert slower is None or slower > target


@given(st.integers(0, 200), paces_st, st.integers(0, 10), st.integers(0, 100))
def test_the_finish_is_the_first_day_all_are_closed(
    remaining: int, pace: Fraction, named: int, by_days: int
) -> None:
    by = AS_OF + timedelta(days=by_days)
    finish = finish_on(remaining, pace, AS_OF, named=named, named_by=by)
    if finish is None:
        assert (
            closed_by(AS_OF + timedelta(days=5000), remaining, pace, AS_OF, named=named, named_by=by)
            < remaining
        )
        return
    assert closed_by(finish, remaining, pace, AS_OF, named=named, named_by=by) == remaining
    if finish > AS_OF:
        assert (
            closed_by(finish - timedelta(days=1), remaining, pace, AS_OF, named=named, named_by=by)
            < remaining
        )
