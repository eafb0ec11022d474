"""The commands within their limits (issue 10): `qingji import`, `ledger` and `campaign create` refuse a file over
the command line's limits (QINGJI_CLI_MAX_…) with the limit and its setting, and change nothing; before,
`qingji import` of the issue's 1.6 KB workbook aborted (exit 134)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hostile_files import issue_workbook, xls
from qingji.campaigns.models import Campaign
from qingji.cases.models import Case, ImportRecord
from qingji.cli.app import app

pytestmark = pytest.mark.django_db
runner = CliRunner()

HEADER = "案号,法院,适用程序,案由,立案日期,结案日期,结案方式,承办法官,审判庭,羁押,当事人\n"
ROW = "（2024）甘1002民初{n}号,,普通程序,买卖合同纠纷,2024-03-01,,,张伟,民一庭,,甲;乙\n"


def test_import_refuses_the_issues_workbook_and_changes_nothing(tmp_path: Path) -> None:
    bomb = issue_workbook(tmp_path / "bomb.xlsx")
    result = runner.invoke(app, ["import", str(bomb), "--report", str(tmp_path / "marked.xlsx")])
    assert result.exit_code == 2, result.output
    output = " ".join(result.output.split())
    assert "17,179,869,184" in output and "QINGJI_CLI_MAX_CELLS" in output
    assert Case.objects.count() == 0
    record = ImportRecord.objects.get()
    assert record.outcome == ImportRecord.Outcome.REFUSED and record.file_name == "bomb.xlsx"
    corners = xls(tmp_path / "corners.xls", [(0, 0, 1.0), (65_535, 16_383, 2.0)], dimensions=(0, 1, 0, 1))
    assert runner.invoke(app, ["import", str(corners)]).exit_code == 2
    assert Case.objects.count() == 0


def test_the_command_lines_limits_are_environment_variables(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(HEADER + "".join(ROW.format(n=n) for n in range(1, 10)), encoding="utf-8")
    refused = runner.invoke(app, ["import", str(path)], env={"QINGJI_CLI_MAX_ROWS": "9"})
    assert refused.exit_code == 2, refused.output
    output = " ".join(refused.output.split())
    assert "10 行" in output and "QINGJI_CLI_MAX_ROWS" in output and Case.objects.count() == 0
    imported = runner.invoke(app, ["import", str(path)], env={"QINGJI_CLI_MAX_ROWS": "10"})
    assert imported.exit_code == 0, imported.output
    assert Case.objects.count() == 9
    wrong = runner.invoke(app, ["ledger", str(path), "--format", "json"], env={"QINGJI_CLI_MAX_ROWS": "many"})
    assert wrong.exit_code == 1 and "QINGJI_CLI_MAX_ROWS" in wrong.output


def test_ledger_and_campaign_refuse_a_file_over_the_limits(tmp_path: Path) -> None:
    bomb = issue_workbook(tmp_path / "bomb.xlsx")
    ledger = runner.invoke(app, ["ledger", str(bomb), "--as-of", "2024-12-31", "--format", "json"])
    assert ledger.exit_code == 1 and "QINGJI_CLI_MAX_CELLS" in " ".join(ledger.output.split())
    campaign = runner.invoke(
        app,
        [
            "campaign",
            "create",
            "反馈",
            "--start",
            "2024-09-01",
            "--target",
            "2024-12-31",
            "--scope-file",
            str(bomb),
        ],
    )
    assert campaign.exit_code == 1 and "QINGJI_CLI_MAX_CELLS" in " ".join(campaign.output.split())
    assert not Campaign.objects.exists()
