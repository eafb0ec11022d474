"""Which rule governs a case on a date: its procedure, conversions and restarts (rules §1, §3.3; C7).

A conversion of civil or administrative simple procedure to ordinary keeps the original filing date
(CPL-Interp 258(3); ALL-Interp 105; small claims by analogy, CONVENTION). A criminal switch from simple or
fast-track procedure runs the new period from the switch decision (CrPL-Interp 368, 376). A restart replaces the
anchor (C7).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from qingji.core.conventions import Conventions
from qingji.core.events import RESTART_REASONS, CaseFacts, Period
from qingji.core.explain import Step
from qingji.core.periods import PROCEDURE_MATTERS, PeriodRule, RuleTable
from qingji.core.procedures import Procedure
from qingji.core.typecodes import Family, type_code
from qingji.core.vocabulary import Warning

_CIVIL_CONVERSIONS = {
    (Procedure.SIMPLE, Procedure.ORDINARY),
    (Procedure.SMALL_CLAIMS, Procedure.SIMPLE),
    (Procedure.SMALL_CLAIMS, Procedure.ORDINARY),
}
_CRIMINAL_FROM = {Procedure.SIMPLE, Procedure.FAST_TRACK}
_CRIMINAL_TO = {Procedure.ORDINARY, Procedure.SIMPLE, Procedure.PRIVATE_PROSECUTION}
_RESTART_REASONS_BY_FAMILY = {
    Family.CRIMINAL: {"补充侦查", "发回重审", "改变管辖", "指定管辖"},
    Family.ADMINISTRATIVE: {"再审申请"},
}


@dataclass(slots=True)
class Resolution:
    """The governing rule and anchor on the as-of date."""

    family: Family | None
    rule: PeriodRule | None
    procedure: Procedure | None
    anchor: date
    base: Period | None
    # Extensions approved before this are discarded: the last conversion or restart (C7). Deductions before a
    # restart fall outside the counted period anyway, since they precede the new anchor.
    extension_cutoff: date | None = None
    restarted_on: date | None = None
    converted_to: Procedure | None = None
    warnings: set[Warning] = field(default_factory=set)
    steps: list[Step] = field(default_factory=list)


def civil_conversion_allowed(current: Procedure | None, target: Procedure) -> bool:
    """Civil and administrative conversions that keep the original filing date (CPL-Interp 258; ALL-Interp 105)."""
    return current is None or (current, target) in _CIVIL_CONVERSIONS


def criminal_conversion_allowed(current: Procedure | None, target: Procedure) -> bool:
    """Criminal switches from simple or fast-track procedure (CrPL-Interp 368, 376)."""
    return (current in _CRIMINAL_FROM or current is None) and target in _CRIMINAL_TO


# The rule restarting the period, per reason (rules §3.3).
RESTART_SOURCES: dict[str, str] = {
    "补充侦查": "CrPL 208(3)",
    "发回重审": "CrPL 241",
    "改变管辖": "CrPL 208(2)",
    "指定管辖": "CrPL-Interp 209",
    "再审申请": "ALL-Interp 114",
}


def restart_source(reason: str | None) -> str:
    """The rule for a restart's reason with C7; C7 alone when no reason, or one the rules do not know, is recorded
    (the restart is then flagged where the family has no such restart)."""
    source = RESTART_SOURCES.get(reason or "")
    return f"{source}; C7" if source else "C7"


def _restart_reason_en(reason: str | None) -> str:
    """A restart's reason in English (the export's own words when the rules do not know it)."""
    if not reason:
        return "no reason given"
    return RESTART_REASONS.get(reason, reason)


def restart_allowed(family: Family | None, reason: str | None) -> bool:
    """A restart reason the rules know for this family (§3.3). An empty reason is not questioned where the family
    has restarts at all; in the others (civil remands and transfers are new cases, §3.3) every restart is flagged."""
    allowed = _RESTART_REASONS_BY_FAMILY.get(family) if family else None
    if allowed is None:
        return False
    return not reason or reason in allowed


def _rule_for(
    rules: RuleTable, code: str, procedure: Procedure | None, in_custody: bool
) -> tuple[PeriodRule | None, bool]:
    """The row for ``procedure`` (or the fallback) and whether the procedure was usable."""
    rule = rules.exact(code, procedure) if procedure is not None else None
    known = rule is not None
    if rule is None:
        rule = rules.fallback(code)
    # CrPL 212(2): a private prosecution with the defendant in custody runs as a public prosecution.
    if rule is not None and rule.procedure is Procedure.PRIVATE_PROSECUTION and in_custody:
        rule = rules.exact(code, Procedure.ORDINARY) or rule
    return rule, known


def resolve(facts: CaseFacts, as_of: date, rules: RuleTable, conventions: Conventions) -> Resolution:
    info = type_code(facts.type_code)
    family = info.family if info else None
    rule, known = _rule_for(rules, facts.type_code, facts.procedure, facts.in_custody)
    result = Resolution(family, rule, rule.procedure if rule else None, facts.filed_on, None)
    if rule is None:
        result.warnings.add(Warning.UNKNOWN_TYPE_CODE)
        result.steps.append(
            Step("", f"类型代字 {facts.type_code} 无审限规则", f"no trial-period rule for {facts.type_code}")
        )
        return result
    if not known and facts.type_code in PROCEDURE_MATTERS:
        result.warnings.add(Warning.UNKNOWN_PROCEDURE)
        result.steps.append(
            Step(
                "rules §6.3",
                f"适用程序缺失或无法识别，按{facts.type_code}最长审限（{_label(rule.procedure)}）计算",
                f"procedure missing or unknown: the longest period for {facts.type_code} is used",
            )
        )
    current = facts.procedure if known else None
    for conversion in sorted(facts.conversions, key=lambda c: c.on):
        if conversion.on > as_of:
            continue
        target, target_known = _rule_for(rules, facts.type_code, conversion.procedure, facts.in_custody)
        if not target_known or target is None:
            result.warnings.add(Warning.CONVERSION_NOT_ALLOWED)
            result.steps.append(
                Step(
                    "",
                    f"{conversion.on}转为{_label(conversion.procedure)}：{facts.type_code}无此程序，未采用",
                    f"conversion on {conversion.on} to {conversion.procedure.label_en}: not a procedure of "
                    f"{facts.type_code}, ignored",
                )
            )
            continue
        restarts = family is Family.CRIMINAL
        if restarts:
            allowed = criminal_conversion_allowed(current, conversion.procedure)
        else:
            allowed = civil_conversion_allowed(current, conversion.procedure)
        if not allowed:
            result.warnings.add(Warning.CONVERSION_NOT_ALLOWED)
        rule, current = target, conversion.procedure
        result.rule, result.procedure, result.converted_to = target, target.procedure, conversion.procedure
        result.extension_cutoff = conversion.on
        if restarts:
            result.anchor = conversion.on
            result.steps.append(
                Step(
                    "CrPL-Interp 368, 376",
                    f"{conversion.on}转为{_label(conversion.procedure)}，审限自转换之日重新起算",
                    f"switched to {conversion.procedure.label_en} on {conversion.on}: the new period runs from the switch",
                )
            )
        else:
            result.steps.append(
                Step(
                    "CPL-Interp 258(3); ALL-Interp 105",
                    f"{conversion.on}转为{_label(conversion.procedure)}，自原立案日起算",
                    f"converted to {conversion.procedure.label_en} on {conversion.on}: counted from the original filing",
                )
            )
    for restart in sorted(facts.restarts, key=lambda r: r.on):
        if restart.on > as_of or restart.on < result.anchor:
            continue
        if not restart_allowed(family, restart.reason):
            result.warnings.add(Warning.RESTART_NOT_ALLOWED)
        result.anchor = restart.on
        result.restarted_on = restart.on
        result.extension_cutoff = max(restart.on, result.extension_cutoff or restart.on)
        result.steps.append(
            Step(
                restart_source(restart.reason),
                f"重新计算（{restart.reason or '未注明理由'}），审限自{restart.on}起算",
                f"restart, {_restart_reason_en(restart.reason)}: the period runs from {restart.on}",
            )
        )
    if not conventions.restart_discards_earlier_events:
        result.extension_cutoff = None
    assert rule is not None
    result.base = rule.base
    if rule.short_base is not None and not conventions.criminal_first_instance_outer_limit:
        result.base = rule.short_base
    return result


def _label(procedure: Procedure | None) -> str:
    return procedure.label_zh if procedure is not None else "未知程序"
