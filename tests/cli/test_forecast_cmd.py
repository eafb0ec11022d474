"""`qingji forecast` on files and on the database: its options, its JSON keys (relied on from outside: as_of,
ageing, projection, backtest), its tables; the cases those of tests/forecast/test_ageing.py, worked out by hand."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from qingji.cli.app import app
from qingji.core.casenumber import parse_case_number
from qingji.synth import write

runner = CliRunner()

# case number, filed, closed, judge, division (as of 2024-06-30: tests/forecast/test_ageing.py, A to G)
ROWS = [
    ("（2024）甘1002民初1号", "2024-01-31", "", "张伟", "民一庭"),
    ("（2023）甘1002民初2号", "2023-08-31", "", "李娜", "民二庭"),
    ("（2023）甘1027民初3号", "2023-02-28", "", "赵磊", "民二庭"),
    ("（2024）甘1002民初4号", "2024-01-01", "2024-06-01", "张伟", "民一庭"),
    ("（2023）甘1002民初5号", "2023-12-31", "2024-07-15", "张伟", "民一庭"),
    ("（2024）甘1002民初6号", "2024-01-29", "", "", ""),
    ("（2024）甘1027民初7号", "2024-06-01", "", "赵磊", "民二庭"),
]


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    path = tmp_path / "cases.csv"
    lines = [
        "案号,适用程序,立案日期,结案日期,承办法官,审判庭",
        *(f"{n},普通程序,{f},{c},{j},{d}" for n, f, c, j, d in ROWS),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def as_json(result: Result) -> dict[str, object]:
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.output)
    return document


def test_the_json_keys_and_the_ageing_by_hand(cases: Path) -> None:
    document = as_json(runner.invoke(app, ["forecast", str(cases), "--as-of", "2024-06-30", "--json"]))
    assert set(document) == {"as_of", "ageing", "projection"} and document["as_of"] == "2024-06-30"
    ageing = document["ageing"]
    assert isinstance(ageing, dict)
    assert {key: ageing["totals"][key] for key in ("6", "10", "12", "18")} == {
        "6": {"30": 2, "60": 3, "90": 3}, "10": {"30": 1, "60": 1, "90": 1}, "12": {"30": 0, "60": 0, "90": 1},
        "18": {"30": 0, "60": 1, "90": 1},
    }  # fmt: skip
    court = next(g for g in ageing["groups"] if g["level"] == "court" and g["court_code"] == "甘1002")
    assert [case["case_number"] for case in court["cases"]["6"]] == [
        "（2023）甘1002民初5号", "（2024）甘1002民初6号", "（2024）甘1002民初1号",
    ]  # fmt: skip
    assert {g["level"] for g in ageing["groups"]} == {"court", "division", "judge"}
    projection = document["projection"]
    assert isinstance(projection, dict)
    assert projection["now"] == {
        "6": 2,
        "12": 1,
        "18": 0,
    }  # B and C; C; none (C crosses 18 months on 29 August)
    months = projection["months"]
    assert [m["month_end"] for m in months] == [
        "2024-07-31", "2024-08-31", "2024-09-30", "2024-10-31", "2024-11-30", "2024-12-31",
    ]  # fmt: skip
    band = months[0]["bands"]["12"]
    assert (
        set(band) == {"value", "low", "high", "inflow", "cleared"}
        and band["low"] <= band["value"] <= band["high"]
    )
    assert [court["court_code"] for court in projection["by_court"]] == ["甘1002", "甘1027"]


def test_the_tables_in_chinese_and_english(cases: Path) -> None:
    result = runner.invoke(app, ["forecast", str(cases), "--as-of", "2024-06-30", "--months", "2"])
    assert result.exit_code == 0, result.output
    for words in ("即将跨越 about to age", "满6月", "到期", "2/3/3", "积案预测 backlog projected", "2024-08-31",
                  "inflow", "cleared"):  # fmt: skip
        assert words in result.output, words
    assert "2024-09-30" not in result.output.split("积案预测")[1]  # two months only


def test_the_backtest_on_a_synthetic_court_system(tmp_path: Path) -> None:
    cases, events = write(tmp_path, 5_000, seed=3, until=date(2025, 6, 30))
    document = as_json(runner.invoke(app, [
        "forecast", str(cases), "--events", str(events), "--as-of", "2025-06-30", "--backtest-from", "2024-12-31",
        "--json",
    ]))  # fmt: skip
    tested = document["backtest"]
    assert isinstance(tested, dict)
    assert tested["start"] == "2024-12-31" and tested["known_until"] == "2025-06-30" and tested["months"] == 6
    assert len(tested["rows"]) == 18 and tested["mape"] is not None and 0 <= tested["share_inside"] <= 1
    text = runner.invoke(app, ["forecast", str(cases), "--events", str(events), "--as-of", "2025-06-30",
                               "--backtest-from", "2025-03-31"])  # fmt: skip
    assert text.exit_code == 0, text.output
    assert "回测 backtest from 2025-03-31" in text.output and "MAPE" in text.output


def test_bad_options(cases: Path) -> None:
    later = runner.invoke(
        app, ["forecast", str(cases), "--as-of", "2024-06-30", "--backtest-from", "2024-06-30"]
    )
    assert later.exit_code == 2 and "--backtest-from" in later.output
    assert runner.invoke(app, ["forecast", str(cases), "--months", "0"]).exit_code == 2
    assert runner.invoke(app, ["forecast", str(cases), "--as-of", "30/06/2024"]).exit_code == 2
    assert runner.invoke(app, ["forecast", "--events", str(cases)]).exit_code == 2
    assert runner.invoke(app, ["forecast", str(cases.with_name("nothing.csv"))]).exit_code == 1


def test_bad_rows_are_reported_and_the_rest_forecast(cases: Path) -> None:
    with cases.open("a", encoding="utf-8") as file:
        file.write("（2024）甘1002民初8号,普通程序,2024-02-30,,,\n")
    result = runner.invoke(app, ["forecast", str(cases), "--as-of", "2024-06-30", "--json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["ageing"]["totals"]["6"] == {"30": 2, "60": 3, "90": 3}


@pytest.mark.django_db
def test_without_files_it_reads_the_database() -> None:
    from qingji.cases.models import Case

    for number, filed, closed, judge, division in ROWS:
        parsed = parse_case_number(number)
        Case.objects.create(case_number=number, court_code=parsed.court_code, type_code=parsed.type_code,
                            procedure="ordinary", judge=judge, division=division, filed_on=date.fromisoformat(filed),
                            closed_on=date.fromisoformat(closed) if closed else None)  # fmt: skip
    document = as_json(runner.invoke(app, ["forecast", "--as-of", "2024-06-30", "--json"]))
    ageing = document["ageing"]
    assert isinstance(ageing, dict) and ageing["totals"]["6"] == {"30": 2, "60": 3, "90": 3}
