"""The deductions of one case as the deadline counts them (rules §3; C5): which intervals count, and the steps
that explain each one, counted or not. The columnar mirror is qingji.engine.deductions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from qingji.core.conventions import Conventions
from qingji.core.deductions import (
    cap_end,
    cited_source,
    deduction_list_source,
    deduction_source,
    interval_days,
    merge_intervals,
)
from qingji.core.events import DEDUCTION_KINDS, LOCAL_DEDUCTION_KINDS, CaseFacts
from qingji.core.explain import Step
from qingji.core.procedures import Procedure
from qingji.core.typecodes import Family
from qingji.core.vocabulary import Warning


@dataclass(frozen=True, slots=True)
class Interval:
    """A deduction clipped to the counted period: ``start``..``end`` (both within the case's life)."""

    start: date
    end: date
    kind: str
    source: str
    recorded_start: date
    recorded_end: date | None


@dataclass(slots=True)
class Collected:
    intervals: list[Interval]
    notes: list[Step]  # deductions that count no day, with why
    warnings: set[Warning]


def collect_deductions(
    facts: CaseFacts,
    family: Family | None,
    procedure: Procedure | None,
    anchor: date,
    as_of: date,
    conventions: Conventions,
) -> Collected:
    """The intervals that may count, sorted by (start, end), and the deductions that cannot (C5)."""
    result = Collected([], [], set())
    closed = facts.closed_on if facts.closed_on is not None and facts.closed_on <= as_of else None
    lower = anchor + timedelta(days=1)
    upper = closed if closed is not None else as_of
    for deduction in sorted(facts.deductions, key=lambda d: (d.start, d.end or date.max)):
        if deduction.start > as_of:
            continue
        source = deduction_source(deduction.kind, family, facts.type_code, conventions.local_deduction_kinds)
        if source is None:
            result.warnings.add(Warning.DEDUCTION_NOT_ALLOWED)
            if not conventions.count_disallowed_deductions:
                result.notes.append(
                    Step(
                        deduction_list_source(family),
                        f"{deduction.kind} {deduction.start}起的期间不属于该类案件可扣除的期间，未扣除",
                        f"{kind_en(deduction.kind)} from {deduction.start} is not deductible for {facts.type_code}",
                    )
                )
                continue
            source = "counted by setting"
        else:
            source = cited_source(source, deduction.kind, facts.type_code, procedure)
        end = deduction.end
        if end is None:
            result.warnings.add(Warning.DEDUCTION_OPEN)
            end = upper
        # Outside the case's life: it begins before filing, or begins or ends after closing (C5).
        if deduction.start < facts.filed_on or (
            closed is not None and max(deduction.start, deduction.end or deduction.start) > closed
        ):
            result.warnings.add(Warning.DEDUCTION_OUTSIDE_LIFE)
        end = min(cap_end(deduction.kind, deduction.start, end), upper)
        start = max(deduction.start, lower)
        if start > end:
            result.notes.append(
                Step(
                    source,
                    f"{deduction.kind} {deduction.start}至{deduction.end or '今'}不在计算期间内，未扣除",
                    f"{kind_en(deduction.kind)} {deduction.start}..{deduction.end or 'open'} lies outside the counted "
                    "period",
                )
            )
            continue
        result.intervals.append(Interval(start, end, deduction.kind, source, deduction.start, deduction.end))
    result.intervals.sort(key=lambda i: (i.start, i.end))
    return result


def late_step(interval: Interval, expiry: date, *, counted: bool) -> Step:
    """A deduction that begins after the expiry as it stood (qingji.core.late)."""
    if counted:
        zh, en = "，按本院设置仍予扣除", ": counted by this court's setting"
    else:
        zh, en = "，未扣除（届满日不变）", ": not counted (the expiry stands)"
    return Step(
        interval.source,
        f"{interval.kind} {interval.recorded_start}起的期间始于审限届满日{expiry}之后{zh}",
        f"{kind_en(interval.kind)} from {interval.recorded_start} begins after the expiry {expiry}{en}",
    )


def deduction_steps(
    intervals: list[Interval], *, inclusive: bool
) -> tuple[int, list[tuple[int, Step]], bool]:
    """Deducted days, one step per merged interval (with its days) and whether any overlapped (C5)."""
    merged = merge_intervals((i.start, i.end) for i in intervals)
    total = 0
    steps: list[tuple[int, Step]] = []
    for start, end in merged.intervals:
        days = interval_days(start, end, inclusive=inclusive)
        total += days
        covered = [i for i in intervals if i.start >= start and i.end <= end]
        names = "、".join(dict.fromkeys(i.kind for i in covered))
        names_en = ", ".join(dict.fromkeys(kind_en(i.kind) for i in covered))
        sources = "; ".join(dict.fromkeys(i.source for i in covered))
        merged_note = "（重叠期间合并）" if len(covered) > 1 else ""
        steps.append(
            (
                days,
                Step(
                    sources,
                    f"扣除{names} {start}至{end}，{days}日{merged_note}",
                    f"deduction ({names_en}) {start}..{end}, {days} days",
                ),
            )
        )
    return total, steps, merged.overlapping


def kind_en(kind: str) -> str:
    """A deduction kind in English words for the English explanation (a kind the rules do not know as written)."""
    return DEDUCTION_KINDS.get(kind) or LOCAL_DEDUCTION_KINDS.get(kind) or kind
