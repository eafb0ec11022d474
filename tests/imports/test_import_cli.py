"""`qingji import`: exit 0 when imported, 2 when refused because of bad rows, 1 when a file is missing."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from import_files import export, read_text
from typer.testing import CliRunner

from qingji.cases.models import Case, ImportRecord
from qingji.cli.app import app

pytestmark = pytest.mark.django_db

runner = CliRunner()


def test_import_prints_the_counts_and_exits_0(tmp_path: Path) -> None:
    cases_path, events_path = export(tmp_path, cases=120)
    result = runner.invoke(app, ["import", str(cases_path), "--events", str(events_path)])
    assert result.exit_code == 0, result.output
    assert "新增 created 120" in result.output and "updated 0" in result.output
    assert Case.objects.count() == 120
    again = runner.invoke(app, ["import", str(cases_path), "--events", str(events_path)])
    assert again.exit_code == 0 and "未变 unchanged 120" in again.output


def test_bad_rows_exit_2_with_the_report(tmp_path: Path) -> None:
    cases_path, _ = export(tmp_path, cases=50)
    cases = read_text(cases_path)
    cases.with_columns(
        pl.when(pl.int_range(pl.len()) == 3).then(pl.lit("不是案号")).otherwise(pl.col("案号")).alias("案号")
    ).write_csv(cases_path)
    report = tmp_path / "marked.xlsx"
    result = runner.invoke(app, ["import", str(cases_path), "--report", str(report)])
    assert result.exit_code == 2, result.output
    assert "not imported" in result.output and "marked.xlsx" in result.output
    assert "第5行" in result.output  # the header is row 1, the fourth data row is row 5
    assert report.is_file()
    assert Case.objects.count() == 0
    record = ImportRecord.objects.get()  # a refused import is recorded too, with its real problem count
    assert (record.outcome, record.problems, record.file_name) == ("refused", 1, "cases.csv")
    assert f"#{record.pk}" in result.output


def test_a_missing_file_exits_1(tmp_path: Path) -> None:
    cases_path, _ = export(tmp_path, cases=10)
    assert runner.invoke(app, ["import", str(tmp_path / "nothing.csv")]).exit_code == 1
    missing_events = runner.invoke(
        app, ["import", str(cases_path), "--events", str(tmp_path / "nothing.csv")]
    )
    assert missing_events.exit_code == 1
    assert Case.objects.count() == 0
