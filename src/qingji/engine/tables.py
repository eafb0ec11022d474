"""The core's tables as Polars frames: period rules, extension steps, allowed deductions, rest days.

Everything here is derived from qingji.core, so the columnar path reads the same law as the one-case path.
"""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.deductions import DEDUCTION_CAPS, deduction_source
from qingji.core.events import DEDUCTION_KINDS, LOCAL_DEDUCTION_KINDS
from qingji.core.periods import PROCEDURE_MATTERS, RuleTable
from qingji.core.procedures import Procedure
from qingji.core.resolution import civil_conversion_allowed, criminal_conversion_allowed
from qingji.core.typecodes import TYPE_CODES, Family, type_code


def rule_frame(rules: RuleTable, conventions: Conventions) -> pl.DataFrame:
    """One row per period rule, keyed by ``rule_id`` (its index in the table)."""
    records = []
    for rule_id, rule in enumerate(rules.rows):
        base = rule.base
        if (
            base is not None
            and rule.short_base is not None
            and not conventions.criminal_first_instance_outer_limit
        ):
            base = rule.short_base
        info = type_code(rule.type_code)
        records.append(
            {
                "rule_id": rule_id,
                "type_code": rule.type_code,
                "rule_procedure": rule.procedure.value if rule.procedure else None,
                "source": rule.source,
                "base_months": base.months if base else None,
                "base_days": base.days if base else None,
                "max_months": rule.max_total.months if rule.max_total else None,
                "max_days": rule.max_total.days if rule.max_total else None,
                "n_steps": len(rule.extensions),
                "last_repeatable": bool(rule.extensions and rule.extensions[-1].repeatable),
                "criminal": info is not None and info.family is Family.CRIMINAL,
            }
        )
    schema = {
        "rule_id": pl.Int32,
        "type_code": pl.String,
        "rule_procedure": pl.String,
        "source": pl.String,
        "base_months": pl.Int32,
        "base_days": pl.Int32,
        "max_months": pl.Int32,
        "max_days": pl.Int32,
        "n_steps": pl.Int32,
        "last_repeatable": pl.Boolean,
        "criminal": pl.Boolean,
    }
    return pl.DataFrame(records, schema=schema)


def step_frame(rules: RuleTable) -> pl.DataFrame:
    """One row per extension step: (rule_id, step) → length, approver, to_total."""
    records = [
        {
            "rule_id": rule_id,
            "step": index,
            "step_months": step.length.months,
            "step_days": step.length.days,
            "step_approver": step.approver.value if step.approver else None,
            "to_total": step.to_total,
        }
        for rule_id, rule in enumerate(rules.rows)
        for index, step in enumerate(rule.extensions)
    ]
    schema = {
        "rule_id": pl.Int32,
        "step": pl.Int32,
        "step_months": pl.Int32,
        "step_days": pl.Int32,
        "step_approver": pl.String,
        "to_total": pl.Boolean,
    }
    return pl.DataFrame(records, schema=schema)


def resolution_frames(rules: RuleTable) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(exact, fallback): (type_code, procedure) → rule_id, and type_code → fallback rule_id.

    Both carry the CrPL 212(2) substitution: a private prosecution in custody runs as a public prosecution.
    """
    ids = {id(rule): index for index, rule in enumerate(rules.rows)}

    def custody_id(index: int) -> int:
        rule = rules.rows[index]
        if rule.procedure is Procedure.PRIVATE_PROSECUTION:
            ordinary = rules.exact(rule.type_code, Procedure.ORDINARY)
            if ordinary is not None:
                return ids[id(ordinary)]
        return index

    exact = [
        {
            "type_code": r.type_code,
            "procedure": r.procedure.value,
            "rule_id": i,
            "custody_rule_id": custody_id(i),
        }
        for i, r in enumerate(rules.rows)
        if r.procedure is not None
    ]
    fallback = []
    for code in sorted({r.type_code for r in rules.rows}):
        rule = rules.fallback(code)
        if rule is not None:
            i = ids[id(rule)]
            fallback.append(
                {
                    "type_code": code,
                    "fallback_rule_id": i,
                    "fallback_custody_rule_id": custody_id(i),
                    "procedure_matters": code in PROCEDURE_MATTERS,
                }
            )
    exact_schema = {
        "type_code": pl.String,
        "procedure": pl.String,
        "rule_id": pl.Int32,
        "custody_rule_id": pl.Int32,
    }
    fallback_schema = {
        "type_code": pl.String,
        "fallback_rule_id": pl.Int32,
        "fallback_custody_rule_id": pl.Int32,
        "procedure_matters": pl.Boolean,
    }
    return pl.DataFrame(exact, schema=exact_schema), pl.DataFrame(fallback, schema=fallback_schema)


def type_frame() -> pl.DataFrame:
    """type_code → family, for every known type code."""
    return pl.DataFrame(
        {"type_code": [t.code for t in TYPE_CODES], "family": [t.family.value for t in TYPE_CODES]},
        schema={"type_code": pl.String, "family": pl.String},
    )


def deduction_frame(type_codes: list[str], conventions: Conventions) -> pl.DataFrame:
    """(type_code, kind) → legal source, for every kind allowed (or counted by setting) for the type code.

    ``cap_months``/``cap_days`` carry the kind's cap (延期审理, 更换辩护人).
    """
    records = []
    kinds = [*DEDUCTION_KINDS, *LOCAL_DEDUCTION_KINDS]
    for code in type_codes:
        info = type_code(code)
        family = info.family if info else None
        for kind in kinds:
            source = deduction_source(kind, family, code, conventions.local_deduction_kinds)
            cap = DEDUCTION_CAPS.get(kind)
            records.append(
                {
                    "type_code": code,
                    "kind": kind,
                    "source": source,
                    "cap_months": cap.months if cap else None,
                    "cap_days": cap.days if cap else None,
                }
            )
    schema = {
        "type_code": pl.String,
        "kind": pl.String,
        "source": pl.String,
        "cap_months": pl.Int32,
        "cap_days": pl.Int32,
    }
    return pl.DataFrame(records, schema=schema)


def conversion_frame() -> pl.DataFrame:
    """(criminal, from procedure or null, to procedure) → allowed, for every pair of procedures."""
    values: list[Procedure | None] = [None, *Procedure]
    records = []
    for criminal in (False, True):
        for source in values:
            for target in Procedure:
                allowed = (
                    criminal_conversion_allowed(source, target)
                    if criminal
                    else civil_conversion_allowed(source, target)
                )
                records.append(
                    {
                        "criminal": criminal,
                        "from_procedure": source.value if source else None,
                        "procedure": target.value,
                        "allowed": allowed,
                    }
                )
    schema = {
        "criminal": pl.Boolean,
        "from_procedure": pl.String,
        "procedure": pl.String,
        "allowed": pl.Boolean,
    }
    return pl.DataFrame(records, schema=schema)


def roll_frame(calendar: WorkCalendar, first: date, last: date) -> pl.DataFrame:
    """day → (first working day on or after it, provisional), for every day from ``first`` to ``last``."""
    days: list[date] = []
    rolled: list[date] = []
    provisional: list[bool] = []
    current = first
    while current <= last:
        moved = calendar.roll_forward(current)
        days.append(current)
        rolled.append(moved.date)
        provisional.append(moved.provisional)
        current += timedelta(days=1)
    return pl.DataFrame(
        {"day": days, "rolled": rolled, "roll_provisional": provisional},
        schema={"day": pl.Date, "rolled": pl.Date, "roll_provisional": pl.Boolean},
    )
