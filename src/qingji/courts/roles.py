"""Which roles may do what (issue 3 §2, docs/access.md): the role sets the pages ask before they show a form or
accept a change. What a person then sees or changes is narrowed further by the selectors (their courts, their
cases: qingji.courts.selectors, qingji.cases.selectors). The commands run on the server itself, for nobody in
particular, and are not narrowed by role."""

from __future__ import annotations

from qingji.courts.models import Person, Role

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
# Who may import a court's export on the upload page (for the courts they see).
IMPORT_ROLES = frozenset({Role.TRIAL_MANAGEMENT, Role.ADMINISTRATOR})
# Who may start a campaign (over the courts they see).
CAMPAIGN_CREATE_ROLES = frozenset({Role.TRIAL_MANAGEMENT, Role.ADMINISTRATOR})
# Who may change a campaign case's determinations, plan and casework and open look-back tasks (among the cases
# they see): everyone but the readers.
CASEWORK_ROLES = frozenset(Role) - {Role.SUPERVISION, Role.HIGHER_COURT_READER}
# Who may record an act of supervision of a campaign's court.
SUPERVISE_ROLES = frozenset(
    {Role.SUPERVISION, Role.TRIAL_MANAGEMENT, Role.ADMINISTRATOR, Role.PRESIDENT, Role.VICE_PRESIDENT}
)
# Who may read the audit trail (of the courts they see: qingji.courts.selectors.visible_audit).
AUDIT_ROLES = frozenset(
    {Role.ADMINISTRATOR, Role.TRIAL_MANAGEMENT, Role.SUPERVISION, Role.PRESIDENT, Role.VICE_PRESIDENT}
)

# Who sees the deliveries that failed and sends a failed one again (issue 13 "Delivery": the trial management
# office; the failures page, of the courts they see whole).
OUTBOX_ROLES = frozenset({Role.TRIAL_MANAGEMENT, Role.ADMINISTRATOR})


def _has(person: Person | None, roles: frozenset[Role]) -> bool:
    return person is not None and person.role in roles


def may_import(person: Person | None) -> bool:
    return _has(person, IMPORT_ROLES)


def may_create_campaigns(person: Person | None) -> bool:
    return _has(person, CAMPAIGN_CREATE_ROLES)


def may_change_casework(person: Person | None) -> bool:
    return _has(person, CASEWORK_ROLES)


def may_supervise(person: Person | None) -> bool:
    return _has(person, SUPERVISE_ROLES)


def may_read_audit(person: Person | None) -> bool:
    return _has(person, AUDIT_ROLES)


def may_manage_outbox(person: Person | None) -> bool:
    return _has(person, OUTBOX_ROLES)
