"""`qingji synth --layout 数据中心`: the same cases in the data centre's layout, one sheet per kind of case."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import fastexcel
import polars as pl
from typer.testing import CliRunner

from qingji.cli.app import app
from qingji.core.typecodes import TYPE_CODES_BY_CODE
from qingji.interchange.export_reading import read_export
from qingji.interchange.profiles import BUILTIN_PROFILES, DATA_CENTRE
from qingji.synth import write

runner = CliRunner()
UNTIL = date(2025, 6, 30)


def test_the_layout_holds_the_same_cases(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "synth",
            "--cases",
            "500",
            "--seed",
            "4",
            "--until",
            str(UNTIL),
            "--out",
            str(tmp_path),
            "--layout",
            DATA_CENTRE,
        ],
    )
    assert result.exit_code == 0, result.output
    workbook = tmp_path / "数据中心.xlsx"
    assert (
        workbook.is_file() and (tmp_path / "events.csv").is_file() and not (tmp_path / "cases.csv").exists()
    )
    sheets = fastexcel.read_excel(str(workbook)).sheet_names
    names = [code.name for code in TYPE_CODES_BY_CODE.values()]
    assert len(sheets) >= 6 and all(sheet in names for sheet in sheets)
    assert sheets == sorted(sheets, key=names.index)  # 民事 first, as the type codes run
    read = read_export(
        [workbook], tmp_path / "events.csv", layout=BUILTIN_PROFILES[DATA_CENTRE], exported_on=UNTIL
    )
    assert read.cases.problems == [] and read.events is not None and read.events.problems == []
    assert read.cases.unknown_columns == ()
    # the same cases as the interchange files of the same seed, and every case with a limit has its expiry
    cases_path, _ = write(tmp_path / "plain", 500, 4, UNTIL)
    plain = pl.read_csv(cases_path, infer_schema=False)
    assert sorted(read.cases.frame.get_column("case_number").to_list()) == sorted(
        plain.get_column("案号").to_list()
    )
    limited = read.cases.frame.filter(pl.col("type_code") != "民特")
    assert limited.get_column("cms_expiry").null_count() < limited.height // 10


def test_an_unknown_layout_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "--cases", "10", "--out", str(tmp_path), "--layout", "某院"])
    assert result.exit_code == 2 and not any(tmp_path.iterdir())
