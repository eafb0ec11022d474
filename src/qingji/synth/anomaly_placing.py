"""Where a new or moved event may go in a case, and the loop that gives a check's anomaly to so many cases.

A deduction is placed in the free time of the case's life: after the filing (and after a restart or conversion,
from which the clock counts, C7), before the closing date (or the export date), with a free day on either side of
every other deduction, so that nothing shares a day with it unless that is the anomaly (C5).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from qingji.core.deductions import deduction_source
from qingji.synth.anomaly_rules import DEDUCTION, Row, deduction_end
from qingji.synth.anomaly_work import Work, family_of
from qingji.synth.deductions import NOTES

ONE_DAY = timedelta(days=1)
CLOCK_EVENTS = ("重新计算", "程序转换")
ATTEMPTS_PER_CASE = 20  # tries per case wanted before a variant gives up (its pool holds too few that fit)


def days(n: int) -> timedelta:
    return timedelta(days=n)


def life(case: Row, events: Sequence[Row], until: date) -> tuple[date, date]:
    """The first and last day a new deduction may take in ``case``."""
    first: date = case["立案日期"]
    for event in events:
        if event["事项"] in CLOCK_EVENTS and event["开始日期"] is not None:
            first = max(first, event["开始日期"])
    closed: date | None = case["结案日期"]
    return first + ONE_DAY, (closed - ONE_DAY) if closed is not None else until


def deductions(events: Sequence[Row]) -> list[Row]:
    return sorted((e for e in events if e["事项"] == DEDUCTION), key=lambda e: e["开始日期"])


def gaps(events: Sequence[Row], first: date, last: date, until: date) -> list[tuple[date, date]]:
    """The free stretches of [first, last]: a free day is kept on either side of every deduction."""
    free: list[tuple[date, date]] = []
    cursor = first
    for event in deductions(events):
        start, end = event["开始日期"], deduction_end(event, until)
        if start - days(2) >= cursor:
            free.append((cursor, min(start - days(2), last)))
        cursor = max(cursor, end + days(2))
    if cursor <= last:
        free.append((cursor, last))
    return [(a, b) for a, b in free if a <= b]


def place(
    rng: np.random.Generator,
    free: Sequence[tuple[date, date]],
    shortest: int,
    longest: int,
    latest_start: date | None = None,
) -> tuple[date, date] | None:
    """A stretch of ``shortest``–``longest`` days inside one of the ``free`` stretches, starting no later than
    ``latest_start``; None when none fits."""
    options = [
        (a, b)
        for a, b in free
        if (b - a).days + 1 >= shortest and (latest_start is None or a <= latest_start)
    ]
    if not options:
        return None
    a, b = options[int(rng.integers(len(options)))]
    length = int(rng.integers(shortest, min(longest, (b - a).days + 1) + 1))
    last_start = b - days(length - 1)
    if latest_start is not None:
        last_start = min(last_start, latest_start)
    start = a + days(int(rng.integers(0, (last_start - a).days + 1)))
    return start, start + days(length - 1)


def allowed(kind: str, type_code: str) -> bool:
    """The rules allow ``kind`` for cases of ``type_code`` (rules §3; local kinds off, §3.4)."""
    return deduction_source(kind, family_of(type_code), type_code, frozenset()) is not None


def deduction_row(
    number: str, kind: str, start: date, end: date | None, *, approver: str | None = None
) -> Row:
    notes = [n for n in NOTES.get(kind, ()) if n]
    return {
        "案号": number, "事项": DEDUCTION, "类别": kind, "开始日期": start, "结束日期": end, "期间": None,
        "批准人": approver, "批准日期": None, "备注": notes[0] if notes else None,
    }  # fmt: skip


def span(start: date, end: date | None) -> str:
    """A deduction's dates for a label's note: 2024-03-01至2024-04-15（46日）, or 2024-03-01起未结束."""
    if end is None:
        return f"{start}起未结束"
    return f"{start}至{end}（{(end - start).days + 1}日）"


# make(work, case number) → the label's note when the case was given its anomaly, else None.
Make = Callable[[Work, str], str | None]


@dataclass(frozen=True)
class Variant:
    """One way of giving a check's anomaly: its share of the cases, the cases it may try, and how."""

    weight: float
    pool: Sequence[str]
    make: Make


def run_variants(work: Work, check: str | None, wanted: int, variants: Sequence[Variant]) -> int:
    """Give ``wanted`` cases the anomaly of ``check``, shared among the variants by weight; what a variant cannot
    place passes to the next. Returns how many were given. With ``check`` None the makers write their own labels
    (a new case is labelled, not the one it comes from)."""
    total = sum(v.weight for v in variants) or 1.0
    quotas = [int(wanted * v.weight / total) for v in variants]
    quotas[0] += wanted - sum(quotas)
    carry = 0
    for variant, quota in zip(variants, quotas, strict=True):
        want, got = quota + carry, 0
        for tries, number in enumerate(work.shuffled(variant.pool)):
            if got >= want or tries >= ATTEMPTS_PER_CASE * want + 50:
                break
            note = variant.make(work, number)
            if note is not None:
                if check is not None:
                    work.label(check, number, note)
                got += 1
        carry = want - got
    return wanted - carry
