"""`qingji integrity` on files: the JSON keys relied on from outside, the export read back, the filter, the
thresholds from the site settings and bad input refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from qingji.cli.app import app
from qingji.core.casenumber import parse_case_number

from .planted import Planted, planted

runner = CliRunner()


def court_with_findings() -> Planted:
    court = planted()
    court.case("（2025）甘1002民初8号", "2025-05-06", "2025-08-01", "撤诉", parties="张某某;甲公司")
    court.case("（2025）甘1002民初30号", "2025-09-15", parties="甲公司，张某", judge="赵法官")
    court.case("（2025）甘1002民初1号", "2025-09-01")
    court.event("（2025）甘1002民初1号", "扣除审限", "拍卖变卖", "2025-10-01", "2025-10-20")
    return court


def test_json_keys_and_findings(tmp_path: Path) -> None:
    cases, events = court_with_findings().write(tmp_path)
    result = runner.invoke(
        app, ["integrity", str(cases), "--events", str(events), "--as-of", "2026-06-30", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"as_of", "findings", "by_check", "by_court"} <= set(data)
    assert data["as_of"] == "2026-06-30"
    assert data["by_check"]["withdraw_refile"] == 1 and data["by_check"]["deduction_without_ground"] == 1
    assert sum(data["by_check"].values()) == 2
    assert data["by_court"] == {"甘1002": {"deduction_without_ground": 1, "withdraw_refile": 1}}
    refile = next(f for f in data["findings"] if f["check"] == "withdraw_refile")
    assert {"check", "case_number", "court_code", "judge", "evidence", "rule"} <= set(refile)
    assert refile["case_number"] == "（2025）甘1002民初30号" and refile["judge"] == "赵法官"
    assert refile["evidence"]["earlier_case"] == "（2025）甘1002民初8号"


def test_the_table_and_the_export(tmp_path: Path) -> None:
    cases, events = court_with_findings().write(tmp_path)
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"findings{suffix}"
        result = runner.invoke(
            app,
            ["integrity", str(cases), "--events", str(events), "--as-of", "2026-06-30", "--output", str(out)],
        )
        assert result.exit_code == 0, result.output
        assert "撤诉后重新立案" in result.stdout and "（2025）甘1002民初30号" in result.stdout
        table = pl.read_csv(out) if suffix == ".csv" else pl.read_excel(out)
        assert table.columns[:3] == ["检查", "检查代码", "案号"]
        assert sorted(table.get_column("案号").to_list()) == [
            "（2025）甘1002民初1号",
            "（2025）甘1002民初30号",
        ]
        evidence = json.loads(table.filter(pl.col("检查代码") == "withdraw_refile").item(0, "证据"))
        assert evidence["days_between"] == 45


def test_only_the_checks_asked_for(tmp_path: Path) -> None:
    cases, events = court_with_findings().write(tmp_path)
    args = ["integrity", str(cases), "--events", str(events), "--as-of", "2026-06-30", "--json"]
    data = json.loads(runner.invoke(app, [*args, "--check", "withdraw_refile"]).stdout)
    assert [f["check"] for f in data["findings"]] == ["withdraw_refile"]
    bad = runner.invoke(app, [*args, "--check", "nonsense"])
    assert bad.exit_code == 2 and "nonsense" in bad.output
    bad = runner.invoke(app, [*args, "--output", str(tmp_path / "x.pdf")])
    assert bad.exit_code == 2 and not (tmp_path / "x.pdf").exists()


def test_thresholds_come_from_the_site_settings(tmp_path: Path, site_file: Callable[[str], Path]) -> None:
    cases, events = court_with_findings().write(tmp_path)
    args = ["integrity", str(cases), "--events", str(events), "--as-of", "2026-06-30", "--json"]
    site_file("[integrity]\nrefile_days = 30\n")
    data = json.loads(runner.invoke(app, args).stdout)
    assert data["by_check"]["withdraw_refile"] == 0 and data["thresholds"]["refile_days"] == 30
    site_file("[integrity]\nburst_factor = 0.5\n")
    bad = runner.invoke(app, args)
    assert bad.exit_code != 0 and "integrity.burst_factor" in bad.output


@pytest.mark.django_db
def test_without_files_it_reads_the_database() -> None:
    """The database's cases, with their closure method, parties and the court system's expiry, and a campaign's
    target date as a key date for the burst check."""
    from qingji.campaigns.models import Campaign
    from qingji.cases.models import Case, CaseEvent

    def case(number: str, filed: str, closed: str | None = None, method: str = "", parties: str = "",
             judge: str = "李法官", cms: str | None = None) -> Case:  # fmt: skip
        parsed = parse_case_number(number)
        return Case.objects.create(
            case_number=number, court_code=parsed.court_code, type_code=parsed.type_code, procedure="ordinary",
            judge=judge, filed_on=date.fromisoformat(filed), closed_on=date.fromisoformat(closed) if closed else None,
            closure_method=method, parties=parties or number, cause="买卖合同纠纷",
            cms_expiry=date.fromisoformat(cms) if cms else None,
        )  # fmt: skip

    case("（2025）甘1002民初8号", "2025-05-06", "2025-08-01", "撤诉", parties="张某某;甲公司")
    case("（2025）甘1002民初30号", "2025-09-15", parties="甲公司，张某")
    case("（2026）甘1002民初1号", "2026-01-05", cms="2026-12-31")
    appraisal = case("（2025）甘1002民初2号", "2025-09-01")
    CaseEvent.objects.create(case=appraisal, key="k1", event="deduction", kind="拍卖变卖",
                             start=date(2025, 10, 1), end=date(2025, 10, 20))  # fmt: skip
    # a burst of withdrawals before a campaign's target date (2026-06-15), which is no bulletin day
    for n in range(10, 28):
        case(f"（2025）甘1002民初{n}号", "2025-09-01", f"2026-0{1 + n % 5}-0{1 + n % 9}", "判决")
    for n in range(40, 52):
        case(f"（2026）甘1002民初{n}号", "2026-01-05", f"2026-06-{12 + n % 3}", "撤诉")
    Campaign.objects.create(name="清积", start=date(2026, 3, 1), target=date(2026, 6, 15),
                            scope=Campaign.Scope.RULE, older_than_months=6)  # fmt: skip
    document = json.loads(runner.invoke(app, ["integrity", "--as-of", "2026-06-30", "--json"]).stdout)
    assert document["by_check"]["withdraw_refile"] == 1
    assert document["by_check"]["deduction_without_ground"] == 1
    assert document["by_check"]["expiry_mismatch"] == 1
    assert document["by_check"]["mass_closure"] == 12
    burst = next(f for f in document["findings"] if f["check"] == "mass_closure")
    assert burst["evidence"]["key_date"] == "2026-06-15"


def test_a_formula_in_the_export_stays_text(tmp_path: Path) -> None:
    """A judge's name that a spreadsheet would run (=…) is written as text in both files (csv_safety)."""
    import openpyxl

    court = court_with_findings()
    court.cases[1]["承办法官"] = "=1+1"
    cases, events = court.write(tmp_path)
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"findings{suffix}"
        args = ["integrity", str(cases), "--events", str(events), "--as-of", "2026-06-30", "--output"]
        args.append(str(out))
        assert runner.invoke(app, args).exit_code == 0
        if suffix == ".csv":
            table = pl.read_csv(out)
            assert "'=1+1" in table.get_column("承办法官").to_list()
        else:
            sheet = openpyxl.load_workbook(out).worksheets[0]
            judges = [row[4] for row in sheet.iter_rows(min_row=2)]
            cell = next(c for c in judges if c.value == "=1+1")
            assert cell.data_type == "s"
