"""docs/campaigns.md's worked example, run as the document says: the example export imported, the campaign
created from the example feedback ledger, and the report saying 100% and 49 days ahead of 31 May."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qingji.cli.app import app
from qingji.courts.actions import do_ensure_courts

pytestmark = pytest.mark.django_db
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
DOC = (EXAMPLES.parent / "campaigns.md").read_text(encoding="utf-8")


def test_the_documented_commands_give_the_documented_figures() -> None:
    do_ensure_courts()
    runner = CliRunner()
    for command in ("import docs/examples/worked-cases.csv",
                    "campaign create 半年清积 --start 2022-12-01 --target 2023-05-31 "
                    "--scope-file docs/examples/反馈台账.csv"):  # fmt: skip
        assert f"qingji {command}" in DOC, command
        args = [
            EXAMPLES.parent.parent / part if part.startswith("docs/") else part for part in command.split()
        ]
        result = runner.invoke(app, [str(arg) for arg in args])
        assert result.exit_code == 0, result.output
    assert "qingji campaign report 半年清积 --as-of 2023-05-31 --json" in DOC
    result = runner.invoke(app, ["campaign", "report", "半年清积", "--as-of", "2023-05-31", "--json"])
    report = json.loads(result.output)
    assert (report["in_scope"], report["cleared"], report["remaining"]) == (49, 49, 0)
    assert report["clearance_rate"] == 1.0 and report["completed_on"] == "2023-04-12"
    assert report["days_ahead"] == 49 and report["target"] == "2023-05-31"
    assert len(report["by_court"]) == 9 and sum(row["in_scope"] for row in report["by_court"]) == 49
    assert all(row["clearance_rate"] == 1.0 for row in report["by_court"])
    assert "49 days ahead" in DOC and "completed on 2023-04-12" in DOC
