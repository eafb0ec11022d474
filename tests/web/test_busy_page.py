"""A write that gave up waiting for the database (issue 10): the "try again" page, never a server error; the
last-login time left as it was rather than the login refused; an export's audit record kept on disk and written,
with the export's time, once the database is free. The real lock is held in tests/web/test_during_import.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError
from django.test import Client

from court_cases import PASSWORD
from qingji.audit import deferred
from qingji.audit.models import AuditRecord
from qingji.courts.models import Person, Role
from qingji.db_wait import database_busy
from qingji.web import busy

LOCKED = OperationalError("database is locked")


def _locked(*args: Any, **kwargs: Any) -> None:
    raise LOCKED


@pytest.fixture
def office(make_user: Callable[..., Person], settings: Any, tmp_path: Path) -> Person:
    settings.HOME = tmp_path
    return make_user("office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)


def test_a_write_that_cannot_wait_gets_the_try_again_page(
    client: Client, office: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.force_login(office.user)
    monkeypatch.setattr("qingji.web.campaign_views.CampaignForm", _locked)
    response = client.post("/campaigns/", {"name": "x"})
    assert response.status_code == 503 and response["Retry-After"] == "60"
    text = response.content.decode()
    assert "请一分钟后再试" in text and "您刚才提交的内容未保存" in text and "<header" in text
    client.cookies["django_language"] = "en"
    english = client.post("/campaigns/", {"name": "x"}).content.decode()
    assert "try again in a minute" in english.lower()


def test_another_database_error_is_not_taken_for_a_busy_database() -> None:
    assert database_busy(LOCKED)
    assert not database_busy(OperationalError("no such table: cases_case"))
    assert not database_busy(ValueError("database is locked"))


def test_login_goes_through_when_the_last_login_cannot_be_written(
    client: Client, office: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(busy, "update_last_login", _locked)
    response = client.post("/login/", {"username": "office", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    office.user.refresh_from_db()
    assert office.user.last_login is None  # left as it was


def test_an_export_during_an_import_is_audited_afterwards_with_its_time(
    client: Client, office: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.force_login(office.user)
    monkeypatch.setattr(deferred, "audit", _locked)
    response = client.get("/ledger/export/?format=csv")
    assert response.status_code == 200
    assert not AuditRecord.objects.filter(action="ledger_exported").exists()
    kept = deferred.pending_path().read_text(encoding="utf-8")
    assert '"ledger_exported"' in kept
    monkeypatch.undo()
    deferred._busy_until[0] = 0.0
    assert client.get("/").status_code == 200  # the next request writes what was kept
    record = AuditRecord.objects.get(action="ledger_exported")
    assert record.after is not None and record.after["rows"] >= 0
    assert record.actor == office.user and record.court_code == "甘10"
    assert record.at.isoformat() in kept  # the time of the export
    assert deferred.pending_path().read_text(encoding="utf-8") == ""
    deferred.pending_path().write_text(
        kept, encoding="utf-8"
    )  # written before the file was emptied: not twice
    assert deferred.write_deferred() == 1
    assert AuditRecord.objects.filter(action="ledger_exported").count() == 1
