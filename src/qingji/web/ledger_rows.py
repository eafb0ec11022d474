"""What the ledger page shows beside the rows: each row's warnings compact (the worst named, the rest counted and
in its title), and the filters' choices in words."""

from __future__ import annotations

from dataclasses import dataclass

from qingji.cases.models import StateCount
from qingji.core.procedures import Procedure
from qingji.core.vocabulary import (
    APPROACHING_PREFIX,
    BUCKET_LABELS,
    DATA_PROBLEMS,
    STATUS_LABELS,
    Warning,
    warning_order,
)
from qingji.courts.models import Person
from qingji.web import labels as lb
from qingji.web.ledger_filters import ALL, CLOSED, PENDING
from qingji.web.queries import cases_of, courts_of, judges_of, stored_scope

# The progress warnings, worst first; then the data's problems (Warning's order); the provisional calendar is
# said once in a banner (web/provisional.py), not on a row.
_PROGRESS = (Warning.OVERDUE.value, "approaching", Warning.AGE_10_MONTHS.value)
HIDDEN_ON_ROWS = frozenset({Warning.PROVISIONAL_CALENDAR.value})


def severity(code: str) -> tuple[int, int]:
    """The order of a row's warnings, worst first: overdue, the nearest expiry (approaching_7 before
    approaching_30), ten months old, then the data's problems."""
    if code.startswith(APPROACHING_PREFIX):
        days = code.removeprefix(APPROACHING_PREFIX)
        return (1, int(days) if days.isdigit() else 0)
    if code in _PROGRESS:
        return (_PROGRESS.index(code), 0)
    return (3 if code in DATA_PROBLEMS else 4, warning_order(code))


@dataclass(frozen=True)
class CompactWarnings:
    worst: str  # the worst warning in words ("" when none)
    worst_code: str
    more: int  # how many more
    title: str  # every warning in words, worst first, for the title

    @property
    def more_text(self) -> str:
        return lb.text("ledger_more_warnings").format(n=self.more)


def compact_warnings(codes: list[str]) -> CompactWarnings:
    shown = sorted((code for code in codes if code not in HIDDEN_ON_ROWS), key=severity)
    words = [lb.warning_text(code) for code in shown]
    return CompactWarnings(
        worst=words[0] if words else "",
        worst_code=shown[0] if shown else "",
        more=max(len(words) - 1, 0),
        title="；".join(words),
    )


def _distinct(person: Person, field: str) -> list[str]:
    """The values of a field among the person's cases: from the stored counts for whole courts."""
    scope = stored_scope(person)
    if scope is not None:
        stored = StateCount.objects.filter(scope, warning="")
        found = set(stored.values_list(field, flat=True).order_by().distinct())
    else:
        found = set(cases_of(person).values_list(field, flat=True).order_by().distinct())
    return sorted(str(value) for value in found if value)


def filter_choices(person: Person | None, court: str, warning: str = "") -> dict[str, object]:
    """The ledger form's choices, each a (value, words) pair; the judges of the chosen court as suggestions."""
    codes = {w.value for w in Warning if w.value not in HIDDEN_ON_ROWS} | ({warning} if warning else set())
    warnings = sorted(codes, key=severity)
    choices: dict[str, object] = {
        "courts": list(courts_of(person).items()),
        "judges": judges_of(person, court),
        "statuses": [
            (PENDING, lb.text("pending_cases")),
            *((code, lb.status_label(code)) for code in STATUS_LABELS),
            (CLOSED, lb.text("closed_cases")),
            (ALL, lb.text("all_cases")),
        ],
        "buckets": [(code, lb.bucket_label(code)) for code in BUCKET_LABELS],
        "procedures": [(p.value, lb.procedure_label(p.value)) for p in Procedure],
        "warnings": [(code, lb.warning_text(code)) for code in warnings],
        "types": [],
        "divisions": [],
    }
    if person is not None:
        choices["types"] = _distinct(person, "type_code")
        choices["divisions"] = _distinct(person, "division")
    return choices
