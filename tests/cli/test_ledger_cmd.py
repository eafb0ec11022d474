"""`qingji synth` then `qingji ledger`, end to end on real files: XLSX, CSV, Parquet, JSON, bad rows."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from typer.testing import CliRunner, Result

from qingji.cli.app import app
from qingji.core.calendar import WorkCalendar
from qingji.core.state import assess
from qingji.engine.facts import facts_from_frames
from qingji.interchange import read_cases, read_events

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
CONTRACT_KEYS = {
    "case_number", "court_code", "type_code", "procedure", "filed_on", "closed_on", "status", "age_days",
    "age_bucket", "expiry", "days_remaining", "extended_months", "deducted_days", "provisional", "warnings", "basis",
}  # fmt: skip


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    result = runner.invoke(
        app, ["synth", "--cases", "3000", "--seed", "11", "--out", str(out), "--until", "2026-06-30"]
    )
    assert result.exit_code == 0, result.output
    return out


def synthetic_ledger(synthetic: Path, *options: str) -> Result:
    """`qingji ledger` over the synthetic files as of 2026-06-30, with ``options``."""
    files = [str(synthetic / "cases.csv"), "--events", str(synthetic / "events.csv")]
    return runner.invoke(app, ["ledger", *files, "--as-of", "2026-06-30", *options])


def test_json_ledger_rows_match_the_one_case_rules(synthetic: Path) -> None:
    result = synthetic_ledger(synthetic, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 3000
    assert set(rows[0]) >= CONTRACT_KEYS
    cases = read_cases(synthetic / "cases.csv").frame
    events = read_events(synthetic / "events.csv").frame
    calendar = WorkCalendar.official()
    as_of = date(2026, 6, 30)
    by_number = {row["case_number"]: row for row in rows}
    statuses = set()
    for facts in facts_from_frames(cases, events):
        want = assess(facts, as_of, calendar).as_row()
        got = by_number[facts.case_number]
        want["expiry"] = want["expiry"].isoformat() if isinstance(want["expiry"], date) else None
        assert {key: got[key] for key in want} == want, facts.case_number
        statuses.add(got["status"])
    # A realistic court system has all of these on one date.
    assert {"in_time", "approaching", "overdue", "closed_in_time", "closed_late"} <= statuses


def test_xlsx_ledger_is_laid_out_like_a_court_ledger(synthetic: Path, tmp_path: Path) -> None:
    output = tmp_path / "台账.xlsx"
    result = synthetic_ledger(synthetic, "--output", str(output))
    assert result.exit_code == 0, result.output
    assert "台账汇总" in result.output and "甘1002" in result.output
    sheet = openpyxl.load_workbook(output).worksheets[0]
    headers = [cell.value for cell in sheet[2]]
    assert headers[:3] == ["案号", "法院代字", "法院"]
    assert "审限届满日" in headers and "预警" in headers and "依据" in headers
    assert sheet.freeze_panes == "B3"  # the title and header rows, and the case number, stay in view
    assert sheet.max_row == 2 + 3000
    status_column = headers.index("状态") + 1
    overdue_rows = [r for r in range(3, sheet.max_row + 1) if sheet.cell(r, status_column).value == "超审限"]
    assert overdue_rows, "the synthetic court has overdue cases"
    fill = sheet.cell(overdue_rows[0], 1).fill.fgColor.rgb
    assert fill not in (None, "00000000")
    # The ledger re-imports as a cases file.
    again = read_cases(output)
    assert again.problems == []
    assert again.frame.height == 3000


def test_csv_and_parquet_outputs(synthetic: Path, tmp_path: Path) -> None:
    for name in ("ledger.csv", "ledger.parquet"):
        result = synthetic_ledger(synthetic, "--output", str(tmp_path / name))
        assert result.exit_code == 0, result.output
    parquet = pl.read_parquet(tmp_path / "ledger.parquet")
    assert parquet.height == 3000 and set(parquet.columns) >= CONTRACT_KEYS
    text = (tmp_path / "ledger.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("案号,")


def test_the_shared_sample_ledger_by_hand(tmp_path: Path) -> None:
    if not SAMPLES.exists():
        pytest.skip("the shared samples are not beside the project")
    result = runner.invoke(
        app,
        [
            "ledger",
            str(SAMPLES / "cases.csv"),
            "--events",
            str(SAMPLES / "events.csv"),
            "--as-of",
            "2024-12-31",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    rows = {row["case_number"]: row for row in json.loads(result.stdout)}
    expected = {
        # CPL 152: 6 months.
        "（2023）甘1002民初1001号": ("2023-09-15", "overdue"),
        # Aug 31 + 6 months clamps to Feb 29 (leap year).
        "（2023）甘10民初1002号": ("2024-02-29", "closed_in_time"),
        # CPL 183: 3 months to Saturday 08-31, rolled to Monday.
        "（2024）甘10民终1003号": ("2024-09-02", "closed_in_time"),
        # CPL 164: 3 months to 05-01, May Day holiday to 05-05, rolled to Monday 05-06.
        "（2024）甘1021民初1004号": ("2024-05-06", "closed_in_time"),
        # 6 + 6 + 3 months from 2022-09-19 = 2023-12-19, + 105 days of appraisal = 2024-04-02.
        "（2022）甘1027民初1005号": ("2024-04-02", "overdue"),
        # 6 months to 2025-01-02, + 60 days of auction = 2025-03-03.
        "（2024）甘1026执1006号": ("2025-03-03", "in_time"),
        # CrPL 208: 3 months, in custody.
        "（2024）甘1002刑初1007号": ("2024-09-03", "closed_in_time"),
        # ALL 81: 6 months to 10-10, + 30 days of public notice = Saturday 11-09, rolled to 11-11.
        "（2024）甘10行初1008号": ("2024-11-11", "overdue"),
    }
    assert {number: (row["expiry"], row["status"]) for number, row in rows.items()} == expected
    assert rows["（2022）甘1027民初1005号"]["days_over"] == 273
    assert rows["（2022）甘1027民初1005号"]["extended_months"] == 9
    assert rows["（2024）甘1026执1006号"]["days_remaining"] == 62


def test_bad_rows_are_reported_and_the_rest_is_kept(tmp_path: Path) -> None:
    if not SAMPLES.exists():
        pytest.skip("the shared samples are not beside the project")
    cases = tmp_path / "cases.csv"
    shutil.copy(SAMPLES / "cases.csv", cases)
    with cases.open("a", encoding="utf-8") as file:
        file.write("（2024）甘100民初9号,,普通程序,,2024-01-05,,,,,,\n")
        file.write("（2024）甘1002民初10号,,普通程序,,2024-02-30,,,,,,\n")
    output = tmp_path / "ledger.xlsx"
    result = runner.invoke(app, ["ledger", str(cases), "--as-of", "2024-12-31", "--output", str(output)])
    assert result.exit_code == 2, result.output
    report = tmp_path / "ledger.errors.xlsx"
    assert report.exists()
    rows = list(openpyxl.load_workbook(report).worksheets[0].iter_rows(values_only=True))
    body = rows[1:]
    assert rows[0][:4] == ("文件", "行", "案号", "列")
    # The number of a malformed 案号 is not readable; a bad date's row names its case.
    assert {(r[1], r[2], r[3]) for r in body} == {
        (10, None, "案号"),
        (11, "（2024）甘1002民初10号", "立案日期"),
    }
    assert all(r[0] == "cases.csv" and r[5] and r[6] for r in body)
    assert "第11行 row 11, （2024）甘1002民初10号, 立案日期 = '2024-02-30'" in result.output
    assert openpyxl.load_workbook(output).worksheets[0].max_row == 2 + 8


CASES_HEADER = "案号,法院,适用程序,案由,立案日期,结案日期,结案方式,承办法官,审判庭,羁押,当事人\n"
EVENTS_HEADER = "案号,事项,类别,开始日期,结束日期,期间,批准人,批准日期,备注\n"
N1, N2 = "（2024）甘1002民初1号", "（2024）甘1002民初2号"


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("empty", ["cases", "events"])
def test_a_file_with_no_data_rows_is_refused(tmp_path: Path, empty: str) -> None:
    rows = f"{N1},庆阳市西峰区人民法院,普通程序,,2024-01-05,,,,,,\n"
    cases = write_text(tmp_path / "cases.csv", CASES_HEADER + ("" if empty == "cases" else rows), "gb18030")
    events = write_text(tmp_path / "events.csv", EVENTS_HEADER + ",,,,,,,,\n")
    output = tmp_path / "ledger.xlsx"
    result = runner.invoke(app, ["ledger", str(cases), "--events", str(events), "-o", str(output)])
    assert result.exit_code == 1, result.output
    assert f"{empty}.csv 第1行" in result.output
    assert "文件中没有数据行" in result.output and "the file has no data rows" in result.output
    assert not output.exists()


def test_a_case_with_a_refused_event_row_is_warned(tmp_path: Path) -> None:
    cases = write_text(
        tmp_path / "cases.csv",
        CASES_HEADER
        + f"{N1},庆阳市西峰区人民法院,普通程序,,2024-01-05,,,,,,\n"
        + f"{N2},庆阳市西峰区人民法院,普通程序,,2024-01-05,,,,,,\n",
    )
    events = write_text(
        tmp_path / "events.csv",
        EVENTS_HEADER
        + f"{N1},扣除审限,鉴定,2024-03-01,2024-03-30,,,,\n"
        + f"{N1},延长审限,,,,6个月,院长,2024-07-01,经审批,多一格\n"  # 12 cells: refused
        + f"{N2},扣除审限,鉴定,2024-03-01,2024-03-30,,,,\n",
    )
    result = runner.invoke(
        app, ["ledger", str(cases), "--events", str(events), "--as-of", "2024-07-10", "--format", "json"]
    )
    assert result.exit_code == 2, result.output
    rows = {row["case_number"]: row for row in json.loads(result.stdout)}
    # Added after the ledger was computed, in the order of the warnings (an approaching one first).
    assert rows[N1]["warnings"] == ["approaching_30", "event_refused"]
    assert rows[N2]["warnings"] == ["approaching_30"]
    assert rows[N1]["deducted_days"] == rows[N2]["deducted_days"] == 30
    assert f"第3行 row 3, {N1}, （整行）" in result.stderr
