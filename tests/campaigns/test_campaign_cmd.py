"""`qingji campaign create` and `qingji campaign report` (names, options and JSON keys relied on from outside),
with the worked example: a feedback ledger of 49 old cases across the nine courts, all closed by 12 April, the
report saying 100% and 49 days ahead of 31 May (DESIGN.md §1)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qingji.cases.models import Case
from qingji.cli.app import app
from qingji.courts.actions import do_ensure_courts

pytestmark = pytest.mark.django_db
COURTS = ["甘10", "甘1002", "甘1021", "甘1022", "甘1023", "甘1024", "甘1025", "甘1026", "甘1027"]
KEYS = {"in_scope", "cleared", "remaining", "clearance_rate", "completed_on", "target", "days_ahead"}


def feedback_ledger(tmp_path: Path) -> Path:
    """49 cases over the nine courts, filed in 2021, closed between 2022-12-10 and 2023-04-12."""
    do_ensure_courts()
    lines = ["序号,案号,法院"]
    for n in range(49):
        court = COURTS[n % 9]
        number = f"（2021）{court}民初{100 + n}号"
        closed = date(2023, 4, 12) - timedelta(days=(48 - n) * 2)  # the last, n = 48, on 12 April
        Case.objects.create(case_number=number, court_code=court, type_code="民初", procedure="ordinary",
                            filed_on=date(2021, 5, 1) + timedelta(days=n), closed_on=closed)  # fmt: skip
        lines.append(f"{n + 1},{number},{court}")
    path = tmp_path / "反馈台账.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def report(name: str, as_of: str) -> dict[str, object]:
    result = CliRunner().invoke(app, ["campaign", "report", name, "--as-of", as_of, "--json"])
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.output)
    return document


def test_the_worked_example(tmp_path: Path) -> None:
    path = feedback_ledger(tmp_path)
    created = CliRunner().invoke(app, ["campaign", "create", "半年清积", "--start", "2022-12-01",
                                       "--target", "2023-05-31", "--scope-file", str(path)])  # fmt: skip
    assert created.exit_code == 0, created.output
    done = report("半年清积", "2023-05-31")
    assert set(done) >= KEYS and "by_court" in done
    assert (done["in_scope"], done["cleared"], done["remaining"]) == (49, 49, 0)
    assert done["clearance_rate"] == 1.0
    assert (
        done["completed_on"] == "2023-04-12" and done["target"] == "2023-05-31" and done["days_ahead"] == 49
    )
    by_court = done["by_court"]
    assert isinstance(by_court, list) and [row["court_code"] for row in by_court] == sorted(COURTS)
    for row in by_court:
        assert set(row) >= KEYS and row["in_scope"] in (5, 6)  # 49 over nine courts: four with 6, five with 5
    assert sum(row["in_scope"] for row in by_court) == 49
    # Halfway: on 1 March part of the cases are closed and nothing is complete yet.
    midway = report("半年清积", "2023-03-01")
    assert midway["completed_on"] is None and midway["days_ahead"] is None
    assert midway["cleared"] + midway["remaining"] == 49  # type: ignore[operator]


def test_a_rule_scope_from_the_command_line(tmp_path: Path) -> None:
    do_ensure_courts()
    Case.objects.create(case_number="（2021）甘1002民初1号", court_code="甘1002", type_code="民初",
                        filed_on=date(2021, 1, 4))  # fmt: skip
    Case.objects.create(case_number="（2022）甘1027民初1号", court_code="甘1027", type_code="民初",
                        filed_on=date(2022, 1, 4))  # fmt: skip
    result = CliRunner().invoke(app, ["campaign", "create", "西峰清积", "--start", "2022-12-01", "--target",
                                      "2023-05-31", "--older-than", "6m", "--courts", "甘1002"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert report("西峰清积", "2022-12-31")["in_scope"] == 1


def test_bad_options_are_refused_with_reasons(tmp_path: Path) -> None:
    do_ensure_courts()
    runner = CliRunner()
    both = runner.invoke(app, ["campaign", "create", "x", "--start", "2022-12-01", "--target", "2023-05-31"])
    assert both.exit_code == 2 and "--older-than" in both.output
    days = runner.invoke(app, ["campaign", "create", "x", "--start", "2022-12-01", "--target", "2023-05-31",
                               "--older-than", "30d"])  # fmt: skip
    assert days.exit_code == 2
    listed = tmp_path / "list.csv"
    listed.write_text("案号\n（2020）甘1002民初9号\n", encoding="utf-8")
    unknown = runner.invoke(app, ["campaign", "create", "x", "--start", "2022-12-01", "--target", "2023-05-31",
                                  "--scope-file", str(listed)])  # fmt: skip
    assert unknown.exit_code == 2 and "（2020）甘1002民初9号" in unknown.output
    missing = runner.invoke(app, ["campaign", "report", "no such"])
    assert missing.exit_code == 1
