"""The facts the rules read about one case: its periods and events (DESIGN.md §6, interchange format).

An event is one of 延长审限 (extension), 扣除审限 (deduction), 程序转换 (conversion) or 重新计算 (restart).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qingji.core.procedures import Procedure


class EventType(StrEnum):
    EXTENSION = "extension"  # 延长审限
    DEDUCTION = "deduction"  # 扣除审限
    CONVERSION = "conversion"  # 程序转换
    RESTART = "restart"  # 重新计算

    @property
    def label_zh(self) -> str:
        return EVENT_TYPE_LABELS[self]


EVENT_TYPE_LABELS: dict[EventType, str] = {
    EventType.EXTENSION: "延长审限",
    EventType.DEDUCTION: "扣除审限",
    EventType.CONVERSION: "程序转换",
    EventType.RESTART: "重新计算",
}

EVENT_TYPE_ALIASES: dict[str, EventType] = {
    **{e.value: e for e in EventType},
    **{label: e for e, label in EVENT_TYPE_LABELS.items()},
    "延长": EventType.EXTENSION,
    "扣除": EventType.DEDUCTION,
    "审限扣除": EventType.DEDUCTION,
    "转换程序": EventType.CONVERSION,
    "程序转化": EventType.CONVERSION,
    "重新计算审限": EventType.RESTART,
}


def parse_event_type(value: str | None) -> EventType | None:
    if value is None:
        return None
    key = "".join(value.split())
    return EVENT_TYPE_ALIASES.get(key) or EVENT_TYPE_ALIASES.get(key.lower())


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A length of time in whole months plus days; 1.5 months is Period(1, 15) (C5, CrPL-Interp 202)."""

    months: int = 0
    days: int = 0

    def __add__(self, other: Period) -> Period:
        return Period(self.months + other.months, self.days + other.days)

    def __sub__(self, other: Period) -> Period:
        return Period(self.months - other.months, self.days - other.days)

    @property
    def is_zero(self) -> bool:
        return self.months == 0 and self.days == 0

    def label_zh(self) -> str:
        parts = []
        if self.months:
            parts.append(f"{self.months}个月")
        if self.days or not parts:
            parts.append(f"{self.days}日")
        return "".join(parts)

    def label_en(self) -> str:
        parts = []
        if self.months:
            parts.append(f"{self.months} month" + ("s" if self.months != 1 else ""))
        if self.days or not parts:
            parts.append(f"{self.days} day" + ("s" if self.days != 1 else ""))
        return " ".join(parts)


_LENGTH_RE = re.compile(
    r"^(?:(?P<years>\d+)(?:年|y))?(?:(?P<months>\d+)(?:个月|月|mo|m))?(?:(?P<half>半个月)|(?P<days>\d+)(?:日|天|d))?$"
)


def parse_length(value: str) -> Period:
    """Parse a length such as 6个月, 30日, 30天, 1个月15日, 半个月, 1年, 6m, 30d. Raises ValueError."""
    text = "".join(value.split()).lower()
    match = _LENGTH_RE.match(text)
    if not text or match is None or not any(match.groupdict().values()):
        raise ValueError(
            f"期间 {value!r} 无法识别（应如 6个月、30日） / length {value!r} not understood (e.g. 6个月, 30日)"
        )
    months = int(match["years"] or 0) * 12 + int(match["months"] or 0)
    days = 15 if match["half"] else int(match["days"] or 0)
    return Period(months, days)


# Deduction kinds (类别 of 扣除审限) with their source, DESIGN.md §6 and rules/trial-periods.md §3.
DEDUCTION_KINDS: dict[str, str] = {
    "公告": "public notice",
    "鉴定": "appraisal",
    "精神病鉴定": "psychiatric appraisal",
    "管辖权异议": "jurisdiction objection",
    "管辖争议": "jurisdiction dispute",
    "和解": "settlement",
    "调解": "mediation (administrative)",
    "中止": "suspension",
    "审计评估": "audit, valuation, asset clean-up",
    "暂缓执行": "stay of enforcement",
    "拍卖变卖": "auction or sale",
    "检察院阅卷": "procuratorate file review",
    "延期审理": "adjournment for new evidence",
    "更换辩护人": "new defence counsel",
}

# Local kinds (rules/trial-periods.md §3.4): off unless a court switches them on (Conventions.local_deductions).
LOCAL_DEDUCTION_KINDS: dict[str, str] = {
    "请示": "waiting for a higher court's instruction",
    "审委会": "adjudication committee discussion",
    "协调": "consultation with other agencies",
}

# Restart reasons (重新计算), rules/trial-periods.md §3.3.
RESTART_REASONS: dict[str, str] = {
    "补充侦查": "returned after supplementary investigation (CrPL 208(3))",
    "发回重审": "remanded for retrial (CrPL 241)",
    "改变管辖": "change of court (CrPL 208(2))",
    "指定管辖": "designated jurisdiction (CrPL-Interp 209)",
    "再审申请": "another party applies for review (ALL-Interp 114)",
}


@dataclass(frozen=True, slots=True)
class Extension:
    """延长审限: an approved extension of ``length`` (None when the export leaves it blank)."""

    length: Period | None
    approved_by: str | None = None
    approved_on: date | None = None


@dataclass(frozen=True, slots=True)
class Deduction:
    """扣除审限: a period not counted, ``start`` to ``end`` inclusive (C5); ``end`` None while it runs."""

    kind: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class Conversion:
    """程序转换: the case continues under ``procedure`` from ``on``."""

    procedure: Procedure
    on: date


@dataclass(frozen=True, slots=True)
class Restart:
    """重新计算: the clock starts again from ``on`` (C7)."""

    reason: str
    on: date


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """Everything the rules read about one case."""

    type_code: str
    filed_on: date
    procedure: Procedure | None = None
    closed_on: date | None = None
    in_custody: bool = False
    extensions: tuple[Extension, ...] = ()
    deductions: tuple[Deduction, ...] = ()
    conversions: tuple[Conversion, ...] = ()
    restarts: tuple[Restart, ...] = ()
    court_code: str | None = None
    case_number: str | None = None
