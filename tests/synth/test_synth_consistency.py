"""Every generated case and event is internally consistent, as a court's own export would be.

Case numbers parse and run 1, 2, 3 … per court × type code × year in filing order; nothing happens after the
export date; every event belongs to a case and lies inside its life; extensions are asked for while the case is
open and approved by the right authority.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from qingji.core.casenumber import parse_case_number
from qingji.core.courts import COURTS_BY_CODE, CourtLevel
from qingji.core.events import RESTART_REASONS, parse_length
from qingji.core.procedures import PROCEDURE_LABELS, parse_procedure
from qingji.synth import generate

UNTIL = date(2025, 6, 30)
NINE_COURTS = {code for code, court in COURTS_BY_CODE.items() if court.level is not CourtLevel.HIGH}


@pytest.fixture(scope="module")
def frames() -> tuple[pl.DataFrame, pl.DataFrame]:
    return generate(20_000, 2024, UNTIL, events_per_case=1.0)


@pytest.fixture(scope="module")
def cases(frames: tuple[pl.DataFrame, pl.DataFrame]) -> pl.DataFrame:
    """The cases with their parsed case numbers."""
    frame = frames[0]
    parsed = [parse_case_number(n) for n in frame["案号"].to_list()]
    return frame.with_columns(
        pl.Series("court_code", [p.court_code for p in parsed]),
        pl.Series("type_code", [p.type_code for p in parsed]),
        pl.Series("year", [p.year for p in parsed]),
        pl.Series("serial", [p.serial for p in parsed]),
    )


@pytest.fixture(scope="module")
def events(frames: tuple[pl.DataFrame, pl.DataFrame], cases: pl.DataFrame) -> pl.DataFrame:
    """The events joined with their case's dates, court and type."""
    return frames[1].join(
        cases.select("案号", "立案日期", "结案日期", "court_code", "type_code", "适用程序"),
        on="案号",
        how="left",
    )


def test_every_case_number_parses_with_one_of_the_nine_courts(cases: pl.DataFrame) -> None:
    assert set(cases["court_code"].unique().to_list()) == NINE_COURTS
    assert cases["案号"].str.starts_with("（").all() and cases["案号"].str.ends_with("号").all()


def test_case_numbers_are_unique(cases: pl.DataFrame) -> None:
    assert cases["案号"].n_unique() == cases.height


def test_the_year_in_the_number_is_the_filing_year(cases: pl.DataFrame) -> None:
    assert (cases["year"] == cases["立案日期"].dt.year()).all()


def test_court_names_match_the_court_codes(cases: pl.DataFrame) -> None:
    for code, name in cases.select("court_code", "法院").unique().iter_rows():
        assert name == COURTS_BY_CODE[code].name.removeprefix("甘肃省")
    assert "庆阳市中级人民法院" in cases["法院"].to_list()


def test_serials_run_from_one_without_gaps_in_filing_order(cases: pl.DataFrame) -> None:
    groups = cases.sort("serial").group_by(["court_code", "type_code", "year"], maintain_order=True)
    checked = 0
    for _, group in groups:
        serials = group["serial"].to_list()
        assert serials == list(range(1, len(serials) + 1))
        assert group["立案日期"].is_sorted()  # a later number was never filed earlier
        checked += 1
    assert checked > 50


def test_cases_are_listed_by_filing_date(cases: pl.DataFrame) -> None:
    assert cases["立案日期"].is_sorted()


def test_nothing_is_filed_or_closed_after_the_export_date(cases: pl.DataFrame) -> None:
    assert cases["立案日期"].max() <= UNTIL  # type: ignore[operator]
    assert cases["结案日期"].drop_nulls().max() <= UNTIL  # type: ignore[operator]
    assert cases["立案日期"].min() >= date(2022, 1, 1)  # type: ignore[operator]


def test_filings_span_about_three_years(cases: pl.DataFrame) -> None:
    assert cases["立案日期"].min() < date(2022, 1, 10)  # type: ignore[operator]
    assert cases["立案日期"].max() > date(2025, 6, 15)  # type: ignore[operator]


def test_closing_never_precedes_filing(cases: pl.DataFrame) -> None:
    closed = cases.filter(pl.col("结案日期").is_not_null())
    assert (closed["结案日期"] >= closed["立案日期"]).all()


def test_closure_method_is_given_exactly_for_closed_cases(cases: pl.DataFrame) -> None:
    assert (cases["结案日期"].is_null() == cases["结案方式"].is_null()).all()


def test_procedures_are_labels_the_rules_know(cases: pl.DataFrame) -> None:
    labels = set(PROCEDURE_LABELS.values())
    assert set(cases["适用程序"].drop_nulls().unique().to_list()) <= labels
    for value in cases["适用程序"].drop_nulls().unique().to_list():
        assert parse_procedure(value) is not None


def test_custody_is_only_given_for_criminal_cases(cases: pl.DataFrame) -> None:
    assert set(cases["羁押"].drop_nulls().unique().to_list()) == {"是", "否"}
    assert cases.filter(~pl.col("type_code").str.starts_with("刑"))["羁押"].is_null().all()


def test_every_event_belongs_to_a_case(frames: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    cases, events = frames
    assert set(events["案号"].unique().to_list()) <= set(cases["案号"].to_list())
    assert set(events["事项"].unique().to_list()) == {"扣除审限", "延长审限", "程序转换", "重新计算"}


def test_events_are_grouped_by_case_in_file_order(frames: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    cases, events = frames
    position = {number: i for i, number in enumerate(cases["案号"].to_list())}
    order = [position[n] for n in events["案号"].to_list()]
    assert order == sorted(order)


def test_no_event_is_dated_after_the_export_date(events: pl.DataFrame) -> None:
    for column in ("开始日期", "结束日期", "批准日期"):
        latest = events[column].drop_nulls().max()
        assert latest is None or latest <= UNTIL  # type: ignore[operator]


def test_deductions_lie_within_the_case_life(events: pl.DataFrame) -> None:
    deductions = events.filter(pl.col("事项") == "扣除审限")
    assert deductions.height > 1000
    assert deductions["开始日期"].null_count() == 0
    assert (deductions["开始日期"] > deductions["立案日期"]).all()
    ended = deductions.filter(pl.col("结束日期").is_not_null())
    assert (ended["结束日期"] >= ended["开始日期"]).all()
    closed = deductions.filter(pl.col("结案日期").is_not_null())
    assert closed["结束日期"].null_count() == 0  # a closed case's deductions have all ended
    assert (closed["结束日期"] <= closed["结案日期"]).all()
    assert (closed["开始日期"] < closed["结案日期"]).all()


def test_deductions_still_running_belong_to_pending_cases_and_are_occasional(events: pl.DataFrame) -> None:
    running = events.filter((pl.col("事项") == "扣除审限") & pl.col("结束日期").is_null())
    assert running.height > 0
    assert running["结案日期"].is_null().all()
    assert running.height < 0.1 * events.filter(pl.col("事项") == "扣除审限").height


def test_deductions_of_one_case_do_not_overlap(events: pl.DataFrame) -> None:
    deductions = (
        events.filter(pl.col("事项") == "扣除审限")
        .sort("案号", "开始日期")
        .with_columns(previous_end=pl.col("结束日期").shift(1).over("案号"))
    )
    assert (
        deductions.drop_nulls("previous_end")["开始日期"]
        > deductions.drop_nulls("previous_end")["previous_end"]
    ).all()


def test_deduction_kinds_fit_the_type_of_case(events: pl.DataFrame) -> None:
    kinds = events.filter(pl.col("事项") == "扣除审限").group_by("type_code").agg(pl.col("类别").unique())
    by_type = {t: set(k) for t, k in kinds.iter_rows()}
    assert "拍卖变卖" in by_type["执"] and "拍卖变卖" not in by_type["民初"]
    assert "精神病鉴定" in by_type["刑初"] and "公告" not in by_type["刑初"]
    assert "检察院阅卷" in by_type["刑终"]
    assert "鉴定" in by_type["民初"] and "暂缓执行" not in by_type["民初"]


def test_extensions_are_approved_while_the_case_is_open(events: pl.DataFrame) -> None:
    extensions = events.filter(pl.col("事项") == "延长审限")
    assert extensions.height > 100
    assert extensions["批准日期"].null_count() == 0 and extensions["批准人"].null_count() == 0
    assert (extensions["批准日期"] > extensions["立案日期"]).all()
    closed = extensions.filter(pl.col("结案日期").is_not_null())
    assert (closed["批准日期"] < closed["结案日期"]).all()
    for length in extensions["期间"].unique().to_list():
        parse_length(length)


def test_second_civil_extensions_go_to_the_next_higher_court(events: pl.DataFrame) -> None:
    extensions = events.filter((pl.col("事项") == "延长审限") & (pl.col("type_code") == "民初"))
    upper = extensions.filter(pl.col("批准人") != "院长")
    assert upper.height > 0
    for court, approver in upper.select("court_code", "批准人").unique().iter_rows():
        assert approver == ("甘肃省高级人民法院" if court == "甘10" else "庆阳市中级人民法院")
    assert set(upper["期间"].unique().to_list()) == {"3个月"}
    first = extensions.filter(pl.col("批准人") == "院长")
    ordinary = first.filter(pl.col("适用程序") == "普通程序")
    assert set(ordinary["期间"].unique().to_list()) == {"6个月"}
    assert set(first.filter(pl.col("适用程序") == "小额诉讼程序")["期间"].unique().to_list()) <= {"1个月"}


def test_an_upper_court_extension_follows_the_presidents(events: pl.DataFrame) -> None:
    civil = events.filter((pl.col("事项") == "延长审限") & (pl.col("type_code") == "民初")).sort(
        "案号", "批准日期"
    )
    for _, group in civil.group_by("案号"):
        approvers = group["批准人"].to_list()
        if len(approvers) > 1:
            assert approvers[0] == "院长" and approvers[1] != "院长"


def test_administrative_and_criminal_appeal_extensions_go_to_the_high_court(events: pl.DataFrame) -> None:
    extensions = events.filter(
        (pl.col("事项") == "延长审限") & pl.col("type_code").is_in(["行初", "行终", "刑终"])
    )
    assert extensions.height > 0
    assert set(extensions["批准人"].unique().to_list()) == {"甘肃省高级人民法院"}


def test_conversions_are_to_a_longer_procedure_within_the_case_life(events: pl.DataFrame) -> None:
    conversions = events.filter(pl.col("事项") == "程序转换")
    assert conversions.height > 20
    assert set(conversions["类别"].unique().to_list()) <= {"普通程序", "简易程序"}
    pairs = set(conversions.select("适用程序", "类别").unique().iter_rows())
    allowed = {("简易程序", "普通程序"), ("小额诉讼程序", "简易程序"), ("小额诉讼程序", "普通程序"),
               ("速裁程序", "简易程序"), ("速裁程序", "普通程序")}  # fmt: skip
    assert pairs <= allowed
    assert ("简易程序", "普通程序") in pairs
    assert (conversions["开始日期"] > conversions["立案日期"]).all()
    closed = conversions.filter(pl.col("结案日期").is_not_null())
    assert (closed["开始日期"] < closed["结案日期"]).all()


def test_restarts_are_criminal_with_a_known_reason(events: pl.DataFrame) -> None:
    restarts = events.filter(pl.col("事项") == "重新计算")
    assert restarts.height > 0
    assert set(restarts["type_code"].unique().to_list()) == {"刑初"}
    assert set(restarts["类别"].unique().to_list()) <= set(RESTART_REASONS)
    assert (restarts["开始日期"] > restarts["立案日期"]).all()
    closed = restarts.filter(pl.col("结案日期").is_not_null())
    assert (closed["开始日期"] < closed["结案日期"]).all()
