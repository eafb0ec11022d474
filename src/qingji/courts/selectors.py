"""What a person may see: their court and the courts below it; a judge, their own cases (issue 3 §2).

Every list of cases starts here, so that no page, command or export can show more than this.
"""

from __future__ import annotations

from django.db.models import QuerySet

from qingji.cases.models import Case
from qingji.courts.models import Court, Person, Role

# Roles that see their whole court (and the courts below); the others see their own cases only.
COURT_WIDE_ROLES = frozenset(
    {
        Role.PRESIDENT,
        Role.VICE_PRESIDENT,
        Role.DIVISION_HEAD,
        Role.TRIAL_MANAGEMENT,
        Role.SUPERVISION,
        Role.HIGHER_COURT_READER,
        Role.ADMINISTRATOR,
    }
)


def visible_court_codes(person: Person) -> set[str]:
    """The person's court and every court below it."""
    codes = {person.court.code}
    frontier = [person.court.pk]
    while frontier:
        children = list(Court.objects.filter(parent_id__in=frontier).values_list("pk", "code"))
        frontier = [pk for pk, _ in children]
        codes.update(code for _, code in children)
    return codes


def visible_cases(person: Person) -> QuerySet[Case]:
    """The cases the person may see: their courts' cases, or a judge's or assistant's own cases."""
    cases = Case.objects.filter(court_code__in=visible_court_codes(person))
    if person.role in COURT_WIDE_ROLES:
        if person.role == Role.DIVISION_HEAD and person.division is not None:
            return cases.filter(court_code=person.court.code, division=person.division.name)
        return cases
    return cases.filter(court_code=person.court.code, judge=person.name)
