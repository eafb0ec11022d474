"""What a person may see: their court and the courts below it; a division head, their division; a judge, their
own cases; more only by grant (issue 3 §2).

This module says which courts a person sees, and of which of them every case; the cases themselves are listed
from there by qingji.cases.selectors, so that no page, command or export can show more than this.
"""

from __future__ import annotations

from qingji.courts.models import Court, Person, Role

# Roles that see their whole court (and the courts below); a division head with a division sees that division;
# the others see their own cases and what they are granted.
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
    """The person's court and every court below it (read once per Person object: a page asks several times)."""
    known: frozenset[str] | None = getattr(person, "_visible_court_codes", None)
    if known is None:
        codes = {person.court.code}
        frontier = [person.court.pk]
        while frontier:
            children = list(Court.objects.filter(parent_id__in=frontier).values_list("pk", "code"))
            frontier = [pk for pk, _ in children]
            codes.update(code for _, code in children)
        known = frozenset(codes)
        person._visible_court_codes = known  # type: ignore[attr-defined]
    return set(known)


def whole_courts(person: Person) -> set[str] | None:
    """The courts of which the person sees every case; None when the person sees only some cases."""
    if person.role not in COURT_WIDE_ROLES:
        return None
    if person.role == Role.DIVISION_HEAD and person.division is not None:
        return None
    return visible_court_codes(person)
