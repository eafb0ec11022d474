"""Importing the data centre's tables (issue 11): over their interchange twin nothing changes; a corrected export
updates the court system's own expiry like any field, audited; a refused one is marked in the court's columns;
`qingji import --profile`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from layout_files import twins
from typer.testing import CliRunner

from qingji.audit.models import AuditRecord
from qingji.cases.import_action import run_import
from qingji.cases.import_report import BAD_FILL
from qingji.cases.models import Case, ImportRecord
from qingji.cli.app import app
from qingji.courts.actions import do_ensure_courts
from qingji.interchange.profiles import BUILTIN_PROFILES, DATA_CENTRE

pytestmark = pytest.mark.django_db

LAYOUT = BUILTIN_PROFILES[DATA_CENTRE]
runner = CliRunner()


def test_over_its_twin_nothing_changes_and_a_correction_is_audited(tmp_path: Path) -> None:
    do_ensure_courts()
    files = twins(tmp_path)
    assert run_import(files.cases, files.events).imported
    # The civil tables have no 羁押 column and the enforcement tables no SFJY either: those cases keep theirs.
    again = run_import(files.tables, files.events, layout=LAYOUT)
    assert again.imported and (again.created, again.updated, again.unchanged) == (0, 0, 300)
    assert any("SFJY（羁押）" in column for column in again.missing_columns)

    civil = next(path for path in files.tables if path.stem == "民事一审")
    table = pl.read_csv(civil, infer_schema=False)
    pending = table.filter(pl.col("JARQ").is_null() & pl.col("SXJMRQ").is_not_null()).row(0, named=True)
    number = pending["AH"]
    before = Case.objects.get(case_number=number).cms_expiry
    table.with_columns(
        pl.when(pl.col("AH") == number).then(pl.lit("2026-12-31")).otherwise(pl.col("SXJMRQ")).alias("SXJMRQ")
    ).write_csv(civil)
    corrected = run_import(files.tables, files.events, layout=LAYOUT)
    assert corrected.imported and (corrected.updated, corrected.unchanged) == (1, 299)
    assert Case.objects.get(case_number=number).cms_expiry == date(2026, 12, 31)
    audit = AuditRecord.objects.get(action="case_updated")
    assert audit.object_id and audit.before == {"cms_expiry": str(before)}
    assert audit.after == {"cms_expiry": "2026-12-31"}
    assert audit.import_record_id == corrected.record_id


def test_a_refused_export_names_and_marks_the_courts_columns(tmp_path: Path) -> None:
    do_ensure_courts()
    files = twins(tmp_path, cases=80)
    criminal = next(path for path in files.tables if path.stem == "刑事一审")
    table = pl.read_csv(criminal, infer_schema=False)
    table = table.with_columns(
        pl.when(pl.int_range(pl.len()) == 0)
        .then(pl.lit("2026/13/01"))
        .otherwise(pl.col("LARQ"))
        .alias("LARQ"),
        pl.when(pl.int_range(pl.len()) == 1).then(pl.lit("简易审")).otherwise(pl.col("SYCX")).alias("SYCX"),
        pl.lit("x").alias("备用"),
    )
    table.write_csv(criminal)
    report = tmp_path / "marked.xlsx"
    result = runner.invoke(
        app,
        [
            "import",
            "--profile",
            DATA_CENTRE,
            *map(str, files.tables),
            "--events",
            str(files.events),
            "--report",
            str(report),
        ],
    )
    assert result.exit_code == 2, result.output
    assert Case.objects.count() == 0
    assert "LARQ（立案日期）" in result.output and "SYCX（适用程序）" in result.output
    record = ImportRecord.objects.get()
    assert record.outcome == "refused" and record.problems == 2 and record.profile == DATA_CENTRE
    assert record.unknown_columns == ["备用（刑事一审.csv）"]
    book = openpyxl.load_workbook(report)
    sheet = book["刑事一审"]
    headers = [cell.value for cell in sheet[1]]
    larq, sycx = headers.index("LARQ") + 1, headers.index("SYCX") + 1
    assert sheet.cell(2, larq).value == "2026/13/01" and sheet.cell(2, larq).fill.fgColor.rgb.endswith(
        BAD_FILL[1:]
    )
    assert sheet.cell(3, sycx).fill.fgColor.rgb.endswith(BAD_FILL[1:])
    assert sheet.cell(2, sycx).fill.fgColor.rgb in (None, "00000000")  # only the bad cells
    listing = book["问题 problems"]
    assert {row[3] for row in listing.iter_rows(min_row=2, values_only=True)} == {
        "LARQ（立案日期）",
        "SYCX（适用程序）",
    }


def test_the_command_reads_a_workbook_by_its_profile(tmp_path: Path) -> None:
    do_ensure_courts()
    files = twins(tmp_path, cases=60)
    result = runner.invoke(
        app, ["import", "--profile", DATA_CENTRE, str(files.workbook), "--events", str(files.events)]
    )
    assert result.exit_code == 0, result.output
    output = result.output.replace("\n", "")  # the terminal's width wraps the lines
    assert "新增 created 60" in output and "数据中心.xlsx［民事一审］" in output
    assert Case.objects.count() == 60
    unknown = runner.invoke(app, ["import", "--profile", "无此版式", str(files.workbook)])
    assert unknown.exit_code == 1 and "数据中心" in unknown.output  # the profiles there are, named
    # several interchange files, no profile: an interchange table's cases as before
    plain = runner.invoke(app, ["import", str(files.cases), "--events", str(files.events)])
    assert plain.exit_code == 0 and "未变 unchanged 60" in plain.output
