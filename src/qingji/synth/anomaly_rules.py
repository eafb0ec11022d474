"""What each integrity check looks for in one case (issue 14), to inject an anomaly and prove it fires its own check.

The names of the checks are :mod:`qingji.integrity`'s; their definitions are in
docs/synth-anomalies.md. The case-level checks 1–5 are the ledger's warnings (:mod:`qingji.core.deadline`, the
same rules the engine applies over columns) plus the few rules on a deduction's length and approval that the ledger
does not warn of; they are read here from the interchange rows of one case (``Row``: a dict keyed by the Chinese
column names, as ``polars.DataFrame.iter_rows(named=True)`` gives them).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from qingji.core.calendar import WorkCalendar
from qingji.core.casenumber import parse_case_number
from qingji.core.dates import add_months
from qingji.core.deadline import Deadline, compute_deadline
from qingji.core.events import (
    CaseFacts,
    Conversion,
    Deduction,
    EventType,
    Extension,
    Restart,
    parse_event_type,
    parse_length,
)
from qingji.core.procedures import parse_procedure
from qingji.core.vocabulary import Warning
from qingji.integrity.findings import Check

Row = dict[str, Any]

# The checks' names, in qingji.integrity's order (Check): the contract the labels are written in.
CHECKS: tuple[str, ...] = tuple(check.value for check in Check)
(
    DEDUCTION_WITHOUT_GROUND, DEDUCTION_OVERLAP, DEDUCTION_AFTER_CAUSE, EXTENSION_LATE, EXTENSION_OVER_LIMIT,
    WITHDRAW_REFILE, SPLIT_FILING, MASS_CLOSURE, EXPIRY_MISMATCH, OUTLIER_SHARE,
) = CHECKS  # fmt: skip
CASE_CHECKS = CHECKS[:5]  # read from one case's own rows

# The ledger's warnings and the check each belongs to.
WARNING_CHECKS: dict[str, str] = {
    Warning.DEDUCTION_NOT_ALLOWED: DEDUCTION_WITHOUT_GROUND,  # rules §3.1, §3.2; local kinds §3.4
    Warning.DEDUCTION_AFTER_EXPIRY: DEDUCTION_WITHOUT_GROUND,  # CPL-Interp 243; ALL-Interp 50; 2000-Prov Art. 9
    Warning.OVERLAPPING_DEDUCTIONS: DEDUCTION_OVERLAP,  # C5
    Warning.DEDUCTION_OUTSIDE_LIFE: DEDUCTION_OVERLAP,  # C5
    Warning.EXTENSION_AFTER_EXPIRY: EXTENSION_LATE,  # 2019-Prov Art. 1; CrPL-Interp 210; 2000-Prov Art. 14
    Warning.EXTENSION_BEYOND_MAXIMUM: EXTENSION_OVER_LIMIT,  # rules §2, §10
    Warning.EXTENSION_WRONG_LEVEL: EXTENSION_OVER_LIMIT,  # rules §2
}

# The longest a deduction of these kinds may run, in days (both ends counted): an adjournment for new evidence
# "up to one month" (2000-Prov Art. 9(5)), a new defence counsel 15 days (CrPL-Interp 313; rules §3.1 item 2), a
# public notice 90 days: service by notice takes 30 (CPL 95), three times that is a notice not closed.
KIND_MAXIMUM_DAYS: dict[str, int] = {"延期审理": 31, "更换辩护人": 15, "公告": 90}
# 民特: the notice to declare a person dead runs a year (CPL 192), with a fortnight for publication.
SPECIAL_NOTICE_DAYS = 380
# An open deduction running longer than a year, of any kind but a suspension (which lasts until its cause ends,
# CPL 153; 2000-Prov Art. 9(9)), is a deduction not closed when its cause ended (rules §5, practice (b)).
OPEN_LIMIT_DAYS = 365
OPEN_WITHOUT_LIMIT = "中止"
# A stay of enforcement lasts at most 3 months; longer needs approval (Exec-Work-Prov item 77; rules §3.1 item 11).
STAY = "暂缓执行"
STAY_MONTHS = 3

DEDUCTION = "扣除审限"
EXTENSION = "延长审限"


def deduction_end(event: Row, until: date) -> date:
    """The last day of a deduction: its 结束日期, or the as-of date while it runs."""
    end: date | None = event["结束日期"]
    return end if end is not None else until


def deduction_days(event: Row, until: date) -> int:
    start: date = event["开始日期"]
    return (deduction_end(event, until) - start).days + 1


def kind_maximum(kind: str | None, type_code: str) -> int | None:
    if kind == "公告" and type_code == "民特":
        return SPECIAL_NOTICE_DAYS
    return KIND_MAXIMUM_DAYS.get(kind or "")


def stay_too_long(event: Row, until: date) -> bool:
    """A 暂缓执行 longer than 3 months (the day before the same date 3 months on is its last allowed day) with
    no 批准人."""
    if event["类别"] != STAY or (event["批准人"] or "").strip():
        return False
    start: date = event["开始日期"]
    return deduction_end(event, until) > add_months(start, STAY_MONTHS) - timedelta(days=1)


def deduction_rule_checks(case: Row, events: Sequence[Row], until: date) -> set[str]:
    """The checks among 1–3 that one case's deductions fire by the rules the ledger does not warn of: a stay too
    long without approval (1), two deductions sharing a day or one outside the case's life (2; the ledger warns of
    these only where the case has a limit and the kinds count), and an open deduction on a closed case, a
    deduction longer than its kind allows, an open one running more than a year (3)."""
    found: set[str] = set()
    deductions = sorted(
        (e for e in events if e["事项"] == DEDUCTION and e["开始日期"] is not None),
        key=lambda e: (e["开始日期"], deduction_end(e, until)),
    )
    if not deductions:
        return found
    type_code = parse_case_number(case["案号"]).type_code
    filed: date = case["立案日期"]
    closed: date | None = case["结案日期"]
    latest: date | None = None
    for event in deductions:
        start: date = event["开始日期"]
        end = deduction_end(event, until)
        if stay_too_long(event, until):
            found.add(DEDUCTION_WITHOUT_GROUND)
        if latest is not None and start <= latest:
            found.add(DEDUCTION_OVERLAP)
        latest = end if latest is None else max(latest, end)
        # Outside the case's life as the ledger reads it (C5): an open deduction's end is not known.
        recorded_end: date = event["结束日期"] or start
        if start < filed or (closed is not None and max(start, recorded_end) > closed):
            found.add(DEDUCTION_OVERLAP)
        maximum = kind_maximum(event["类别"], type_code)
        left_open = closed is not None and event["结束日期"] is None
        if left_open or (maximum is not None and deduction_days(event, until) > maximum):
            found.add(DEDUCTION_AFTER_CAUSE)
        if (
            event["结束日期"] is None
            and event["类别"] != OPEN_WITHOUT_LIMIT
            and deduction_days(event, until) > OPEN_LIMIT_DAYS
        ):
            found.add(DEDUCTION_AFTER_CAUSE)
    return found


def facts_of(case: Row, events: Sequence[Row]) -> CaseFacts:
    """The facts the rules read from one case's interchange rows, as :mod:`qingji.interchange` reads them."""
    number = parse_case_number(case["案号"])
    extensions: list[Extension] = []
    deductions: list[Deduction] = []
    conversions: list[Conversion] = []
    restarts: list[Restart] = []
    for event in events:
        kind = parse_event_type(event["事项"])
        if kind is EventType.EXTENSION:
            length = parse_length(event["期间"]) if event["期间"] else None
            extensions.append(Extension(length, event["批准人"], event["批准日期"]))
        elif kind is EventType.DEDUCTION:
            deductions.append(Deduction(event["类别"], event["开始日期"], event["结束日期"]))
        elif kind is EventType.CONVERSION:
            procedure = parse_procedure(event["类别"])
            if procedure is not None:
                conversions.append(Conversion(procedure, event["开始日期"]))
        elif kind is EventType.RESTART:
            restarts.append(Restart(event["类别"] or "", event["开始日期"]))
    return CaseFacts(
        type_code=number.type_code,
        filed_on=case["立案日期"],
        procedure=parse_procedure(case["适用程序"]),
        closed_on=case["结案日期"],
        in_custody=case["羁押"] == "是",
        extensions=tuple(extensions),
        deductions=tuple(deductions),
        conversions=tuple(conversions),
        restarts=tuple(restarts),
        court_code=number.court_code,
        case_number=case["案号"],
    )


def deadline_of(case: Row, events: Sequence[Row], until: date, calendar: WorkCalendar) -> Deadline:
    return compute_deadline(facts_of(case, events), until, calendar)


def case_checks(case: Row, events: Sequence[Row], until: date, calendar: WorkCalendar) -> set[str]:
    """The checks among 1–5 that one case fires on ``until``: its ledger warnings and the rules above."""
    warnings = deadline_of(case, events, until, calendar).warnings
    found = {WARNING_CHECKS[w] for w in warnings if w in WARNING_CHECKS}
    return found | deduction_rule_checks(case, events, until)
