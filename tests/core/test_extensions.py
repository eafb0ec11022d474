"""Extensions: who may approve, how much, how often, and when they count (rules §2, §10; C4).

Approver rules: 民初 ordinary — 1st by the court president, 2nd by the next-higher court (CPL 152; 2000-Prov Art. 2);
行初 — the High Court (ALL 81; basic courts apply directly to it, ALL-Interp 50(3)); 刑初 — the next-higher court
once, then the SPC (CrPL 208; CrPL-Interp 210); enforcement — president or vice-president (2006 rule Art. 1).
"""

from __future__ import annotations

from datetime import date

import pytest

from qingji.core.approvers import approver_authority, required_authority
from qingji.core.calendar import WorkCalendar
from qingji.core.deadline import Deadline, compute_deadline
from qingji.core.events import CaseFacts, Extension, Period, Restart
from qingji.core.periods import Approver
from qingji.core.procedures import Procedure as P
from qingji.core.vocabulary import Warning

CAL = WorkCalendar.official()
FILED = date(2023, 3, 15)  # Example 1: expiry 2023-09-15 without extensions


def d(text: str) -> date:
    return date.fromisoformat(text)


def civil(
    *extensions: Extension, court: str = "甘1002", procedure: P = P.ORDINARY, code: str = "民初"
) -> CaseFacts:
    return CaseFacts(code, FILED, procedure, court_code=court, extensions=extensions)


def run(facts: CaseFacts, as_of: str = "2025-01-01") -> Deadline:
    return compute_deadline(facts, d(as_of), CAL)


FIRST = Extension(Period(6), "院长", d("2023-09-01"))


# --- approver level ---------------------------------------------------------------------------------------


def test_first_civil_extension_by_president_is_right() -> None:
    deadline = run(civil(FIRST))
    assert deadline.expiry == d("2024-03-15")  # 12 months, Friday
    assert deadline.warnings == frozenset()


@pytest.mark.parametrize("approver", ["本院院长", "院长", "庆阳市西峰区人民法院院长 张三"])
def test_first_civil_extension_president_spellings(approver: str) -> None:
    deadline = run(civil(Extension(Period(6), approver, d("2023-09-01"))))
    assert Warning.EXTENSION_WRONG_LEVEL not in deadline.warnings


def test_first_civil_extension_by_vice_president_is_wrong_level_but_counted() -> None:
    deadline = run(civil(Extension(Period(6), "副院长", d("2023-09-01"))))
    assert Warning.EXTENSION_WRONG_LEVEL in deadline.warnings
    assert deadline.expiry == d("2024-03-15")  # the record says it was approved: counted


def test_second_civil_extension_by_intermediate_court_for_a_basic_court() -> None:
    second = Extension(Period(3), "庆阳市中级人民法院", d("2024-03-01"))
    deadline = run(civil(FIRST, second))
    assert deadline.warnings == frozenset()
    assert deadline.expiry == d("2024-06-17")  # 15 months: 2024-06-15 Saturday → Monday


@pytest.mark.parametrize("approver", ["甘肃省庆阳市中级人民法院", "上级法院", "庆阳中院"])
def test_second_civil_extension_higher_court_spellings(approver: str) -> None:
    deadline = run(civil(FIRST, Extension(Period(3), approver, d("2024-03-01"))))
    assert Warning.EXTENSION_WRONG_LEVEL not in deadline.warnings


def test_second_civil_extension_by_president_is_wrong_level() -> None:
    deadline = run(civil(FIRST, Extension(Period(3), "院长", d("2024-03-01"))))
    assert Warning.EXTENSION_WRONG_LEVEL in deadline.warnings
    assert deadline.expiry == d("2024-06-17")


def test_intermediate_court_case_goes_to_the_high_court() -> None:
    # For a case first heard by the intermediate court (甘10), the next-higher court is the Gansu High Court.
    first = Extension(Period(6), "院长", d("2023-09-01"))
    right = run(civil(first, Extension(Period(3), "甘肃省高级人民法院", d("2024-03-01")), court="甘10"))
    assert right.warnings == frozenset()
    wrong = run(civil(first, Extension(Period(3), "庆阳市中级人民法院", d("2024-03-01")), court="甘10"))
    assert Warning.EXTENSION_WRONG_LEVEL in wrong.warnings


def test_required_authority_levels() -> None:
    assert required_authority(Approver.NEXT_HIGHER_COURT, "甘1002") == approver_authority(
        "庆阳市中级人民法院", "甘1002"
    )
    assert required_authority(Approver.NEXT_HIGHER_COURT, "甘10") == approver_authority(
        "甘肃省高级人民法院", "甘10"
    )
    assert required_authority(Approver.HIGH_COURT, "甘1002") == approver_authority(
        "甘肃省高级人民法院", "甘1002"
    )
    # A High Court's own administrative cases are extended by the SPC (ALL 81).
    assert required_authority(Approver.HIGH_COURT, "甘") == approver_authority("最高人民法院", "甘")
    assert approver_authority("", "甘1002") is None
    assert approver_authority("张三", "甘1002") is None


@pytest.mark.parametrize(
    ("approver", "ok"),
    [
        ("甘肃省高级人民法院", True),
        ("高级人民法院", True),
        ("最高人民法院", True),
        ("庆阳市中级人民法院", False),
        ("院长", False),
        (
            "上级法院",
            False,
        ),  # for a basic court the next-higher court is the intermediate court, not the High Court
    ],
)
def test_administrative_extension_needs_the_high_court(approver: str, ok: bool) -> None:
    facts = civil(Extension(Period(3), approver, d("2023-09-01")), code="行初")
    deadline = run(facts)
    assert (Warning.EXTENSION_WRONG_LEVEL not in deadline.warnings) == ok
    assert deadline.expiry == d("2023-12-15")  # counted either way: 9 months, Friday


def test_administrative_high_court_case_needs_the_spc() -> None:
    facts = civil(Extension(Period(3), "甘肃省高级人民法院", d("2023-09-01")), code="行初", court="甘")
    assert Warning.EXTENSION_WRONG_LEVEL in run(facts).warnings
    facts = civil(Extension(Period(3), "最高人民法院", d("2023-09-01")), code="行初", court="甘")
    assert Warning.EXTENSION_WRONG_LEVEL not in run(facts).warnings


def test_criminal_first_instance_extension_by_president_is_wrong_level() -> None:
    facts = CaseFacts(
        "刑初",
        FILED,
        P.ORDINARY,
        court_code="甘1002",
        extensions=(Extension(Period(3), "院长", d("2023-06-01")),),
    )
    assert Warning.EXTENSION_WRONG_LEVEL in run(facts).warnings


def test_criminal_appeal_extension_needs_the_high_court() -> None:
    facts = CaseFacts(
        "刑终", FILED, None, court_code="甘10", extensions=(Extension(Period(2), "院长", d("2023-05-01")),)
    )
    assert Warning.EXTENSION_WRONG_LEVEL in run(facts).warnings


def test_missing_approver_flagged_but_counted() -> None:
    for approver in (None, "", "  "):
        deadline = run(civil(Extension(Period(6), approver, d("2023-09-01"))))
        assert Warning.EXTENSION_WITHOUT_APPROVER in deadline.warnings
        assert Warning.EXTENSION_WRONG_LEVEL not in deadline.warnings
        assert deadline.expiry == d("2024-03-15")


def test_unrecognised_approver_is_wrong_level() -> None:
    deadline = run(civil(Extension(Period(6), "张三", d("2023-09-01"))))
    assert Warning.EXTENSION_WRONG_LEVEL in deadline.warnings


# --- how much and how often -------------------------------------------------------------------------------


def test_third_civil_extension_is_beyond_maximum_and_not_counted() -> None:
    third = Extension(Period(3), "甘肃省高级人民法院", d("2024-06-01"))
    deadline = run(civil(FIRST, Extension(Period(3), "庆阳市中级人民法院", d("2024-03-01")), third))
    assert Warning.EXTENSION_BEYOND_MAXIMUM in deadline.warnings
    assert deadline.extended == Period(9)
    assert deadline.expiry == d("2024-06-17")


def test_too_long_extension_is_cut_to_the_maximum() -> None:
    deadline = run(civil(Extension(Period(8), "院长", d("2023-09-01"))))
    assert Warning.EXTENSION_BEYOND_MAXIMUM in deadline.warnings
    assert deadline.extended == Period(6)
    assert deadline.expiry == d("2024-03-15")
    second = Extension(Period(6), "庆阳市中级人民法院", d("2024-03-01"))
    deadline = run(civil(FIRST, second))
    assert deadline.extended == Period(9)  # the 2nd step is at most 3 months (2000-Prov Art. 2)
    assert Warning.EXTENSION_BEYOND_MAXIMUM in deadline.warnings


def test_shorter_extension_counts_its_own_length() -> None:
    deadline = run(civil(Extension(Period(2), "院长", d("2023-09-01"))))
    assert deadline.extended == Period(2)
    assert deadline.expiry == d("2023-11-15")  # 8 months, Wednesday
    assert deadline.warnings == frozenset()


def test_blank_length_takes_the_step_length() -> None:
    deadline = run(civil(Extension(None, "院长", d("2023-09-01"))))
    assert deadline.extended == Period(6)
    assert deadline.expiry == d("2024-03-15")


def test_extensions_are_matched_to_steps_in_order_of_approval() -> None:
    # Listed out of order: the earlier approval is the first extension.
    second = Extension(Period(3), "庆阳市中级人民法院", d("2024-03-01"))
    deadline = run(civil(second, FIRST))
    assert deadline.warnings == frozenset()
    assert deadline.expiry == d("2024-06-17")


# --- when they count -------------------------------------------------------------------------------------


def test_extension_approved_after_as_of_is_not_yet_counted() -> None:
    facts = civil(FIRST)
    before = compute_deadline(facts, d("2023-08-31"), CAL)
    assert before.expiry == d("2023-09-15")
    assert before.extended == Period()
    on_the_day = compute_deadline(facts, d("2023-09-01"), CAL)
    assert on_the_day.expiry == d("2024-03-15")


def test_explanation_lists_each_extension_with_its_result() -> None:
    deadline = run(civil(FIRST, Extension(Period(3), "庆阳市中级人民法院", d("2024-03-01"))))
    results = [step.result for step in deadline.steps if step.result is not None]
    assert results[:3] == [d("2023-09-15"), d("2024-03-15"), d("2024-06-15")]
    assert "CPL 152" in deadline.steps[0].basis
    assert "2000-Prov Art. 2" in deadline.steps[2].basis
    assert "庆阳市中级人民法院" in deadline.steps[2].zh


def test_extension_before_a_restart_is_discarded() -> None:
    # C7: a restart replaces the anchor; the extension approved before it no longer counts.
    facts = CaseFacts(
        "刑初",
        d("2024-01-10"),
        P.ORDINARY,
        court_code="甘1002",
        extensions=(Extension(Period(3), "庆阳市中级人民法院", d("2024-02-01")),),
        restarts=(Restart("补充侦查", d("2024-03-01")),),
    )
    deadline = compute_deadline(facts, d("2024-03-02"), CAL)
    assert deadline.extended == Period()
    assert deadline.expiry == d("2024-06-03")  # 2024-06-01 Saturday → Monday


def test_two_extensions_approved_on_one_day_count_alike_in_either_row_order() -> None:
    """The order of the export's rows never decides: [3个月, 6个月] and [6个月, 3个月] approved on one day give
    one expiry (the database need not keep the file's order; the engine sorts alike, tests/engine)."""

    def expiry(lengths: tuple[int, ...]) -> date | None:
        facts = CaseFacts(
            "民初", date(2024, 3, 1), P.ORDINARY, court_code="甘1002",
            extensions=tuple(Extension(Period(m), "院长", date(2024, 8, 20)) for m in lengths),
        )  # fmt: skip
        return compute_deadline(facts, date(2025, 12, 31), CAL).expiry

    assert expiry((3, 6)) == expiry((6, 3)) is not None
