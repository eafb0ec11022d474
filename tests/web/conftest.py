"""Courts, a few cases with their computed states (tests/court_cases.py), and users of several courts and roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from court_cases import PASSWORD, create_court_system
from qingji.courts.actions import do_create_user
from qingji.courts.models import Person, Role


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cases(db: None) -> None:
    create_court_system()


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
