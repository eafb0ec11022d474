"""Each check fires on the case planted for it, with its evidence, and on nothing else (docs/integrity.md)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from qingji.integrity.findings import Check
from qingji.integrity.thresholds import Thresholds

from .planted import planted

AS_OF = date(2026, 6, 30)


def found(report) -> set[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return {(f.check.value, f.case_number) for f in report.findings}


def test_a_clean_court_has_no_finding(tmp_path: Path) -> None:
    court = planted()
    court.case("（2025）甘1002民初1号", "2025-09-01", "2025-12-01", "判决")
    court.case("（2025）甘1002民初2号", "2025-10-08")
    court.event("（2025）甘1002民初2号", "扣除审限", "鉴定", "2025-11-01", "2025-12-15")
    court.event("（2025）甘1002民初2号", "延长审限", length="6个月", by="院长", on="2026-03-20")
    report, _ = court.check(tmp_path, AS_OF)
    assert report.findings == ()
    assert set(report.by_check().values()) == {0}


def test_deductions_without_ground(tmp_path: Path) -> None:
    court = planted()
    # an auction belongs to enforcement (2000-Prov Art. 9(12)), not to a civil first instance
    court.case("（2025）甘1002民初1号", "2025-09-01")
    court.event("（2025）甘1002民初1号", "扣除审限", "拍卖变卖", "2025-10-01", "2025-10-20")
    # a stay of enforcement beyond three months needs the president (Exec-Work-Prov item 77) …
    court.case("（2025）甘1002执1号", "2025-10-09")
    court.event("（2025）甘1002执1号", "扣除审限", "暂缓执行", "2025-11-01", "2026-02-01")
    # … and with him it is grounded
    court.case("（2025）甘1002执2号", "2025-10-09")
    court.event("（2025）甘1002执2号", "扣除审限", "暂缓执行", "2025-11-01", "2026-02-01", by="院长")
    # exactly three months is no more than three months
    court.case("（2025）甘1002执3号", "2025-10-09")
    court.event("（2025）甘1002执3号", "扣除审限", "暂缓执行", "2025-11-01", "2026-01-31")
    report, _ = court.check(tmp_path, AS_OF)
    assert found(report) == {
        ("deduction_without_ground", "（2025）甘1002民初1号"),
        ("deduction_without_ground", "（2025）甘1002执1号"),
    }
    civil = next(f for f in report.findings if f.case_number == "（2025）甘1002民初1号")
    assert civil.evidence["deductions"] == [
        {"kind": "拍卖变卖", "start": "2025-10-01", "end": "2025-10-20", "days": 20, "approved_by": None}
    ]
    assert "不得扣除" in civil.zh and "not deductible" in civil.en and "2000-Prov Art. 9" in civil.rule
    stay = next(f for f in report.findings if f.case_number == "（2025）甘1002执1号")
    assert "Exec-Work-Prov item 77" in stay.rule and "93日" in stay.zh


def test_a_deduction_begun_after_the_expiry_is_without_ground(tmp_path: Path) -> None:
    court = planted()
    court.case("（2025）甘1002民初1号", "2025-06-03")  # six months: 2025-12-03
    court.event("（2025）甘1002民初1号", "扣除审限", "鉴定", "2026-01-05", "2026-02-05")
    report, ledger = court.check(tmp_path, AS_OF)
    assert found(report) == {("deduction_without_ground", "（2025）甘1002民初1号")}
    (finding,) = report.findings
    assert finding.evidence["expiry"] == str(ledger.item(0, "expiry")) == "2025-12-03"
    assert "始于审限届满日2025-12-03之后" in finding.zh


def test_overlapping_deductions_and_deductions_outside_the_life(tmp_path: Path) -> None:
    court = planted()
    court.case("（2025）甘1002民初1号", "2025-09-01")
    court.event("（2025）甘1002民初1号", "扣除审限", "鉴定", "2025-10-01", "2025-11-30")
    court.event("（2025）甘1002民初1号", "扣除审限", "公告", "2025-11-30", "2025-12-20")  # one day shared
    court.case("（2025）甘1002民初2号", "2025-09-01")
    court.event("（2025）甘1002民初2号", "扣除审限", "鉴定", "2025-10-01", "2025-10-31")
    court.event("（2025）甘1002民初2号", "扣除审限", "公告", "2025-11-01", "2025-11-30")  # adjacent: fine
    court.case("（2025）甘1002民初3号", "2025-09-01", "2026-01-10", "判决")
    court.event("（2025）甘1002民初3号", "扣除审限", "鉴定", "2025-12-20", "2026-01-20")  # past the closing
    report, _ = court.check(tmp_path, AS_OF)
    assert found(report) == {
        ("deduction_overlap", "（2025）甘1002民初1号"),
        ("deduction_overlap", "（2025）甘1002民初3号"),
    }
    pair = next(f for f in report.findings if f.case_number == "（2025）甘1002民初1号")
    deductions = pair.evidence["deductions"]
    assert isinstance(deductions, list) and [d["kind"] for d in deductions] == ["鉴定", "公告"]
    late = next(f for f in report.findings if f.case_number == "（2025）甘1002民初3号")
    assert "晚于结案日期2026-01-10" in late.zh


def test_deductions_kept_after_their_cause(tmp_path: Path) -> None:
    court = planted()
    court.case("（2025）甘1002民初1号", "2025-09-01", "2026-03-02", "判决")
    court.event("（2025）甘1002民初1号", "扣除审限", "鉴定", "2025-12-01")  # open on a closed case
    court.case("（2025）甘1002民初2号", "2025-09-01")
    court.event("（2025）甘1002民初2号", "扣除审限", "延期审理", "2025-10-01", "2025-11-09")  # 40 days > 31
    court.case("（2025）甘1002民初3号", "2025-09-01")
    court.event("（2025）甘1002民初3号", "扣除审限", "延期审理", "2025-10-01", "2025-10-31")  # 31 days: fine
    court.case("（2025）甘1002民特1号", "2025-09-01", procedure="特别程序", cause="宣告公民死亡")
    court.event(
        "（2025）甘1002民特1号", "扣除审限", "公告", "2025-09-05", "2026-06-01"
    )  # a year's notice: fine
    report, _ = court.check(tmp_path, AS_OF)
    assert found(report) == {
        ("deduction_after_cause", "（2025）甘1002民初1号"),
        ("deduction_after_cause", "（2025）甘1002民初2号"),
    }
    stretched = next(f for f in report.findings if f.case_number == "（2025）甘1002民初2号")
    assert "40日" in stretched.zh and "31日" in stretched.zh
    shorter = Thresholds(deduction_max_days={"延期审理": 20})
    report, _ = court.check(tmp_path, AS_OF, shorter)
    assert ("deduction_after_cause", "（2025）甘1002民初3号") in found(report)


def test_a_deduction_open_too_long(tmp_path: Path) -> None:
    court = planted()
    court.case("（2024）甘1002民初1号", "2024-09-02")
    court.event("（2024）甘1002民初1号", "扣除审限", "鉴定", "2025-01-02")  # 545 days on 2026-06-30
    court.case("（2024）甘1002民初2号", "2024-09-02")
    court.event("（2024）甘1002民初2号", "扣除审限", "中止", "2025-01-02")  # suspension: ends with resumption
    report, _ = court.check(tmp_path, AS_OF)
    assert found(report) == {("deduction_after_cause", "（2024）甘1002民初1号")}


def test_extensions_late_and_over_the_limit(tmp_path: Path) -> None:
    court = planted()
    court.case("（2025）甘1002民初1号", "2025-01-02")  # six months: 2025-07-02
    court.event("（2025）甘1002民初1号", "延长审限", length="6个月", by="院长", on="2025-07-20")
    court.case("（2026）甘1002民初2号", "2026-01-05", procedure="简易程序")  # simple: one month at most
    court.event("（2026）甘1002民初2号", "延长审限", length="1个月", by="院长", on="2026-03-20")
    court.event("（2026）甘1002民初2号", "延长审限", length="1个月", by="院长", on="2026-04-20")
    report, _ = court.check(tmp_path, AS_OF)
    assert found(report) == {
        ("extension_late", "（2025）甘1002民初1号"),
        ("extension_over_limit", "（2026）甘1002民初2号"),
    }
    late = next(f for f in report.findings if f.check is Check.EXTENSION_LATE)
    assert late.evidence["extensions"] == [
        {"length": "6个月0日", "approved_by": "院长", "approved_on": "2025-07-20"}
    ]
    explanation = late.evidence["explanation"]
    assert isinstance(explanation, list) and any("晚于审限届满日2025-07-02" in line for line in explanation)


def test_the_court_systems_expiry_against_the_laws(tmp_path: Path) -> None:
    court = planted()
    court.case("（2026）甘1002民初1号", "2026-01-05")
    court.case("（2026）甘1002民初2号", "2026-01-06")
    court.case("（2026）甘1002民初3号", "2026-01-07")  # no expiry in the export: nothing to compare
    _, ledger = court.check(tmp_path, AS_OF)
    expiry = {number: day for number, day in ledger.select("case_number", "expiry").iter_rows()}
    court.cases[0]["审限届满日期"] = str(expiry["（2026）甘1002民初1号"] + timedelta(days=30))
    court.cases[1]["审限届满日期"] = str(expiry["（2026）甘1002民初2号"])
    report, _ = court.check(tmp_path, AS_OF)
    assert found(report) == {("expiry_mismatch", "（2026）甘1002民初1号")}
    (finding,) = report.findings
    assert finding.evidence["difference_days"] == 30
    assert finding.evidence["explanation"] and "晚30日" in finding.zh
    report, _ = court.check(tmp_path, AS_OF, Thresholds(expiry_tolerance_days=30))
    assert report.findings == ()


@pytest.mark.parametrize("variant", ["甲公司, 张某", "被告：甲公司；原告：张 某 某", "甲公司;张某某"])
def test_withdrawn_and_filed_again(tmp_path: Path, variant: str) -> None:
    court = planted()
    court.case(
        "（2025）甘1002民初8号", "2025-05-06", "2025-08-01", "撤诉", parties="原告：张某某；被告：甲公司"
    )
    court.case("（2025）甘1002民初30号", "2025-09-15", parties=variant)  # 45 days later
    court.case("（2025）甘1002民初31号", "2025-12-01", parties=variant)  # 122 days later: beyond 90
    court.case("（2025）甘1002民初32号", "2025-09-15", parties=variant, cause="借款合同纠纷")  # another cause
    report, _ = court.check(tmp_path, AS_OF)
    assert found(report) == {("withdraw_refile", "（2025）甘1002民初30号")}
    (finding,) = report.findings
    assert finding.evidence["earlier_case"] == "（2025）甘1002民初8号"
    assert finding.evidence["days_between"] == 45


def test_one_dispute_split_into_cases_the_same_day(tmp_path: Path) -> None:
    court = planted()
    court.case("（2025）甘1002民初40号", "2025-10-10", parties="乙公司;李某")
    court.case("（2025）甘1002民初41号", "2025-10-10", parties="李某某；乙公司")
    court.case("（2025）甘1002民初42号", "2025-10-11", parties="乙公司;李某")  # another day
    court.case("（2025）甘1003民初43号", "2025-10-10", parties="乙公司;李某")  # another court
    report, _ = court.check(tmp_path, AS_OF)
    assert found(report) == {
        ("split_filing", "（2025）甘1002民初40号"),
        ("split_filing", "（2025）甘1002民初41号"),
    }
    assert report.findings[0].evidence["cases"] == ["（2025）甘1002民初40号", "（2025）甘1002民初41号"]
