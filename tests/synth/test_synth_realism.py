"""The synthetic court system looks like Qingyang's courts to a court user, and agrees with the rules in core.

The mix of cases, the judges, the backlog tail and the number of events are checked against what the generator
promises; the trial periods are checked with qingji.core itself: most cases close in time, a few a little late,
and the events raise none of the data warnings an inconsistent export would.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

import polars as pl
import pytest

from qingji.core.calendar import WorkCalendar
from qingji.core.casenumber import parse_case_number
from qingji.core.events import CaseFacts, Conversion, Deduction, Extension, Restart, parse_length
from qingji.core.procedures import parse_procedure
from qingji.core.state import assess
from qingji.core.vocabulary import Status, Warning
from qingji.synth import generate

UNTIL = date(2025, 6, 30)
INTERMEDIATE = "庆阳市中级人民法院"


@pytest.fixture(scope="module")
def frames() -> tuple[pl.DataFrame, pl.DataFrame]:
    return generate(20_000, 7, UNTIL, events_per_case=1.0)


@pytest.fixture(scope="module")
def cases(frames: tuple[pl.DataFrame, pl.DataFrame]) -> pl.DataFrame:
    return frames[0].with_columns(
        type_code=pl.col("案号").map_elements(
            lambda n: parse_case_number(n).type_code, return_dtype=pl.String
        )
    )


def _shares(frame: pl.DataFrame, column: str) -> dict[Any, float]:
    counts = frame[column].value_counts()
    return {row[0]: row[1] / frame.height for row in counts.iter_rows()}


def test_courts_differ_in_size(cases: pl.DataFrame) -> None:
    shares = _shares(cases, "法院")
    assert 0.12 < shares[INTERMEDIATE] < 0.18
    basic = {name: share for name, share in shares.items() if name != INTERMEDIATE}
    assert len(basic) == 8
    assert max(basic, key=lambda name: basic[name]) == "庆阳市西峰区人民法院"
    assert max(basic.values()) > 2 * min(basic.values())


def test_civil_first_instance_and_enforcement_dominate_basic_courts(cases: pl.DataFrame) -> None:
    basic = cases.filter(pl.col("法院") != INTERMEDIATE)
    shares = _shares(basic, "type_code")
    assert shares["民初"] > 0.4 and 0.2 < shares["执"] < 0.4
    assert shares["民初"] + shares["执"] > 0.75
    assert 0.05 < shares["刑初"] < 0.12
    assert {"行初", "执异", "执恢", "民特"} <= set(shares)
    assert "民终" not in shares and "刑终" not in shares


def test_civil_appeals_dominate_the_intermediate_court(cases: pl.DataFrame) -> None:
    intermediate = cases.filter(pl.col("法院") == INTERMEDIATE)
    shares = _shares(intermediate, "type_code")
    assert shares["民终"] > 0.45 and shares["民终"] == max(shares.values())
    assert {"刑终", "行初", "行终", "民初", "刑初", "执"} <= set(shares)
    appeals = _shares(intermediate.filter(pl.col("type_code") == "民终"), "适用程序")
    assert 0.75 < appeals["判决上诉"] < 0.95 and appeals["裁定上诉"] > 0.05
    assert set(intermediate.filter(pl.col("type_code") == "民初")["适用程序"].unique().to_list()) == {
        "普通程序"
    }


def test_simple_procedure_is_the_majority_of_basic_civil_cases(cases: pl.DataFrame) -> None:
    civil = cases.filter((pl.col("法院") != INTERMEDIATE) & (pl.col("type_code") == "民初"))
    shares = _shares(civil, "适用程序")
    assert shares["简易程序"] > 0.5
    assert 0.06 < shares["小额诉讼程序"] < 0.14
    assert 0.25 < shares["普通程序"] < 0.4
    assert 0 < shares.get("涉外", 0) < 0.02


def test_enforcement_procedure_is_usually_empty(cases: pl.DataFrame) -> None:
    enforcement = cases.filter(pl.col("type_code") == "执")
    assert enforcement["适用程序"].null_count() > 0.85 * enforcement.height
    assert set(enforcement["适用程序"].drop_nulls().unique().to_list()) == {"非诉执行"}


def test_about_half_of_criminal_defendants_are_detained(cases: pl.DataFrame) -> None:
    criminal = cases.filter(pl.col("type_code") == "刑初")
    detained = (criminal["羁押"] == "是").sum() / criminal.height
    assert 0.35 < detained < 0.65
    assert set(criminal["适用程序"].unique().to_list()) == {"普通程序", "简易程序", "速裁程序"}
    assert (criminal["当事人"].str.contains("人民检察院;")).all()


def test_each_court_has_its_own_judges(cases: pl.DataFrame) -> None:
    judges = cases.group_by("法院").agg(pl.col("承办法官").n_unique().alias("judges"))
    assert judges["judges"].min() >= 8 and judges["judges"].max() <= 40  # type: ignore[operator]
    courts_per_judge = cases.group_by("承办法官").agg(pl.col("法院").n_unique())
    assert (courts_per_judge["法院"] == 1).all()
    names = cases["承办法官"].unique()
    assert names.str.len_chars().is_between(2, 3).all()


def test_divisions_fit_the_type_of_case(cases: pl.DataFrame) -> None:
    divisions = cases.group_by("type_code").agg(pl.col("审判庭").unique())
    by_type = {t: set(d) for t, d in divisions.iter_rows()}
    assert by_type["执"] == {"执行局"} and by_type["执恢"] == {"执行局"}
    assert by_type["刑初"] <= {"刑事审判庭", "刑一庭", "刑二庭"}
    assert by_type["刑终"] <= {"刑一庭", "刑二庭"}
    assert by_type["行初"] == {"行政审判庭"} and by_type["行终"] == {"行政审判庭"}
    assert {"民一庭", "民二庭"} <= by_type["民初"]
    assert any(d.endswith("人民法庭") for d in by_type["民初"])


def test_causes_fit_the_type_of_case(cases: pl.DataFrame) -> None:
    causes = cases.group_by("type_code").agg(pl.col("案由").drop_nulls().unique())
    by_type = {t: set(c) for t, c in causes.iter_rows()}
    assert all(c.endswith("罪") for c in by_type["刑初"] | by_type["刑终"])
    assert all(c.endswith(("纠纷", "之诉", "劳动争议")) for c in by_type["民初"] | by_type["民终"])
    assert all(c.startswith("申请") for c in by_type["民特"])
    assert {"民间借贷纠纷", "离婚纠纷", "买卖合同纠纷", "机动车交通事故责任纠纷"} <= by_type["民初"]
    assert {"盗窃罪", "危险驾驶罪"} <= by_type["刑初"]
    assert "行政许可" in by_type["行初"]


def test_parties_are_anonymised_like_the_samples(cases: pl.DataFrame) -> None:
    parties = cases["当事人"]
    assert parties.null_count() == 0
    assert parties.str.contains(r"^[^;,]+(;[^;,]+)*$").all()
    assert parties.str.contains("某").mean() > 0.9  # type: ignore[operator]
    civil = cases.filter(pl.col("type_code") == "民初")["当事人"].str.split(";")
    assert (civil.list.len() >= 2).all()
    assert (civil.list.n_unique() == civil.list.len()).all()  # never 王某;王某


def test_enforcement_rounds_end_only_after_three_months(cases: pl.DataFrame) -> None:
    ended = cases.filter(pl.col("结案方式") == "终结本次执行")
    assert ended.height > 100
    assert ((ended["结案日期"] - ended["立案日期"]).dt.total_days() > 90).all()


def test_filing_follows_the_court_year(cases: pl.DataFrame) -> None:
    per_day = cases.group_by("立案日期").len()
    weekday = per_day.filter(pl.col("立案日期").dt.weekday() <= 5)["len"].mean()
    weekend = per_day.filter(pl.col("立案日期").dt.weekday() > 5)["len"].mean()
    assert weekend < 0.25 * weekday  # type: ignore[operator]
    spring_festival = (
        cases.filter(pl.col("立案日期").is_between(date(2024, 2, 5), date(2024, 2, 25))).height / 21
    )
    march = cases.filter(pl.col("立案日期").is_between(date(2024, 3, 4), date(2024, 3, 24))).height / 21
    assert spring_festival < 0.6 * march


def test_closings_fall_on_working_days_and_gather_in_december(cases: pl.DataFrame) -> None:
    closed = cases.filter(pl.col("结案日期").is_not_null())
    assert (closed["结案日期"].dt.weekday() > 5).mean() < 0.1  # type: ignore[operator]
    december = closed.filter(pl.col("结案日期").is_between(date(2024, 12, 1), date(2024, 12, 31))).height
    november = closed.filter(pl.col("结案日期").is_between(date(2024, 11, 1), date(2024, 11, 30))).height
    assert december > 1.15 * november


def test_a_backlog_tail_stays_pending(cases: pl.DataFrame) -> None:
    pending = cases.filter(pl.col("结案日期").is_null())
    assert 0.04 < pending.height / cases.height < 0.25
    age = (pl.lit(UNTIL) - pl.col("立案日期")).dt.total_days()
    assert pending.filter(age > 365).height > 20
    assert pending.filter(age > 730).height > 0


def test_extensions_and_conversions_exist(frames: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    events = frames[1]
    extensions = events.filter(pl.col("事项") == "延长审限")
    assert {"6个月", "3个月", "1个月"} <= set(extensions["期间"].unique().to_list())
    assert events.filter(pl.col("事项") == "程序转换").height > 0


@pytest.mark.parametrize("per_case", [0.6, 1.0, 2.0])
def test_events_per_case_is_close_to_the_request(per_case: float) -> None:
    cases, events = generate(10_000, 11, UNTIL, events_per_case=per_case)
    assert events.height == pytest.approx(per_case * cases.height, rel=0.04)
    counts = events["案号"].value_counts()["count"]
    assert counts.max() >= 3  # type: ignore[operator]


def test_no_events_when_none_are_asked_for() -> None:
    _, events = generate(3_000, 11, UNTIL, events_per_case=0.0)
    assert events.height == 0


def _facts(cases: pl.DataFrame, events: pl.DataFrame) -> list[CaseFacts]:
    by_case: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in events.iter_rows(named=True):
        by_case[row["案号"]].append(row)
    facts = []
    for row in cases.iter_rows(named=True):
        number = parse_case_number(row["案号"])
        own = by_case.get(row["案号"], [])
        facts.append(
            CaseFacts(
                type_code=number.type_code,
                filed_on=row["立案日期"],
                procedure=parse_procedure(row["适用程序"]),
                closed_on=row["结案日期"],
                in_custody=row["羁押"] == "是",
                extensions=tuple(
                    Extension(parse_length(e["期间"]), e["批准人"], e["批准日期"])
                    for e in own
                    if e["事项"] == "延长审限"
                ),
                deductions=tuple(
                    Deduction(e["类别"], e["开始日期"], e["结束日期"]) for e in own if e["事项"] == "扣除审限"
                ),
                conversions=tuple(
                    Conversion(p, e["开始日期"])
                    for e in own
                    if e["事项"] == "程序转换" and (p := parse_procedure(e["类别"])) is not None
                ),
                restarts=tuple(Restart(e["类别"], e["开始日期"]) for e in own if e["事项"] == "重新计算"),
                court_code=number.court_code,
                case_number=row["案号"],
            )
        )
    return facts


@pytest.fixture(scope="module")
def states() -> list[Any]:
    cases, events = generate(6_000, 3, UNTIL, events_per_case=1.0)
    calendar = WorkCalendar.official()
    return [assess(facts, UNTIL, calendar) for facts in _facts(cases, events)]


def test_most_cases_close_in_time_and_a_few_a_little_late(states: list[Any]) -> None:
    status = Counter(state.status for state in states)
    closed = status[Status.CLOSED_IN_TIME] + status[Status.CLOSED_LATE]
    late = status[Status.CLOSED_LATE] / closed
    assert 0.03 < late < 0.10
    days_over = sorted(s.days_over for s in states if s.status is Status.CLOSED_LATE)
    assert days_over[len(days_over) // 2] <= 30  # late by days or weeks, mostly


def test_some_pending_cases_are_overdue_but_most_are_in_time(states: list[Any]) -> None:
    status = Counter(state.status for state in states)
    pending = status[Status.IN_TIME] + status[Status.APPROACHING] + status[Status.OVERDUE]
    assert 0 < status[Status.OVERDUE] < 0.2 * pending
    assert status[Status.NO_LIMIT] > 0  # foreign-related cases have no statutory limit


def test_events_raise_no_data_warnings_in_the_rules(states: list[Any]) -> None:
    warnings = Counter(w for state in states for w in state.warnings)
    for warning in (
        Warning.UNKNOWN_PROCEDURE,
        Warning.UNKNOWN_TYPE_CODE,
        Warning.CLOSED_BEFORE_FILED,
        Warning.DEDUCTION_OUTSIDE_LIFE,
        Warning.OVERLAPPING_DEDUCTIONS,
        Warning.EXTENSION_BEYOND_MAXIMUM,
        Warning.EXTENSION_WRONG_LEVEL,
        Warning.EXTENSION_WITHOUT_APPROVER,
        Warning.CONVERSION_NOT_ALLOWED,
        Warning.RESTART_NOT_ALLOWED,
    ):
        assert warnings[warning] == 0, warning
    # Local kinds (审委会, 请示) are rare on purpose: the product flags them as suspicious deductions.
    assert 0 < warnings[Warning.DEDUCTION_NOT_ALLOWED] < 0.02 * len(states)
