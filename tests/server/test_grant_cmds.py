"""`qingji grant`, `qingji grants` and `qingji revoke` through the command line, on the test database."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from qingji.audit.models import AuditRecord
from qingji.cli.app import app
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Grant, Role

pytestmark = pytest.mark.django_db


def test_grant_list_and_revoke() -> None:
    do_ensure_courts()
    do_create_user("zl", "pw-12345678", name="助理丙", court_code="甘1002", role=Role.ASSISTANT)
    runner = CliRunner()
    made = runner.invoke(app, ["grant", "zl", "--court", "甘1002", "--judge", "李娜", "--reason", "协助李娜"])
    assert made.exit_code == 0, made.output
    grant = Grant.objects.get()
    assert (grant.court.code, grant.judge, grant.division, grant.reason) == ("甘1002", "李娜", "", "协助李娜")
    listed = runner.invoke(app, ["grants", "zl"])
    assert listed.exit_code == 0 and "李娜" in listed.output and str(grant.pk) in listed.output
    assert runner.invoke(app, ["revoke", str(grant.pk)]).exit_code == 0
    assert not Grant.objects.exists()
    assert AuditRecord.objects.filter(action__in=["grant_created", "grant_revoked"]).count() == 2


def test_a_grant_beyond_the_users_courts_is_refused_with_a_reason() -> None:
    do_ensure_courts()
    do_create_user("zl", "pw-12345678", name="助理丙", court_code="甘1002", role=Role.ASSISTANT)
    refused = CliRunner().invoke(app, ["grant", "zl", "--court", "甘1027"])
    assert refused.exit_code == 1
    assert "甘1027" in refused.output and not Grant.objects.exists()
    unknown = CliRunner().invoke(app, ["revoke", "99"])
    assert unknown.exit_code == 1 and "99" in unknown.output
