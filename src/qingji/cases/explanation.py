"""One case's expiry explained step by step, as `qingji deadline` explains it, for the case page.

The facts are read from the database as the snapshot reads them (:func:`qingji.cases.frames.frames_from_database`:
the case and its events not withdrawn, in the order they were stored), handed to the core
(:func:`qingji.core.state.assess`) with the calendar and the conventions in force — the same ones the snapshot
counts with, so that the explanation ends on the stored expiry. The engine that computes the snapshot is proven
equal to the core (tests/engine/test_equivalence.py); the case page's tests check it again on the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qingji.cases.frames import frames_from_database
from qingji.cases.models import Case
from qingji.core.events import CaseFacts
from qingji.core.state import CaseState, assess
from qingji.engine.facts import facts_from_frames
from qingji.site.in_force import site_settings
from qingji.site.notices import calendar_in_force


@dataclass(frozen=True)
class Explained:
    facts: CaseFacts
    state: CaseState  # computed now from the facts, on ``state.as_of``


def case_facts(case: Case) -> CaseFacts:
    """The facts the rules read about ``case``: its fields and its events not withdrawn (ValueError when a stored
    value is not one the rules know, which an import does not let in)."""
    cases, events = frames_from_database(Case.objects.filter(pk=case.pk))
    (facts,) = facts_from_frames(cases, events)
    return facts


def explain_case(case: Case, as_of: date) -> Explained | None:
    """The case's state on ``as_of`` with every step of its expiry; None when it was not yet filed then or its
    stored facts cannot be read by the rules."""
    if case.filed_on > as_of:
        return None
    try:
        facts = case_facts(case)
    except ValueError:
        return None
    return Explained(facts, assess(facts, as_of, calendar_in_force(), site_settings().conventions))
