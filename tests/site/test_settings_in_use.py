"""The site settings file in use (issue 11): a convention changed in the file changes the snapshot, the pages and
the commands; a change is recorded and audited for every court when it is first counted with, and makes the
stored snapshot stale until it is recomputed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from typer.testing import CliRunner

from court_cases import AS_OF, CASES, create_court_system
from qingji.audit.models import AuditRecord
from qingji.cases.models import CaseState
from qingji.cases.snapshot import changed_since_snapshot, do_snapshot
from qingji.cli.app import app
from qingji.courts.actions import do_create_user
from qingji.courts.models import Role
from qingji.site.models import SettingsRecord
from qingji.site.record import record_settings_in_force

pytestmark = pytest.mark.django_db
NUMBER = CASES[0][0]  # filed 2024-10-01: six months end on Tuesday 2025-04-01
ANCHOR_COUNTED = "[conventions]\nanchor_day_counted = true   # C1\n"


def expiry() -> date | None:
    return CaseState.objects.get(case__case_number=NUMBER).expiry


def test_a_convention_in_the_file_changes_the_snapshot_and_the_pages(
    site_file: Callable[[str], Path], client: Client
) -> None:
    create_court_system()
    assert expiry() == date(2025, 4, 1)
    site_file(ANCHOR_COUNTED)
    do_snapshot(AS_OF)
    assert expiry() == date(2025, 3, 31)  # the anchor day counted: one day earlier (C1)
    person = do_create_user("fg", "pw-12345678", name="张伟", court_code="甘1002", role=Role.JUDGE)
    client.force_login(person.user)
    page = client.get(f"/case/{NUMBER}/").content.decode()
    assert "2025-03-31" in page and "2025-04-01" not in page


def test_a_change_is_recorded_and_audited_for_every_court_once(site_file: Callable[[str], Path]) -> None:
    create_court_system()  # its snapshot records the defaults
    assert SettingsRecord.objects.count() == 1
    assert not record_settings_in_force()  # nothing changed
    assert not changed_since_snapshot()
    first = AuditRecord.objects.filter(action="settings_changed").count()  # the first settings, one per court
    site_file(ANCHOR_COUNTED + "[warnings]\napproaching_days = [20]\n")
    assert record_settings_in_force()
    assert changed_since_snapshot()  # the stored states were counted under the old settings
    record = SettingsRecord.objects.first()
    assert record is not None and record.changes == {
        "conventions.anchor_day_counted": [False, True],
        "warnings.approaching_days": [[30, 15, 7], [20]],
    }
    audits = AuditRecord.objects.filter(action="settings_changed").order_by("id")[first:]
    assert {a.court_code for a in audits} >= {"甘1002", "甘1027", "甘10"}
    assert all(a.after is not None and a.after["changes"] == record.changes for a in audits)
    assert not record_settings_in_force()
    do_snapshot(AS_OF)
    assert not changed_since_snapshot()


def test_the_commands_count_with_the_file(site_file: Callable[[str], Path], tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(f"案号,立案日期,适用程序\n{NUMBER},2024-10-01,普通程序\n", encoding="utf-8")
    runner = CliRunner()

    def ledger_expiry() -> str:
        result = runner.invoke(app, ["ledger", str(cases), "--as-of", "2024-12-31", "--format", "json"])
        assert result.exit_code == 0, result.output
        return result.output.split('"expiry": "')[1][:10]

    def deadline_expiry() -> str:
        result = runner.invoke(app, ["deadline", NUMBER, "--filed", "2024-10-01", "--procedure", "普通程序",
                                     "--as-of", "2024-12-31", "--json"])  # fmt: skip
        assert result.exit_code == 0, result.output
        return result.output.split('"expiry": "')[1][:10]

    assert ledger_expiry() == deadline_expiry() == "2025-04-01"
    site_file(ANCHOR_COUNTED)
    assert ledger_expiry() == deadline_expiry() == "2025-03-31"


def test_a_bad_file_stops_a_command_and_is_shown_by_check(site_file: Callable[[str], Path]) -> None:
    path = site_file('[conventions]\ngrace_days = "three"\n')
    runner = CliRunner()
    checked = runner.invoke(app, ["settings", "check"])
    assert checked.exit_code == 2
    assert str(path) in checked.output and "conventions.grace_days" in checked.output
    refused = runner.invoke(
        app, ["deadline", "--type-code", "民初", "--filed", "2024-10-01", "--procedure", "普通程序"]
    )
    assert refused.exit_code == 2 and "grace_days" in refused.output


def test_check_prints_the_values_in_force_as_a_settings_file(
    site_file: Callable[[str], Path], tmp_path: Path
) -> None:
    path = site_file(ANCHOR_COUNTED + '[nightly]\nat = "03:30"\n')
    shown = CliRunner().invoke(app, ["settings", "check"])
    assert shown.exit_code == 0, shown.output
    assert f"anchor_day_counted = true    # {path}" in shown.output
    assert "custody_exception = true    # 默认 / default" in shown.output
    again = tmp_path / "again.toml"
    again.write_text(shown.output, encoding="utf-8")
    rechecked = CliRunner().invoke(app, ["settings", "check", "--file", str(again), "--json"])
    assert rechecked.exit_code == 0, rechecked.output
    assert '"key": "nightly.at",\n      "value": "03:30"' in rechecked.output


def test_the_server_does_not_start_on_a_file_it_cannot_use(site_file: Callable[[str], Path]) -> None:
    path = site_file('[nightly]\nat = "2 Uhr"\n')
    refused = CliRunner().invoke(app, ["serve", "--port", "0"])
    assert refused.exit_code == 2
    assert str(path) in refused.output and "nightly.at" in refused.output
