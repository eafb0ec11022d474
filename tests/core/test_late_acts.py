"""Acts dated after the expiry they would move (issue 9), worked by hand from the statutes.

民初 ordinary filed 2023-03-15 (Wed): 6 months → 2023-09-15 (Fri), a working day (CPL 152).
民初 simple filed 2023-03-15: 3 months → 2023-06-15 (Thu) (CPL 164).
民终 filed 2024-05-31: 3 months → 2024-08-31 (Sat) → rolled forward to 2024-09-02 (Mon) (CPL 183(1); CPL 85(3)).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.events import CaseFacts, Conversion, Deduction, Extension, Period
from qingji.core.procedures import Procedure as P
from qingji.core.state import assess
from qingji.core.vocabulary import Status, Warning

CAL = WorkCalendar.official()
COUNTED = Conventions(count_late_acts=True)


def d(text: str) -> date:
    return date.fromisoformat(text)


ORDINARY = CaseFacts("民初", d("2023-03-15"), P.ORDINARY, court_code="甘1002")


def test_president_extension_approved_nine_days_after_expiry_leaves_the_case_overdue() -> None:
    facts = replace(ORDINARY, extensions=(Extension(Period(6), "院长", d("2023-09-24")),))
    state = assess(facts, d("2023-10-01"), CAL)
    # 2019-Prov Art. 1: the president decides before the period ends. Overdue from 2023-09-15, 16 days on 10-01.
    assert state.expiry == d("2023-09-15")
    assert state.status is Status.OVERDUE
    assert state.days_over == 16
    assert state.deadline.extended == Period()
    assert Warning.EXTENSION_AFTER_EXPIRY in state.warnings
    late = [s for s in state.deadline.steps if "2023-09-24" in s.zh]
    assert len(late) == 1 and late[0].basis == "2019-Prov Art. 1" and "不计入" in late[0].zh
    assert late[0].result is None
    # Counting late acts (the setting): 6 + 6 months → 2024-03-15, in time, still warned.
    counted = assess(facts, d("2023-10-01"), CAL, COUNTED)
    assert counted.expiry == d("2024-03-15")
    assert counted.status is Status.IN_TIME
    assert counted.days_remaining == 166
    assert Warning.EXTENSION_AFTER_EXPIRY in counted.warnings


def test_appraisal_begun_after_expiry_adds_no_days() -> None:
    facts = replace(ORDINARY, deductions=(Deduction("鉴定", d("2023-09-20"), d("2023-10-19")),))
    state = assess(facts, d("2023-11-01"), CAL)
    assert state.expiry == d("2023-09-15")
    assert state.deadline.deducted_days == 0
    assert state.status is Status.OVERDUE
    assert Warning.DEDUCTION_AFTER_EXPIRY in state.warnings
    # Counted by setting: 30 days → 2023-10-15 (Sun) → 2023-10-16 (Mon).
    counted = assess(facts, d("2023-11-01"), CAL, COUNTED)
    assert (counted.expiry, counted.deadline.deducted_days) == (d("2023-10-16"), 30)
    assert Warning.DEDUCTION_AFTER_EXPIRY in counted.warnings


def test_deduction_starting_while_an_earlier_one_had_pushed_the_expiry_counts() -> None:
    # 鉴定 09-01..09-30 (30 days, begun in time) → 10-15 (Sun), really 10-16. 公告 from 10-10 begins before that:
    # it counts, 10 days → 40 days after 09-15 = 10-25 (Wed). 和解 from 10-30 begins after 10-25: not counted.
    facts = replace(
        ORDINARY,
        deductions=(
            Deduction("鉴定", d("2023-09-01"), d("2023-09-30")),
            Deduction("公告", d("2023-10-10"), d("2023-10-19")),
            Deduction("和解", d("2023-10-30"), d("2023-11-09")),
        ),
    )
    state = assess(facts, d("2023-12-01"), CAL)
    assert state.deadline.deducted_days == 40
    assert state.expiry == d("2023-10-25")
    assert Warning.DEDUCTION_AFTER_EXPIRY in state.warnings


def test_acts_on_the_rolled_forward_last_day_are_in_time() -> None:
    base = CaseFacts("民终", d("2024-05-31"), P.APPEAL_JUDGMENT, court_code="甘10")
    on_monday = assess(
        replace(base, deductions=(Deduction("公告", d("2024-09-02"), d("2024-09-11")),)),
        d("2024-10-01"),
        CAL,
    )
    # 08-31 + 10 days = 09-10 (Tue).
    assert (on_monday.expiry, on_monday.deadline.deducted_days) == (d("2024-09-10"), 10)
    assert Warning.DEDUCTION_AFTER_EXPIRY not in on_monday.warnings
    # The 2000-Prov Art. 9(6) governs public notice in an appeal (CPL-Interp 243 is the CPL 152 period's).
    assert any(s.basis == "2000-Prov Art. 9(6)" for s in on_monday.deadline.steps)
    on_tuesday = assess(
        replace(base, deductions=(Deduction("公告", d("2024-09-03"), d("2024-09-12")),)),
        d("2024-10-01"),
        CAL,
    )
    assert (on_tuesday.expiry, on_tuesday.deadline.deducted_days) == (d("2024-09-02"), 0)
    extended = assess(
        replace(base, extensions=(Extension(Period(3), "院长", d("2024-09-02")),)),
        d("2024-10-01"),
        CAL,
    )
    # Decided on the last day: counted (3 + 3 months → 2024-11-30, Sat → 12-02), warned as decided late.
    assert extended.expiry == d("2024-12-02")
    assert Warning.EXTENSION_DECIDED_LATE in extended.warnings
    assert Warning.EXTENSION_AFTER_EXPIRY not in extended.warnings


def test_conversion_after_the_simple_period_ran_out_keeps_the_simple_period() -> None:
    simple = CaseFacts("民初", d("2023-03-15"), P.SIMPLE, court_code="甘1002")
    late = replace(simple, conversions=(Conversion(P.ORDINARY, d("2023-06-20")),))
    state = assess(late, d("2023-07-01"), CAL)
    # CPL-Interp 258(2): the conversion ruling comes before the simple period ends (2023-06-15).
    assert state.expiry == d("2023-06-15")
    assert state.status is Status.OVERDUE
    assert state.deadline.procedure is P.SIMPLE
    assert state.deadline.converted_to is None
    assert Warning.CONVERSION_AFTER_EXPIRY in state.warnings
    assert any(s.basis == "CPL-Interp 258(2)" and "2023-06-15" in s.zh for s in state.deadline.steps)
    # In time (06-14): ordinary procedure from the original filing, 2023-09-15 (CPL-Interp 258(3)).
    early = replace(simple, conversions=(Conversion(P.ORDINARY, d("2023-06-14")),))
    assert assess(early, d("2023-07-01"), CAL).expiry == d("2023-09-15")
    # Counted by setting: as before, warned.
    counted = assess(late, d("2023-07-01"), CAL, COUNTED)
    assert counted.expiry == d("2023-09-15")
    assert Warning.CONVERSION_AFTER_EXPIRY in counted.warnings


def test_conversion_after_an_extended_simple_period_is_judged_against_the_extension() -> None:
    # +1 month approved 06-01 → 07-15 (Sat) → 07-17 (Mon): a conversion on 07-17 is in time, one on 07-18 is not.
    simple = CaseFacts(
        "民初", d("2023-03-15"), P.SIMPLE, court_code="甘1002",
        extensions=(Extension(Period(1), "院长", d("2023-06-01")),),
    )  # fmt: skip
    in_time = replace(simple, conversions=(Conversion(P.ORDINARY, d("2023-07-17")),))
    assert assess(in_time, d("2023-08-01"), CAL).expiry == d("2023-09-15")
    late = replace(simple, conversions=(Conversion(P.ORDINARY, d("2023-07-18")),))
    state = assess(late, d("2023-08-01"), CAL)
    assert state.expiry == d("2023-07-17")
    assert Warning.CONVERSION_AFTER_EXPIRY in state.warnings


def test_extension_decided_three_days_before_expiry_is_counted_but_warned() -> None:
    facts = replace(ORDINARY, extensions=(Extension(Period(6), "院长", d("2023-09-12")),))
    for conventions in (Conventions(), COUNTED):
        state = assess(facts, d("2023-10-01"), CAL, conventions)
        assert state.expiry == d("2024-03-15")
        assert Warning.EXTENSION_DECIDED_LATE in state.warnings
        assert Warning.EXTENSION_AFTER_EXPIRY not in state.warnings
    step = assess(facts, d("2023-10-01"), CAL).deadline.steps[1]
    assert "2019-Prov Art. 1" in step.basis and "仅3日" in step.zh
    # Five days before (09-10) is in time: no warning.
    five = replace(ORDINARY, extensions=(Extension(Period(6), "院长", d("2023-09-10")),))
    assert Warning.EXTENSION_DECIDED_LATE not in assess(five, d("2023-10-01"), CAL).warnings


def test_the_lead_differs_by_family() -> None:
    # Administrative: the higher court decides at least 3 days before (2000-Prov Art. 14). 行初 6 months → 09-15.
    def admin(on: str) -> set[str]:
        facts = CaseFacts(
            "行初", d("2023-03-15"), P.ORDINARY, court_code="甘1002",
            extensions=(Extension(Period(3), "甘肃省高级人民法院", d(on)),),
        )  # fmt: skip
        return set(assess(facts, d("2023-10-01"), CAL).warnings)

    assert Warning.EXTENSION_DECIDED_LATE in admin("2023-09-13")
    assert Warning.EXTENSION_DECIDED_LATE not in admin("2023-09-12")
    # Enforcement: the request goes in within the 5 days before expiry (2006 rule), so no lead warning; criminal:
    # the 5 days of CrPL-Interp 210 bind a refusal. 执 6 months → 09-15; 刑初 3 months → 06-15.
    enforcement = CaseFacts(
        "执", d("2023-03-15"), extensions=(Extension(Period(3), "院长", d("2023-09-14")),)
    )
    assert Warning.EXTENSION_DECIDED_LATE not in assess(enforcement, d("2023-10-01"), CAL).warnings
    criminal = CaseFacts(
        "刑初", d("2023-03-15"), P.ORDINARY, court_code="甘1002",
        extensions=(Extension(Period(3), "庆阳市中级人民法院", d("2023-06-14")),),
    )  # fmt: skip
    assert Warning.EXTENSION_DECIDED_LATE not in assess(criminal, d("2023-07-01"), CAL).warnings
    # But an enforcement extension after expiry is late (2006 rule Art. 1).
    late = CaseFacts("执", d("2023-03-15"), extensions=(Extension(Period(3), "院长", d("2023-09-18")),))
    state = assess(late, d("2023-10-01"), CAL)
    assert state.expiry == d("2023-09-15")
    assert any(s.basis == "2006 rule Art. 1" for s in state.deadline.steps)


def test_extension_without_a_date_cannot_be_judged_late() -> None:
    facts = replace(ORDINARY, extensions=(Extension(Period(6), "院长", None),))
    state = assess(facts, d("2023-10-01"), CAL)
    assert state.expiry == d("2024-03-15")
    assert not {Warning.EXTENSION_AFTER_EXPIRY, Warning.EXTENSION_DECIDED_LATE} & set(state.warnings)


def test_a_late_act_stops_later_acts_from_counting() -> None:
    # The 鉴定 from 09-20 is late; the 公告 from 09-25 would be inside its days but the expiry never moved.
    facts = replace(
        ORDINARY,
        deductions=(
            Deduction("鉴定", d("2023-09-20"), d("2023-10-30")),
            Deduction("公告", d("2023-09-25"), d("2023-10-05")),
        ),
    )
    state = assess(facts, d("2023-11-15"), CAL)
    assert (state.expiry, state.deadline.deducted_days) == (d("2023-09-15"), 0)
    assert sum("未扣除" in s.zh for s in state.deadline.steps) == 2
