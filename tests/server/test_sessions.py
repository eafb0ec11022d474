"""Where logins live (issue 10): files on SQLite, so that logging in never waits for an import's write lock; the
database on PostgreSQL. Either way they stay on the server, and the nightly run removes the expired ones."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.conf import settings
from django.db import connection

from qingji.server import nightly

pytestmark = pytest.mark.django_db(transaction=True)


def test_logins_are_files_on_sqlite_and_rows_on_postgresql() -> None:
    expected = "file" if connection.vendor == "sqlite" else "db"
    assert settings.SESSION_ENGINE.rsplit(".", 1)[1] == expected


def test_the_nightly_run_removes_expired_logins() -> None:
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    expired, current = store_class(), store_class()
    expired["who"], current["who"] = "old", "new"
    expired.set_expiry(-60)
    expired.save()
    current.save()
    assert store_class().exists(expired.session_key) and store_class().exists(current.session_key)
    nightly._remove_expired_sessions()
    assert not store_class().exists(expired.session_key)
    assert store_class().exists(current.session_key)
    current.delete()
