"""Changes to courts and people. Every change writes its audit record in the same transaction."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from qingji.audit.actions import audit
from qingji.core.courts import QINGYANG_COURTS
from qingji.courts.models import Court, Division, Grant, Person, Role
from qingji.courts.selectors import visible_court_codes


def do_ensure_courts(actor: Any = None) -> int:
    """Create the courts of rules §6.2 that the database does not have yet; returns how many were created."""
    created = 0
    with transaction.atomic():
        for court in QINGYANG_COURTS:  # parents come before their children in the table
            if Court.objects.filter(code=court.code).exists():
                continue
            parent = Court.objects.get(code=court.parent) if court.parent else None
            Court.objects.create(code=court.code, name=court.name, level=int(court.level), parent=parent)
            audit("court_created", "court", court.code, actor=actor, court_code=court.code,
                  after={"code": court.code, "name": court.name, "level": int(court.level), "parent": court.parent})  # fmt: skip
            created += 1
    return created


def do_create_user(
    username: str,
    password: str,
    *,
    name: str,
    court_code: str,
    role: Role,
    division: str | None = None,
    actor: Any = None,
) -> Person:
    """Create a user of qingji belonging to a court (and division), with a role. Raises Django's
    ValidationError when the password fails the site's validators (settings.AUTH_PASSWORD_VALIDATORS)."""
    user_model = get_user_model()
    validate_password(password, user=user_model(username=username))
    with transaction.atomic():
        court = Court.objects.get(code=court_code)
        division_row = Division.objects.get_or_create(court=court, name=division)[0] if division else None
        user = user_model.objects.create_user(
            username=username,
            password=password,
            is_staff=role == Role.ADMINISTRATOR,
            is_superuser=role == Role.ADMINISTRATOR,
        )
        person = Person.objects.create(user=user, name=name, court=court, division=division_row, role=role)
        audit("user_created", "user", username, actor=actor, court_code=court_code,
              after={"username": username, "name": name, "court": court_code, "role": role.value, "division": division})  # fmt: skip
    return person


class GrantRefused(ValueError):
    """A grant that would reach beyond the courts the person may see, or of a person or court that is unknown."""


def do_grant(
    username: str,
    *,
    court_code: str,
    division: str = "",
    judge: str = "",
    reason: str = "",
    actor: Any = None,
) -> Grant:
    """Let ``username`` see the cases of ``court_code`` (narrowed to ``division`` and/or ``judge``)."""
    with transaction.atomic():
        person = Person.objects.select_related("court").filter(user__username=username).first()
        if person is None:
            raise GrantRefused(f"没有用户 {username} / no user {username}")
        court = Court.objects.filter(code=court_code).first()
        if court is None or court_code not in visible_court_codes(person):
            raise GrantRefused(
                f"{username} 属于 {person.court.code}，不能查看 {court_code} 的案件 / "
                f"{username} belongs to {person.court.code} and may not see cases of {court_code}"
            )
        grant = Grant.objects.create(
            person=person, court=court, division=division.strip(), judge=judge.strip(), reason=reason,
            granted_by=actor,
        )  # fmt: skip
        audit("grant_created", "grant", str(grant.pk), actor=actor, court_code=court_code,
              after={"user": username, "court": court_code, "division": grant.division, "judge": grant.judge,
                     "reason": reason})  # fmt: skip
    return grant


def do_revoke(grant_id: int, *, actor: Any = None) -> None:
    """Withdraw a grant."""
    with transaction.atomic():
        grant = Grant.objects.select_related("person__user", "court").filter(pk=grant_id).first()
        if grant is None:
            raise GrantRefused(f"没有授权 {grant_id} / no grant {grant_id}")
        before = {"user": grant.person.user.get_username(), "court": grant.court.code,
                  "division": grant.division, "judge": grant.judge, "reason": grant.reason}  # fmt: skip
        grant.delete()
        audit("grant_revoked", "grant", str(grant_id), actor=actor, court_code=before["court"], before=before)
