"""Periods for the main rows of the rule table (rules/trial-periods.md §1, §10).

Every expected date is worked by hand: anchor + period (C2/C3), + extensions from the anchor (C4), then the
rest-day roll-forward against the §4.3 holiday table (C6). Weekdays noted in comments.
"""

from __future__ import annotations

from datetime import date

import pytest

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.deadline import compute_deadline
from qingji.core.events import CaseFacts, Extension, Period
from qingji.core.periods import DEFAULT_RULES
from qingji.core.procedures import Procedure as P
from qingji.core.state import assess
from qingji.core.vocabulary import Status, Warning

CAL = WorkCalendar.official()


def d(text: str) -> date:
    return date.fromisoformat(text)


def expiry(facts: CaseFacts, as_of: str, conventions: Conventions | None = None) -> date | None:
    return compute_deadline(facts, d(as_of), CAL, conventions or Conventions()).expiry


def ext(months: int, by: str, on: str, days: int = 0) -> Extension:
    return Extension(Period(months, days), by, d(on))


F = "2023-03-15"  # a Wednesday; the civil and administrative anchor below
C = "2024-03-15"  # a Friday; the criminal anchor below


@pytest.mark.parametrize(
    ("code", "procedure", "filed", "expected"),
    [
        # 民初 ordinary 6 m (CPL 152): 2023-09-15 Fri.
        ("民初", P.ORDINARY, F, "2023-09-15"),
        # 民初 simple 3 m (CPL 164): 2023-06-15 Thu.
        ("民初", P.SIMPLE, F, "2023-06-15"),
        # 民初 small claims 2 m (CPL 168): 2023-05-15 Mon.
        ("民初", P.SMALL_CLAIMS, F, "2023-05-15"),
        # 民初 maritime collision 1 year (2000-Prov Art. 2): 2024-03-15 Fri.
        ("民初", P.MARITIME, F, "2024-03-15"),
        # 民终 against a judgment 3 m (CPL 183(1)): 2023-06-15 Thu.
        ("民终", P.APPEAL_JUDGMENT, F, "2023-06-15"),
        # 民终 against a ruling 30 d (CPL 183(2)): 2023-04-14 Fri.
        ("民终", P.APPEAL_RULING, F, "2023-04-14"),
        # 民辖终 30 d.
        ("民辖终", None, F, "2023-04-14"),
        # 刑初 ordinary: outer limit 3 m (CrPL 208(1), convention): 2024-06-15 Sat → Mon 06-17.
        ("刑初", P.ORDINARY, C, "2024-06-17"),
        # 刑初 simple 20 d (CrPL 220): 2024-04-04 Qingming holiday → worked Sunday 2024-04-07.
        ("刑初", P.SIMPLE, C, "2024-04-07"),
        # 刑初 fast-track 10 d (CrPL 225): 2024-03-25 Mon.
        ("刑初", P.FAST_TRACK, C, "2024-03-25"),
        # 刑初 private prosecution, not in custody, 6 m (CrPL 212(2)): 2024-09-15 Mid-Autumn → Wed 09-18.
        ("刑初", P.PRIVATE_PROSECUTION, C, "2024-09-18"),
        # 刑终 2 m (CrPL 243): 2024-05-15 Wed.
        ("刑终", None, C, "2024-05-15"),
        # 刑再 3 m (CrPL 258(1)): 2024-06-15 Sat → Mon 06-17.
        ("刑再", None, C, "2024-06-17"),
        # 行初 ordinary 6 m (ALL 81): 2023-09-15.
        ("行初", P.ORDINARY, F, "2023-09-15"),
        # 行初 simple 45 d (ALL 83): 2023-04-29, Sat and Labour Day holiday (04-29..05-03) → Thu 05-04.
        ("行初", P.SIMPLE, F, "2023-05-04"),
        # 行终 3 m (ALL 88): 2023-06-15.
        ("行终", None, F, "2023-06-15"),
        # 执 6 m (2000-Prov Art. 5): 2023-09-15.
        ("执", None, F, "2023-09-15"),
        # 执 non-litigation enforcement 3 m: 2023-06-15.
        ("执", P.NON_LITIGATION, F, "2023-06-15"),
        # 执恢 treated like 执 (CONVENTION, §1.5).
        ("执恢", None, F, "2023-09-15"),
        # 执异 15 d (CPL 236): 2023-03-30 Thu.
        ("执异", None, F, "2023-03-30"),
        # 执复 30 d (Exec-Interp 8): 2023-04-14.
        ("执复", None, F, "2023-04-14"),
        # 民特 30 d (CPL 187).
        ("民特", None, F, "2023-04-14"),
        # 民再 under first-instance procedure: 6 m from the day after the retrial filing.
        ("民再", P.FIRST_INSTANCE_PROCEDURE, F, "2023-09-15"),
        ("民再", P.SECOND_INSTANCE_PROCEDURE, F, "2023-06-15"),
        # 行再 likewise (ALL-Interp 50(2)).
        ("行再", P.FIRST_INSTANCE_PROCEDURE, F, "2023-09-15"),
        ("行再", P.SECOND_INSTANCE_PROCEDURE, F, "2023-06-15"),
        # 民申 3 m (CPL 215); 民撤 6 m (as ordinary).
        ("民申", None, F, "2023-06-15"),
        ("民撤", None, F, "2023-09-15"),
        # 刑医 1 m (CrPL 305): 2024-04-15 Mon.
        ("刑医", None, C, "2024-04-15"),
        # 委赔 3 m (SCL 28); 法赔 2 m (SCL 23).
        ("委赔", None, F, "2023-06-15"),
        ("法赔", None, F, "2023-05-15"),
    ],
)
def test_base_period(code: str, procedure: P | None, filed: str, expected: str) -> None:
    facts = CaseFacts(code, d(filed), procedure)
    assert expiry(facts, filed) == d(expected)


@pytest.mark.parametrize(
    ("code", "procedure"),
    [
        ("民初", P.FOREIGN_RELATED),
        ("执保", None),
        ("执监", None),
        ("执协", None),
        ("民催", None),
        ("破", None),
    ],
)
def test_no_statutory_limit(code: str, procedure: P | None) -> None:
    facts = CaseFacts(code, d(F), procedure)
    deadline = compute_deadline(facts, d("2025-01-01"), CAL)
    assert deadline.expiry is None
    assert deadline.base is None
    state = assess(facts, d("2025-01-01"), CAL)
    assert state.status is Status.NO_LIMIT
    assert state.days_remaining is None
    assert Warning.OVERDUE not in state.warnings
    # Old cases without a limit still age into the long-pending tiers (C10): 2023-03-15 + 18 m = 2024-09-15.
    assert state.long_pending == 18


def test_no_rule_for_unknown_type_code() -> None:
    deadline = compute_deadline(CaseFacts("民x", d(F)), d(F), CAL)
    assert deadline.expiry is None
    assert Warning.UNKNOWN_TYPE_CODE in deadline.warnings


# --- 民初 extensions ------------------------------------------------------------------------------------------


def test_civil_ordinary_with_both_extensions_totals_fifteen_months() -> None:
    facts = CaseFacts(
        "民初",
        d(F),
        P.ORDINARY,
        court_code="甘1002",
        extensions=(ext(6, "院长", "2023-09-01"), ext(3, "庆阳市中级人民法院", "2024-03-01")),
    )
    deadline = compute_deadline(facts, d("2024-04-01"), CAL)
    # 15 months from 2023-03-15 = 2024-06-15, a Saturday → Monday 2024-06-17.
    assert deadline.expiry == d("2024-06-17")
    assert deadline.extended == Period(9)
    assert deadline.warnings == frozenset()


def test_civil_simple_one_extension_then_maximum() -> None:
    one = CaseFacts("民初", d(F), P.SIMPLE, extensions=(ext(1, "院长", "2023-06-01"),))
    # 4 months: 2023-07-15, a Saturday → Monday 07-17.
    assert expiry(one, "2023-06-10") == d("2023-07-17")
    two = CaseFacts(
        "民初", d(F), P.SIMPLE, extensions=(ext(1, "院长", "2023-06-01"), ext(1, "院长", "2023-07-01"))
    )
    deadline = compute_deadline(two, d("2023-07-10"), CAL)
    assert deadline.expiry == d("2023-07-17")  # never more than 4 months (CPL-Interp 258)
    assert Warning.EXTENSION_BEYOND_MAXIMUM in deadline.warnings
    assert deadline.extended == Period(1)


def test_civil_simple_extension_longer_than_a_month_is_cut() -> None:
    facts = CaseFacts("民初", d(F), P.SIMPLE, extensions=(ext(3, "院长", "2023-06-01"),))
    deadline = compute_deadline(facts, d("2023-06-10"), CAL)
    assert deadline.expiry == d("2023-07-17")
    assert Warning.EXTENSION_BEYOND_MAXIMUM in deadline.warnings


def test_small_claims_extension() -> None:
    facts = CaseFacts("民初", d(F), P.SMALL_CLAIMS, extensions=(ext(1, "院长", "2023-05-01"),))
    assert expiry(facts, "2023-05-02") == d("2023-06-15")  # 3 months, Thursday


def test_maritime_extension() -> None:
    facts = CaseFacts("民初", d(F), P.MARITIME, extensions=(ext(6, "院长", "2024-03-01"),))
    # 18 months: 2024-09-15, Mid-Autumn holiday (Sun..Tue) → Wednesday 2024-09-18.
    assert expiry(facts, "2024-03-02") == d("2024-09-18")


def test_civil_appeal_against_judgment_extension() -> None:
    facts = CaseFacts("民终", d(F), P.APPEAL_JUDGMENT, extensions=(ext(3, "院长", "2023-06-01"),))
    assert expiry(facts, "2023-06-02") == d("2023-09-15")  # 6 months


def test_civil_appeal_against_ruling_has_no_default_extension() -> None:
    facts = CaseFacts("民终", d(F), P.APPEAL_RULING, extensions=(Extension(Period(0, 30), "院长", d(F)),))
    deadline = compute_deadline(facts, d("2023-04-01"), CAL)
    assert deadline.expiry == d("2023-04-14")
    assert Warning.EXTENSION_BEYOND_MAXIMUM in deadline.warnings


# --- criminal ---------------------------------------------------------------------------------------------


def test_criminal_first_instance_two_months_when_outer_limit_off() -> None:
    facts = CaseFacts("刑初", d(C), P.ORDINARY)
    conv = Conventions(criminal_first_instance_outer_limit=False)
    assert expiry(facts, C, conv) == d("2024-05-15")  # 2 months, Wednesday
    assert compute_deadline(facts, d(C), CAL, conv).base == Period(2)
    assert compute_deadline(facts, d(C), CAL).base == Period(3)


def test_criminal_first_instance_upper_court_extension() -> None:
    facts = CaseFacts(
        "刑初",
        d(C),
        P.ORDINARY,
        court_code="甘1002",
        extensions=(ext(3, "庆阳市中级人民法院", "2024-05-06"),),
    )
    deadline = compute_deadline(facts, d("2024-06-02"), CAL)
    # 3 + 3 = 6 months: 2024-09-15 → Wednesday 2024-09-18. Approved 2024-05-06, before either reading's expiry.
    assert deadline.expiry == d("2024-09-18")
    assert deadline.warnings == frozenset()
    # 2-month reading: 2 + 3 = 5 months → 2024-08-15, Thursday.
    conv = Conventions(criminal_first_instance_outer_limit=False)
    assert expiry(facts, "2024-06-02", conv) == d("2024-08-15")


def test_criminal_first_instance_spc_extensions_repeat() -> None:
    facts = CaseFacts(
        "刑初",
        d(C),
        P.ORDINARY,
        court_code="甘10",
        extensions=(
            ext(3, "甘肃省高级人民法院", "2024-06-01"),
            ext(2, "最高人民法院", "2024-09-01"),
            ext(1, "最高人民法院", "2024-11-01"),
        ),
    )
    deadline = compute_deadline(facts, d("2024-11-02"), CAL)
    # 3 + 3 + 2 + 1 = 9 months: 2024-12-15, Sunday → Monday 12-16.
    assert deadline.expiry == d("2024-12-16")
    assert deadline.warnings == frozenset()


def test_criminal_simple_twenty_days_and_extension_to_one_and_a_half_months() -> None:
    facts = CaseFacts("刑初", d(C), P.SIMPLE, extensions=(Extension(None, "院长", d("2024-03-30")),))
    deadline = compute_deadline(facts, d("2024-04-01"), CAL)
    # add_months(2024-03-15, 1) + 15 days = 2024-04-30 (C5), a Tuesday.
    assert deadline.expiry == d("2024-04-30")
    # A later second request cannot go past 1.5 months.
    twice = CaseFacts(
        "刑初",
        d(C),
        P.SIMPLE,
        extensions=(Extension(None, "院长", d("2024-03-30")), Extension(None, "院长", d("2024-04-20"))),
    )
    deadline = compute_deadline(twice, d("2024-04-21"), CAL)
    assert deadline.expiry == d("2024-04-30")
    assert Warning.EXTENSION_BEYOND_MAXIMUM in deadline.warnings


def test_criminal_simple_half_month_from_a_month_end_anchor() -> None:
    # Anchor 2024-01-31 (month end): criminal month-end rule gives 2024-02-29, + 15 days = 2024-03-15 (Fri).
    facts = CaseFacts(
        "刑初", d("2024-01-31"), P.SIMPLE, extensions=(Extension(None, "院长", d("2024-02-05")),)
    )
    assert expiry(facts, "2024-02-06") == d("2024-03-15")


def test_fast_track_extended_to_fifteen_days() -> None:
    facts = CaseFacts("刑初", d(C), P.FAST_TRACK, extensions=(Extension(None, "院长", d("2024-03-20")),))
    # 15 days: 2024-03-30, a Saturday → Monday 2024-04-01.
    assert expiry(facts, "2024-03-21") == d("2024-04-01")


def test_private_prosecution_in_custody_runs_as_public_prosecution() -> None:
    facts = CaseFacts("刑初", d(C), P.PRIVATE_PROSECUTION, in_custody=True)
    deadline = compute_deadline(facts, d(C), CAL)
    # CrPL 212(2): as public prosecution, 3 months → 2024-06-15 (Saturday), not rolled: in custody.
    assert deadline.base == Period(3)
    assert deadline.expiry == d("2024-06-15")


def test_private_prosecution_extension() -> None:
    facts = CaseFacts("刑初", d(C), P.PRIVATE_PROSECUTION, extensions=(ext(3, "院长", "2024-09-01"),))
    # 9 months: 2024-12-15 Sunday → Monday 12-16.
    assert expiry(facts, "2024-09-02") == d("2024-12-16")


def test_criminal_appeal_extension_by_high_court() -> None:
    facts = CaseFacts(
        "刑终", d(C), None, court_code="甘10", extensions=(ext(2, "甘肃省高级人民法院", "2024-05-01"),)
    )
    deadline = compute_deadline(facts, d("2024-05-02"), CAL)
    assert deadline.expiry == d("2024-07-15")  # 4 months, Monday
    assert deadline.warnings == frozenset()


def test_criminal_retrial_at_most_six_months() -> None:
    one = CaseFacts("刑再", d(C), None, extensions=(ext(3, "院长", "2024-06-01"),))
    # 6 months → 2024-09-15 → 09-18.
    assert expiry(one, "2024-06-02") == d("2024-09-18")
    two = CaseFacts(
        "刑再", d(C), None, extensions=(ext(3, "院长", "2024-06-01"), ext(3, "院长", "2024-09-01"))
    )
    deadline = compute_deadline(two, d("2024-09-02"), CAL)
    assert deadline.expiry == d("2024-09-18")
    assert Warning.EXTENSION_BEYOND_MAXIMUM in deadline.warnings
    long_one = CaseFacts("刑再", d(C), None, extensions=(ext(6, "院长", "2024-06-01"),))
    deadline = compute_deadline(long_one, d("2024-06-02"), CAL)
    assert deadline.expiry == d("2024-09-18")
    assert Warning.EXTENSION_BEYOND_MAXIMUM in deadline.warnings


def test_criminal_month_end_rule_through_the_deadline() -> None:
    # C2: 刑初 3 months from 2024-04-30 ends 2024-07-31 (Wed); a civil 3 months ends 2024-07-30 (Tue).
    assert expiry(CaseFacts("刑初", d("2024-04-30"), P.ORDINARY), "2024-05-01") == d("2024-07-31")
    assert expiry(CaseFacts("民终", d("2024-04-30"), P.APPEAL_JUDGMENT), "2024-05-01") == d("2024-07-30")
    # 刑医 1 month from 2024-04-30 → 2024-05-31 (Fri).
    assert expiry(CaseFacts("刑医", d("2024-04-30")), "2024-05-01") == d("2024-05-31")
    off = Conventions(criminal_month_end_rule=False)
    assert expiry(CaseFacts("刑初", d("2024-04-30"), P.ORDINARY), "2024-05-01", off) == d("2024-07-30")


# --- administrative and enforcement ---------------------------------------------------------------------------


def test_administrative_first_instance_extension_by_high_court() -> None:
    facts = CaseFacts(
        "行初",
        d(F),
        P.ORDINARY,
        court_code="甘1002",
        extensions=(ext(3, "甘肃省高级人民法院", "2023-09-01"),),
    )
    deadline = compute_deadline(facts, d("2023-09-02"), CAL)
    # 9 months: 2023-12-15, Friday.
    assert deadline.expiry == d("2023-12-15")
    assert deadline.warnings == frozenset()


def test_administrative_simple_has_no_extension() -> None:
    facts = CaseFacts("行初", d(F), P.SIMPLE, extensions=(ext(1, "甘肃省高级人民法院", "2023-04-10"),))
    deadline = compute_deadline(facts, d("2023-04-11"), CAL)
    assert deadline.expiry == d("2023-05-04")
    assert Warning.EXTENSION_BEYOND_MAXIMUM in deadline.warnings


def test_administrative_appeal_extension() -> None:
    facts = CaseFacts(
        "行终", d(F), None, court_code="甘10", extensions=(ext(2, "甘肃省高级人民法院", "2023-06-01"),)
    )
    assert expiry(facts, "2023-06-02") == d("2023-08-15")  # 5 months, Tuesday


def test_enforcement_extension() -> None:
    facts = CaseFacts("执", d(F), None, court_code="甘1002", extensions=(ext(3, "院长", "2023-09-01"),))
    deadline = compute_deadline(facts, d("2023-09-02"), CAL)
    assert deadline.expiry == d("2023-12-15")  # 9 months
    assert deadline.warnings == frozenset()
    # The 2006 rule lets a vice-president approve.
    vice = CaseFacts("执", d(F), None, court_code="甘1002", extensions=(ext(3, "副院长", "2023-09-01"),))
    assert Warning.EXTENSION_WRONG_LEVEL not in compute_deadline(vice, d("2023-09-02"), CAL).warnings


def test_enforcement_objection_has_no_extension() -> None:
    facts = CaseFacts("执异", d(F), None, extensions=(Extension(Period(0, 15), "院长", d("2023-03-20")),))
    deadline = compute_deadline(facts, d("2023-03-21"), CAL)
    assert deadline.expiry == d("2023-03-30")
    assert Warning.EXTENSION_BEYOND_MAXIMUM in deadline.warnings


# --- the table itself ------------------------------------------------------------------------------------------


def test_every_row_names_a_source() -> None:
    assert all(row.source for row in DEFAULT_RULES.rows)


# Maritime and foreign-related cases are kinds of case rather than procedures of a plain 民初 (§6.3 lists them
# as flags); the fallback is the longest of the procedures proper.
SPECIAL_KINDS = {P.MARITIME, P.FOREIGN_RELATED}


def test_one_fallback_per_type_code_and_it_is_the_longest() -> None:
    for code in {row.type_code for row in DEFAULT_RULES.rows}:
        rows = tuple(row for row in DEFAULT_RULES.rows_for(code) if row.procedure not in SPECIAL_KINDS)
        fallbacks = [row for row in rows if row.fallback]
        assert len(fallbacks) <= 1, code
        chosen = DEFAULT_RULES.fallback(code)
        assert chosen is not None, code
        lengths = [row.base.months * 31 + row.base.days for row in rows if row.base is not None]
        if chosen.base is not None:
            assert chosen.base.months * 31 + chosen.base.days == max(lengths), code
