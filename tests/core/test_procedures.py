"""Procedure flags, conversions and restarts (rules §1, §3.3, §6.3; C7).

* A missing or unknown procedure where the type code does not fix the period: the longest period, flagged (§6.3).
* Civil/administrative simple → ordinary keeps the original filing date (CPL-Interp 258(3); ALL-Interp 105).
* Criminal simple/fast-track → another procedure: the new period runs from the switch (CrPL-Interp 368, 376).
* Restarts replace the anchor; earlier time is discarded (CrPL 208, 241; C7).
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.deadline import compute_deadline
from qingji.core.events import RESTART_REASONS, CaseFacts, Conversion, Deduction, Extension, Period, Restart
from qingji.core.procedures import Procedure as P
from qingji.core.procedures import parse_procedure
from qingji.core.vocabulary import Warning

CAL = WorkCalendar.official()


def d(text: str) -> date:
    return date.fromisoformat(text)


# --- missing and unknown procedure -------------------------------------------------------------------------


@pytest.mark.parametrize("procedure", [None, P.FAST_TRACK, P.APPEAL_RULING, P.NON_LITIGATION])
def test_civil_first_instance_missing_or_unknown_procedure(procedure: P | None) -> None:
    facts = CaseFacts("民初", d("2023-03-15"), procedure)
    deadline = compute_deadline(facts, d("2023-03-16"), CAL)
    assert deadline.procedure is P.ORDINARY
    assert deadline.expiry == d("2023-09-15")
    assert Warning.UNKNOWN_PROCEDURE in deadline.warnings


def test_unreadable_procedure_text_is_missing() -> None:
    assert parse_procedure("不知道") is None
    assert parse_procedure("") is None
    assert parse_procedure(None) is None
    assert parse_procedure(" 简易程序 ") is P.SIMPLE
    assert parse_procedure("小额诉讼程序") is P.SMALL_CLAIMS
    assert parse_procedure("Ordinary") is P.ORDINARY


def test_known_procedure_is_not_flagged() -> None:
    deadline = compute_deadline(CaseFacts("民初", d("2023-03-15"), P.SIMPLE), d("2023-03-16"), CAL)
    assert Warning.UNKNOWN_PROCEDURE not in deadline.warnings


def test_enforcement_without_procedure_is_not_flagged() -> None:
    deadline = compute_deadline(CaseFacts("执", d("2023-03-15"), None), d("2023-03-16"), CAL)
    assert deadline.expiry == d("2023-09-15")  # 6 months
    assert Warning.UNKNOWN_PROCEDURE not in deadline.warnings


@pytest.mark.parametrize(("code", "months"), [("民终", 3), ("行初", 6), ("民再", 6), ("行再", 6)])
def test_other_procedure_dependent_codes_fall_back_to_the_longest(code: str, months: int) -> None:
    deadline = compute_deadline(CaseFacts(code, d("2023-03-15"), None), d("2023-03-16"), CAL)
    assert deadline.base == Period(months)
    assert Warning.UNKNOWN_PROCEDURE in deadline.warnings


def test_criminal_first_instance_without_procedure() -> None:
    # The longest 刑初 period is the 6-month private prosecution; in custody that runs as public prosecution.
    free = compute_deadline(CaseFacts("刑初", d("2024-03-15"), None), d("2024-03-16"), CAL)
    assert free.base == Period(6)
    assert Warning.UNKNOWN_PROCEDURE in free.warnings
    held = compute_deadline(CaseFacts("刑初", d("2024-03-15"), None, in_custody=True), d("2024-03-16"), CAL)
    assert held.base == Period(3)


# --- conversions ----------------------------------------------------------------------------------------


def test_civil_simple_to_ordinary_keeps_the_original_filing_date() -> None:
    facts = CaseFacts(
        "民初", d("2023-03-15"), P.SIMPLE, conversions=(Conversion(P.ORDINARY, d("2023-05-20")),)
    )
    before = compute_deadline(facts, d("2023-05-19"), CAL)
    assert before.expiry == d("2023-06-15")  # still simple: 3 months
    after = compute_deadline(facts, d("2023-05-20"), CAL)
    assert after.procedure is P.ORDINARY
    assert after.anchor == d("2023-03-15")
    assert after.expiry == d("2023-09-15")  # 6 months from the original filing
    assert after.converted_to is P.ORDINARY
    assert any("258(3)" in step.basis for step in after.steps)
    assert Warning.CONVERSION_NOT_ALLOWED not in after.warnings


def test_civil_conversion_keeps_deductions_from_before_it() -> None:
    facts = CaseFacts(
        "民初",
        d("2023-03-15"),
        P.SIMPLE,
        deductions=(Deduction("鉴定", d("2023-04-01"), d("2023-04-30")),),
        conversions=(Conversion(P.ORDINARY, d("2023-05-20")),),
    )
    deadline = compute_deadline(facts, d("2023-06-01"), CAL)
    assert deadline.deducted_days == 30
    assert deadline.expiry == d("2023-10-16")  # 09-15 + 30 = 10-15 Sunday → Monday


def test_administrative_simple_to_ordinary_keeps_the_filing_date() -> None:
    facts = CaseFacts(
        "行初", d("2023-03-15"), P.SIMPLE, conversions=(Conversion(P.ORDINARY, d("2023-04-20")),)
    )
    assert compute_deadline(facts, d("2023-05-01"), CAL).expiry == d("2023-09-15")


def test_small_claims_to_simple_counts_from_the_original_filing() -> None:
    # CONVENTION (§1.1): by analogy with CPL-Interp 258(3).
    facts = CaseFacts(
        "民初", d("2023-03-15"), P.SMALL_CLAIMS, conversions=(Conversion(P.SIMPLE, d("2023-04-20")),)
    )
    assert compute_deadline(facts, d("2023-05-01"), CAL).expiry == d("2023-06-15")


def test_ordinary_to_simple_is_flagged() -> None:
    facts = CaseFacts(
        "民初", d("2023-03-15"), P.ORDINARY, conversions=(Conversion(P.SIMPLE, d("2023-04-20")),)
    )
    assert Warning.CONVERSION_NOT_ALLOWED in compute_deadline(facts, d("2023-05-01"), CAL).warnings


def test_conversion_to_a_procedure_the_type_code_does_not_have_is_ignored() -> None:
    facts = CaseFacts(
        "民初", d("2023-03-15"), P.SIMPLE, conversions=(Conversion(P.FAST_TRACK, d("2023-04-20")),)
    )
    deadline = compute_deadline(facts, d("2023-05-01"), CAL)
    assert Warning.CONVERSION_NOT_ALLOWED in deadline.warnings
    assert deadline.expiry == d("2023-06-15")


def test_criminal_simple_to_ordinary_restarts_from_the_switch() -> None:
    facts = CaseFacts(
        "刑初", d("2024-03-15"), P.SIMPLE, conversions=(Conversion(P.ORDINARY, d("2024-03-25")),)
    )
    deadline = compute_deadline(facts, d("2024-03-26"), CAL)
    assert deadline.anchor == d("2024-03-25")
    # 3 months (outer limit) from 2024-03-25 → 2024-06-25, Tuesday.
    assert deadline.expiry == d("2024-06-25")
    assert any("368" in step.basis for step in deadline.steps)


def test_criminal_fast_track_to_simple_restarts_from_the_switch() -> None:
    facts = CaseFacts(
        "刑初", d("2024-03-15"), P.FAST_TRACK, conversions=(Conversion(P.SIMPLE, d("2024-03-20")),)
    )
    # 20 days from 2024-03-20 → 2024-04-09, Tuesday.
    assert compute_deadline(facts, d("2024-03-21"), CAL).expiry == d("2024-04-09")


def test_criminal_switch_drops_earlier_deductions_and_extensions() -> None:
    facts = CaseFacts(
        "刑初",
        d("2024-03-15"),
        P.SIMPLE,
        extensions=(Extension(None, "院长", d("2024-03-18")),),
        deductions=(Deduction("中止", d("2024-03-16"), d("2024-03-20")),),
        conversions=(Conversion(P.ORDINARY, d("2024-03-25")),),
    )
    deadline = compute_deadline(facts, d("2024-03-26"), CAL)
    assert deadline.deducted_days == 0
    assert deadline.extended == Period()
    assert deadline.expiry == d("2024-06-25")


# --- restarts -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["补充侦查", "发回重审", "改变管辖", "指定管辖"])
def test_criminal_restart_replaces_the_anchor(reason: str) -> None:
    facts = CaseFacts("刑初", d("2024-01-10"), P.ORDINARY, restarts=(Restart(reason, d("2024-03-01")),))
    deadline = compute_deadline(facts, d("2024-03-02"), CAL)
    assert deadline.anchor == d("2024-03-01")
    assert deadline.restarted_on == d("2024-03-01")
    assert deadline.expiry == d("2024-06-03")  # 2024-06-01 Saturday → Monday
    assert Warning.RESTART_NOT_ALLOWED not in deadline.warnings
    assert "重新计算2024-03-01" in deadline.basis
    # the step says why in both languages: the English from the rules' table of reasons, never the Chinese
    (step,) = [step for step in deadline.steps if step.zh.startswith("重新计算")]
    assert reason in step.zh
    assert step.en == f"restart, {RESTART_REASONS[reason]}: the period runs from 2024-03-01"
    assert not re.search(r"[\u4e00-\u9fff]", step.en)


def test_restart_not_yet_known_on_as_of() -> None:
    facts = CaseFacts("刑初", d("2024-01-10"), P.ORDINARY, restarts=(Restart("补充侦查", d("2024-03-01")),))
    deadline = compute_deadline(facts, d("2024-02-29"), CAL)
    assert deadline.anchor == d("2024-01-10")
    assert deadline.expiry == d("2024-04-10")  # Wednesday


def test_the_last_restart_wins() -> None:
    facts = CaseFacts(
        "刑初",
        d("2024-01-10"),
        P.ORDINARY,
        restarts=(Restart("补充侦查", d("2024-05-06")), Restart("补充侦查", d("2024-03-01"))),
    )
    deadline = compute_deadline(facts, d("2024-06-01"), CAL)
    assert deadline.anchor == d("2024-05-06")
    assert deadline.expiry == d("2024-08-06")  # Tuesday


def test_restart_reason_not_for_civil_cases_is_flagged() -> None:
    # Civil remands get a new case number and a new filing (§3.3); a restart on a 民初 record is suspicious.
    facts = CaseFacts("民初", d("2023-03-15"), P.ORDINARY, restarts=(Restart("发回重审", d("2023-05-01")),))
    assert Warning.RESTART_NOT_ALLOWED in compute_deadline(facts, d("2023-06-01"), CAL).warnings


@pytest.mark.parametrize("reason", ["", "补充侦查"])
def test_any_restart_on_a_civil_case_is_flagged(reason: str) -> None:
    # §3.3: civil remands and transfers are filed as new cases; nothing restarts a 民初 clock, with or without a
    # stated reason, so a restart there is always flagged.
    facts = CaseFacts("民初", d("2023-03-15"), P.ORDINARY, restarts=(Restart(reason, d("2023-09-01")),))
    assert Warning.RESTART_NOT_ALLOWED in compute_deadline(facts, d("2023-10-01"), CAL).warnings


def test_criminal_restart_without_a_reason_is_not_flagged() -> None:
    facts = CaseFacts("刑初", d("2024-01-10"), P.ORDINARY, restarts=(Restart("", d("2024-03-01")),))
    assert Warning.RESTART_NOT_ALLOWED not in compute_deadline(facts, d("2024-03-02"), CAL).warnings


def test_restart_keeps_earlier_events_when_the_setting_is_off() -> None:
    facts = CaseFacts(
        "刑初",
        d("2024-01-10"),
        P.ORDINARY,
        court_code="甘1002",
        extensions=(Extension(Period(3), "庆阳市中级人民法院", d("2024-02-01")),),
        restarts=(Restart("补充侦查", d("2024-03-01")),),
    )
    keep = Conventions(restart_discards_earlier_events=False)
    deadline = compute_deadline(facts, d("2024-03-02"), CAL, keep)
    # 6 months from the new anchor 2024-03-01 → 2024-09-01 (Sunday) → Monday 2024-09-02.
    assert deadline.expiry == d("2024-09-02")
