"""Deductions (审限扣除): which kinds count for which cases, and how their days are counted (rules §3; C5).

C5: each interval counts both ends (end − start + 1); overlapping intervals are merged; the days are added after
the month arithmetic. The base case is Example 1: 民初 ordinary filed 2023-03-15, expiry 2023-09-15 (Friday).
"""

from __future__ import annotations

from datetime import date

import pytest

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.deadline import Deadline, compute_deadline
from qingji.core.deductions import cap_end, interval_days, merge_intervals
from qingji.core.events import CaseFacts, Deduction
from qingji.core.procedures import Procedure as P
from qingji.core.state import assess
from qingji.core.vocabulary import Status, Warning

CAL = WorkCalendar.official()
FILED = date(2023, 3, 15)


def d(text: str) -> date:
    return date.fromisoformat(text)


def ded(kind: str, start: str, end: str | None) -> Deduction:
    return Deduction(kind, d(start), d(end) if end else None)


def civil(*deductions: Deduction, closed: str | None = None) -> CaseFacts:
    return CaseFacts(
        "民初",
        FILED,
        P.ORDINARY,
        closed_on=d(closed) if closed else None,
        deductions=deductions,
        court_code="甘1002",
    )


def run(facts: CaseFacts, as_of: str = "2023-12-31", conventions: Conventions | None = None) -> Deadline:
    return compute_deadline(facts, d(as_of), CAL, conventions or Conventions())


# --- counting --------------------------------------------------------------------------------------------


def test_interval_counts_both_ends() -> None:
    assert interval_days(d("2023-04-01"), d("2023-04-30"), inclusive=True) == 30
    assert interval_days(d("2023-04-01"), d("2023-04-01"), inclusive=True) == 1
    assert interval_days(d("2023-04-01"), d("2023-04-30"), inclusive=False) == 29


def test_one_deduction_is_added_after_the_months() -> None:
    deadline = run(civil(ded("鉴定", "2023-04-01", "2023-04-30")))
    assert deadline.deducted_days == 30
    # 2023-09-15 + 30 days = 2023-10-15 (Sunday) → Monday 2023-10-16.
    assert deadline.expiry == d("2023-10-16")
    assert deadline.warnings == frozenset()


def test_single_day_deduction() -> None:
    deadline = run(civil(ded("公告", "2023-05-10", "2023-05-10")))
    assert deadline.deducted_days == 1
    assert deadline.expiry == d("2023-09-18")  # 09-16 Saturday → Monday 09-18


def test_exclusive_counting_setting() -> None:
    deadline = run(
        civil(ded("鉴定", "2023-04-01", "2023-04-30")), conventions=Conventions(deductions_inclusive=False)
    )
    assert deadline.deducted_days == 29
    assert deadline.expiry == d("2023-10-16")  # 10-14 Saturday → Monday 10-16


def test_overlapping_deductions_are_merged_and_flagged() -> None:
    # 04-01..04-30 and 04-20..05-10 merge into 04-01..05-10 = 40 days (not 30 + 21 = 51).
    deadline = run(civil(ded("鉴定", "2023-04-01", "2023-04-30"), ded("公告", "2023-04-20", "2023-05-10")))
    assert deadline.deducted_days == 40
    assert deadline.expiry == d("2023-10-25")  # Wednesday
    assert Warning.OVERLAPPING_DEDUCTIONS in deadline.warnings


def test_contained_and_identical_deductions_are_merged() -> None:
    deadline = run(civil(ded("鉴定", "2023-04-01", "2023-04-30"), ded("公告", "2023-04-10", "2023-04-12")))
    assert deadline.deducted_days == 30
    assert Warning.OVERLAPPING_DEDUCTIONS in deadline.warnings
    deadline = run(civil(ded("鉴定", "2023-04-01", "2023-04-30"), ded("鉴定", "2023-04-01", "2023-04-30")))
    assert deadline.deducted_days == 30
    assert Warning.OVERLAPPING_DEDUCTIONS in deadline.warnings


def test_sharing_one_day_is_an_overlap() -> None:
    deadline = run(civil(ded("鉴定", "2023-04-01", "2023-04-30"), ded("公告", "2023-04-30", "2023-05-10")))
    assert deadline.deducted_days == 40
    assert Warning.OVERLAPPING_DEDUCTIONS in deadline.warnings


def test_adjacent_deductions_are_not_merged_or_flagged() -> None:
    deadline = run(civil(ded("鉴定", "2023-04-01", "2023-04-30"), ded("公告", "2023-05-01", "2023-05-10")))
    assert deadline.deducted_days == 40
    assert deadline.expiry == d("2023-10-25")
    assert Warning.OVERLAPPING_DEDUCTIONS not in deadline.warnings
    merged = merge_intervals([(d("2023-05-01"), d("2023-05-10")), (d("2023-04-01"), d("2023-04-30"))])
    assert merged.intervals == ((d("2023-04-01"), d("2023-04-30")), (d("2023-05-01"), d("2023-05-10")))
    assert not merged.overlapping


# --- the case's life ---------------------------------------------------------------------------------------


def test_deduction_starting_before_filing_is_clipped_and_flagged() -> None:
    # 鉴定 2023-03-01..03-30 on a case filed 03-15: only 03-16..03-30 (15 days) lies in the period.
    deadline = run(civil(ded("鉴定", "2023-03-01", "2023-03-30")))
    assert Warning.DEDUCTION_OUTSIDE_LIFE in deadline.warnings
    assert deadline.deducted_days == 15
    # 2023-09-15 + 15 = 09-30 (National Day holiday) → 2023-10-07, a worked Saturday.
    assert deadline.expiry == d("2023-10-07")


def test_deduction_wholly_before_filing_is_not_counted() -> None:
    deadline = run(civil(ded("鉴定", "2023-02-01", "2023-02-28")))
    assert Warning.DEDUCTION_OUTSIDE_LIFE in deadline.warnings
    assert deadline.deducted_days == 0
    assert deadline.expiry == d("2023-09-15")


def test_deduction_running_past_closing_is_clipped_and_flagged() -> None:
    facts = civil(ded("鉴定", "2023-06-01", "2023-07-31"), closed="2023-06-30")
    deadline = run(facts)
    assert Warning.DEDUCTION_OUTSIDE_LIFE in deadline.warnings
    assert deadline.deducted_days == 30  # 06-01..06-30
    assert deadline.expiry == d("2023-10-16")
    assert assess(facts, d("2023-12-31"), CAL).status is Status.CLOSED_IN_TIME


@pytest.mark.parametrize("end", ["2023-07-20", None])
def test_deduction_starting_after_closing_is_flagged_and_not_counted(end: str | None) -> None:
    # Closed 2023-06-30; a deduction from 2023-07-10 lies wholly outside the case's life, open or not.
    deadline = run(civil(ded("鉴定", "2023-07-10", end), closed="2023-06-30"))
    assert Warning.DEDUCTION_OUTSIDE_LIFE in deadline.warnings
    assert deadline.deducted_days == 0
    assert deadline.expiry == d("2023-09-15")


def test_deduction_on_the_filing_day_does_not_count_the_filing_day() -> None:
    # The anchor day is never counted (C1), so a deduction from it counts from the next day.
    deadline = run(civil(ded("管辖权异议", "2023-03-15", "2023-03-24")))
    assert deadline.deducted_days == 9
    assert Warning.DEDUCTION_OUTSIDE_LIFE not in deadline.warnings


def test_deduction_after_as_of_is_not_yet_known() -> None:
    facts = civil(ded("鉴定", "2023-04-01", "2023-04-30"))
    assert run(facts, "2023-03-31").deducted_days == 0
    assert run(facts, "2023-03-31").expiry == d("2023-09-15")


# --- open deductions --------------------------------------------------------------------------------------


def test_open_deduction_counts_to_the_as_of_date_and_is_flagged() -> None:
    facts = civil(ded("鉴定", "2023-04-01", None))
    deadline = run(facts, "2023-04-10")
    assert Warning.DEDUCTION_OPEN in deadline.warnings
    assert deadline.deducted_days == 10  # 04-01..04-10
    assert deadline.expiry == d("2023-09-25")  # Monday
    later = run(facts, "2023-04-30")
    assert later.deducted_days == 30
    assert later.expiry == d("2023-10-16")


def test_open_deduction_on_a_closed_case_counts_to_closing() -> None:
    facts = civil(ded("鉴定", "2023-04-01", None), closed="2023-04-20")
    deadline = run(facts, "2023-12-31")
    assert deadline.deducted_days == 20
    assert Warning.DEDUCTION_OPEN in deadline.warnings


# --- caps ---------------------------------------------------------------------------------------------------


def test_adjournment_for_new_evidence_capped_at_one_month() -> None:
    # 2000-Prov Art. 9(5): "up to one month". 05-01..07-31 counts 05-01..05-31 = 31 days.
    deadline = run(civil(ded("延期审理", "2023-05-01", "2023-07-31")))
    assert deadline.deducted_days == 31
    assert deadline.expiry == d("2023-10-16")  # 09-15 + 31 = 10-16, Monday
    # A shorter adjournment counts in full.
    assert run(civil(ded("延期审理", "2023-05-01", "2023-05-10"))).deducted_days == 10
    assert cap_end("延期审理", d("2023-05-01"), d("2023-07-31")) == d("2023-05-31")
    assert cap_end("鉴定", d("2023-05-01"), d("2023-07-31")) == d("2023-07-31")


def test_new_defence_counsel_capped_at_fifteen_days() -> None:
    # CrPL-Interp 313 / CONVENTION (§3.1 item 2): 15 days.
    facts = CaseFacts(
        "刑初", d("2024-03-15"), P.ORDINARY, deductions=(ded("更换辩护人", "2024-04-01", "2024-05-31"),)
    )
    deadline = compute_deadline(facts, d("2024-06-01"), CAL)
    assert deadline.deducted_days == 15
    # 2024-06-15 + 15 = 2024-06-30, a Sunday → Monday 2024-07-01.
    assert deadline.expiry == d("2024-07-01")


# --- kinds allowed ---------------------------------------------------------------------------------------


def test_settlement_on_a_criminal_case_is_kept_flagged_and_not_counted() -> None:
    facts = CaseFacts(
        "刑初", d("2024-03-15"), P.ORDINARY, deductions=(ded("和解", "2024-04-01", "2024-04-10"),)
    )
    deadline = compute_deadline(facts, d("2024-05-01"), CAL)
    assert Warning.DEDUCTION_NOT_ALLOWED in deadline.warnings
    assert deadline.deducted_days == 0
    assert deadline.expiry == d("2024-06-17")
    assert any("和解" in step.zh for step in deadline.steps)  # kept in the explanation
    counted = compute_deadline(facts, d("2024-05-01"), CAL, Conventions(count_disallowed_deductions=True))
    assert counted.deducted_days == 10
    assert counted.expiry == d("2024-06-25")  # 06-15 + 10, Tuesday


@pytest.mark.parametrize(
    ("code", "procedure", "kind", "allowed"),
    [
        ("民初", P.ORDINARY, "公告", True),  # CPL-Interp 243
        ("民初", P.ORDINARY, "鉴定", True),
        ("民初", P.ORDINARY, "和解", True),
        ("民初", P.ORDINARY, "管辖权异议", True),
        ("民初", P.ORDINARY, "管辖争议", True),
        ("民初", P.ORDINARY, "中止", True),  # CPL 153; 2000-Prov Art. 9(9)
        ("民初", P.ORDINARY, "审计评估", True),  # 2000-Prov Art. 9(8)
        ("民初", P.ORDINARY, "精神病鉴定", False),
        ("民初", P.ORDINARY, "检察院阅卷", False),
        ("民初", P.ORDINARY, "拍卖变卖", False),
        ("行初", P.ORDINARY, "调解", True),  # ALL-Interp 50(1)
        ("行初", P.ORDINARY, "中止", True),
        ("民初", P.ORDINARY, "调解", False),  # mediation is an administrative deduction only
        ("刑初", P.ORDINARY, "精神病鉴定", True),  # CrPL 149
        ("刑初", P.ORDINARY, "中止", True),  # CrPL 206
        ("刑初", P.ORDINARY, "公告", False),
        ("刑初", P.ORDINARY, "鉴定", False),
        ("刑初", P.ORDINARY, "检察院阅卷", False),  # only on appeal
        ("刑终", None, "检察院阅卷", True),  # CrPL 235
        ("执", None, "拍卖变卖", True),  # 2000-Prov Art. 9(12)
        ("执", None, "暂缓执行", True),  # 2000-Prov Art. 9(10)(11)
        ("执", None, "中止", True),
        ("执", None, "和解", False),
        ("民初", P.ORDINARY, "请示", False),  # local kind, off by default (§3.4)
        ("民初", P.ORDINARY, "审委会", False),
    ],
)
def test_allowed_kinds(code: str, procedure: P | None, kind: str, allowed: bool) -> None:
    facts = CaseFacts(code, FILED, procedure, deductions=(ded(kind, "2023-04-03", "2023-04-07"),))
    deadline = compute_deadline(facts, d("2023-05-01"), CAL)
    assert (deadline.deducted_days == 5) == allowed
    assert (Warning.DEDUCTION_NOT_ALLOWED in deadline.warnings) == (not allowed)


def test_local_kinds_count_when_switched_on() -> None:
    facts = civil(ded("请示", "2023-04-01", "2023-04-30"), ded("审委会", "2023-06-01", "2023-06-10"))
    off = run(facts)
    assert off.deducted_days == 0
    assert off.expiry == d("2023-09-15")
    assert Warning.DEDUCTION_NOT_ALLOWED in off.warnings
    on = run(facts, conventions=Conventions(local_deduction_kinds=frozenset({"请示"})))
    assert on.deducted_days == 30
    assert on.expiry == d("2023-10-16")
    assert Warning.DEDUCTION_NOT_ALLOWED in on.warnings  # 审委会 is still off
    both = run(facts, conventions=Conventions(local_deduction_kinds=frozenset({"请示", "审委会"})))
    assert both.deducted_days == 40
    assert Warning.DEDUCTION_NOT_ALLOWED not in both.warnings


def test_deduction_step_names_its_source() -> None:
    deadline = run(civil(ded("鉴定", "2023-04-01", "2023-04-30")))
    step = next(step for step in deadline.steps if "鉴定" in step.zh)
    assert "CPL-Interp 243" in step.basis
    assert step.result == d("2023-10-15")
    assert "扣除30日" in deadline.basis


# --- restarts drop earlier deductions (C7) ---------------------------------------------------------------


def test_deductions_before_a_restart_are_dropped() -> None:
    from qingji.core.events import Restart

    facts = CaseFacts(
        "刑初",
        d("2024-01-10"),
        P.ORDINARY,
        deductions=(ded("精神病鉴定", "2024-01-20", "2024-01-31"), ded("中止", "2024-03-10", "2024-03-19")),
        restarts=(Restart("补充侦查", d("2024-03-01")),),
    )
    deadline = compute_deadline(facts, d("2024-04-01"), CAL)
    # New anchor 2024-03-01: 3 months → 06-01, + 10 days (the suspension after the restart) = 2024-06-11 (Tue).
    assert deadline.anchor == d("2024-03-01")
    assert deadline.deducted_days == 10
    assert deadline.expiry == d("2024-06-11")
