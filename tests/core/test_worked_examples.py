"""The worked examples of rules/trial-periods.md §9, exactly as written, and one combined example.

Combined example (worked by hand): 民初 ordinary filed 2023-03-15; extension +6 months by the court president;
鉴定 2023-04-01..2023-04-30 (30 days, C5):
6 months → 2023-09-15 (CPL 152); +6 months → 2024-03-15 (C4); +30 days → 2024-04-14, a Sunday (CPL-Interp 243);
roll forward → Monday 2024-04-15 (CPL 85(3); C6).
"""

from __future__ import annotations

from datetime import date

from qingji.core.calendar import WorkCalendar
from qingji.core.casenumber import parse_case_number
from qingji.core.deadline import compute_deadline
from qingji.core.events import CaseFacts, Deduction, Extension, Period
from qingji.core.procedures import Procedure as P
from qingji.core.state import assess
from qingji.core.vocabulary import Status, Warning

CAL = WorkCalendar.official()


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_example_1_civil_ordinary_no_events() -> None:
    number = parse_case_number("（2023）甘1002民初123号")
    facts = CaseFacts(number.type_code, d("2023-03-15"), P.ORDINARY, court_code=number.court_code)
    deadline = compute_deadline(facts, d("2023-03-15"), CAL)
    assert deadline.expiry == d("2023-09-15")
    assert not deadline.rolled
    assert deadline.warnings == frozenset()
    assert deadline.steps[0].basis == "CPL 152"
    assert deadline.steps[0].result == d("2023-09-15")
    assert deadline.basis == "CPL 152 6个月"


def test_example_3_month_end_clamping_and_leap_year() -> None:
    number = parse_case_number("（2023）甘10民初45号")
    facts = CaseFacts(number.type_code, d("2023-08-31"), P.ORDINARY, court_code=number.court_code)
    deadline = compute_deadline(facts, d("2023-09-01"), CAL)
    assert deadline.expiry == d("2024-02-29")  # Thursday
    assert not deadline.rolled


def test_example_3_without_a_procedure_gives_the_same_date_and_a_flag() -> None:
    # The example does not name the procedure; the fallback is ordinary (§6.3) and the record is flagged.
    facts = CaseFacts("民初", d("2023-08-31"), None, court_code="甘10")
    deadline = compute_deadline(facts, d("2023-09-01"), CAL)
    assert deadline.expiry == d("2024-02-29")
    assert Warning.UNKNOWN_PROCEDURE in deadline.warnings


def test_example_6_civil_appeal_expiry_on_a_weekend() -> None:
    number = parse_case_number("（2024）甘10民终7号")
    facts = CaseFacts(number.type_code, d("2024-05-31"), P.APPEAL_JUDGMENT, court_code=number.court_code)
    deadline = compute_deadline(facts, d("2024-06-01"), CAL)
    assert deadline.steps[0].result == d("2024-08-31")  # CPL 183: 3 months, a Saturday
    assert "CPL 183" in deadline.steps[0].basis
    assert deadline.rolled
    assert deadline.expiry == d("2024-09-02")  # past Sunday 09-01 to Monday
    assert deadline.steps[-1].result == d("2024-09-02")
    assert deadline.basis == "CPL 183(1) 3个月；顺延至2024-09-02"


def combined(deduction: Deduction) -> CaseFacts:
    return CaseFacts(
        "民初",
        d("2023-03-15"),
        P.ORDINARY,
        court_code="甘1002",
        case_number="（2023）甘1002民初123号",
        extensions=(Extension(Period(6), "院长", d("2023-09-01")),),
        deductions=(deduction,),
    )


def test_combined_example_expiry_and_steps() -> None:
    facts = combined(Deduction("鉴定", d("2023-04-01"), d("2023-04-30")))
    deadline = compute_deadline(facts, d("2024-01-10"), CAL)
    assert deadline.expiry == d("2024-04-15")
    assert deadline.extended == Period(6)
    assert deadline.deducted_days == 30
    assert deadline.rolled
    assert deadline.warnings == frozenset()

    dated = [step for step in deadline.steps if step.result is not None]
    assert [step.result for step in dated] == [
        d("2023-09-15"),
        d("2024-03-15"),
        d("2024-04-14"),
        d("2024-04-15"),
    ]
    base, extension, deduction, roll = dated
    assert "CPL 152" in base.basis
    assert "CPL 152" in extension.basis
    assert "院长" in extension.zh
    assert "CPL-Interp 243" in deduction.basis
    assert "30日" in deduction.zh
    assert "CPL 85(3)" in roll.basis
    assert "2024-04-14" in roll.zh and "2024-04-15" in roll.zh
    assert roll.line_zh().endswith("→ 2024-04-15")
    assert deadline.basis == "CPL 152 6个月；延长6个月；扣除30日；顺延至2024-04-15"


def test_combined_example_state() -> None:
    facts = combined(Deduction("鉴定", d("2023-04-01"), d("2023-04-30")))
    state = assess(facts, d("2024-04-15"), CAL)
    assert state.status is Status.APPROACHING
    assert state.days_remaining == 0
    late = assess(facts, d("2024-04-16"), CAL)
    assert late.status is Status.OVERDUE
    assert late.days_over == 1


def test_combined_example_with_a_deduction_outside_the_case_life() -> None:
    # 鉴定 2023-03-01..03-30 begins before filing (03-15): only 03-16..03-30 (15 days) counts, and it is flagged.
    # 2024-03-15 + 15 days = 2024-03-30, a Saturday → Monday 2024-04-01.
    facts = combined(Deduction("鉴定", d("2023-03-01"), d("2023-03-30")))
    deadline = compute_deadline(facts, d("2024-01-10"), CAL)
    assert Warning.DEDUCTION_OUTSIDE_LIFE in deadline.warnings
    assert deadline.deducted_days == 15
    assert deadline.expiry == d("2024-04-01")
