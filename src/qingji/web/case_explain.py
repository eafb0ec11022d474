"""What the case page shows of a case's expiry, in the page's language: the steps of its computation (basis in
words, what each step did, the date it reached) and the marks of its timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qingji.core.events import DEDUCTION_KINDS, LOCAL_DEDUCTION_KINDS, RESTART_REASONS, CaseFacts
from qingji.core.state import CaseState
from qingji.web import labels as lb
from qingji.web.case_basis import basis_words
from qingji.web.case_timeline import Mark, Timeline, timeline


@dataclass(frozen=True)
class StepRow:
    number: int
    basis: str
    text: str
    result: date | None


def step_rows(state: CaseState, *, english: bool) -> list[StepRow]:
    """The explanation of ``state``'s expiry, one row a step, as `qingji deadline` prints it."""
    return [
        StepRow(n, basis_words(step.basis, english=english), step.en if english else step.zh, step.result)
        for n, step in enumerate(state.deadline.steps, start=1)
    ]


def kind_words(kind: str, *, english: bool) -> str:
    """A deduction kind or restart reason as the export names it, in English words on an English page."""
    if not english:
        return kind
    known = DEDUCTION_KINDS.get(kind) or LOCAL_DEDUCTION_KINDS.get(kind) or RESTART_REASONS.get(kind)
    return known or kind


def case_marks(facts: CaseFacts, state: CaseState, *, today: date, english: bool) -> list[Mark]:
    """The filing, every act recorded (counted or not: the explanation says which), the expiry, the as-of day
    and the closing."""
    t = lb.labels("en" if english else "zh-hans")
    marks = [Mark("filed", facts.filed_on, t["case_mark_filed"])]
    for restart in facts.restarts:
        reason = f"（{restart.reason}）" if restart.reason and not english else ""
        if restart.reason and english:
            reason = f" ({kind_words(restart.reason, english=True)})"
        marks.append(Mark("restart", restart.on, t["case_mark_restart"] + reason))
    for conversion in facts.conversions:
        target = lb.procedure_label(conversion.procedure.value, "en" if english else "zh-hans")
        marks.append(Mark("conversion", conversion.on, f"{t['case_mark_conversion']} {target}"))
    for extension in facts.extensions:
        length = ""
        if extension.length is not None:
            length = extension.length.label_en() if english else extension.length.label_zh()
        approver = extension.approved_by or t["case_mark_no_approver"]
        if extension.approved_by:
            approver = f"{t['case_mark_approved_by']} {approver}" if english else f"{approver}批准"
        words = f"{t['case_mark_extension']} {length}".strip() + (", " if english else "，") + approver
        if extension.approved_on is None:
            words += f" ({t['case_mark_undated']})" if english else f"（{t['case_mark_undated']}）"
        marks.append(Mark("extension", extension.approved_on, words))
    for deduction in facts.deductions:
        running = deduction.end is None
        end = deduction.end if deduction.end is not None else max(deduction.start, state.as_of)
        words = f"{t['case_mark_deduction']}: {kind_words(deduction.kind, english=english)}"
        if running:
            words += f" ({t['case_mark_running']})" if english else f"（{t['case_mark_running']}）"
        marks.append(Mark("deduction", deduction.start, words, end=end, running=running))
    if state.expiry is not None:
        marks.append(Mark("expiry", state.expiry, t["case_mark_expiry"]))
    if facts.closed_on is not None and facts.closed_on <= state.as_of:
        marks.append(Mark("closed", facts.closed_on, t["case_mark_closed"]))
    as_of_words = t["case_mark_today"] if state.as_of == today else t["case_mark_as_of"]
    marks.append(Mark("as_of", state.as_of, as_of_words))
    return marks


def case_timeline(facts: CaseFacts, state: CaseState, *, today: date, english: bool) -> Timeline | None:
    marks = case_marks(facts, state, today=today, english=english)
    period = (state.deadline.anchor, state.expiry) if state.expiry is not None else None
    return timeline(marks, period)
