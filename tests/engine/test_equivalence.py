"""The columnar engine and the one-case core give identical results (issue: 'the same rules over whole columns')."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.events import CaseFacts
from qingji.core.state import assess
from qingji.core.vocabulary import Warning
from qingji.engine.facts import frames_from_facts
from qingji.engine.ledger import compute_ledger

from .strategies import case_facts, conventions_strategy, days

CALENDAR = WorkCalendar.official()


def compare(facts: list[CaseFacts], as_of: date, conventions: Conventions) -> None:
    cases, events = frames_from_facts(facts)
    ledger = compute_ledger(cases, events, as_of, CALENDAR, conventions)
    expected = [f for f in facts if f.filed_on <= as_of]
    assert ledger.height == len(expected)
    for fact, row in zip(expected, ledger.iter_rows(named=True), strict=True):
        want = assess(fact, as_of, CALENDAR, conventions).as_row()
        got = {key: row[key] for key in want}
        assert got == want, (fact, as_of)


@st.composite
def batches(draw: st.DrawFn) -> list[CaseFacts]:
    size = draw(st.integers(1, 25))
    return [draw(case_facts(index)) for index in range(size)]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(facts=batches(), as_of=days(date(2014, 6, 1), date(2029, 6, 30)))
def test_engine_matches_core_with_default_conventions(facts: list[CaseFacts], as_of: date) -> None:
    compare(facts, as_of, Conventions())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(facts=batches(), as_of=days(date(2014, 6, 1), date(2029, 6, 30)), conventions=conventions_strategy)
def test_engine_matches_core_under_every_convention(
    facts: list[CaseFacts], as_of: date, conventions: Conventions
) -> None:
    compare(facts, as_of, conventions)


LATE_WARNINGS = [
    Warning.EXTENSION_AFTER_EXPIRY,
    Warning.EXTENSION_DECIDED_LATE,
    Warning.DEDUCTION_AFTER_EXPIRY,
    Warning.CONVERSION_AFTER_EXPIRY,
]


@pytest.mark.parametrize("warning", LATE_WARNINGS)
@pytest.mark.parametrize("count_late", [False, True])
def test_the_strategies_draw_late_acts(warning: Warning, count_late: bool) -> None:
    """The property tests above see late acts of every kind under both readings (the strategies draw them)."""
    conventions = Conventions(count_late_acts=count_late)
    found = find(
        st.tuples(case_facts(), st.just(date(2029, 6, 30))),
        lambda case: (
            case[0].filed_on <= case[1]
            and warning in assess(case[0], case[1], CALENDAR, conventions).warnings
        ),
        settings=settings(
            max_examples=5000, database=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck)
        ),
    )
    compare([found[0]], found[1], conventions)
