"""What a person may see: their court and the courts below it; a division head, their division; a judge, their
own cases; more only by grant (issue 3 §2).

This module says which courts a person sees, of which of them every case, and which audit records; the cases
themselves are listed from there by qingji.cases.selectors, so that no page, command or export can show more than
this.
"""

from __future__ import annotations

from django.db.models import QuerySet

from qingji.audit.models import AuditRecord
from qingji.audit.selectors import court_records
from qingji.courts.models import Court, Person, Role
from qingji.courts.roles import COURT_WIDE_ROLES, may_read_audit


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


def visible_audit(person: Person | None) -> QuerySet[AuditRecord]:
    """The audit records a person may read: those of the courts they see, for the roles that read the trail
    (qingji.courts.roles.AUDIT_ROLES); an administrator also reads the records that belong to no court."""
    if person is None or not may_read_audit(person):
        return AuditRecord.objects.none()
    return court_records(visible_court_codes(person), unattached=person.role == Role.ADMINISTRATOR)
