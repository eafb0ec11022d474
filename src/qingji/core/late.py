"""Acts dated after the expiry they would move (issue 9: a lapsed period stays lapsed).

An extension, a deduction or a procedure conversion moves the expiry only if it comes while the period still runs.
The acts are judged in date order against the expiry *as it stood* just before each one: the real expiry, after
the rest-day roll-forward (C6), so that a decision on the rolled-forward last day is still in time.

* An extension approved after that expiry is late: the decision must come before the period ends (2019-Prov
  Art. 1 for civil cases: decided at least 5 days before; CrPL-Interp 210; 2000-Prov Art. 13, 14; enforcement:
  the 2006 rule Art. 1). An extension without an approval date cannot be judged late and counts as before.
* A deduction that begins after that expiry is late: the periods not counted are those *within* the trial period
  (CPL-Interp 243; ALL-Interp 50; 2000-Prov Art. 9). A deduction that begins while the period still runs counts,
  also when earlier deductions had already pushed the expiry past its start; its own days then push it on.
* A conversion made after the period in force before it had run out is late (CPL-Interp 258(2): the conversion
  ruling comes before the period ends; ALL-Interp 105; a criminal switch, CrPL-Interp 368, 376, happens during the
  trial): the case stays on the earlier period. That period is the expiry computed from the events before the
  conversion day (:func:`qingji.core.deadline.compute_deadline`).

By default (Conventions.count_late_acts False) a late act is not counted; since it does not move the expiry,
every later dated act is late too. The act is kept, shown in the explanation as not counted and warned. With the
setting on, late acts count as they did before and are still warned.

An extension decided in time but less than the family's lead before the expiry is counted and warned
(EXTENSION_DECIDED_LATE): 5 days in civil cases (2019-Prov Art. 1), 3 days in administrative cases (2000-Prov
Art. 14: the higher court decides at least 3 days before). Criminal cases have no such warning (CrPL-Interp 210
puts the 5 days on a *refusal*), nor has enforcement (the 2006 rule has the request go in within the 5 days before
expiry, so a decision in the last days is the normal course).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from qingji.core.events import CaseFacts, Conversion
from qingji.core.explain import Step
from qingji.core.procedures import Procedure
from qingji.core.typecodes import Family, type_code
from qingji.core.vocabulary import Warning

# Days before the expiry by which an extension must be decided, with the rule, per family.
DECISION_LEAD: dict[Family, tuple[int, str]] = {
    Family.CIVIL: (5, "2019-Prov Art. 1"),
    Family.ADMINISTRATIVE: (3, "2000-Prov Art. 14"),
}

# The rule that puts an extension's decision before the expiry, per family.
_EXTENSION_BEFORE_EXPIRY: dict[Family, str] = {
    Family.CIVIL: "2019-Prov Art. 1",
    Family.CRIMINAL: "CrPL-Interp 210",
    Family.ADMINISTRATIVE: "2000-Prov Art. 13, 14",
    Family.ENFORCEMENT: "2006 rule Art. 1",
}

# The rule that puts a conversion before the end of the period in force, per family.
_CONVERSION_BEFORE_EXPIRY: dict[Family, str] = {
    Family.CIVIL: "CPL-Interp 258(2)",
    Family.CRIMINAL: "CrPL-Interp 368, 376",
    Family.ADMINISTRATIVE: "ALL-Interp 105",
}


def extension_rule(family: Family | None) -> str:
    return _EXTENSION_BEFORE_EXPIRY.get(family, "2000-Prov Art. 14") if family else "2000-Prov Art. 14"


def conversion_rule(family: Family | None) -> str:
    return _CONVERSION_BEFORE_EXPIRY.get(family, "CPL-Interp 258(2)") if family else "CPL-Interp 258(2)"


def decision_lead(family: Family | None) -> tuple[int, str] | None:
    return DECISION_LEAD.get(family) if family else None


@dataclass(frozen=True, slots=True)
class ExtensionMove:
    """A dated, counted extension: its place among the extensions (position) and the end after it, unrolled."""

    on: date
    position: int
    end_after: date


@dataclass(frozen=True, slots=True)
class DeductionMove:
    """A deduction interval as counted (clipped to the case's life), index into the caller's list."""

    start: date
    end: date
    index: int


@dataclass(slots=True)
class Verdicts:
    late_extensions: dict[int, date] = field(default_factory=dict)  # position → the expiry it came after
    late_deductions: dict[int, date] = field(default_factory=dict)  # index → the expiry it came after
    decided_late: dict[int, tuple[date, int]] = field(default_factory=dict)  # position → expiry, days before


def judge_acts(
    base_end: date,
    extensions: Sequence[ExtensionMove],
    deductions: Sequence[DeductionMove],
    *,
    inclusive: bool,
    real_expiry: Callable[[date], date],
    count_late: bool,
    lead: int | None,
) -> Verdicts:
    """Judge the dated acts in date order (on one day extensions first, deductions by start and end).

    ``base_end`` is the end with no extension or deduction; ``end_after`` of each extension is the end with every
    extension up to it counted. Deducted days add after the month arithmetic (C5), merged as the engine merges
    them: each interval adds the days beyond the latest end before it.
    """
    moves: list[tuple[date, int, int, ExtensionMove | DeductionMove]] = [
        (m.on, 0, i, m) for i, m in enumerate(extensions)
    ] + [(m.start, 1, i, m) for i, m in enumerate(sorted(deductions, key=lambda d: (d.start, d.end)))]
    moves.sort(key=lambda t: t[:3])
    verdicts = Verdicts()
    ext_end, deducted, latest = base_end, 0, None
    for on, _, _, move in moves:
        expiry = real_expiry(date.fromordinal(ext_end.toordinal() + deducted))
        late = on > expiry
        if isinstance(move, ExtensionMove):
            if late:
                verdicts.late_extensions[move.position] = expiry
            elif lead is not None and (expiry - on).days < lead:
                verdicts.decided_late[move.position] = (expiry, (expiry - on).days)
            if not late or count_late:
                ext_end = move.end_after
            continue
        if late:
            verdicts.late_deductions[move.index] = expiry
            if not count_late:
                continue
        start, end = move.start.toordinal(), move.end.toordinal()
        if latest is None or start > latest:
            deducted += end - start + (1 if inclusive else 0)
        else:
            deducted += max(end - latest, 0)
        latest = end if latest is None else max(latest, end)
    return verdicts


def late_extension_step(family: Family | None, approved_on: date, expiry: date, *, counted: bool) -> Step:
    """An extension approved after the expiry it would extend."""
    if counted:
        zh, en = "，按本院设置仍予计入", ": counted by this court's setting"
    else:
        zh, en = "，不计入（届满日不变）", ": not counted (the expiry stands)"
    return Step(
        extension_rule(family),
        f"{approved_on}批准的延长晚于审限届满日{expiry}{zh}",
        f"extension approved {approved_on}, after the expiry {expiry}{en}",
    )


def decided_late_note(family: Family | None, expiry: date, days_before: int) -> tuple[str, str, str]:
    """(basis, zh, en) appended to a counted extension decided less than the family's lead before expiry."""
    lead = decision_lead(family)
    assert lead is not None
    return (
        lead[1],
        f"（距届满日{expiry}仅{days_before}日才决定，应至少提前{lead[0]}日）",
        f" (decided {days_before} days before the expiry {expiry}; at least {lead[0]} required)",
    )


def late_conversion_step(
    family: Family | None, procedure: Procedure, on: date, expiry: date, *, counted: bool
) -> Step:
    """A conversion made after the period in force before it had run out."""
    if counted:
        zh, en = "，按本院设置仍予采用", ": applied by this court's setting"
    else:
        zh, en = "，不予采用，仍按原程序审限（届满日不变）", ": not applied, the earlier period stands"
    return Step(
        conversion_rule(family),
        f"{on}转为{procedure.label_zh}时原审限已于{expiry}届满{zh}",
        f"conversion to {procedure.label_en} on {on}, after the earlier period expired on {expiry}{en}",
    )


def judge_conversions(
    facts: CaseFacts,
    as_of: date,
    expiry_of: Callable[[CaseFacts], date | None],
    *,
    count_late: bool,
) -> tuple[CaseFacts, list[Step], set[Warning]]:
    """The facts with late conversions left out (unless counted by setting), their steps and warning.

    A conversion on day c is late when c is after the expiry of the period in force before it: the deadline of the
    events dated before c (extensions without a date included), with the conversions accepted before it.
    """
    dated = sorted((c for c in facts.conversions if c.on <= as_of), key=lambda c: c.on)
    accepted: list[Conversion] = []
    steps: list[Step] = []
    warnings: set[Warning] = set()
    for conversion in dated:
        on = conversion.on
        before = replace(
            facts,
            conversions=tuple(c for c in accepted if c.on < on),
            extensions=tuple(e for e in facts.extensions if e.approved_on is None or e.approved_on < on),
            deductions=tuple(d for d in facts.deductions if d.start < on),
            restarts=tuple(r for r in facts.restarts if r.on < on),
        )
        expiry = expiry_of(before)
        if expiry is not None and on > expiry:
            warnings.add(Warning.CONVERSION_AFTER_EXPIRY)
            family = type_code(facts.type_code)
            steps.append(
                late_conversion_step(
                    family.family if family else None, conversion.procedure, on, expiry,
                    counted=count_late,
                )
            )  # fmt: skip
            if not count_late:
                continue
        accepted.append(conversion)
    if len(accepted) == len(dated):
        return facts, steps, warnings
    later = tuple(c for c in facts.conversions if c.on > as_of)
    return replace(facts, conversions=(*accepted, *later)), steps, warnings
