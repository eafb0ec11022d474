"""Changes to courts and people. Every change writes its audit record in the same transaction."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from qingji.audit.actions import audit
from qingji.core.courts import QINGYANG_COURTS
from qingji.courts.models import Court, Division, Person, Role


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
    """Create a user of qingji belonging to a court (and division), with a role."""
    user_model = get_user_model()
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
