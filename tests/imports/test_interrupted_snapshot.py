"""An import committed whose snapshot never ran (the process stopped in between) is noticed by the next start or
night (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import timezone
from import_files import NEW_CASE, export, later_export

from qingji.cases.import_action import run_import
from qingji.cases.imports import do_import
from qingji.cases.models import CaseState
from qingji.cases.snapshot import changed_since_snapshot, snapshot_date
from qingji.server.nightly import catch_up, refresh_if_stale


@pytest.mark.django_db
def test_an_import_whose_snapshot_never_ran_is_noticed(tmp_path: Path) -> None:
    """A server stopped after an import committed but before its snapshot: at the next start (or night) the
    snapshot is brought up to date although its date is today's."""
    cases, events = export(tmp_path, cases=60)
    assert run_import(cases, events).imported
    today = timezone.localdate()
    assert snapshot_date() == today and not changed_since_snapshot()
    assert refresh_if_stale(today) is False
    later, later_events, _changed = later_export(cases, events, tmp_path / "later")
    assert do_import(later, later_events).imported  # committed; the action's snapshot did not run
    assert changed_since_snapshot()
    assert CaseState.objects.filter(case__case_number=NEW_CASE).count() == 0
    assert refresh_if_stale(today) is True
    assert CaseState.objects.filter(case__case_number=NEW_CASE).count() == 1
    assert not changed_since_snapshot() and refresh_if_stale(today) is False
    # an import that changed nothing, or was refused, does not make the snapshot stale
    assert do_import(later, later_events).imported
    assert not changed_since_snapshot()


@pytest.mark.django_db
def test_between_nights_the_server_catches_up_only_after_an_interrupted_import(tmp_path: Path) -> None:
    cases, events = export(tmp_path, cases=60)
    assert run_import(cases, events).imported
    assert catch_up() is False  # the action's own snapshot ran
    later, later_events, _changed = later_export(cases, events, tmp_path / "later")
    assert do_import(later, later_events).imported
    assert catch_up() is True and CaseState.objects.filter(case__case_number=NEW_CASE).exists()
    assert catch_up() is False
