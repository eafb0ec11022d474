"""The rule each explanation step cites, per family, checked against rules/trial-periods.md (issue 9)."""

from __future__ import annotations

from datetime import date

import pytest

from qingji.core.calendar import WorkCalendar
from qingji.core.deadline import compute_deadline
from qingji.core.events import CaseFacts, Deduction, Restart
from qingji.core.procedures import Procedure as P

CAL = WorkCalendar.official()


def d(text: str) -> date:
    return date.fromisoformat(text)


def bases(facts: CaseFacts, as_of: str = "2024-12-31") -> list[str]:
    return [step.basis for step in compute_deadline(facts, d(as_of), CAL).steps]


@pytest.mark.parametrize(
    ("code", "procedure", "custody", "basis"),
    [
        # Filed 2024-05-31, 3 months → 2024-08-31, a Saturday (§4.1: CPL 85(3); ALL-Interp 48(3); CrPL 105(4)).
        ("民终", P.APPEAL_JUDGMENT, False, "CPL 85(3); C6"),
        ("行终", None, False, "ALL-Interp 48(3); C6"),
        ("刑初", P.ORDINARY, False, "CrPL 105(4); C6"),
    ],
)
def test_roll_forward_cites_the_familys_own_law(
    code: str, procedure: P | None, custody: bool, basis: str
) -> None:
    facts = CaseFacts(code, d("2024-05-31"), procedure, in_custody=custody, court_code="甘10")
    deadline = compute_deadline(facts, d("2024-06-01"), CAL)
    assert deadline.rolled
    assert deadline.steps[-1].basis == basis
    assert ("CPL 85(3)" in " ".join(bases(facts))) == (code == "民终")


def test_criminal_in_custody_is_not_rolled() -> None:
    facts = CaseFacts("刑初", d("2024-05-31"), P.ORDINARY, in_custody=True, court_code="甘10")
    deadline = compute_deadline(facts, d("2024-06-01"), CAL)
    assert deadline.expiry == d("2024-08-31")
    assert deadline.steps[-1].basis == "CrPL 105(4)"


@pytest.mark.parametrize(
    ("code", "procedure", "kind", "basis"),
    [
        ("民初", P.ORDINARY, "鉴定", "CPL-Interp 243"),  # the CPL 152 period
        ("民初", P.SIMPLE, "鉴定", "2000-Prov Art. 9(6)"),
        ("民初", P.SMALL_CLAIMS, "公告", "2000-Prov Art. 9(6)"),
        ("民初", P.SIMPLE, "管辖权异议", "2000-Prov Art. 9(7)"),
        ("民终", P.APPEAL_JUDGMENT, "鉴定", "2000-Prov Art. 9(6)"),
        ("民终", P.APPEAL_JUDGMENT, "和解", "CPL-Interp 243 by analogy (CONVENTION)"),
        ("行初", P.ORDINARY, "鉴定", "ALL-Interp 50(1)"),
    ],
)
def test_deductions_cite_the_rule_for_the_period(code: str, procedure: P, kind: str, basis: str) -> None:
    facts = CaseFacts(
        code, d("2024-01-10"), procedure, deductions=(Deduction(kind, d("2024-01-20"), d("2024-01-29")),)
    )
    steps = compute_deadline(facts, d("2024-02-01"), CAL).steps
    assert [s.basis for s in steps if s.zh.startswith("扣除")] == [basis]


@pytest.mark.parametrize(
    ("code", "kind", "basis"),
    [
        ("刑初", "公告", "2000-Prov Art. 9; CrPL 149, 206, 235"),
        ("民初", "请示", "CPL-Interp 243; 2000-Prov Art. 9"),
        ("行初", "和解", "ALL-Interp 50(1); 2000-Prov Art. 9"),
        ("执", "和解", "Exec-Interp 13; 2000-Prov Art. 9"),
    ],
)
def test_a_refused_deduction_cites_the_law_listing_the_deductible_periods(
    code: str, kind: str, basis: str
) -> None:
    facts = CaseFacts(code, d("2024-01-10"), deductions=(Deduction(kind, d("2024-01-20"), d("2024-01-29")),))
    steps = compute_deadline(facts, d("2024-02-01"), CAL).steps
    refused = [s for s in steps if "不属于" in s.zh]
    assert [s.basis for s in refused] == [basis]


@pytest.mark.parametrize(
    ("reason", "basis"),
    [
        ("补充侦查", "CrPL 208(3); C7"),
        ("发回重审", "CrPL 241; C7"),
        ("改变管辖", "CrPL 208(2); C7"),
        ("指定管辖", "CrPL-Interp 209; C7"),
        ("", "C7"),
    ],
)
def test_a_restart_cites_its_own_rule(reason: str, basis: str) -> None:
    facts = CaseFacts("刑初", d("2024-01-10"), P.ORDINARY, restarts=(Restart(reason, d("2024-02-01")),))
    restart = [s for s in compute_deadline(facts, d("2024-03-01"), CAL).steps if "重新计算" in s.zh]
    assert [s.basis for s in restart] == [basis]
