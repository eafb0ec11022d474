"""Extensions (延长审限) and conversions (程序转换): what keeps a long case within its period, or fails to.

A case's closing date is fixed first. Each period it would outrun is then met the way a court meets it: the
president (or the higher court) approves an extension 10–20 days before expiry, a simple-procedure case is
converted to ordinary procedure, or nothing happens and the case closes late. Nothing is approved after the
export date, and an extension is only ever asked for by a case that is still open when it is approved.

Expiry here is the rule base's arithmetic without the rest-day roll-forward: add_months(anchor, months) + days
+ deducted days (C2–C5). The roll-forward only lengthens a period, so a case this module sees as in time is in
time for the rules as well, with one deliberate exception: the rare local deductions (审委会, 请示) are counted
here but not by the rules' defaults, so those cases can show as late, as hidden over-deadline cases do.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qingji.synth.kinds import KINDS, kind_index
from qingji.synth.sampling import BoolArray, FloatArray, IntArray, MonthAnchor
from qingji.synth.timeline import Timeline

MAX_STEPS = max(len(kind.steps) for kind in KINDS)
NO_LIMIT_MONTHS = 1200


@dataclass(frozen=True)
class KindTable:
    """The kinds' periods, steps and conversions as arrays indexed by kind."""

    base_m: IntArray
    base_d: IntArray
    limited: BoolArray
    n_steps: IntArray
    step_m: IntArray  # (kind, step)
    step_d: IntArray
    step_to_total: BoolArray
    step_grant: FloatArray
    target1: IntArray  # conversion targets, -1 for none
    target2: IntArray
    restarts_clock: BoolArray
    extend: FloatArray
    convert: FloatArray
    convert_beyond: FloatArray


def kind_table() -> KindTable:
    k = len(KINDS)
    table = KindTable(
        base_m=np.array([kd.base[0] if kd.base else NO_LIMIT_MONTHS for kd in KINDS], dtype=np.int64),
        base_d=np.array([kd.base[1] if kd.base else 0 for kd in KINDS], dtype=np.int64),
        limited=np.array([kd.base is not None for kd in KINDS], dtype=np.bool_),
        n_steps=np.array([len(kd.steps) for kd in KINDS], dtype=np.int64),
        step_m=np.zeros((k, MAX_STEPS), dtype=np.int64),
        step_d=np.zeros((k, MAX_STEPS), dtype=np.int64),
        step_to_total=np.zeros((k, MAX_STEPS), dtype=np.bool_),
        step_grant=np.zeros((k, MAX_STEPS), dtype=np.float64),
        target1=np.full(k, -1, dtype=np.int64),
        target2=np.full(k, -1, dtype=np.int64),
        restarts_clock=np.zeros(k, dtype=np.bool_),
        extend=np.zeros(k, dtype=np.float64),
        convert=np.zeros(k, dtype=np.float64),
        convert_beyond=np.zeros(k, dtype=np.float64),
    )
    for i, kd in enumerate(KINDS):
        for j, step in enumerate(kd.steps):
            table.step_m[i, j] = step.months
            table.step_d[i, j] = step.days
            table.step_to_total[i, j] = step.to_total
            table.step_grant[i, j] = step.grant
        if kd.conversion is not None:
            first, second = kd.conversion.targets
            table.target1[i] = kind_index(kd.basic, kd.type_code, first)
            table.target2[i] = kind_index(kd.basic, kd.type_code, second)
            table.restarts_clock[i] = kd.conversion.restarts_clock
            table.extend[i] = kd.conversion.extend
            table.convert[i] = kd.conversion.convert
            table.convert_beyond[i] = kd.conversion.convert_beyond
    return table


@dataclass(frozen=True)
class LadderDraws:
    """Uniform draws fixed before planning, so that planning twice gives the same choices."""

    action: FloatArray
    grant: FloatArray  # (case, step)
    lead: FloatArray  # (case, step)
    convert_at: FloatArray

    @classmethod
    def draw(cls, rng: np.random.Generator, n: int) -> LadderDraws:
        return cls(rng.random(n), rng.random((n, MAX_STEPS)), rng.random((n, MAX_STEPS)), rng.random(n))


@dataclass(frozen=True)
class Ladder:
    ext_case: IntArray
    ext_kind: IntArray  # the kind whose step it is (after any conversion)
    ext_step: IntArray
    ext_on: IntArray  # approval date
    conv_case: IntArray
    conv_kind: IntArray  # the kind converted to
    conv_on: IntArray
    expiry: IntArray  # the final expiry (without the rest-day roll-forward); far future when no limit
    anchor: IntArray  # the anchor in force at the end (a criminal conversion moves it)
    late: BoolArray  # closes (or would close) after its final expiry

    @property
    def count(self) -> int:
        return len(self.ext_case) + len(self.conv_case)


def _expiry(anchor: MonthAnchor, months: IntArray, days: IntArray, deducted: IntArray) -> IntArray:
    return anchor.add(months) + days + deducted


def plan(
    table: KindTable,
    draws: LadderDraws,
    timeline: Timeline,
    *,
    kind: IntArray,
    anchor: IntArray,
    close: IntArray,
    deducted: IntArray,
    allow: BoolArray,
) -> Ladder:
    n = len(kind)
    until = timeline.until
    cases = np.arange(n, dtype=np.int64)

    # Conversions: a simple, small-claims or fast-track case that outgrows its period.
    start = MonthAnchor(anchor)
    base0 = _expiry(start, table.base_m[kind], table.base_d[kind], deducted)
    m1 = np.where(
        table.step_to_total[kind, 0], table.step_m[kind, 0], table.base_m[kind] + table.step_m[kind, 0]
    )
    d1 = np.where(
        table.step_to_total[kind, 0], table.step_d[kind, 0], table.base_d[kind] + table.step_d[kind, 0]
    )
    reach1 = _expiry(start, m1, d1, deducted)
    convertible = table.target1[kind] >= 0
    over = convertible & (close > base0)
    within = over & (table.n_steps[kind] >= 1) & (close <= reach1)
    beyond = over & ~within
    act = draws.action
    extend = table.extend[kind]
    choose_ext = within & (act < extend)
    converted = (within & (act >= extend) & (act < extend + table.convert[kind])) | (
        beyond & (act < table.convert_beyond[kind])
    )
    choose_none = within & ~choose_ext & ~converted

    restarts = table.restarts_clock[kind]
    low = np.where(restarts, anchor + 2, anchor + 15)
    high = np.where(restarts, base0 - 1, base0 - 5)
    low = np.minimum(low, high)
    on = low + np.floor(draws.convert_at * (high - low + 1)).astype(np.int64)
    on = np.maximum(timeline.prev_workday(on), anchor + 1)
    eff_anchor = np.where(converted & restarts, on, anchor)
    eff_start = MonthAnchor(eff_anchor)
    t1 = np.maximum(table.target1[kind], 0)
    fits = close <= _expiry(eff_start, table.base_m[t1], table.base_d[t1], deducted)
    target = np.where(fits, table.target1[kind], table.target2[kind])
    eff = np.where(converted, target, kind)

    grant_ok = draws.grant < table.step_grant[eff]
    grant_ok[:, 0] = np.where(choose_ext, True, np.where(choose_none, False, grant_ok[:, 0]))

    # The extension ladder of the kind in force.
    months = table.base_m[eff].copy()
    days = table.base_d[eff].copy()
    expiry = _expiry(eff_start, months, days, deducted)
    alive = table.limited[eff].copy()
    ext_parts: list[tuple[IntArray, IntArray]] = []
    for j in range(MAX_STEPS):
        need = alive & (j < table.n_steps[eff]) & (close > expiry)
        granted = need & grant_ok[:, j]
        length = expiry - deducted - eff_anchor
        lead = np.where(
            length >= 60,
            10 + np.floor(draws.lead[:, j] * 11),
            2 + np.floor(draws.lead[:, j] * np.maximum(length // 4 - 1, 1)),
        ).astype(np.int64)
        approved = np.maximum(timeline.prev_workday(expiry - lead), eff_anchor + 1)
        emit = granted & allow & (approved <= until)
        ext_parts.append((cases[emit], approved[emit]))
        to_total = table.step_to_total[eff, j]
        months = np.where(
            granted, np.where(to_total, table.step_m[eff, j], months + table.step_m[eff, j]), months
        )
        days = np.where(granted, np.where(to_total, table.step_d[eff, j], days + table.step_d[eff, j]), days)
        expiry = np.where(granted, _expiry(eff_start, months, days, deducted), expiry)
        alive = granted
    late = table.limited[eff] & (close > expiry)

    step_numbers = [np.full(len(c), j, dtype=np.int64) for j, (c, _) in enumerate(ext_parts)]
    ext_case = np.concatenate([c for c, _ in ext_parts])
    emitted = converted & allow & (on <= until)
    return Ladder(
        ext_case=ext_case,
        ext_kind=eff[ext_case],
        ext_step=np.concatenate(step_numbers),
        ext_on=np.concatenate([a for _, a in ext_parts]),
        conv_case=cases[emitted],
        conv_kind=eff[emitted],
        conv_on=on[emitted],
        expiry=expiry,
        anchor=eff_anchor,
        late=late,
    )
