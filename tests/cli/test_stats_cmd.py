"""`qingji stats` on files and on the database: its options, its JSON keys (relied on from outside), its tables.

The command is tried through a Typer app of its own (the `qingji` app registers it as ``app.command()(stats)``).
The cases are those of tests/engine/test_stats.py, where every figure is worked out by hand.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from qingji.cli.stats_cmd import stats
from qingji.core.casenumber import parse_case_number

app = typer.Typer()
app.command()(stats)
runner = CliRunner()

# case number, procedure, filed, closed, judge (tests/engine/test_stats.py: A–I)
ROWS = [
    ("（2021）甘1002民初1号", "普通程序", "2021-06-01", "", "王芳"),
    ("（2022）甘1002民初2号", "普通程序", "2022-03-01", "2023-02-01", "王芳"),
    ("（2023）甘1002民初3号", "普通程序", "2023-01-10", "2023-03-01", "李明"),
    ("（2023）甘1002民初4号", "普通程序", "2023-12-31", "", "李明"),
    ("（2023）甘1027刑初5号", "普通程序", "2023-06-01", "2023-12-31", "赵刚"),
    ("（2022）甘1027民初6号", "普通程序", "2022-06-01", "2022-12-31", "赵刚"),
    ("（2022）甘1027民初7号", "普通程序", "2022-12-01", "2024-01-05", "赵刚"),
    ("（2023）甘1027民初8号", "普通程序", "2023-01-01", "", "赵刚"),
    ("（2024）甘1027民初9号", "普通程序", "2024-02-01", "", "赵刚"),
]
REQUIRED = (
    "pending",
    "pending_compare",
    "pending_change",
    "closed_to_filed",
    "on_time_rate",
    "long_pending_12m",
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    cases = tmp_path / "cases.csv"
    lines = ["案号,适用程序,立案日期,结案日期,承办法官", *(",".join(row) for row in ROWS)]
    cases.write_text("\n".join(lines) + "\n", encoding="utf-8")
    events = tmp_path / "events.csv"
    events.write_text(
        "案号,事项,类别,开始日期,结束日期\n（2023）甘1002民初3号,扣除审限,鉴定,2023-01-20,2023-01-29\n",
        encoding="utf-8",
    )
    return cases, events


def run(files: tuple[Path, Path], *options: str) -> Result:
    cases, events = files
    return runner.invoke(app, [str(cases), "--events", str(events), "--as-of", "2023-12-31", *options])


def as_json(result: Result) -> dict[str, object]:
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.stdout)
    return document


def test_the_json_keys_and_figures(files: tuple[Path, Path]) -> None:
    document = as_json(run(files, "--json"))
    assert set(document) >= set(REQUIRED) | {"by_court", "courtools", "cepej", "scores", "average_days"}
    # Worked out in tests/engine/test_stats.py.
    assert [document[key] for key in REQUIRED] == [4, 3, 0.3333, 0.75, 0.3333, 2]
    assert (document["as_of"], document["compare"], document["since"]) == (
        "2023-12-31",
        "2022-12-31",
        "2023-01-01",
    )
    assert (document["average_days"], document["average_days_net"]) == (
        200.0,
        196.7,
    )  # the event file is read
    by_court = document["by_court"]
    assert isinstance(by_court, list) and [row["court_code"] for row in by_court] == ["甘1002", "甘1027"]
    for row in by_court:
        assert set(row) >= set(REQUIRED)
    scores = document["scores"]
    assert isinstance(scores, dict) and [row["judge"] for row in scores["by_judge"]] == [
        "李明",
        "赵刚",
        "王芳",
    ]


def test_compare_and_since(files: tuple[Path, Path]) -> None:
    # Compared with 1 Jan 2023: A, B, G and H (filed that day) = 4 → (4 − 4) ÷ 4 = 0. Since 1 Jul 2023: filed D, and
    # closed E only: 1 ÷ 1.
    document = as_json(run(files, "--json", "--compare", "2023-01-01", "--since", "2023-07-01"))
    assert (document["pending_compare"], document["pending_change"]) == (4, 0.0)
    assert (document["filed"], document["closed"], document["closed_to_filed"]) == (1, 1, 1.0)
    cepej = document["cepej"]
    assert isinstance(cepej, dict) and cepej["period_days"] == 184  # 1 Jul – 31 Dec


def test_the_tables_in_chinese_and_english(files: tuple[Path, Path]) -> None:
    result = run(files)
    assert result.exit_code == 0, result.output
    for text in ("法院统计 court statistics", "结收比", "closed ÷ filed", "审限内", "甘1002", "合计", "得分 scores",
                 "33.3%", "75.0%", "disposition time 486.7"):  # fmt: skip
        assert text in result.stdout, text


def test_bad_rows_are_reported_and_the_rest_counted(files: tuple[Path, Path]) -> None:
    cases, _ = files
    with cases.open("a", encoding="utf-8") as out:
        out.write("（2023）甘1002民初10号,普通程序,不是日期,,王芳\n")
    result = run(files, "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["pending"] == 4
    assert "不是日期" in result.stderr and "rows could not be read" in result.stderr


def test_bad_options(files: tuple[Path, Path]) -> None:
    assert run(files, "--since", "2024-01-01").exit_code == 2
    assert run(files, "--compare", "31/12/2022").exit_code == 2
    assert runner.invoke(app, ["--events", str(files[1])]).exit_code == 2
    missing = runner.invoke(app, [str(files[0].with_name("nothing.csv")), "--as-of", "2023-12-31"])
    assert missing.exit_code == 1


@pytest.mark.django_db
def test_without_files_it_reads_the_database() -> None:
    from qingji.cases.models import Case

    for number, _, filed, closed, judge in ROWS:
        parsed = parse_case_number(number)
        Case.objects.create(case_number=number, court_code=parsed.court_code, type_code=parsed.type_code,
                            procedure="ordinary", judge=judge, filed_on=date.fromisoformat(filed),
                            closed_on=date.fromisoformat(closed) if closed else None)  # fmt: skip
    document = as_json(runner.invoke(app, ["--as-of", "2023-12-31", "--json"]))
    # As from the files, but without the appraisal event: the net average equals the gross one.
    assert [document[key] for key in REQUIRED] == [4, 3, 0.3333, 0.75, 0.3333, 2]
    assert document["average_days_net"] == 200.0


def test_a_measures_file_sets_the_weights_and_the_long_pending_tiers(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    default = as_json(run(files, "--json"))
    settings = tmp_path / "measures.toml"
    settings.write_text("long_pending_months = [6, 12]\n[weights]\non_time_rate = 1\nclosed_to_filed = 0\n"
                        "long_pending_share = 0\noverdue_share = 0\n", encoding="utf-8")  # fmt: skip
    document = as_json(run(files, "--json", "--measures", str(settings)))
    assert "long_pending_6m" in document and "long_pending_6m" not in default
    scores = document["scores"]
    assert isinstance(scores, dict)
    # Weighed by the on-time rate alone, each court's score is that rate in percent.
    by_court = {row["court_code"]: row for row in scores["by_court"]}
    for row in by_court.values():
        rate = row["inputs"]["on_time_rate"]
        assert row["score"] == (None if rate is None else round(rate * 100, 2))


def test_a_bad_measures_file_is_refused_with_its_place(files: tuple[Path, Path], tmp_path: Path) -> None:
    settings = tmp_path / "measures.toml"
    settings.write_text("[weights]\non_time_rate = -1\n", encoding="utf-8")
    result = run(files, "--json", "--measures", str(settings))
    assert result.exit_code == 2
    assert "weights.on_time_rate" in result.output and "measures.toml" in result.output


def test_an_events_file_with_no_data_rows_is_refused(files: tuple[Path, Path]) -> None:
    _, events = files
    events.write_text("案号,事项,类别,开始日期,结束日期\n", encoding="utf-8")
    result = run(files, "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "events.csv 第1行" in result.stderr and "the file has no data rows" in result.stderr
