"""Reading events files: extensions, deductions, conversions and restarts, and every kind of bad row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import polars as pl
from interchange_files import EVENT_HEADERS, event_row, write_csv

from qingji.core.events import DEDUCTION_KINDS, LOCAL_DEDUCTION_KINDS, RESTART_REASONS
from qingji.interchange import EVENTS_SCHEMA, Problem, read_cases, read_events

SAMPLES = Path("/work/shared/samples")
N1 = "（2022）甘1027民初1005号"


def test_sample_file() -> None:
    cases = read_cases(SAMPLES / "cases.csv")
    result = read_events(SAMPLES / "events.csv", cases.frame.get_column("case_number"))
    assert result.problems == []
    assert result.rows_read == 5
    assert result.frame.schema == pl.Schema(EVENTS_SCHEMA)
    assert result.frame.row(0, named=True) == {
        "source_row": 2,
        "case_number": N1,
        "event": "deduction",
        "kind": "鉴定",
        "procedure": None,
        "start": date(2022, 11, 2),
        "end": date(2023, 2, 14),
        "length_months": None,
        "length_days": None,
        "approved_by": None,
        "approved_on": None,
        "note": "伤残等级鉴定",
        "case_index": 4,  # the fifth case in cases.csv
    }
    assert cases.frame.get_column("case_number")[4] == N1
    extension = result.frame.row(1, named=True)
    assert (extension["event"], extension["length_months"], extension["length_days"]) == ("extension", 6, 0)
    assert (extension["approved_by"], extension["approved_on"]) == ("院长", date(2023, 4, 20))


def events_file(tmp_path: Path) -> Path:
    rows = [
        EVENT_HEADERS,
        event_row(N1, "扣除审限", "鉴定", "2023-01-01", "2023-02-01"),  # 2
        event_row(N1, "延长审限", length="6个月", approved_by="院长", approved_on="2023-04-20"),  # 3
        event_row(N1, "extension", approved_by="院长", approved_on="2023/4/20"),  # 4 no length: allowed
        event_row(N1, "程序转换", "普通程序", "2023-05-01"),  # 5
        event_row(N1, "重新计算", "发回重审", "2023年6月1日"),  # 6
        event_row(N1, "restart", "", "2023-06-01"),  # 7 restart without reason: allowed
        event_row(N1, "扣除审限", "请示", "2023-07-01"),  # 8 local kind, still open
        event_row("（2022）甘1027民初号", "扣除审限", "鉴定", "2023-01-01"),  # 9
        event_row(N1, "撤诉"),  # 10
        event_row(N1, "扣除审限", "公告", "", "2023-02-01"),  # 11 deduction without start
        event_row(N1, "扣除审限", "出差", "2023-01-01"),  # 12 unknown kind
        event_row(N1, "扣除审限", "", "2023-01-01"),  # 13 no kind
        event_row(N1, "扣除审限", "鉴定", "2023-03-01", "2023-02-01"),  # 14 end before start
        event_row(N1, "扣除审限", "鉴定", "三月一日"),  # 15 unreadable start
        event_row(N1, "延长审限", length="六个月"),  # 16 unreadable length
        event_row(N1, "程序转换", "特殊程序", "2023-05-01"),  # 17 no procedure
        event_row(N1, "程序转换", "简易程序"),  # 18 conversion without date
        event_row(N1, "重新计算", "补充侦查"),  # 19 restart without date
        event_row(N1, "重新计算", "其他", "2023-06-01"),  # 20 unknown reason
        event_row("（2023）甘10民初1号", "延长审限", length="3个月"),  # 21 not in the cases file
        event_row(N1, "延长审限", length="1个月15日", approved_on="2023-02-30"),  # 22 no such day
        event_row(N1, "延长审限", length="半个月"),  # 23
        event_row(N1, "延长", length="1年"),  # 24
        event_row(
            "(2022)甘1027民初1005号", "扣除审限", "公告", "2023-01-01", "2023-01-30", note="公告送达"
        ),  # 25
        [""] * 9,  # 26 empty
        event_row("", "", note="补录"),  # 27 no case number, no event
    ]
    return write_csv(tmp_path / "events.csv", rows)


def test_bad_rows(tmp_path: Path) -> None:
    known = pl.Series([N1, "（2024）甘1026执1006号"])
    result = read_events(events_file(tmp_path), known)
    kinds = "、".join([*DEDUCTION_KINDS, *LOCAL_DEDUCTION_KINDS])
    kinds_en = ", ".join([*DEDUCTION_KINDS, *LOCAL_DEDUCTION_KINDS])
    reasons = "、".join(RESTART_REASONS)
    reasons_en = ", ".join(RESTART_REASONS)
    events_zh = "延长审限、扣除审限、程序转换、重新计算"
    events_en = "延长审限 (extension), 扣除审限 (deduction), 程序转换 (conversion), 重新计算 (restart)"
    f = "events.csv"
    assert result.problems == [
        Problem(f, 9, "案号", "（2022）甘1027民初号", "缺少案件编号（“号”前的数字）", "the serial number before 号 is missing"),
        Problem(f, 10, "事项", "撤诉", f"事项无法识别（应为 {events_zh}）", f"event not understood (expected {events_en})", N1),
        Problem(f, 11, "开始日期", "", "扣除审限缺少开始日期", "a deduction needs a start date", N1),
        Problem(f, 12, "类别", "出差", f"扣除审限类别无法识别（应为 {kinds} 之一）", f"deduction kind not known (expected one of {kinds_en})", N1),
        Problem(f, 13, "类别", "", "扣除审限缺少类别（如 鉴定、公告）", "a deduction needs a kind (e.g. 鉴定 appraisal, 公告 notice)", N1),
        Problem(f, 14, "结束日期", "2023-02-01", "结束日期早于开始日期", "the end date is before the start date", N1),
        Problem(f, 15, "开始日期", "三月一日", "开始日期无法识别（应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日）", "start date not understood (expected YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)", N1),
        Problem(f, 16, "期间", "六个月", "期间无法识别（应如 6个月、30日、1个月15日）", "length not understood (e.g. 6个月, 30日, 1个月15日)", N1),
        Problem(f, 17, "类别", "特殊程序", result.problems[8].reason_zh, "a conversion needs the new procedure in 类别 (e.g. 普通程序 ordinary)", N1),
        Problem(f, 18, "开始日期", "", "程序转换缺少开始日期（转换之日）", "a conversion needs a start date (the day of conversion)", N1),
        Problem(f, 19, "开始日期", "", "重新计算缺少开始日期（重新计算之日）", "a restart needs a start date (the day the clock restarts)", N1),
        Problem(f, 20, "类别", "其他", f"重新计算的类别无法识别（应为 {reasons} 之一，或留空）", f"restart reason not known (expected one of {reasons_en}, or empty)", N1),
        Problem(f, 21, "案号", "（2023）甘10民初1号", "案号不在案件表中", "the case number is not in the cases file", "（2023）甘10民初1号"),
        Problem(f, 22, "批准日期", "2023-02-30", "批准日期不存在（日历上没有这一天）", "the approval date does not exist in the calendar", N1),
        Problem(f, 27, "案号", "", "案号为空", "the case number is empty"),
        Problem(f, 27, "事项", "", "缺少事项", "the event is missing"),
    ]  # fmt: skip
    assert result.problems[8].reason_zh.startswith("程序转换的类别应为转换后的程序（如 普通程序、简易程序")
    frame = result.frame
    assert frame.get_column("source_row").to_list() == [2, 3, 4, 5, 6, 7, 8, 23, 24, 25]
    assert frame.get_column("event").to_list() == [
        "deduction", "extension", "extension", "conversion", "restart", "restart", "deduction", "extension",
        "extension", "deduction",
    ]  # fmt: skip
    rows = {row["source_row"]: row for row in frame.iter_rows(named=True)}
    assert (rows[4]["length_months"], rows[4]["length_days"]) == (None, None)
    assert (rows[5]["procedure"], rows[5]["kind"], rows[5]["start"]) == (
        "ordinary",
        "普通程序",
        date(2023, 5, 1),
    )
    assert rows[6]["start"] == date(2023, 6, 1)
    assert (rows[8]["kind"], rows[8]["end"]) == ("请示", None)
    assert (rows[23]["length_months"], rows[23]["length_days"]) == (0, 15)
    assert (rows[24]["length_months"], rows[24]["length_days"]) == (12, 0)
    assert rows[25]["case_number"] == N1
    assert result.rows_read == 25


def test_without_case_numbers_any_case_is_accepted(tmp_path: Path) -> None:
    result = read_events(events_file(tmp_path))
    assert 21 in result.frame.get_column("source_row").to_list()
    assert all(p.reason_en != "the case number is not in the cases file" for p in result.problems)


def test_missing_event_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "events.csv", [["案号", "类别"], [N1, "鉴定"]])
    result = read_events(path)
    assert [(p.row, p.column) for p in result.problems] == [(1, "事项")]
    assert result.frame.height == 0 and result.frame.schema == pl.Schema(EVENTS_SCHEMA)


def test_excel_events_with_date_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["case_number", "event", "kind", "start", "end", "length"])
    sheet.append([N1, "deduction", "公告", date(2023, 1, 1), date(2023, 1, 30), None])
    sheet.append([N1, "conversion", "simple", date(2023, 2, 1), None, None])
    sheet.append([N1, "extension", None, None, None, "30d"])
    path = tmp_path / "events.xlsx"
    book.save(path)
    result = read_events(path)
    assert result.problems == []
    assert result.frame.select("start", "end", "procedure", "length_days").rows() == [
        (date(2023, 1, 1), date(2023, 1, 30), None, None),
        (date(2023, 2, 1), None, "simple", None),
        (None, None, None, 30),
    ]


def test_cases_given_twice_do_not_repeat_events() -> None:
    cases = read_cases(SAMPLES / "cases.csv").frame.get_column("case_number")
    twice = pl.concat([cases, cases])
    once = read_events(SAMPLES / "events.csv", cases)
    again = read_events(SAMPLES / "events.csv", twice)
    assert again.frame.height == once.frame.height == 5
    assert again.frame.get_column("case_index").to_list() == once.frame.get_column("case_index").to_list()
