"""The words a computed case state is told in: statuses, age buckets and warnings, with their labels.

Codes are stable (they are JSON values relied on from outside); labels are Chinese first, then English.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    IN_TIME = "in_time"  # 审限内
    APPROACHING = "approaching"  # 临近届满
    OVERDUE = "overdue"  # 超审限
    CLOSED_IN_TIME = "closed_in_time"  # 审限内结案
    CLOSED_LATE = "closed_late"  # 超审限结案
    NO_LIMIT = "no_limit"  # 无法定审限


class AgeBucket(StrEnum):
    """Inventory buckets by gross age (摸排底数, DESIGN.md §1; gross as in C10)."""

    UNDER_6M = "under_6m"
    M6_12 = "6_12m"
    Y1_2 = "1_2y"
    OVER_2Y = "over_2y"


class Warning(StrEnum):
    APPROACHING_30 = "approaching_30"
    APPROACHING_15 = "approaching_15"
    APPROACHING_7 = "approaching_7"
    AGE_10_MONTHS = "age_10_months"
    OVERDUE = "overdue"
    PROVISIONAL_CALENDAR = "provisional_calendar"
    UNKNOWN_PROCEDURE = "unknown_procedure"
    UNKNOWN_TYPE_CODE = "unknown_type_code"
    CLOSED_BEFORE_FILED = "closed_before_filed"
    DEDUCTION_OUTSIDE_LIFE = "deduction_outside_life"
    OVERLAPPING_DEDUCTIONS = "overlapping_deductions"
    DEDUCTION_NOT_ALLOWED = "deduction_not_allowed"
    DEDUCTION_OPEN = "deduction_open"
    EXTENSION_BEYOND_MAXIMUM = "extension_beyond_maximum"
    EXTENSION_WRONG_LEVEL = "extension_wrong_level"
    EXTENSION_WITHOUT_APPROVER = "extension_without_approver"
    CONVERSION_NOT_ALLOWED = "conversion_not_allowed"
    RESTART_NOT_ALLOWED = "restart_not_allowed"
    # Late acts (隐形超审限): kept and explained, not counted unless a convention says so (rules §2.2, §3, §2.4).
    EXTENSION_AFTER_EXPIRY = "extension_after_expiry"
    EXTENSION_DECIDED_LATE = "extension_decided_late"
    DEDUCTION_AFTER_EXPIRY = "deduction_after_expiry"
    CONVERSION_AFTER_EXPIRY = "conversion_after_expiry"
    # An events row of this case could not be read: the expiry may lack an extension, deduction or restart.
    EVENT_REFUSED = "event_refused"


APPROACHING_PREFIX = "approaching_"


def approaching_warning(days: int) -> str:
    """The approaching-expiry warning for a threshold of ``days``: approaching_30, approaching_15, approaching_7 by
    default, approaching_N for a court's own thresholds (Conventions.approaching_days)."""
    return f"{APPROACHING_PREFIX}{days}"


_ORDER = {w.value: i for i, w in enumerate(Warning)}


def warning_order(code: str) -> int:
    """Warnings are listed in the order of :class:`Warning`; an approaching warning comes first."""
    return -1 if code.startswith(APPROACHING_PREFIX) else _ORDER[code]


def warning_label(code: str) -> tuple[str, str]:
    """(中文, English) label of a warning code, including a court's own approaching thresholds."""
    if code in WARNING_LABELS:
        return WARNING_LABELS[code]
    if code.startswith(APPROACHING_PREFIX):
        days = code.removeprefix(APPROACHING_PREFIX)
        return (f"{days}日内届满", f"expires within {days} days")
    return (code, code)


STATUS_LABELS: dict[str, tuple[str, str]] = {
    Status.IN_TIME: ("审限内", "in time"),
    Status.APPROACHING: ("临近届满", "approaching expiry"),
    Status.OVERDUE: ("超审限", "overdue"),
    Status.CLOSED_IN_TIME: ("审限内结案", "closed in time"),
    Status.CLOSED_LATE: ("超审限结案", "closed late"),
    Status.NO_LIMIT: ("无法定审限", "no statutory limit"),
}

BUCKET_LABELS: dict[str, tuple[str, str]] = {
    AgeBucket.UNDER_6M: ("6个月以内", "under 6 months"),
    AgeBucket.M6_12: ("6至12个月", "6–12 months"),
    AgeBucket.Y1_2: ("1至2年", "1–2 years"),
    AgeBucket.OVER_2Y: ("2年以上", "over 2 years"),
}

WARNING_LABELS: dict[str, tuple[str, str]] = {
    Warning.APPROACHING_30: ("30日内届满", "expires within 30 days"),
    Warning.APPROACHING_15: ("15日内届满", "expires within 15 days"),
    Warning.APPROACHING_7: ("7日内届满", "expires within 7 days"),
    Warning.AGE_10_MONTHS: ("案龄满10个月，将成12个月以上长期未结案件", "10 months old: about to pass 12 months"),
    Warning.OVERDUE: ("已超审限", "over the trial period"),
    Warning.PROVISIONAL_CALENDAR: ("该年节假日未公布，届满日暂按周末计算", "no holiday data for the year: provisional"),
    Warning.UNKNOWN_PROCEDURE: ("适用程序缺失或无法识别，按最长审限计算", "procedure missing or unknown: longest period used"),
    Warning.UNKNOWN_TYPE_CODE: ("类型代字无审限规则", "no trial-period rule for this type code"),
    Warning.CLOSED_BEFORE_FILED: ("结案日期早于立案日期", "closed before it was filed"),
    Warning.DEDUCTION_OUTSIDE_LIFE: ("扣除期间超出案件存续期间", "a deduction lies outside the case's life"),
    Warning.OVERLAPPING_DEDUCTIONS: ("扣除期间重叠（已合并计算）", "overlapping deductions (merged)"),
    Warning.DEDUCTION_NOT_ALLOWED: ("该类案件不得扣除此类期间（未扣除）", "deduction kind not allowed for this case type (not counted)"),
    Warning.DEDUCTION_OPEN: ("扣除期间尚未结束", "a deduction has no end date yet"),
    Warning.EXTENSION_BEYOND_MAXIMUM: ("延长超过法定上限（超出部分未计）", "extension beyond the legal maximum (excess not counted)"),
    Warning.EXTENSION_WRONG_LEVEL: ("延长审限批准人级别不符", "extension approved at the wrong level"),
    Warning.EXTENSION_WITHOUT_APPROVER: ("延长审限无批准人", "extension without approver"),
    Warning.CONVERSION_NOT_ALLOWED: ("程序转换不符合规定", "procedure conversion not allowed"),
    Warning.RESTART_NOT_ALLOWED: ("重新计算理由不适用于该类案件", "restart reason not allowed for this case type"),
    Warning.EXTENSION_AFTER_EXPIRY: ("审限届满后才批准延长（未计入，隐形超审限）", "extension approved after expiry (not counted: hidden over-deadline)"),
    Warning.EXTENSION_DECIDED_LATE: ("延长审限决定晚于规定（民事应在届满5日前、行政3日前作出）", "extension decided later than required (civil: 5 days before expiry, administrative: 3)"),
    Warning.DEDUCTION_AFTER_EXPIRY: ("扣除期间始于审限届满之后（未扣除，隐形超审限）", "deduction begins after expiry (not counted: hidden over-deadline)"),
    Warning.CONVERSION_AFTER_EXPIRY: ("审限届满后才转换程序（届满日不变）", "procedure converted after expiry (expiry unchanged)"),
    Warning.EVENT_REFUSED: ("该案有事项行未能读取，届满日可能不全（见问题报告）", "an event row of this case could not be read: the expiry may be incomplete (see the problem report)"),
}  # fmt: skip

# Warnings that point to a problem in the data rather than to the case's progress.
DATA_PROBLEMS: frozenset[str] = frozenset(
    {
        Warning.UNKNOWN_PROCEDURE,
        Warning.UNKNOWN_TYPE_CODE,
        Warning.CLOSED_BEFORE_FILED,
        Warning.DEDUCTION_OUTSIDE_LIFE,
        Warning.OVERLAPPING_DEDUCTIONS,
        Warning.DEDUCTION_NOT_ALLOWED,
        Warning.DEDUCTION_OPEN,
        Warning.EXTENSION_BEYOND_MAXIMUM,
        Warning.EXTENSION_WRONG_LEVEL,
        Warning.EXTENSION_WITHOUT_APPROVER,
        Warning.CONVERSION_NOT_ALLOWED,
        Warning.RESTART_NOT_ALLOWED,
        Warning.EXTENSION_AFTER_EXPIRY,
        Warning.EXTENSION_DECIDED_LATE,
        Warning.DEDUCTION_AFTER_EXPIRY,
        Warning.CONVERSION_AFTER_EXPIRY,
        Warning.EVENT_REFUSED,
    }
)
