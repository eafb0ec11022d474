"""`qingji import` end to end (issue 9, "Every row exactly as written"): a missing column is "not given", wide
blanking waits for --confirm (exit 3), every import is recorded, the snapshot is brought up to date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from import_files import export, read_text
from typer.testing import CliRunner

from qingji.audit.models import AuditRecord
from qingji.cases.models import Case, CaseEvent, CaseState, ImportRecord, Snapshot
from qingji.cli.app import app

pytestmark = pytest.mark.django_db

runner = CliRunner()


def imported(tmp_path: Path, cases: int = 120) -> Path:
    cases_path, events_path = export(tmp_path, cases=cases)
    result = runner.invoke(app, ["import", str(cases_path), "--events", str(events_path)])
    assert result.exit_code == 0, result.output
    return cases_path


def stored(*fields: str) -> dict[str, tuple[Any, ...]]:
    return {row[0]: row[1:] for row in Case.objects.values_list("case_number", *fields)}


def test_a_renamed_judge_header_keeps_every_judge(tmp_path: Path, settings: Any) -> None:
    settings.IMPORT_CONFIRM_CASES = 0  # a blank would need confirmation: none must be found
    cases_path = imported(tmp_path)
    judges = stored("judge")
    assert sum(1 for (judge,) in judges.values() if judge) == 120
    later = tmp_path / "later.csv"
    read_text(cases_path).rename({"承办法官": "办案法官"}).write_csv(later)
    result = runner.invoke(app, ["import", str(later)])
    assert result.exit_code == 0, result.output
    assert stored("judge") == judges
    assert "承办法官" in result.output and "办案法官" in result.output  # missing, and not recognised
    record = ImportRecord.objects.get(file_name="later.csv")
    assert record.outcome == "imported" and record.updated == 0
    assert record.missing_columns == ["承办法官"] and record.unknown_columns == ["办案法官"]


def test_a_dropped_closing_date_reopens_nothing(tmp_path: Path, settings: Any) -> None:
    settings.IMPORT_CONFIRM_CASES = 0
    cases_path = imported(tmp_path, cases=300)
    closed = stored("closed_on", "closure_method")
    assert any(value[0] is not None for value in closed.values())
    later = tmp_path / "later.csv"
    read_text(cases_path).drop("结案日期").write_csv(later)
    result = runner.invoke(app, ["import", str(later)])
    assert result.exit_code == 0, result.output
    assert stored("closed_on", "closure_method") == closed
    assert ImportRecord.objects.get(file_name="later.csv").missing_columns == ["结案日期"]


def test_missing_procedure_and_custody_columns_keep_them(tmp_path: Path) -> None:
    cases_path = imported(tmp_path)
    before = stored("procedure", "procedure_raw", "in_custody")
    assert any(
        value[2] for value in before.values()
    )  # some in custody: the reader would read 否 without a column
    later = tmp_path / "later.csv"
    read_text(cases_path).drop("适用程序", "羁押").write_csv(later)
    result = runner.invoke(app, ["import", str(later)])
    assert result.exit_code == 0, result.output
    assert stored("procedure", "procedure_raw", "in_custody") == before
    assert ImportRecord.objects.get(file_name="later.csv").missing_columns == ["适用程序", "羁押"]


def test_blanking_many_judges_needs_confirm(tmp_path: Path) -> None:
    cases_path = imported(tmp_path)
    judges = stored("judge")
    audits = AuditRecord.objects.count()
    later = tmp_path / "later.csv"
    read_text(cases_path).with_columns(pl.lit(None, pl.String).alias("承办法官")).write_csv(later)

    result = runner.invoke(app, ["import", str(later)])
    assert result.exit_code == 3, result.output
    assert "承办法官：120 件" in result.output and "--confirm" in result.output
    assert stored("judge") == judges and AuditRecord.objects.count() == audits  # nothing written
    record = ImportRecord.objects.get(file_name="later.csv")
    assert record.outcome == ImportRecord.Outcome.UNCONFIRMED and f"#{record.pk}" in result.output

    confirmed = runner.invoke(app, ["import", str(later), "--confirm"])
    assert confirmed.exit_code == 0, confirmed.output
    assert set(stored("judge").values()) == {("",)}
    assert ImportRecord.objects.filter(file_name="later.csv", outcome="imported", updated=120).count() == 1


def test_reopening_many_cases_needs_confirm(tmp_path: Path, settings: Any) -> None:
    cases_path = imported(tmp_path, cases=300)
    closed = Case.objects.filter(closed_on__isnull=False).count()
    settings.IMPORT_CONFIRM_CASES = closed - 1
    later = tmp_path / "later.csv"
    read_text(cases_path).with_columns(pl.lit(None, pl.String).alias("结案日期")).write_csv(later)
    result = runner.invoke(app, ["import", str(later)])
    assert result.exit_code == 3, result.output
    assert f"已结案件将被重新变为未结：{closed} 件" in result.output
    assert Case.objects.filter(closed_on__isnull=False).count() == closed
    settings.IMPORT_CONFIRM_CASES = closed  # as many as the limit: no confirmation
    assert runner.invoke(app, ["import", str(later)]).exit_code == 0
    assert Case.objects.filter(closed_on__isnull=False).count() == 0


def test_one_correction_needs_no_confirmation(tmp_path: Path) -> None:
    cases_path = imported(tmp_path)
    cases = read_text(cases_path)
    number = cases.item(0, "案号")
    later = tmp_path / "later.csv"
    cases.with_columns(
        pl.when(pl.col("案号") == number).then(None).otherwise(pl.col("承办法官")).alias("承办法官")
    ).write_csv(later)
    result = runner.invoke(app, ["import", str(later)])
    assert result.exit_code == 0, result.output
    assert Case.objects.get(case_number=number).judge == ""


def test_the_command_brings_the_snapshot_up_to_date(tmp_path: Path) -> None:
    cases_path, events_path = export(tmp_path, cases=60)
    result = runner.invoke(app, ["import", str(cases_path), "--events", str(events_path)])
    assert result.exit_code == 0, result.output
    assert "案件状态已重新计算" in result.output and "qingji snapshot" not in result.output
    assert Snapshot.objects.count() == 1 and CaseState.objects.count() == 60
    again = runner.invoke(app, ["import", str(cases_path), "--events", str(events_path)])
    assert again.exit_code == 0 and Snapshot.objects.count() == 1  # nothing changed: no new snapshot


def test_a_file_with_only_its_header_imports_nothing(tmp_path: Path) -> None:
    cases_path = tmp_path / "cases.csv"
    cases_path.write_text("案号,法院,立案日期,结案日期,承办法官\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(cases_path)])
    assert result.exit_code == 2, result.output
    assert "没有数据行" in result.output and "nothing to import" in result.output
    assert "无法读取" not in result.output  # not "rows could not be read": there were none
    assert "已导入" not in result.output
    record = ImportRecord.objects.get()
    assert (record.outcome, record.problems, record.rows) == ("refused", 1, 0)


def test_an_unreadable_file_is_not_called_empty(tmp_path: Path) -> None:
    cases_path = tmp_path / "cases.xlsx"
    cases_path.write_bytes(b"not a workbook")
    result = runner.invoke(app, ["import", str(cases_path)])
    assert result.exit_code == 2, result.output
    assert "没有数据行" not in result.output and "未导入" in result.output
    assert ImportRecord.objects.get().outcome == "refused"


def test_an_events_file_withdrawing_events_of_many_cases_needs_confirm(tmp_path: Path) -> None:
    """An events export that left out most events (a kind, a period of time) would withdraw them from many cases:
    shown as a preview (exit 3, nothing written) until confirmed; one case's correction goes through."""
    cases_path, events_path = export(tmp_path, cases=300)
    assert runner.invoke(app, ["import", str(cases_path), "--events", str(events_path)]).exit_code == 0
    events = read_text(events_path)
    with_events = events.get_column("案号").unique().to_list()
    assert len(with_events) > 21
    held = CaseEvent.objects.filter(withdrawn_at__isnull=True).count()
    # only the deductions: the extensions, conversions and restarts of every case would be withdrawn
    deductions = tmp_path / "deductions.csv"
    events.filter(pl.col("事项") == "扣除审限").write_csv(deductions)
    gone = events.filter(pl.col("事项") != "扣除审限").get_column("案号").n_unique()
    assert gone > 20
    result = runner.invoke(app, ["import", str(cases_path), "--events", str(deductions)])
    assert result.exit_code == 3, result.output
    assert f"{gone} cases would have events withdrawn" in " ".join(result.output.split())
    assert CaseEvent.objects.filter(withdrawn_at__isnull=True).count() == held
    assert ImportRecord.objects.get(events_file_name="deductions.csv").outcome == "unconfirmed"
    confirmed = runner.invoke(app, ["import", str(cases_path), "--events", str(deductions), "--confirm"])
    assert confirmed.exit_code == 0, confirmed.output
    assert (
        CaseEvent.objects.filter(withdrawn_at__isnull=False).count()
        == held - events.filter(pl.col("事项") == "扣除审限").unique().height
    )


def test_withdrawing_the_events_of_one_case_needs_no_confirm(tmp_path: Path) -> None:
    cases_path, events_path = export(tmp_path, cases=300)
    assert runner.invoke(app, ["import", str(cases_path), "--events", str(events_path)]).exit_code == 0
    events = read_text(events_path)
    one = events.get_column("案号").first()
    corrected = tmp_path / "corrected.csv"
    events.filter(pl.col("案号") != one).write_csv(corrected)
    result = runner.invoke(app, ["import", str(cases_path), "--events", str(corrected)])
    assert result.exit_code == 0, result.output
    assert set(
        CaseEvent.objects.filter(withdrawn_at__isnull=False).values_list("case__case_number", flat=True)
    ) == {one}


def test_an_events_file_without_its_end_dates_needs_confirm(tmp_path: Path) -> None:
    """Without the 结束日期 column every deduction would be read open-ended: the same acts changed on many cases
    at once, shown as a preview naming the missing column until confirmed."""
    cases_path, events_path = export(tmp_path, cases=300)
    assert runner.invoke(app, ["import", str(cases_path), "--events", str(events_path)]).exit_code == 0
    events = read_text(events_path)
    ended = events.filter((pl.col("事项") == "扣除审限") & pl.col("结束日期").is_not_null())
    assert ended.get_column("案号").n_unique() > 20
    held = dict(CaseEvent.objects.filter(event="deduction").values_list("id", "end"))
    no_end = tmp_path / "no-end.csv"
    events.drop("结束日期").write_csv(no_end)
    result = runner.invoke(app, ["import", str(cases_path), "--events", str(no_end)])
    assert result.exit_code == 3, result.output
    output = " ".join(result.output.split())
    assert (
        "the events file has no column 结束日期" in output and "cases would have events corrected" in output
    )
    assert dict(CaseEvent.objects.filter(event="deduction").values_list("id", "end")) == held
