"""The database: courts from the rule base, users with roles, each change audited."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate

from qingji.audit.models import AuditRecord
from qingji.core.courts import QINGYANG_COURTS
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Court, Role

pytestmark = pytest.mark.django_db


def test_courts_are_created_once_with_their_hierarchy() -> None:
    assert do_ensure_courts() == len(QINGYANG_COURTS)
    assert do_ensure_courts() == 0
    xifeng = Court.objects.get(code="甘1002")
    assert xifeng.parent is not None and xifeng.parent.code == "甘10"
    assert xifeng.parent.parent is not None and xifeng.parent.parent.code == "甘"
    assert AuditRecord.objects.filter(action="court_created").count() == len(QINGYANG_COURTS)


def test_a_user_belongs_to_a_court_and_signs_in_with_an_argon2_password() -> None:
    do_ensure_courts()
    person = do_create_user(
        "wangfang", "correct horse 42", name="王芳", court_code="甘1002", role=Role.JUDGE, division="民一庭"
    )
    assert person.court.code == "甘1002" and person.division is not None and person.division.name == "民一庭"
    assert person.user.password.startswith("argon2")
    assert authenticate(username="wangfang", password="correct horse 42") == person.user
    assert authenticate(username="wangfang", password="wrong") is None
    record = AuditRecord.objects.get(action="user_created")
    assert record.object_id == "wangfang" and record.after is not None and record.after["role"] == "judge"
    assert "password" not in str(record.after)


@pytest.mark.parametrize("password", ["1", "12345678901", "password123", "wangfang-1"])
def test_a_weak_password_is_refused_on_every_path(password: str) -> None:
    """Django's validators (length, common, numeric, like the user name) on do_create_user and so on `qingji
    createuser`; nothing is created."""
    from django.core.exceptions import ValidationError

    do_ensure_courts()
    with pytest.raises(ValidationError):
        do_create_user("wangfang", password, name="王芳", court_code="甘1002", role=Role.JUDGE)
    assert not AuditRecord.objects.filter(action="user_created").exists()


def test_createuser_refuses_a_weak_password_with_exit_2() -> None:
    from django.contrib.auth import get_user_model
    from typer.testing import CliRunner

    from qingji.cli.app import app

    do_ensure_courts()
    runner = CliRunner()
    refused = runner.invoke(
        app, ["createuser", "wangfang", "--court", "甘1002", "--role", "judge", "--password", "1"]
    )
    assert refused.exit_code == 2 and "password refused" in refused.output
    assert not get_user_model().objects.filter(username="wangfang").exists()
    done = runner.invoke(
        app,
        ["createuser", "wangfang", "--court", "甘1002", "--role", "judge", "--password", "庆阳-审判-2026"],
    )
    assert done.exit_code == 0, done.output
    assert get_user_model().objects.filter(username="wangfang").exists()
