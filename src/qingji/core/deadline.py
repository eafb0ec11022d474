"""The expiry (审限届满日) of one case, with its explanation (rules §1–§4; conventions C1–C7).

expiry = roll_forward(add_months(anchor, base + extensions) + deducted days)

* anchor: the filing date, or the last restart (C1, C7); the anchor day is not counted;
* months clamp to the target month's end; criminal periods from a month's last day end on a month's last day (C2);
* extensions add to the total counted from the anchor (C4);
* deductions count both ends, are merged, clipped to the case's life and added after the month arithmetic (C5);
* a rest day at the end moves it to the next working day, except in custody (C6).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import DEFAULT_CONVENTIONS, Conventions
from qingji.core.dates import add_period
from qingji.core.deductions import cap_end, deduction_source, interval_days, merge_intervals
from qingji.core.events import CaseFacts, Period
from qingji.core.explain import Step, basis_summary
from qingji.core.extensions import count_extensions
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
    res = resolve(facts, as_of, rules, conventions)
    warnings = set(res.warnings)
    steps = list(res.steps)
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

    label = res.procedure.label_zh if res.procedure else res.rule.type_code
    end = end_for(res.base)
    # C4 chained: each extension runs on from the previous end before the anchor-day shift (C1), which
    # shortens the whole period by one day, once.
    chained = end - shift
    steps.append(
        Step(
            res.rule.source,
            f"{label}审限{res.base.label_zh()}，自{anchor}次日起算",
            f"{res.rule.type_code} {res.procedure or 'case'} period {res.base.label_en()} from the day after {anchor}",
            end,
        )
    )
    count = count_extensions(
        res.rule, res.base, facts.extensions, as_of=as_of, cutoff=res.extension_cutoff,
        court_code=facts.court_code,
    )  # fmt: skip
    warnings |= count.warnings
    for step, entry in count.steps:
        if entry is not None:
            # An extension *to* a total (CrPL 220, 225) is that total from the anchor under either C4 method (C5).
            if conventions.extensions_from_anchor or entry.step.to_total:
                end = end_for(entry.total)
                chained = end - shift
            else:
                chained = add_period(chained, entry.counted, month_end_rule=month_end)
                end = chained + shift
            step = replace(step, result=end)
        steps.append(step)

    deducted, deduction_steps, deduction_warnings = _deductions(facts, res.family, anchor, as_of, conventions)
    warnings |= deduction_warnings
    for days, step in deduction_steps:
        end += timedelta(days=days)
        steps.append(replace(step, result=end) if days else step)

    expiry, rolled, provisional = end, False, False
    in_custody_exception = (
        conventions.custody_exception and res.family is Family.CRIMINAL and facts.in_custody
    )
    if conventions.roll_forward_rest_days and not in_custody_exception:
        moved = calendar.roll_forward(end)
        expiry, rolled, provisional = moved.date, moved.moved, moved.provisional
        if rolled:
            steps.append(
                Step(
                    "CPL 85(3); C6",
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


def _deductions(
    facts: CaseFacts,
    family: Family | None,
    anchor: date,
    as_of: date,
    conventions: Conventions,
) -> tuple[int, list[tuple[int, Step]], set[Warning]]:
    """Deducted days, the steps that explain them (each with its days) and the problems found (C5)."""
    warnings: set[Warning] = set()
    notes: list[tuple[int, Step]] = []
    closed = facts.closed_on if facts.closed_on is not None and facts.closed_on <= as_of else None
    lower = anchor + timedelta(days=1)
    upper = closed if closed is not None else as_of
    intervals: list[tuple[date, date]] = []
    kinds: list[tuple[date, date, str, str]] = []
    for deduction in sorted(facts.deductions, key=lambda d: (d.start, d.end or date.max)):
        if deduction.start > as_of:
            continue
        source = deduction_source(deduction.kind, family, facts.type_code, conventions.local_deduction_kinds)
        if source is None:
            warnings.add(Warning.DEDUCTION_NOT_ALLOWED)
            if not conventions.count_disallowed_deductions:
                notes.append(
                    (
                        0,
                        Step(
                            "rules §3",
                            f"{deduction.kind} {deduction.start}起的期间不属于该类案件可扣除的期间，未扣除",
                            f"{deduction.kind} from {deduction.start} is not deductible for {facts.type_code}",
                        ),
                    )
                )
                continue
            source = "counted by setting"
        end = deduction.end
        if end is None:
            warnings.add(Warning.DEDUCTION_OPEN)
            end = upper
        # Outside the case's life: it begins before filing, or begins or ends after closing (C5).
        if deduction.start < facts.filed_on or (
            closed is not None and max(deduction.start, deduction.end or deduction.start) > closed
        ):
            warnings.add(Warning.DEDUCTION_OUTSIDE_LIFE)
        end = cap_end(deduction.kind, deduction.start, end)
        start = max(deduction.start, lower)
        end = min(end, upper)
        if start > end:
            notes.append(
                (
                    0,
                    Step(
                        source,
                        f"{deduction.kind} {deduction.start}至{deduction.end or '今'}不在计算期间内，未扣除",
                        f"{deduction.kind} {deduction.start}..{deduction.end or 'open'} lies outside the counted "
                        "period",
                    ),
                )
            )
            continue
        intervals.append((start, end))
        kinds.append((start, end, deduction.kind, source))
    merged = merge_intervals(intervals)
    if merged.overlapping:
        warnings.add(Warning.OVERLAPPING_DEDUCTIONS)
    total = 0
    for start, end in merged.intervals:
        days = interval_days(start, end, inclusive=conventions.deductions_inclusive)
        total += days
        covered = [(k, src) for s, e, k, src in kinds if s >= start and e <= end]
        names = "、".join(dict.fromkeys(k for k, _ in covered))
        sources = "; ".join(dict.fromkeys(s for _, s in covered))
        merged_note = "（重叠期间合并）" if len(covered) > 1 else ""
        notes.append(
            (
                days,
                Step(
                    sources,
                    f"扣除{names} {start}至{end}，{days}日{merged_note}",
                    f"deduction {names} {start}..{end}, {days} days",
                ),
            )
        )
    return total, notes, warnings
