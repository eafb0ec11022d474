"""A stored finding's evidence in words, Chinese or English (the integrity page, its export): each value the
checks record (qingji.integrity: dates as ISO text, numbers, the deductions and extensions, the expiry's
explanation step by step, the other cases) under a name a reader knows, never its key in the code.

Case numbers the reader may not see are told as "another case" (:func:`masked`), in the evidence and in the
finding's sentence, so that neither names a case outside the reader's (docs/access.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from qingji.integrity.findings import CHECKS, Check

Pair = tuple[str, str]

# The evidence's values by their key (qingji.integrity's findings), in the order they are shown.
EVIDENCE_LABELS: dict[str, Pair] = {
    "earlier_case": ("撤诉的前案", "The case withdrawn"),
    "earlier_filed_on": ("前案立案日期", "The earlier case filed on"),
    "earlier_closed_on": ("前案结案日期", "The earlier case closed on"),
    "earlier_closure_method": ("前案结案方式", "The earlier case closed by"),
    "filed_on": ("立案日期", "Filed on"),
    "days_between": ("相隔天数", "Days between"),
    "limit_days": ("核查的期限（日）", "Looked for within (days)"),
    "parties": ("当事人", "Parties"),
    "cause": ("案由", "Cause"),
    "cases": ("同日立案的案件", "The cases filed that day"),
    "count": ("同日立案件数", "Cases filed that day"),
    "minimum": ("触发的件数", "Cases that make a finding"),
    "expiry": ("依法计算的审限届满日", "The expiry by law"),
    "cms_expiry": ("法院系统的审限届满日", "The expiry in the court's own system"),
    "difference_days": ("相差天数（晚为正）", "Days apart (later: positive)"),
    "deductions": ("扣除审限", "Deductions"),
    "extensions": ("延长审限", "Extensions"),
    "explanation": ("审限计算过程", "How the expiry is computed"),
    "key_date": ("通报或专项行动日期", "The bulletin or campaign date"),
    "window_start": ("统计期间起始日", "The window from"),
    "closures": ("期间内结案数", "Closures in the window"),
    "usual": ("平时同样天数的结案数", "Usual closures in as many days"),
    "by_method": ("按结案方式", "By closure method"),
    "unit": ("统计对象", "Counted for"),
    "closed_on": ("本案结案日期", "This case closed on"),
    "closure_method": ("本案结案方式", "This case closed by"),
    "share": ("扣除、延长时间占审理时间", "Deducted and extended time of the time taken"),
    "peer_median": ("同侪的中位数", "The peers' median"),
    "peers": ("比较的同侪数", "Peers compared"),
    "moved_days": ("扣除及延长天数", "Days deducted and extended"),
    "gross_days": ("审理天数合计", "Days taken in all"),
    "top_cases": ("扣除、延长最多的案件", "The cases most deducted and extended"),
    "factor": ("倍数阈值", "Times the median, at least"),
    "min_gap": ("高出中位数至少", "Above the median by at least"),
}
# A key whose value differs by check.
CHECK_EVIDENCE_LABELS: dict[tuple[str, str], Pair] = {
    (Check.OUTLIER_SHARE.value, "cases"): ("计入的案件数", "Cases counted"),
}
# What evidence holds besides, not shown as a line of its own: the English steps (shown as "explanation" on an
# English page).
_BESIDE = frozenset({"explanation_en"})
_PERCENT = frozenset({"share", "peer_median", "min_gap"})
_CASE_LISTS = frozenset({"cases", "top_cases"})
_ONE_CASE = frozenset({"earlier_case"})

DEDUCTION_HEAD: tuple[Pair, ...] = (
    ("类别", "Kind"),
    ("开始日期", "Start"),
    ("结束日期", "End"),
    ("天数", "Days"),
    ("批准人", "Approved by"),
)
EXTENSION_HEAD: tuple[Pair, ...] = (
    ("期间", "Length"),
    ("批准人", "Approved by"),
    ("批准日期", "Approved on"),
)
WORDS: dict[str, Pair] = {
    "open": ("至今未结束", "still open"),
    "none": ("—", "—"),
    "judge": ("承办法官", "the judge"),
    "court": ("全院", "the whole court"),
    "another_case": ("另一案件（不在您的查看范围内）", "another case (not among those you may see)"),
    "times": ("{value}倍", "{value} times"),
}
_LENGTH = re.compile(r"^(\d+)个月(\d+)日$")


def pick(pair: Pair, english: bool) -> str:
    return pair[1] if english else pair[0]


def check_label(check: str, english: bool = False, *, short: bool = False) -> str:
    """A check's name (qingji.integrity.findings.CHECKS), or its short name for a table's column head; the code
    itself for one without words."""
    try:
        info = CHECKS[Check(check)]
    except ValueError:
        return check
    if short:
        return info.short_en if english else info.short_zh
    return info.en[:1].upper() + info.en[1:] if english else info.zh


def evidence_label(check: str, key: str, english: bool = False) -> str:
    pair = CHECK_EVIDENCE_LABELS.get((check, key)) or EVIDENCE_LABELS.get(key) or ("其他", "Other")
    return pick(pair, english)


@dataclass(frozen=True)
class Evidence:
    """One line of a finding's evidence: a value as text, case numbers (each a link on the page), a small
    table or the steps of a computation."""

    label: str
    text: str = ""
    cases: tuple[str, ...] = ()
    head: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    steps: tuple[str, ...] = ()

    def flat(self, english: bool = False) -> str:
        """The line as one text (the export)."""
        separator = ", " if english else "、"
        if self.rows:
            value = "; ".join(
                separator.join(f"{h} {c}" for h, c in zip(self.head, row, strict=True) if c)
                for row in self.rows
            )
        elif self.steps:
            value = " / ".join(self.steps)
        elif self.cases:
            value = separator.join([*self.cases, *([self.text] if self.text else [])])
        else:
            value = self.text
        return f"{self.label}：{value}" if not english else f"{self.label}: {value}"


def evidence_lines(check: str, evidence: Mapping[str, object], english: bool = False) -> list[Evidence]:
    """The evidence of a finding of ``check`` as lines in the reader's language, in the order of
    EVIDENCE_LABELS (a key without words last, under "other")."""
    order = {key: n for n, key in enumerate(EVIDENCE_LABELS)}
    keys = sorted((k for k in evidence if k not in _BESIDE), key=lambda k: (order.get(k, len(order)), k))
    lines = []
    for key in keys:
        value = evidence[key]
        line: Evidence | None
        if key == "explanation":
            steps = evidence.get("explanation_en") if english else value
            line = Evidence(evidence_label(check, key, english), steps=tuple(str(s) for s in _items(steps)))
        else:
            line = _line(check, key, value, english)
        if line is not None:
            lines.append(line)
    return lines


def _items(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _line(check: str, key: str, value: object, english: bool) -> Evidence | None:
    label = evidence_label(check, key, english)
    if value is None or value == "" or value == [] or value == {}:
        return Evidence(label, pick(WORDS["none"], english)) if key in ("expiry", "cms_expiry") else None
    if key in _ONE_CASE:
        return Evidence(label, cases=(str(value),))
    if key in _CASE_LISTS and isinstance(value, list):
        return Evidence(label, cases=tuple(str(item) for item in value))
    if key == "deductions":
        rows = tuple(_deduction(row, english) for row in _items(value) if isinstance(row, dict))
        return Evidence(label, head=tuple(pick(h, english) for h in DEDUCTION_HEAD), rows=rows)
    if key == "extensions":
        rows = tuple(_extension(row, english) for row in _items(value) if isinstance(row, dict))
        return Evidence(label, head=tuple(pick(h, english) for h in EXTENSION_HEAD), rows=rows)
    if key == "by_method" and isinstance(value, dict):
        separator = ", " if english else "、"
        # the most first (a JSON object's order is not kept by every database: PostgreSQL's jsonb sorts its keys)
        methods = sorted(
            value.items(), key=lambda item: (-item[1] if isinstance(item[1], int) else 0, item[0])
        )
        return Evidence(label, separator.join(f"{method or '—'} {n}" for method, n in methods))
    if key == "unit":
        return Evidence(label, pick(WORDS.get(str(value), (str(value), str(value))), english))
    if key in _PERCENT and isinstance(value, int | float):
        return Evidence(label, f"{value:.1%}")
    if key == "factor" and isinstance(value, int | float):
        return Evidence(label, pick(WORDS["times"], english).format(value=f"{value:g}"))
    if isinstance(value, float):
        return Evidence(label, f"{value:g}")
    if isinstance(value, list | dict):
        return Evidence(label, "; ".join(str(item) for item in _items(value)) or str(value))
    return Evidence(label, str(value))


def _deduction(row: Mapping[str, object], english: bool) -> tuple[str, ...]:
    end = row.get("end")
    return (
        str(row.get("kind") or pick(("（空白）", "(blank)"), english)),
        str(row.get("start") or ""),
        str(end) if end else pick(WORDS["open"], english),
        str(row.get("days") if row.get("days") is not None else ""),
        str(row.get("approved_by") or ""),
    )


def _extension(row: Mapping[str, object], english: bool) -> tuple[str, ...]:
    return (
        length_words(row.get("length"), english),
        str(row.get("approved_by") or ""),
        str(row.get("approved_on") or ""),
    )


def length_words(value: object, english: bool) -> str:
    """An extension's length as the checks record it (``6个月0日``) in the reader's language."""
    text = "" if value is None else str(value)
    found = _LENGTH.match(text)
    if found is None:
        return text
    months, days = (int(part) for part in found.groups())
    if not english:
        return "".join([f"{months}个月" if months else "", f"{days}日" if days or not months else ""])
    parts = [
        f"{months} month{'s' if months != 1 else ''}" if months else "",
        f"{days} day{'s' if days != 1 else ''}" if days or not months else "",
    ]
    return " ".join(part for part in parts if part)


def referenced(case_number: str, evidence: Mapping[str, object]) -> set[str]:
    """Every case number a finding names: its own and those of its evidence."""
    numbers = {case_number} if case_number else set()
    for key in (*_ONE_CASE, *_CASE_LISTS):
        value = evidence.get(key)
        if isinstance(value, str):
            numbers.add(value)
        elif isinstance(value, list):
            numbers.update(str(item) for item in value)
    return numbers


def masked(text: str, hidden: Iterable[str], english: bool = False) -> str:
    """``text`` with each of the ``hidden`` case numbers told as "another case"."""
    for number in sorted(hidden, key=len, reverse=True):
        text = text.replace(number, pick(WORDS["another_case"], english))
    return text


def masked_lines(lines: Sequence[Evidence], hidden: set[str], english: bool = False) -> list[Evidence]:
    """The lines with the ``hidden`` case numbers told as "another case" (a list keeps the others and says how
    many more there are)."""
    if not hidden:
        return list(lines)
    result = []
    for line in lines:
        if line.cases and hidden & set(line.cases):
            shown = tuple(number for number in line.cases if number not in hidden)
            others = len(line.cases) - len(shown)
            note = pick(WORDS["another_case"], english) + (f" × {others}" if others > 1 else "")
            line = Evidence(line.label, text=note, cases=shown)
        result.append(
            Evidence(
                line.label,
                masked(line.text, hidden, english),
                line.cases,
                line.head,
                tuple(tuple(masked(c, hidden, english) for c in row) for row in line.rows),
                tuple(masked(step, hidden, english) for step in line.steps),
            )
        )
    return result
