"""A corrected export through `qingji import`: the database's ledger is the corrected files' ledger, the events a
correction withdrew or changed stay in the case's history, the same files again change nothing, and the original
files again reverse the correction (issue 9, "Corrections in a later export")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from correction_files import (
    CORRECTED_EVENTS,
    DEDUCTION,
    EXTENDED,
    ORIGINAL_EVENTS,
    STEADY,
    WITHDRAWN,
    ledger,
    write_export,
)
from typer.testing import CliRunner

from qingji.audit.models import AuditRecord
from qingji.cases.models import CaseEvent, ImportRecord
from qingji.cli.app import app
from qingji.courts.actions import do_ensure_courts

pytestmark = pytest.mark.django_db

runner = CliRunner()


def imported(cases: Path, events: Path) -> str:
    result = runner.invoke(app, ["import", str(cases), "--events", str(events)])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())  # as printed, without the terminal's line breaks


def values(audit: AuditRecord) -> tuple[dict[str, Any], dict[str, Any]]:
    """An audit record's before and after, both JSON objects."""
    assert isinstance(audit.before, dict) and isinstance(audit.after, dict)
    return audit.before, audit.after


def counts() -> tuple[int, int, int]:
    record = ImportRecord.objects.order_by("-id").first()
    assert record is not None
    return record.events_added, record.events_changed, record.events_withdrawn


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_corrected_export_gives_the_ledger_of_the_corrected_files(tmp_path: Path, suffix: str) -> None:
    do_ensure_courts()
    original = write_export(tmp_path / "original", ORIGINAL_EVENTS, suffix)
    corrected = write_export(tmp_path / "corrected", CORRECTED_EVENTS, suffix)
    imported(*original)
    assert counts() == (5, 0, 0)
    assert ledger() == ledger(*original)
    before = ledger()

    output = imported(*corrected)
    assert counts() == (0, 2, 1)
    assert "事项更正 events changed 2" in output and "撤回 withdrawn 1" in output
    after = ledger()
    assert after == ledger(*corrected)
    for number in (DEDUCTION, EXTENDED, WITHDRAWN):  # each correction moved its case's expiry
        assert after[number]["expiry"] != before[number]["expiry"], number
    assert after[STEADY] == before[STEADY]
    assert after[DEDUCTION]["deducted_days"] == before[DEDUCTION]["deducted_days"] - 183
    assert (after[EXTENDED]["extended_months"], before[EXTENDED]["extended_months"]) == (3, 6)
    assert (after[WITHDRAWN]["extended_months"], before[WITHDRAWN]["extended_months"]) == (0, 6)

    # nothing is lost: the old events are kept, withdrawn by the second import, and the history says so
    record = ImportRecord.objects.order_by("-id").first()
    withdrawn = CaseEvent.objects.filter(withdrawn_by=record)
    assert sorted(event.case.case_number for event in withdrawn) == sorted([DEDUCTION, EXTENDED, WITHDRAWN])
    assert all(event.withdrawn_at is not None for event in withdrawn)
    assert CaseEvent.objects.count() == 7 and CaseEvent.objects.filter(withdrawn_at__isnull=True).count() == 4
    changed = AuditRecord.objects.filter(action="event_changed", import_record=record)
    by_case = {audit.object_id: audit for audit in changed}
    assert by_case.keys() == {DEDUCTION, EXTENDED}
    assert all(audit.court_code == "甘1002" for audit in changed)
    was, now = values(by_case[DEDUCTION])
    assert (was["end"], now["end"]) == ("2024-12-30", "2024-06-30")
    assert was["kind"] == now["kind"] == "鉴定"
    assert "start" not in now and was["key"] != now["key"]
    was, now = values(by_case[EXTENDED])
    assert (was["length_months"], now["length_months"]) == (6, 3)
    gone = AuditRecord.objects.get(action="event_withdrawn", import_record=record)
    assert gone.object_id == WITHDRAWN and gone.after is None
    assert isinstance(gone.before, dict) and gone.before["approved_on"] == "2024-09-20"

    # the same files again: nothing changes
    imported(*corrected)
    assert counts() == (0, 0, 0)
    assert ledger() == after
    assert AuditRecord.objects.filter(import_record=ImportRecord.objects.order_by("-id").first()).count() == 0

    # the original files again: the correction is reversed, the history kept
    imported(*original)
    assert counts() == (1, 2, 0)  # the withdrawn extension reinstated; the two corrections changed back
    assert ledger() == before
    assert CaseEvent.objects.count() == 7 and CaseEvent.objects.filter(withdrawn_at__isnull=True).count() == 5
    back = ImportRecord.objects.order_by("-id").first()
    reinstated = AuditRecord.objects.get(action="event_reinstated", import_record=back)
    assert record is not None and reinstated.object_id == WITHDRAWN
    assert reinstated.before == {"withdrawn_by_id": record.pk}
    assert AuditRecord.objects.filter(action="event_changed").count() == 4


def test_an_export_of_cases_alone_corrects_no_event(tmp_path: Path) -> None:
    do_ensure_courts()
    original = write_export(tmp_path / "original", ORIGINAL_EVENTS)
    imported(*original)
    result = runner.invoke(app, ["import", str(original[0])])
    assert result.exit_code == 0, result.output
    assert counts() == (0, 0, 0)
    assert CaseEvent.objects.filter(withdrawn_at__isnull=True).count() == 5


def test_a_case_left_without_events_has_them_all_withdrawn(tmp_path: Path) -> None:
    do_ensure_courts()
    imported(*write_export(tmp_path / "original", ORIGINAL_EVENTS))
    imported(*write_export(tmp_path / "none", [row for row in ORIGINAL_EVENTS if row[0] != WITHDRAWN]))
    assert counts() == (0, 0, 2)
    assert not CaseEvent.objects.filter(case__case_number=WITHDRAWN, withdrawn_at__isnull=True).exists()


def test_a_changed_note_is_a_change_of_the_same_event(tmp_path: Path) -> None:
    do_ensure_courts()
    imported(*write_export(tmp_path / "original", ORIGINAL_EVENTS))
    noted = [(*row[:8], "鉴定意见已送达") if row[0] == DEDUCTION else row for row in ORIGINAL_EVENTS]
    imported(*write_export(tmp_path / "noted", noted))
    assert counts() == (0, 1, 0)
    event = CaseEvent.objects.get(case__case_number=DEDUCTION)
    assert event.note == "鉴定意见已送达" and event.withdrawn_at is None
    before, after = values(AuditRecord.objects.get(action="event_changed"))
    assert (before["note"], after["note"]) == ("司法鉴定", "鉴定意见已送达")
    assert before["key"] == after["key"] == event.key


def test_an_event_given_twice_counts_once(tmp_path: Path) -> None:
    do_ensure_courts()
    twice = [*ORIGINAL_EVENTS, ORIGINAL_EVENTS[-1]]
    imported(*write_export(tmp_path / "twice", twice))
    assert counts() == (5, 0, 0)
    imported(*write_export(tmp_path / "once", ORIGINAL_EVENTS))
    assert counts() == (0, 0, 0)
    imported(*write_export(tmp_path / "again", twice))
    assert counts() == (0, 0, 0)
    assert CaseEvent.objects.filter(case__case_number=STEADY).count() == 1
