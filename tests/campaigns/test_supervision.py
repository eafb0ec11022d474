"""Supervision of a campaign's courts: recorded, audited, and the escalation ladder proposed for the court that
lags — on the worked example's campaign on 1 March 2023, when 甘1023 and 甘1026 stood at 25%."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qingji.audit.models import AuditRecord
from qingji.campaigns.models import SupervisionAction
from qingji.cases.imports import do_import
from qingji.cli.app import app
from qingji.courts.actions import do_ensure_courts

pytestmark = pytest.mark.django_db
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture
def campaign() -> None:
    do_ensure_courts()
    assert do_import(EXAMPLES / "worked-cases.csv").imported
    created = CliRunner().invoke(app, ["campaign", "create", "半年清积", "--start", "2022-12-01", "--target",
                                       "2023-05-31", "--scope-file", str(EXAMPLES / "反馈台账.csv")])  # fmt: skip
    assert created.exit_code == 0, created.output


def standings(as_of: str) -> dict[str, dict[str, object]]:
    result = CliRunner().invoke(app, ["campaign", "report", "半年清积", "--as-of", as_of, "--json"])
    assert result.exit_code == 0, result.output
    return {row["court_code"]: row for row in json.loads(result.output)["standings"]}


@pytest.mark.usefixtures("campaign")
def test_the_last_court_is_warned_and_the_ladder_climbs() -> None:
    before = standings("2023-03-01")
    last = before["甘1026"]  # 25%, 3 remaining, and last of the two at 25% by code
    assert last["rank"] == 8 and last["last"] is True and last["next_step"] == "phone"
    assert "甘10" not in before  # the intermediate court is not ranked among the basic courts it supervises
    assert before["甘1021"]["lagging"] is False  # 80%: first
    runner = CliRunner()
    recorded = runner.invoke(app, ["campaign", "supervise", "半年清积", "--court", "甘1026", "--kind", "phone",
                                   "--by", "督导组", "--to", "院长", "--on", "2023-02-20",
                                   "--agreed", "两周内结案两件", "--follow-up", "2023-03-06"])  # fmt: skip
    assert recorded.exit_code == 0, recorded.output
    assert standings("2023-03-01")["甘1026"]["next_step"] == "letter"
    assert standings("2023-02-19")["甘1026"]["next_step"] == "phone"  # the call came after that date
    record = AuditRecord.objects.get(action="supervision_recorded")
    assert record.court_code == "甘1026" and record.after is not None and record.after["kind"] == "phone"
    # finished by 31 May, nobody lags any more
    assert not any(row["lagging"] for row in standings("2023-05-31").values())


@pytest.mark.usefixtures("campaign")
def test_bad_supervision_is_refused_with_reasons() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["campaign", "supervise", "半年清积", "--court", "甘9999", "--kind", "fax",
                                 "--by", " ", "--on", "2023-03-01", "--follow-up", "2023-02-01"])  # fmt: skip
    assert result.exit_code == 2
    for reason in ("not one of the campaign's courts", "unknown kind", "blank", "follow-up is before"):
        assert reason in " ".join(result.output.split()), reason
    assert not SupervisionAction.objects.exists()
