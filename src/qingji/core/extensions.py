"""Counting approved extensions against the legal maximum and the approver's level (rules §2, §10; C4).

The i-th extension is matched to the i-th allowed step (the last step again when it is repeatable). The part of
an extension beyond what the law allows is not counted and the case is flagged; an extension approved by too low
an authority, or with no approver recorded, is counted and flagged, since the record says it was approved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from qingji.core.approvers import approver_authority, required_authority
from qingji.core.dates import add_period
from qingji.core.events import Extension, Period
from qingji.core.explain import Step
from qingji.core.periods import ExtensionStep, PeriodRule
from qingji.core.vocabulary import Warning


def period_key(period: Period) -> int:
    """An order on periods for comparing with the legal maximum: a month weighs 30 days."""
    return period.months * 30 + period.days


@dataclass(frozen=True, slots=True)
class CountedExtension:
    extension: Extension
    step: ExtensionStep
    counted: Period  # what it adds to the total
    total: Period  # the period after it
    position: int = 0  # its place among the extensions considered (approval order), from 0


@dataclass(slots=True)
class ExtensionCount:
    total: Period
    counted: list[CountedExtension] = field(default_factory=list)
    warnings: set[Warning] = field(default_factory=set)
    # Explanation steps in order, each with the counted extension it describes (None for one not counted).
    steps: list[tuple[Step, CountedExtension | None]] = field(default_factory=list)


def step_for(rule: PeriodRule, index: int) -> ExtensionStep | None:
    if index < len(rule.extensions):
        return rule.extensions[index]
    if rule.extensions and rule.extensions[-1].repeatable:
        return rule.extensions[-1]
    return None


def extension_order(extension: Extension) -> tuple[bool, date, bool, int, int, str]:
    """Extensions in order of approval, those without a date after the dated ones. Two approved on one day (or
    both undated) are ordered by their content: length (none last), then approver; so that the result does not
    depend on the order of the export's rows, which a database need not keep (the engine sorts alike)."""
    length = extension.length
    return (
        extension.approved_on is None,
        extension.approved_on or date.min,
        length is None,
        length.months if length else 0,
        length.days if length else 0,
        extension.approved_by or "",
    )


def count_extensions(
    rule: PeriodRule,
    base: Period,
    extensions: tuple[Extension, ...],
    *,
    as_of: date,
    cutoff: date | None,
    court_code: str | None,
    skip: Mapping[int, Step] | None = None,
) -> ExtensionCount:
    """Count ``extensions`` in approval order. ``skip`` names positions not counted (approved after expiry,
    qingji.core.late) with the step that explains them: such an extension keeps its place in the order (it is
    still the i-th extension decided) but adds nothing."""
    result = ExtensionCount(base)
    index = 0
    for extension in sorted(extensions, key=extension_order):
        approved = extension.approved_on
        if approved is not None and approved > as_of:
            continue  # not yet approved on the as-of date
        if approved is not None and cutoff is not None and approved < cutoff:
            result.steps.append(
                (
                    Step(
                        "C7",
                        f"{approved}批准的延长早于程序转换或重新计算，不再计入",
                        f"extension approved {approved} precedes the conversion or restart: not counted",
                    ),
                    None,
                )
            )
            continue
        position = index
        step = step_for(rule, index)
        index += 1
        if step is not None and skip is not None and position in skip:
            _check_approver(extension, step, court_code, result)
            result.steps.append((skip[position], None))
            continue
        if step is None:
            result.warnings.add(Warning.EXTENSION_BEYOND_MAXIMUM)
            result.steps.append(
                (
                    Step(
                        rule.source,
                        f"第{index}次延长超出法定次数，不计入",
                        f"extension no. {index} is beyond what the law allows: not counted",
                    ),
                    None,
                )
            )
            continue
        _check_approver(extension, step, court_code, result)
        if step.to_total:
            counted = (
                step.length - result.total if period_key(step.length) > period_key(result.total) else Period()
            )
            label_zh, label_en = f"延长至{step.length.label_zh()}", f"extended to {step.length.label_en()}"
        else:
            length = extension.length or step.length
            if period_key(length) > period_key(step.length):
                result.warnings.add(Warning.EXTENSION_BEYOND_MAXIMUM)
                length = step.length
            counted = length
            label_zh, label_en = f"延长{length.label_zh()}", f"extended by {length.label_en()}"
        total = result.total + counted
        if rule.max_total is not None and period_key(total) > period_key(rule.max_total):
            result.warnings.add(Warning.EXTENSION_BEYOND_MAXIMUM)
            total = rule.max_total
            counted = total - result.total
            label_zh += f"（总审限不超过{rule.max_total.label_zh()}）"
            label_en += f" (total at most {rule.max_total.label_en()})"
        result.total = total
        entry = CountedExtension(extension, step, counted, total, position)
        result.counted.append(entry)
        who = extension.approved_by or "未记载批准人"
        who_en = extension.approved_by or "no approver recorded"
        result.steps.append(
            (
                Step(
                    step.source or rule.source, f"{label_zh}，{who}批准", f"{label_en}, approved by {who_en}"
                ),
                entry,
            )
        )
    return result


def _check_approver(
    extension: Extension, step: ExtensionStep, court_code: str | None, result: ExtensionCount
) -> None:
    if not extension.approved_by or not extension.approved_by.strip():
        result.warnings.add(Warning.EXTENSION_WITHOUT_APPROVER)
        return
    if step.approver is None:
        return
    authority = approver_authority(extension.approved_by, court_code)
    if authority is None or authority < required_authority(step.approver, court_code):
        result.warnings.add(Warning.EXTENSION_WRONG_LEVEL)


def extension_ends(
    count: ExtensionCount,
    base_end: date,
    shift: timedelta,
    end_for: Callable[[Period], date],
    month_end: bool,
    from_anchor: bool,
) -> list[tuple[Step, CountedExtension | None, date]]:
    """Each extension step with the end (before deductions and roll-forward) after it (C4)."""
    end = base_end
    # C4 chained: each extension runs on from the previous end before the anchor-day shift (C1), which
    # shortens the whole period by one day, once.
    chained = end - shift
    result = []
    for step, entry in count.steps:
        if entry is not None:
            # An extension *to* a total (CrPL 220, 225) is that total from the anchor under either C4 method (C5).
            if from_anchor or entry.step.to_total:
                end = end_for(entry.total)
                chained = end - shift
            else:
                chained = add_period(chained, entry.counted, month_end_rule=month_end)
                end = chained + shift
        result.append((step, entry, end))
    return result
