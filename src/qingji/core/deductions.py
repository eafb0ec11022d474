"""Which periods may be deducted from which cases, and how deducted days are counted (rules §3; C5).

A kind the law does not allow for the case's family is kept and flagged, never dropped (DESIGN.md §6); it is not
counted unless Conventions.count_disallowed_deductions says so. Local kinds (§3.4) count only where a court has
switched them on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from qingji.core.dates import add_months
from qingji.core.events import Period
from qingji.core.procedures import Procedure
from qingji.core.typecodes import Family

_ART9 = "2000-Prov Art. 9"

# family → kind → source. 2000-Prov Art. 9 lists the items for all case kinds "as applicable"; the later rules
# restate them per family.
ALLOWED_DEDUCTIONS: dict[Family, dict[str, str]] = {
    Family.CIVIL: {
        "公告": "CPL-Interp 243",
        "鉴定": "CPL-Interp 243",
        "和解": "CPL-Interp 243",
        "管辖权异议": "CPL-Interp 243",
        "管辖争议": "CPL-Interp 243",
        "中止": f"{_ART9}(9); CPL 153",
        "审计评估": f"{_ART9}(8)",
        "延期审理": f"{_ART9}(5)",
    },
    Family.ADMINISTRATIVE: {
        "公告": "ALL-Interp 50(1)",
        "鉴定": "ALL-Interp 50(1)",
        "调解": "ALL-Interp 50(1)",
        "中止": "ALL-Interp 50(1)",
        "管辖权异议": "ALL-Interp 50(1)",
        "管辖争议": "ALL-Interp 50(1)",
        "审计评估": f"{_ART9}(8)",
        "延期审理": f"{_ART9}(5)",
    },
    Family.CRIMINAL: {
        "精神病鉴定": "CrPL 149; CrPL-Interp 211",
        "中止": "CrPL 206",
        "延期审理": f"{_ART9}(5)",
        "更换辩护人": f"{_ART9}(2); CrPL-Interp 313",
    },
    Family.ENFORCEMENT: {
        "公告": "Exec-Interp 13",
        "鉴定": "Exec-Interp 13",
        "审计评估": "Exec-Interp 13",
        "管辖争议": "Exec-Interp 13",
        "中止": "Exec-Work-Prov item 63",
        "暂缓执行": f"{_ART9}(10)(11)",
        "拍卖变卖": f"{_ART9}(12)",
    },
}
_GENERIC = {
    "公告": f"{_ART9}(6)",
    "鉴定": f"{_ART9}(6)",
    "管辖权异议": f"{_ART9}(7)",
    "管辖争议": f"{_ART9}(7)",
    "审计评估": f"{_ART9}(8)",
    "中止": f"{_ART9}(9)",
}
ALLOWED_DEDUCTIONS[Family.COMPENSATION] = ALLOWED_DEDUCTIONS[Family.ADMINISTRATIVE]
for _family in (Family.BANKRUPTCY, Family.PRESERVATION, Family.OTHER):
    ALLOWED_DEDUCTIONS[_family] = _GENERIC

# Kinds allowed only for particular type codes.
TYPE_SPECIFIC_DEDUCTIONS: dict[str, dict[str, str]] = {
    "刑终": {"检察院阅卷": "CrPL 235; CrPL-Interp 396"},
    "刑没": {"公告": "CrPL-Interp 627"},
    "民申": {"公告": "CPL-Interp 129", "和解": "CPL-Interp 129"},
}

LOCAL_DEDUCTION_SOURCE = "local rule (§3.4)"

# CPL-Interp 243 defines the periods not counted in the CPL 152 period only: first instance under ordinary
# procedure (民初 ordinary, 民撤 heard as ordinary, 民再 under first-instance procedure). In the other civil
# cases (simple procedure, small claims, appeals …) 2000-Prov Art. 9 governs; settlement, which Art. 9 does not
# list, is counted there by analogy with CPL-Interp 243 (a CONVENTION, rules §3.2).
_CPL_152_CASES = {("民初", Procedure.ORDINARY), ("民撤", None), ("民再", Procedure.FIRST_INSTANCE_PROCEDURE)}
_CIVIL_OTHER_SOURCES = {
    **_GENERIC,
    "和解": "CPL-Interp 243 by analogy (CONVENTION)",
}

# The law listing what may be deducted in each family, cited when a kind is not on the list.
DEDUCTION_LIST_SOURCES: dict[Family, str] = {
    Family.CIVIL: "CPL-Interp 243; 2000-Prov Art. 9",
    Family.ADMINISTRATIVE: "ALL-Interp 50(1); 2000-Prov Art. 9",
    Family.COMPENSATION: "ALL-Interp 50(1); 2000-Prov Art. 9",
    Family.CRIMINAL: "2000-Prov Art. 9; CrPL 149, 206, 235",
    Family.ENFORCEMENT: "Exec-Interp 13; 2000-Prov Art. 9",
}


def deduction_list_source(family: Family | None) -> str:
    """The rule that lists the deductible periods for ``family`` (cited for a kind it does not allow)."""
    return DEDUCTION_LIST_SOURCES.get(family, _ART9) if family else _ART9


def cited_source(source: str, kind: str, type_code: str, procedure: Procedure | None) -> str:
    """The citation for an allowed civil deduction: CPL-Interp 243 only in the CPL 152 period."""
    if (
        source != "CPL-Interp 243"
        or (type_code, procedure) in _CPL_152_CASES
        or (type_code, None) in _CPL_152_CASES
    ):
        return source
    return _CIVIL_OTHER_SOURCES.get(kind, source)


# Kinds whose deductible time is capped: 延期审理 "up to one month" (2000-Prov Art. 9(5)); a new defence counsel
# 15 days (CrPL-Interp 313; CONVENTION, rules §3.1 item 2).
DEDUCTION_CAPS: dict[str, Period] = {"延期审理": Period(1, 0), "更换辩护人": Period(0, 15)}


def deduction_source(
    kind: str, family: Family | None, type_code: str, local_kinds: frozenset[str]
) -> str | None:
    """The legal source allowing ``kind`` for this case, or None when it is not allowed."""
    specific = TYPE_SPECIFIC_DEDUCTIONS.get(type_code, {})
    if kind in specific:
        return specific[kind]
    if family is not None and kind in ALLOWED_DEDUCTIONS[family]:
        return ALLOWED_DEDUCTIONS[family][kind]
    if kind in local_kinds:
        return LOCAL_DEDUCTION_SOURCE
    return None


def cap_end(kind: str, start: date, end: date) -> date:
    """``end`` shortened to the kind's cap, if it has one: a one-month cap from 03-01 ends on 03-31."""
    cap = DEDUCTION_CAPS.get(kind)
    if cap is None:
        return end
    limit = add_months(start, cap.months) + timedelta(days=cap.days - 1)
    return min(end, limit)


@dataclass(frozen=True, slots=True)
class Merged:
    intervals: tuple[tuple[date, date], ...]
    overlapping: bool


def merge_intervals(intervals: Iterable[tuple[date, date]]) -> Merged:
    """Merge overlapping intervals (C5: not double-counted). Adjacent intervals stay apart."""
    ordered: Sequence[tuple[date, date]] = sorted(intervals)
    merged: list[tuple[date, date]] = []
    overlapping = False
    for start, end in ordered:
        if merged and start <= merged[-1][1]:
            overlapping = True
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return Merged(tuple(merged), overlapping)


def interval_days(start: date, end: date, *, inclusive: bool) -> int:
    """Days in an interval: end − start + 1 when both ends count (C5), else end − start."""
    return (end - start).days + (1 if inclusive else 0)
