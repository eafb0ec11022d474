"""Property tests: invariants the rules imply for every case (rules §4.2 C2–C10).

* C2: add_months keeps the day number when the target month has it, else clamps to the month's end.
* C6: the expiry is a working day unless the defendant is in custody or the roll-forward is switched off.
* The expiry is never before add_months(anchor, base): extensions and deductions only add time.
* Adding a deduction or a later extension never moves the expiry earlier.
* C5: merged deduction days lie between the longest interval and the plain sum.
* C8: the status agrees with days_remaining. C10: bucket and tier only grow with T.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.dates import add_months, add_period, is_month_end, last_day_of_month
from qingji.core.deadline import compute_deadline
from qingji.core.deductions import interval_days, merge_intervals
from qingji.core.events import DEDUCTION_KINDS, LOCAL_DEDUCTION_KINDS, CaseFacts, Deduction, Extension, Period
from qingji.core.procedures import Procedure as P
from qingji.core.state import age_bucket, assess, long_pending_tier
from qingji.core.typecodes import Family, type_code
from qingji.core.vocabulary import AgeBucket, Status, Warning

CAL = WorkCalendar.official()

KINDS_OF_CASE: list[tuple[str, P | None, str]] = [
    ("民初", P.ORDINARY, "甘1002"),
    ("民初", P.SIMPLE, "甘1021"),
    ("民初", P.SMALL_CLAIMS, "甘1022"),
    ("民初", P.MARITIME, "甘10"),
    ("民初", None, "甘1023"),
    ("民终", P.APPEAL_JUDGMENT, "甘10"),
    ("民终", P.APPEAL_RULING, "甘10"),
    ("民特", None, "甘1024"),
    ("刑初", P.ORDINARY, "甘1025"),
    ("刑初", P.SIMPLE, "甘1026"),
    ("刑初", P.FAST_TRACK, "甘1027"),
    ("刑初", P.PRIVATE_PROSECUTION, "甘1002"),
    ("刑终", None, "甘10"),
    ("刑再", None, "甘1002"),
    ("行初", P.ORDINARY, "甘1002"),
    ("行初", P.SIMPLE, "甘1002"),
    ("行终", None, "甘10"),
    ("执", None, "甘1002"),
    ("执", P.NON_LITIGATION, "甘1002"),
    ("执异", None, "甘1002"),
]
APPROVERS = ["院长", "副院长", "庆阳市中级人民法院", "甘肃省高级人民法院", "最高人民法院", None]
ALL_KINDS = sorted(DEDUCTION_KINDS) + sorted(LOCAL_DEDUCTION_KINDS)

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
filing_dates = st.dates(min_value=date(2022, 1, 1), max_value=date(2027, 12, 31))


@st.composite
def deductions(draw: st.DrawFn, filed: date) -> Deduction:
    start = filed + timedelta(days=draw(st.integers(-30, 500)))
    length = draw(st.integers(0, 150))
    is_open = draw(st.integers(0, 9)) == 0
    return Deduction(
        draw(st.sampled_from(ALL_KINDS)), start, None if is_open else start + timedelta(days=length)
    )


@st.composite
def extensions(draw: st.DrawFn, filed: date, after: date | None = None) -> Extension:
    first = after + timedelta(days=1) if after else filed
    approved = first + timedelta(days=draw(st.integers(0, 400)))
    length = draw(st.one_of(st.none(), st.builds(Period, st.integers(0, 7), st.integers(0, 20))))
    return Extension(length, draw(st.sampled_from(APPROVERS)), approved)


@st.composite
def cases(draw: st.DrawFn) -> tuple[CaseFacts, date]:
    code, procedure, court = draw(st.sampled_from(KINDS_OF_CASE))
    filed = draw(filing_dates)
    exts: list[Extension] = []
    for _ in range(draw(st.integers(0, 3))):
        exts.append(draw(extensions(filed, exts[-1].approved_on if exts else None)))
    deds = draw(st.lists(deductions(filed), max_size=4))
    facts = CaseFacts(
        code,
        filed,
        procedure,
        in_custody=draw(st.booleans()),
        extensions=tuple(exts),
        deductions=tuple(deds),
        court_code=court,
    )
    as_of = filed + timedelta(days=draw(st.integers(0, 1200)))
    return facts, as_of


def is_criminal(facts: CaseFacts) -> bool:
    info = type_code(facts.type_code)
    return info is not None and info.family is Family.CRIMINAL


# --- C2 month arithmetic ------------------------------------------------------------------------------------


@given(dates, st.integers(-600, 600))
def test_add_months_clamps_and_keeps_the_day(anchor: date, months: int) -> None:
    result = add_months(anchor, months)
    assert (result.year * 12 + result.month) - (anchor.year * 12 + anchor.month) == months
    assert result.day <= anchor.day
    last = last_day_of_month(result.year, result.month)
    assert result.day == min(anchor.day, last)
    if anchor.day <= last:
        assert result.day == anchor.day
    else:
        assert is_month_end(result)


@given(dates, st.integers(0, 600))
def test_add_months_then_back_returns_to_the_anchor_or_earlier_in_its_month(
    anchor: date, months: int
) -> None:
    back = add_months(add_months(anchor, months), -months)
    assert (back.year, back.month) == (anchor.year, anchor.month)
    assert back <= anchor
    if add_months(anchor, months).day == anchor.day:
        assert back == anchor


@given(dates, dates, st.integers(0, 600))
def test_add_months_is_monotone(first: date, second: date, months: int) -> None:
    low, high = sorted((first, second))
    assert add_months(low, months) <= add_months(high, months)
    assert add_months(low, months, month_end_rule=True) <= add_months(high, months, month_end_rule=True)


@given(dates, st.integers(0, 600))
def test_criminal_month_end_rule(anchor: date, months: int) -> None:
    criminal = add_months(anchor, months, month_end_rule=True)
    if is_month_end(anchor):
        assert is_month_end(criminal)
    else:
        assert criminal == add_months(anchor, months)
    assert criminal >= add_months(anchor, months)


@given(dates, st.integers(0, 24), st.integers(0, 60))
def test_add_period_is_months_then_days(anchor: date, months: int, days: int) -> None:
    assert add_period(anchor, Period(months, days)) == add_months(anchor, months) + timedelta(days=days)


# --- C6 roll-forward ------------------------------------------------------------------------------------


@given(st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 12, 31)))
def test_roll_forward_lands_on_the_first_working_day(day: date) -> None:
    moved = CAL.roll_forward(day)
    assert moved.date >= day
    assert not CAL.is_rest_day(moved.date)
    gap = (moved.date - day).days
    assert all(CAL.is_rest_day(day + timedelta(days=i)) for i in range(gap))
    assert moved.moved == (gap > 0)
    assert gap <= 10  # no State Council holiday block plus weekends is longer
    assert moved.provisional == any(not CAL.has_year((day + timedelta(days=i)).year) for i in range(gap + 1))


# --- expiry invariants -------------------------------------------------------------------------------------


@settings(max_examples=300)
@given(cases())
def test_expiry_is_a_working_day_unless_in_custody(case: tuple[CaseFacts, date]) -> None:
    facts, as_of = case
    deadline = compute_deadline(facts, as_of, CAL)
    if deadline.expiry is None:
        return
    if facts.in_custody and is_criminal(facts):
        unrolled = compute_deadline(facts, as_of, CAL, Conventions(roll_forward_rest_days=False))
        assert deadline.expiry == unrolled.expiry
        assert not deadline.rolled
    else:
        assert not CAL.is_rest_day(deadline.expiry)


@settings(max_examples=300)
@given(cases())
def test_expiry_is_never_before_the_base_period(case: tuple[CaseFacts, date]) -> None:
    facts, as_of = case
    for conventions in (Conventions(), Conventions(extensions_from_anchor=False)):
        deadline = compute_deadline(facts, as_of, CAL, conventions)
        if deadline.expiry is None or deadline.base is None:
            continue
        criminal = is_criminal(facts)
        assert deadline.expiry >= add_period(deadline.anchor, deadline.base, month_end_rule=criminal)
        assert deadline.anchor >= facts.filed_on
        assert deadline.deducted_days >= 0


@settings(max_examples=300)
@given(cases(), st.data())
def test_adding_a_deduction_never_moves_the_expiry_earlier(
    case: tuple[CaseFacts, date], data: st.DataObject
) -> None:
    facts, as_of = case
    extra = data.draw(deductions(facts.filed_on))
    more = CaseFacts(
        facts.type_code,
        facts.filed_on,
        facts.procedure,
        in_custody=facts.in_custody,
        extensions=facts.extensions,
        deductions=(*facts.deductions, extra),
        court_code=facts.court_code,
    )
    for conventions in (Conventions(), Conventions(count_disallowed_deductions=True)):
        before = compute_deadline(facts, as_of, CAL, conventions)
        after = compute_deadline(more, as_of, CAL, conventions)
        if before.expiry is None:
            assert after.expiry is None
            continue
        assert after.expiry is not None
        assert after.expiry >= before.expiry
        assert after.deducted_days >= before.deducted_days


@settings(max_examples=300)
@given(cases(), st.data())
def test_adding_a_later_extension_never_moves_the_expiry_earlier(
    case: tuple[CaseFacts, date], data: st.DataObject
) -> None:
    facts, as_of = case
    last = facts.extensions[-1].approved_on if facts.extensions else None
    extra = data.draw(extensions(facts.filed_on, last))
    more = CaseFacts(
        facts.type_code,
        facts.filed_on,
        facts.procedure,
        in_custody=facts.in_custody,
        extensions=(*facts.extensions, extra),
        deductions=facts.deductions,
        court_code=facts.court_code,
    )
    for conventions in (Conventions(), Conventions(extensions_from_anchor=False)):
        before = compute_deadline(facts, as_of, CAL, conventions)
        after = compute_deadline(more, as_of, CAL, conventions)
        if before.expiry is None:
            continue
        assert after.expiry is not None
        assert after.expiry >= before.expiry


@settings(max_examples=200)
@given(cases())
def test_events_after_as_of_are_not_yet_known(case: tuple[CaseFacts, date]) -> None:
    # The expiry on T depends only on what is known on T: extensions approved and deductions begun by then.
    facts, as_of = case
    known = CaseFacts(
        facts.type_code,
        facts.filed_on,
        facts.procedure,
        in_custody=facts.in_custody,
        extensions=tuple(e for e in facts.extensions if e.approved_on is None or e.approved_on <= as_of),
        deductions=tuple(x for x in facts.deductions if x.start <= as_of),
        court_code=facts.court_code,
    )
    full = compute_deadline(facts, as_of, CAL)
    assert full.expiry == compute_deadline(known, as_of, CAL).expiry
    assert full.deducted_days == compute_deadline(known, as_of, CAL).deducted_days


# --- C5 merging --------------------------------------------------------------------------------------------


intervals = st.lists(
    st.tuples(st.integers(0, 400), st.integers(0, 90)).map(
        lambda t: (date(2023, 1, 1) + timedelta(days=t[0]), date(2023, 1, 1) + timedelta(days=t[0] + t[1]))
    ),
    min_size=1,
    max_size=8,
)


@given(intervals)
def test_merged_days_between_longest_and_sum(spans: list[tuple[date, date]]) -> None:
    merged = merge_intervals(spans)
    total = sum(interval_days(s, e, inclusive=True) for s, e in merged.intervals)
    assert total <= sum(interval_days(s, e, inclusive=True) for s, e in spans)
    assert total >= max(interval_days(s, e, inclusive=True) for s, e in spans)
    # The merged intervals are disjoint, sorted, and cover exactly the same days.
    for (_, end), (start, _) in zip(merged.intervals, merged.intervals[1:], strict=False):
        assert end < start
    covered = {s + timedelta(days=i) for s, e in spans for i in range((e - s).days + 1)}
    assert total == len(covered)


@given(intervals)
def test_deadline_deducts_each_covered_day_once(spans: list[tuple[date, date]]) -> None:
    # A civil case filed 2022-12-31 and pending until 2025: every interval lies inside its life.
    facts = CaseFacts(
        "民初", date(2022, 12, 31), P.ORDINARY, deductions=tuple(Deduction("鉴定", s, e) for s, e in spans)
    )
    # Counting late deductions too (the setting), every covered day counts once.
    deadline = compute_deadline(facts, date(2025, 1, 1), CAL, Conventions(count_late_acts=True))
    covered = {s + timedelta(days=i) for s, e in spans for i in range((e - s).days + 1)}
    assert deadline.deducted_days == len(covered)
    assert max(interval_days(s, e, inclusive=True) for s, e in spans) <= deadline.deducted_days
    assert deadline.deducted_days <= sum(interval_days(s, e, inclusive=True) for s, e in spans)
    # By law, only the deductions that begin on or before the expiry count: the days they cover, once.
    lawful = compute_deadline(facts, date(2025, 1, 1), CAL)
    assert lawful.expiry is not None
    kept = [(s, e) for s, e in spans if s <= lawful.expiry]
    assert lawful.deducted_days == len(
        {s + timedelta(days=i) for s, e in kept for i in range((e - s).days + 1)}
    )
    assert (Warning.DEDUCTION_AFTER_EXPIRY in lawful.warnings) == (len(kept) < len(spans))


# --- C8 status and C10 buckets ---------------------------------------------------------------------------


@settings(max_examples=300)
@given(cases())
def test_status_agrees_with_days_remaining(case: tuple[CaseFacts, date]) -> None:
    facts, as_of = case
    s = assess(facts, as_of, CAL)
    if s.expiry is None:
        assert s.status is Status.NO_LIMIT
        return
    assert s.pending
    assert s.days_remaining == (s.expiry - as_of).days
    if s.days_remaining < 0:
        assert s.status is Status.OVERDUE
        assert s.days_over == -s.days_remaining
    elif s.days_remaining <= 30:
        assert s.status is Status.APPROACHING
        assert s.days_over is None
    else:
        assert s.status is Status.IN_TIME


@given(filing_dates, st.integers(0, 400), st.integers(0, 5000))
def test_closed_status_matches_c8(filed: date, close_after: int, look_after: int) -> None:
    facts = CaseFacts("民初", filed, P.ORDINARY, closed_on=filed + timedelta(days=close_after))
    as_of = filed + timedelta(days=close_after + look_after)
    s = assess(facts, as_of, CAL)
    assert s.expiry is not None and facts.closed_on is not None
    assert not s.pending
    if facts.closed_on <= s.expiry:
        assert s.status is Status.CLOSED_IN_TIME and s.days_over is None
    else:
        assert s.status is Status.CLOSED_LATE and s.days_over == (facts.closed_on - s.expiry).days
    assert s.age_days == close_after


BUCKET_ORDER = [AgeBucket.UNDER_6M, AgeBucket.M6_12, AgeBucket.Y1_2, AgeBucket.OVER_2Y]


@given(filing_dates, st.integers(0, 2000), st.integers(0, 2000))
def test_bucket_and_tier_are_monotone_in_t(filed: date, first: int, second: int) -> None:
    early = filed + timedelta(days=min(first, second))
    late = filed + timedelta(days=max(first, second))
    assert BUCKET_ORDER.index(age_bucket(filed, early)) <= BUCKET_ORDER.index(age_bucket(filed, late))
    assert (long_pending_tier(filed, early) or 0) <= (long_pending_tier(filed, late) or 0)


@given(filing_dates, st.integers(0, 2000))
def test_bucket_boundaries(filed: date, days: int) -> None:
    on = filed + timedelta(days=days)
    bucket = age_bucket(filed, on)
    if on <= add_months(filed, 6):
        assert bucket is AgeBucket.UNDER_6M
    elif on <= add_months(filed, 12):
        assert bucket is AgeBucket.M6_12
    elif on <= add_months(filed, 24):
        assert bucket is AgeBucket.Y1_2
    else:
        assert bucket is AgeBucket.OVER_2Y
    tier = long_pending_tier(filed, on)
    expected = max((n for n in (12, 18, 24, 36) if on > add_months(filed, n)), default=None)
    assert tier == expected
