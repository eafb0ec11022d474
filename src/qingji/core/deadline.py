"""The expiry (审限届满日) of one case, with its explanation (rules §1–§4; conventions C1–C7).

expiry = roll_forward(add_months(anchor, base + extensions) + deducted days)

* anchor: the filing date, or the last restart (C1, C7); the anchor day is not counted;
* months clamp to the target month's end; criminal periods from a month's last day end on a month's last day (C2);
* extensions add to the total counted from the anchor (C4);
* deductions count both ends, are merged, clipped to the case's life and added after the month arithmetic (C5);
* a rest day at the end moves it to the next working day, except in custody (C6);
* an act dated after the expiry it would move does not move it (qingji.core.late; Conventions.count_late_acts).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import DEFAULT_CONVENTIONS, Conventions
from qingji.core.dates import add_period
from qingji.core.deducting import collect_deductions, deduction_steps, late_step
from qingji.core.events import CaseFacts, Period
from qingji.core.explain import Step, basis_summary
from qingji.core.extensions import ExtensionCount, count_extensions, extension_ends
from qingji.core.late import (
    DeductionMove,
    ExtensionMove,
    decided_late_note,
    decision_lead,
    judge_acts,
    judge_conversions,
    late_extension_step,
)
from qingji.core.periods import DEFAULT_RULES, PeriodRule, RuleTable
from qingji.core.procedures import Procedure
from qingji.core.resolution import resolve
from qingji.core.typecodes import Family
from qingji.core.vocabulary import Warning


@dataclass(frozen=True, slots=True)
class Deadline:
    rule: PeriodRule | None
    procedure: Procedure | None  # the procedure whose period applies on the as-of date
    anchor: date
    base: Period | None
    expiry: date | None  # None: no statutory limit (or no rule)
    extended: Period  # what approved extensions add to the base
    deducted_days: int
    rolled: bool  # the expiry was moved past rest days
    provisional: bool  # the rest-day check touched a year with no holiday data
    converted_to: Procedure | None
    restarted_on: date | None
    warnings: frozenset[Warning]
    steps: tuple[Step, ...]

    @property
    def basis(self) -> str:
        """One line for a ledger row; see :func:`qingji.core.explain.basis_summary`."""
        return basis_summary(
            source=self.rule.source if self.rule else None,
            base_label=self.base.label_zh() if self.base else None,
            converted_label=self.converted_to.label_zh if self.converted_to else None,
            restarted_on=self.restarted_on,
            extended_label=extension_label(self.base, self.extended),
            deducted_days=self.deducted_days,
            rolled_to=self.expiry if self.rolled else None,
            provisional=self.provisional,
        )


def extension_label(base: Period | None, extended: Period) -> str | None:
    """How the extension reads in a ledger's basis: 6个月, or 至1个月15日 for an extension *to* a total."""
    if extended.is_zero or base is None:
        return None
    if extended.months < 0 or extended.days < 0:
        return "至" + (base + extended).label_zh()
    return extended.label_zh()


def compute_deadline(
    facts: CaseFacts,
    as_of: date,
    calendar: WorkCalendar,
    conventions: Conventions = DEFAULT_CONVENTIONS,
    rules: RuleTable = DEFAULT_RULES,
) -> Deadline:
    """The expiry of ``facts`` as known on ``as_of``: events dated after it are not yet known."""
    kept, late_steps, warnings = judge_conversions(
        facts,
        as_of,
        lambda before: compute_deadline(before, as_of, calendar, conventions, rules).expiry,
        count_late=conventions.count_late_acts,
    )
    res = resolve(kept, as_of, rules, conventions)
    warnings |= res.warnings
    steps = [*late_steps, *res.steps]
    if res.rule is None or res.base is None:
        if res.rule is not None:
            steps.append(Step(res.rule.source, "无法定审限", "no statutory time limit"))
        return Deadline(
            res.rule, res.procedure, res.anchor, res.base, None, Period(), 0, False, False,
            res.converted_to, res.restarted_on, frozenset(warnings), tuple(steps),
        )  # fmt: skip

    month_end = res.family is Family.CRIMINAL and conventions.criminal_month_end_rule
    anchor = res.anchor
    shift = timedelta(days=-1 if conventions.anchor_day_counted else 0)

    def end_for(total: Period) -> date:
        return add_period(anchor, total, month_end_rule=month_end) + shift

    in_custody_exception = (
        conventions.custody_exception and res.family is Family.CRIMINAL and facts.in_custody
    )
    rolls = conventions.roll_forward_rest_days and not in_custody_exception

    def real_expiry(end: date) -> date:
        return calendar.roll_forward(end).date if rolls else end

    label = res.procedure.label_zh if res.procedure else res.rule.type_code
    base_end = end_for(res.base)
    steps.append(
        Step(
            res.rule.source,
            f"{label}审限{res.base.label_zh()}，自{anchor}次日起算",
            f"{res.rule.type_code} {res.procedure.label_en if res.procedure else 'case'} period {res.base.label_en()} from the day after {anchor}",
            base_end,
        )
    )

    rule, base = res.rule, res.base

    def counted(skip: dict[int, Step] | None = None) -> ExtensionCount:
        return count_extensions(
            rule, base, kept.extensions, as_of=as_of, cutoff=res.extension_cutoff,
            court_code=facts.court_code, skip=skip,
        )  # fmt: skip

    count = counted()
    collected = collect_deductions(facts, res.family, res.procedure, anchor, as_of, conventions)
    lead = decision_lead(res.family)
    verdicts = judge_acts(
        base_end,
        [
            ExtensionMove(entry.extension.approved_on, entry.position, end)
            for _, entry, end in extension_ends(
                count, base_end, shift, end_for, month_end, conventions.extensions_from_anchor
            )
            if entry is not None and entry.extension.approved_on is not None
        ],
        [DeductionMove(i.start, i.end, n) for n, i in enumerate(collected.intervals)],
        inclusive=conventions.deductions_inclusive,
        real_expiry=real_expiry,
        count_late=conventions.count_late_acts,
        lead=lead[0] if lead else None,
    )
    if verdicts.late_extensions:
        warnings.add(Warning.EXTENSION_AFTER_EXPIRY)
    if verdicts.late_deductions:
        warnings.add(Warning.DEDUCTION_AFTER_EXPIRY)
    if verdicts.decided_late:
        warnings.add(Warning.EXTENSION_DECIDED_LATE)
    if verdicts.late_extensions and not conventions.count_late_acts:
        approved = {e.position: e.extension.approved_on for e in count.counted}
        count = counted(
            {
                position: late_extension_step(res.family, on, expiry, counted=False)
                for position, expiry in verdicts.late_extensions.items()
                if (on := approved[position]) is not None
            }
        )
    warnings |= count.warnings
    end = base_end
    for step, entry, after in extension_ends(
        count, base_end, shift, end_for, month_end, conventions.extensions_from_anchor
    ):
        if entry is not None:
            end = after
            step = replace(step, result=end)
            if entry.position in verdicts.late_extensions and entry.extension.approved_on is not None:
                late = late_extension_step(
                    res.family,
                    entry.extension.approved_on,
                    verdicts.late_extensions[entry.position],
                    counted=True,
                )
                step = replace(
                    step,
                    basis=f"{step.basis}; {late.basis}",
                    zh=f"{step.zh}；{late.zh}",
                    en=f"{step.en}; {late.en}",
                )
            elif entry.position in verdicts.decided_late:
                basis, zh, en = decided_late_note(res.family, *verdicts.decided_late[entry.position])
                step = replace(step, basis=f"{step.basis}; {basis}", zh=step.zh + zh, en=step.en + en)
        steps.append(step)

    warnings |= collected.warnings
    steps.extend(collected.notes)
    intervals = []
    for n, interval in enumerate(collected.intervals):
        if n in verdicts.late_deductions:
            steps.append(
                late_step(interval, verdicts.late_deductions[n], counted=conventions.count_late_acts)
            )
            if not conventions.count_late_acts:
                continue
        intervals.append(interval)
    deducted, deduction_notes, overlapping = deduction_steps(
        intervals, inclusive=conventions.deductions_inclusive
    )
    if overlapping:
        warnings.add(Warning.OVERLAPPING_DEDUCTIONS)
    for days, step in deduction_notes:
        end += timedelta(days=days)
        steps.append(replace(step, result=end) if days else step)

    expiry, rolled, provisional = end, False, False
    if rolls:
        moved = calendar.roll_forward(end)
        expiry, rolled, provisional = moved.date, moved.moved, moved.provisional
        if rolled:
            steps.append(
                Step(
                    f"{_roll_source(res.family)}; C6",
                    f"{end}为休息日（{calendar.rest_day_name(end)[0]}），顺延至{expiry}",
                    f"{end} is a rest day ({calendar.rest_day_name(end)[1]}): moved to {expiry}",
                    expiry,
                )
            )
        if provisional:
            warnings.add(Warning.PROVISIONAL_CALENDAR)
            steps.append(
                Step(
                    "C6",
                    f"{expiry.year}年节假日安排尚无数据，仅按周末计算，结果暂定",
                    f"no holiday schedule for {expiry.year}: weekends only, provisional",
                )
            )
    elif in_custody_exception:
        steps.append(
            Step(
                "CrPL 105(4)",
                "被告人在押，期间届满不因节假日顺延",
                "defendant in custody: no holiday extension",
            )
        )
    return Deadline(
        res.rule, res.procedure, anchor, res.base, expiry, count.total - res.base, deducted, rolled, provisional,
        res.converted_to, res.restarted_on, frozenset(warnings), tuple(steps),
    )  # fmt: skip


def _roll_source(family: Family | None) -> str:
    """The rule moving a last day that falls on a rest day: CrPL 105(4) in criminal cases, ALL-Interp 48(3) in
    administrative ones, CPL 85(3) in the others (rules §4.1)."""
    if family is Family.CRIMINAL:
        return "CrPL 105(4)"
    if family is Family.ADMINISTRATIVE:
        return "ALL-Interp 48(3)"
    return "CPL 85(3)"
