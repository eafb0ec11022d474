"""`qingji deadline` from the command line: options, text and JSON output, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qingji.cli.app import app

runner = CliRunner()


def flat(text: str) -> str:
    """Terminal output without the panel's frame and line breaks, so a wrapped reason reads whole."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in "│╭╮╰╯─")


def run_json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["deadline", *args, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_issue_example_extension_deduction_and_sunday() -> None:
    data = run_json(
        "（2023）甘1002民初123号",
        "--filed", "2023-03-15",
        "--procedure", "普通程序",
        "--extend", "6m:院长:2023-09-01",
        "--deduct", "鉴定:2023-04-01:2023-04-30",
        "--as-of", "2024-04-01",
    )  # fmt: skip
    assert data["expiry"] == "2024-04-15"
    assert data["court_code"] == "甘1002"
    assert data["type_code"] == "民初"
    assert data["extended_months"] == 6
    assert data["deducted_days"] == 30
    assert data["status"] == "approaching"
    assert data["days_remaining"] == 14
    assert data["warnings"] == ["approaching_15"]
    steps = data["steps"]
    assert isinstance(steps, list)
    assert [s["result"] for s in steps] == ["2023-09-15", "2024-03-15", "2024-04-14", "2024-04-15"]
    assert [s["basis"] for s in steps][:3] == ["CPL 152", "CPL 152", "CPL-Interp 243"]


def test_type_code_without_case_number_and_custody() -> None:
    # CrPL 208: 3 months from 2024-03-09 is 2024-06-09, a Sunday; in custody there is no roll-forward.
    data = run_json(
        "--type-code",
        "刑初",
        "--procedure",
        "ordinary",
        "--filed",
        "2024-03-09",
        "--in-custody",
        "--as-of",
        "2024-03-10",
    )
    assert data["expiry"] == "2024-06-09"
    free = run_json(
        "--type-code", "刑初", "--procedure", "ordinary", "--filed", "2024-03-09", "--as-of", "2024-03-10"
    )
    assert free["expiry"] == "2024-06-11"  # 06-10 is the Dragon Boat holiday


def test_conversion_and_restart_options() -> None:
    data = run_json(
        "--type-code", "民初", "--procedure", "简易程序", "--filed", "2024-01-10",
        "--convert", "普通程序:2024-03-01", "--as-of", "2024-03-02",
    )  # fmt: skip
    assert data["expiry"] == "2024-07-10"  # ordinary, counted from the original filing
    restarted = run_json(
        "--type-code", "刑初", "--procedure", "普通程序", "--filed", "2024-01-10",
        "--restart", "2024-03-01:补充侦查", "--as-of", "2024-03-02",
    )  # fmt: skip
    assert restarted["expiry"] == "2024-06-03"  # 2024-06-01 is a Saturday
    assert restarted["anchor"] == "2024-03-01"


def test_text_output_names_the_steps() -> None:
    result = runner.invoke(
        app,
        [
            "deadline",
            "（2024）甘10民终5号",
            "--filed",
            "2024-05-31",
            "--procedure",
            "判决上诉",
            "--as-of",
            "2024-06-01",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2024-09-02" in result.output
    assert "CPL 183(1)" in result.output
    assert "顺延" in result.output


def test_bad_input_is_refused_with_a_reason() -> None:
    cases = {
        ("（2023）甘100民初1号", "--filed", "2023-01-01"): "法院代字",
        ("--type-code", "民初", "--filed", "2023-02-30"): "不是日期",
        ("--type-code", "民初", "--filed", "2023-02-01", "--deduct", "坚定:2023-03-01"): "未知的扣除类别",
        ("--type-code", "民初", "--filed", "2023-02-01", "--procedure", "普通"): "",
        ("--type-code", "民初", "--filed", "2023-02-01", "--procedure", "加急"): "适用程序",
        ("--type-code", "民初", "--filed", "2023-02-01", "--extend", "六个月"): "期间",
        ("--filed", "2023-02-01"): "需要案号",
    }
    for args, reason in cases.items():
        result = runner.invoke(app, ["deadline", *args, "--as-of", "2023-06-01"])
        if reason:
            assert result.exit_code == 2, (args, result.output)
            assert reason in flat(result.output), (args, result.output)
        else:
            assert result.exit_code == 0, (args, result.output)


def test_local_holiday_file_names_its_holidays(tmp_path: Path) -> None:
    holidays = tmp_path / "holidays.toml"
    holidays.write_text(
        '[2027]\nholidays = ["2027-02-05..2027-02-12"]\nworkdays = ["2027-02-14"]\n'
        '[2027.names]\n"2027-02-05..2027-02-12" = "春节"\n',
        encoding="utf-8",
    )
    # Simple procedure: 3 months from 2026-11-05 is 2027-02-05, inside the (hypothetical) Spring Festival.
    args = [
        "--type-code",
        "民初",
        "--procedure",
        "简易程序",
        "--filed",
        "2026-11-05",
        "--as-of",
        "2026-11-27",
    ]
    provisional = run_json(*args)
    assert provisional["expiry"] == "2027-02-05"
    assert provisional["provisional"] is True
    assert "provisional_calendar" in provisional["warnings"]  # type: ignore[operator]
    data = run_json(*args, "--holidays", str(holidays))
    # Past the holiday and Saturday the 13th, Sunday the 14th is a working day in this schedule.
    assert data["expiry"] == "2027-02-14"
    assert data["provisional"] is False
    steps = data["steps"]
    assert isinstance(steps, list)
    assert "春节" in steps[-1]["zh"]


def test_a_bad_holiday_file_is_refused(tmp_path: Path) -> None:
    holidays = tmp_path / "holidays.toml"
    holidays.write_text('[2027]\nholidays = ["2027-02-30"]\n', encoding="utf-8")
    result = runner.invoke(
        app, ["deadline", "--type-code", "民初", "--filed", "2026-11-05", "--holidays", str(holidays)]
    )
    assert result.exit_code == 2
    assert "2027-02-30" in flat(result.output)


LATE_CASES = "案号,法院,适用程序,案由,立案日期,结案日期,结案方式,承办法官,审判庭,羁押,当事人\n"
LATE_EVENTS = "案号,事项,类别,开始日期,结束日期,期间,批准人,批准日期,备注\n"


@pytest.mark.parametrize(
    ("closed", "events", "options"),
    [
        # An appraisal begun after the expiry (2023-09-15): no days added, closed 2023-10-20 is 35 days late.
        (
            "2023-10-20",
            ["扣除审限,鉴定,2023-09-20,2023-10-19,,,,"],
            ["--deduct", "鉴定:2023-09-20:2023-10-19"],
        ),
        # An extension approved nine days after the expiry: closed 2023-12-01, late since 2023-09-15.
        ("2023-12-01", ["延长审限,,,,6个月,院长,2023-09-24,"], ["--extend", "6m:院长:2023-09-24"]),
        # An appraisal begun in time: 30 days → 2023-10-15 (Sun) → 10-16; closed 10-16 is in time.
        (
            "2023-10-16",
            ["扣除审限,鉴定,2023-09-01,2023-09-30,,,,"],
            ["--deduct", "鉴定:2023-09-01:2023-09-30"],
        ),
    ],
)
def test_deadline_with_closed_agrees_with_the_ledger(
    tmp_path: Path, closed: str, events: list[str], options: list[str]
) -> None:
    number = "（2023）甘1002民初1001号"
    cases_file, events_file = tmp_path / "cases.csv", tmp_path / "events.csv"
    cases_file.write_text(
        LATE_CASES
        + f"{number},庆阳市西峰区人民法院,普通程序,民间借贷纠纷,2023-03-15,{closed},判决,张伟,民一庭,,王某\n",
        encoding="utf-8",
    )
    events_file.write_text(LATE_EVENTS + "".join(f"{number},{e}\n" for e in events), encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "ledger",
            str(cases_file),
            "--events",
            str(events_file),
            "--as-of",
            "2024-01-31",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    single = run_json(
        number, "--filed", "2023-03-15", "--procedure", "普通程序", "--closed", closed, "--as-of", "2024-01-31",
        *options,
    )  # fmt: skip
    keys = ["expiry", "status", "days_over", "deducted_days", "extended_months", "warnings", "basis"]
    assert {k: single[k] for k in keys} == {k: row[k] for k in keys}
    if closed == "2023-10-16":
        assert (single["expiry"], single["status"]) == ("2023-10-16", "closed_in_time")
    else:
        assert (single["expiry"], single["status"]) == ("2023-09-15", "closed_late")
