"""The snapshot: the engine over the database gives each case the state the one-case rules give it."""

from __future__ import annotations

from datetime import date

import pytest

from qingji.audit.models import AuditRecord
from qingji.cases.frames import frames_from_database
from qingji.cases.models import Case, CaseEvent, CaseState
from qingji.cases.snapshot import do_snapshot
from qingji.core.calendar import WorkCalendar
from qingji.core.state import assess
from qingji.engine.facts import facts_from_frames

pytestmark = pytest.mark.django_db

AS_OF = date(2024, 12, 31)


def sample_cases() -> None:
    appraisal = Case.objects.create(
        case_number="（2022）甘1027民初1005号", court_code="甘1027", type_code="民初", procedure="ordinary",
        filed_on=date(2022, 9, 19),
    )  # fmt: skip
    CaseEvent.objects.create(
        case=appraisal,
        key="a",
        event="deduction",
        kind="鉴定",
        start=date(2022, 11, 2),
        end=date(2023, 2, 14),
    )
    CaseEvent.objects.create(
        case=appraisal, key="b", event="extension", length_months=6, length_days=0, approved_by="院长",
        approved_on=date(2023, 4, 20),
    )  # fmt: skip
    CaseEvent.objects.create(
        case=appraisal, key="c", event="extension", length_months=3, length_days=0, approved_by="庆阳市中级人民法院",
        approved_on=date(2023, 12, 10),
    )  # fmt: skip
    Case.objects.create(
        case_number="（2024）甘10民终1003号", court_code="甘10", type_code="民终", procedure="appeal_judgment",
        filed_on=date(2024, 5, 31), closed_on=date(2024, 8, 15),
    )  # fmt: skip
    Case.objects.create(
        case_number="（2024）甘1026执1006号", court_code="甘1026", type_code="执", filed_on=date(2024, 7, 2)
    )


def test_snapshot_stores_each_cases_state() -> None:
    sample_cases()
    assert do_snapshot(AS_OF) == 3
    states = {s.case.case_number: s for s in CaseState.objects.select_related("case")}
    # Hand-checked in tests/cli/test_ledger_cmd.py: 6 + 6 + 3 months and 105 days of appraisal.
    assert states["（2022）甘1027民初1005号"].expiry == date(2024, 4, 2)
    assert states["（2022）甘1027民初1005号"].status == "overdue"
    assert states["（2024）甘10民终1003号"].expiry == date(2024, 9, 2)
    assert states["（2024）甘10民终1003号"].status == "closed_in_time"
    assert states["（2024）甘1026执1006号"].age_bucket == "under_6m"  # 6 months from 07-02 end on 2025-01-02
    assert states["（2022）甘1027民初1005号"].age_bucket == "over_2y"
    cases, events = frames_from_database()
    calendar = WorkCalendar.official()
    for facts in facts_from_frames(cases, events):
        row = assess(facts, AS_OF, calendar).as_row()
        state = states[str(facts.case_number)]
        assert (
            state.expiry == row["expiry"]
            and state.warnings == row["warnings"]
            and state.basis == row["basis"]
        )
    # one record per court, each with that court's count, so that each court's auditors see theirs (issue 10)
    records = AuditRecord.objects.filter(action="snapshot_computed")
    per_court = {record.court_code: record.after["cases"] for record in records if record.after}
    assert per_court == {
        code: sum(1 for state in states.values() if state.court_code == code)
        for code in {state.court_code for state in states.values()}
    }
    assert len(records) == len(per_court) > 1 and "" not in per_court


def test_a_new_snapshot_replaces_the_old_one() -> None:
    sample_cases()
    do_snapshot(date(2024, 8, 1))
    assert CaseState.objects.get(case__case_number="（2024）甘10民终1003号").status == "in_time"
    do_snapshot(AS_OF)
    assert CaseState.objects.count() == 3
    assert set(CaseState.objects.values_list("as_of", flat=True)) == {AS_OF}
    assert CaseState.objects.get(case__case_number="（2024）甘10民终1003号").status == "closed_in_time"


def test_the_ledger_command_without_a_file_reads_the_database() -> None:
    import json

    from typer.testing import CliRunner

    from qingji.cli.app import app

    sample_cases()
    result = CliRunner().invoke(app, ["ledger", "--as-of", "2024-12-31", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["case_number"]: row for row in json.loads(result.stdout)}
    assert rows["（2022）甘1027民初1005号"]["expiry"] == "2024-04-02"
    assert rows["（2024）甘10民终1003号"]["status"] == "closed_in_time"
    assert len(rows) == 3
