"""Courts, a few cases with their computed states, and users of several courts and roles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from qingji.cases.models import Case
from qingji.cases.snapshot import do_snapshot
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Person, Role

AS_OF = date(2024, 12, 31)
PASSWORD = "pw-12345678"

# case number, court, judge, filed on, closed on; ordinary first-instance civil cases (six months).
CASES = [
    ("（2024）甘1002民初1号", "甘1002", "张伟", date(2024, 10, 1), None),  # under 6 m, in time
    ("（2024）甘1002民初2号", "甘1002", "李娜", date(2024, 3, 1), None),  # 6–12 m, overdue
    ("（2023）甘1002民初3号", "甘1002", "张伟", date(2023, 6, 1), None),  # 1–2 y, overdue, over 12 m
    ("（2022）甘1002民初4号", "甘1002", "李娜", date(2022, 6, 1), None),  # over 2 y, overdue, over 12 m
    ("（2024）甘1002民初5号", "甘1002", "张伟", date(2024, 7, 15), None),  # under 6 m, approaching
    ("（2024）甘1002民初6号", "甘1002", "张伟", date(2024, 1, 10), date(2024, 5, 1)),  # closed
    ("（2024）甘1027民初1号", "甘1027", "赵磊", date(2024, 3, 1), None),  # another court: 6–12 m, overdue
]


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cases(db: None) -> None:
    do_ensure_courts()
    for number, court, judge, filed_on, closed_on in CASES:
        Case.objects.create(
            case_number=number, court_code=court, type_code="民初", procedure="ordinary", judge=judge,
            division="民一庭", filed_on=filed_on, closed_on=closed_on,
        )  # fmt: skip
    do_snapshot(AS_OF)


@pytest.fixture
def make_user(cases: None) -> Callable[..., Person]:
    def make(username: str, *, name: str, court_code: str, role: Role) -> Person:
        return do_create_user(username, PASSWORD, name=name, court_code=court_code, role=role)

    return make


@pytest.fixture
def login(client: Client, make_user: Callable[..., Person]) -> Callable[..., Client]:
    """Log in as a new user of ``court_code`` with ``role``; returns the logged-in client."""

    def log_in(court_code: str, role: Role, name: str = "用户") -> Client:
        person = make_user(f"u{Person.objects.count()}", name=name, court_code=court_code, role=role)
        client.force_login(person.user)
        return client

    return log_in
