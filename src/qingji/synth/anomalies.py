"""Labelled anomalies in a synthetic court system, to measure the integrity checks (issue 14, "Measured quality").

:func:`inject` takes the frames :func:`qingji.synth.generate` gives and puts into them, for each of the ten checks
of :mod:`qingji.integrity` (names in :data:`CHECKS`; definitions in docs/synth-anomalies.md), the hidden
over-deadline practice it looks for (rules/trial-periods.md §5): ``rate`` of the cases per check, a few judges for
the judge-level ones. Each anomaly leaves the rest of its case valid, so that it fires its own check and no other,
and no case receives two. The labels say which case (or judge) carries which anomaly, what was done, and also what
the generator's data already holds that a check should find (source ``generator``): the local deduction kinds it
writes on purpose, and coincidences.

    >>> from datetime import date
    >>> from qingji.core.calendar import WorkCalendar
    >>> from qingji.synth import generate
    >>> cases, events = generate(20_000, seed=7, until=date(2025, 6, 30))
    >>> injected = inject(cases, events, date(2025, 6, 30), WorkCalendar.official(), rate=0.003, seed=7)

The same arguments give the same frames and labels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import polars as pl

from qingji.core.calendar import WorkCalendar
from qingji.core.events import LOCAL_DEDUCTION_KINDS
from qingji.core.vocabulary import WARNING_LABELS
from qingji.synth.anomaly_closures import inject_closures
from qingji.synth.anomaly_deductions import inject_deductions
from qingji.synth.anomaly_extensions import inject_extensions
from qingji.synth.anomaly_filings import inject_filings
from qingji.synth.anomaly_oracle import Limits, findings, judge_shares, keyed_cases, withdraw_refile
from qingji.synth.anomaly_outlier import inject_outliers
from qingji.synth.anomaly_placing import days
from qingji.synth.anomaly_rules import (
    CHECKS,
    DEDUCTION_AFTER_CAUSE,
    DEDUCTION_OVERLAP,
    DEDUCTION_WITHOUT_GROUND,
    EXPIRY_MISMATCH,
    MASS_CLOSURE,
    OUTLIER_SHARE,
    SPLIT_FILING,
    WARNING_CHECKS,
    WITHDRAW_REFILE,
)
from qingji.synth.anomaly_work import Label, Work, ledger_of
from qingji.synth.layouts import CMS_EXPIRY

LABEL_SCHEMA: dict[str, pl.DataType] = {
    "check": pl.String(),
    "case_number": pl.String(),
    "court_code": pl.String(),
    "judge": pl.String(),
    "source": pl.String(),
    "note": pl.String(),
}
INJECTED, GENERATOR = "injected", "generator"
# Ten checks at 5% each leave half the cases clean; the pools some checks draw from (withdrawals, extensions) are
# smaller still.
MAXIMUM_RATE = 0.05
# expiry_mismatch: the court system's expiry shows this many days the law does not give.
HIDDEN_DAYS = (15, 120)
# The checks that look for a pattern across cases: what the reference definitions find there in the generator's
# clean data are coincidences (masked parties alike, closings bunched after a holiday), not anomalies, and are not
# labelled — a check that reports them is wrong about them. The other checks apply the law to one case: what they
# find in the clean data breaks the rule, whoever put it there, and is labelled with the source "generator".
COINCIDENCES = frozenset({WITHDRAW_REFILE, SPLIT_FILING, MASS_CLOSURE, OUTLIER_SHARE})
# Why the generator's own cases are found, by check (the rules the ledger does not warn of).
GENERATOR_NOTES: dict[str, str] = {
    DEDUCTION_WITHOUT_GROUND: "暂缓执行超过3个月且无批准人",
    DEDUCTION_OVERLAP: "扣除期间重叠或超出案件存续期间",
    DEDUCTION_AFTER_CAUSE: "扣除期间未结束、超过该类期间上限或未结束逾一年",
    EXPIRY_MISMATCH: "审判系统的审限届满日期与qingji不同",
}

__all__ = ["CHECKS", "LABEL_SCHEMA", "MAXIMUM_RATE", "Injected", "inject"]


@dataclass(frozen=True)
class Injected:
    """The court system with its anomalies: cases (with 审限届满日期), events, and the labels."""

    cases: pl.DataFrame
    events: pl.DataFrame
    labels: pl.DataFrame


def inject(
    cases: pl.DataFrame,
    events: pl.DataFrame,
    until: date,
    calendar: WorkCalendar,
    *,
    rate: float,
    seed: int,
) -> Injected:
    """The frames with anomalies for each check on about ``rate`` of the cases (0 to MAXIMUM_RATE), the court
    system's own expiry in 审限届满日期, and the labels (:data:`LABEL_SCHEMA`)."""
    if not math.isfinite(rate) or not 0 <= rate <= MAXIMUM_RATE:
        raise ValueError(
            f"异常比例应在0至{MAXIMUM_RATE}之间 / the anomaly rate must lie in 0–{MAXIMUM_RATE}: {rate}"
        )
    if cases.is_empty():
        return Injected(cases.with_columns(pl.lit(None, pl.Date).alias(CMS_EXPIRY)), events, _label_frame([]))
    work = Work.start(cases, events, until, calendar, seed)
    # Mass closure first, on the closings as generated; then the new cases; then each case's own events.
    inject_closures(work, rate)
    inject_filings(work, rate)
    inject_extensions(work, rate)
    inject_deductions(work, rate)
    inject_outliers(work, rate)
    final_cases, final_events = work.frames()
    ledger = ledger_of(final_cases, final_events, until, calendar)
    final_cases = _hide_time(work, _with_expiry(final_cases, ledger), rate)
    found = findings(final_cases, final_events, ledger, until)
    refiled = dict(withdraw_refile(keyed_cases(final_cases), Limits()).rows())
    labels = [
        *_with_shares(work.labels, ledger, until),
        *_generator_labels(work.labels, found, ledger, final_events, refiled),
    ]
    return Injected(final_cases, final_events, _label_frame(labels))


def _with_expiry(cases: pl.DataFrame, ledger: pl.DataFrame) -> pl.DataFrame:
    """The court system's expiry: qingji's own on the final frames, as :func:`qingji.synth.layouts.with_cms_expiry`
    writes it (from the ledger computed here anyway, and also for a court system without events)."""
    expiry = dict(zip(ledger.get_column("case_number"), ledger.get_column("expiry"), strict=True))
    return cases.with_columns(
        pl.col("案号").replace_strict(expiry, default=None, return_dtype=pl.Date).alias(CMS_EXPIRY)
    )


def _hide_time(work: Work, cases: pl.DataFrame, rate: float) -> pl.DataFrame:
    """expiry_mismatch: the court system's expiry moved 15–120 days later on ``rate`` of the cases with a limit."""
    limited = cases.filter(pl.col(CMS_EXPIRY).is_not_null()).select("案号", CMS_EXPIRY)
    expiries: dict[str, date] = dict(limited.iter_rows())
    moved: dict[str, date] = {}
    for number in work.shuffled(limited.get_column("案号").to_list()):
        if len(moved) >= work.wanted(rate):
            break
        later = int(work.rng.integers(HIDDEN_DAYS[0], HIDDEN_DAYS[1] + 1))
        moved[number] = expiries[number] + days(later)
        work.used.add(number)
        work.label(
            EXPIRY_MISMATCH,
            number,
            f"审判系统的审限届满日期写作{moved[number]}，比qingji计算的{expiries[number]}晚{later}日",
        )
    if not moved:
        return cases
    return cases.with_columns(
        pl.col("案号")
        .replace_strict(moved, default=pl.col(CMS_EXPIRY), return_dtype=pl.Date)
        .alias(CMS_EXPIRY)
    )


def _with_shares(labels: list[Label], ledger: pl.DataFrame, until: date) -> list[Label]:
    """The judge-level labels with the share they reached and their court's median."""
    shares = {(c, j): (s, m) for c, j, _, s, m in judge_shares(ledger, until, Limits()).iter_rows()}
    result = []
    for label in labels:
        if label.check == OUTLIER_SHARE and (label.court_code, label.judge) in shares:
            share, median = shares[(label.court_code, label.judge)]
            label = Label(
                label.check, label.case_number, label.court_code, label.judge, label.source,
                f"{label.note}；扣除与延长占审理天数{share:.0%}，本院中位数{median:.0%}",
            )  # fmt: skip
        result.append(label)
    return result


def _generator_labels(
    injected: list[Label],
    found: pl.DataFrame,
    ledger: pl.DataFrame,
    events: pl.DataFrame,
    refiled: dict[str, str],
) -> list[Label]:
    """What the checks find that was not injected: the generator's own (the local kinds and the withdrawn case
    named)."""
    known = {(label.check, label.case_number or f"{label.court_code}/{label.judge}") for label in injected}
    warnings: dict[str, list[str]] = dict(
        zip(ledger.get_column("case_number").to_list(), ledger.get_column("warnings").to_list(), strict=True)
    )
    local: dict[str, list[str]] = {}
    for number, kind in (
        events.filter(pl.col("类别").is_in(list(LOCAL_DEDUCTION_KINDS))).select("案号", "类别").rows()
    ):
        local.setdefault(number, []).append(kind)
    labels = []
    for check, number, court, judge in found.iter_rows():
        if (check, number or f"{court}/{judge}") in known or check in COINCIDENCES:
            continue
        reasons = [
            WARNING_LABELS[w][0]
            for w in (warnings.get(number) or [])
            if WARNING_CHECKS.get(w) == check and w in WARNING_LABELS
        ]
        note = "生成器数据：" + ("；".join(reasons) or GENERATOR_NOTES.get(check, check))
        if check == WITHDRAW_REFILE and number in refiled:
            note += f"：原案{refiled[number]}"
        if check == DEDUCTION_WITHOUT_GROUND and number in local:
            note += f"（地方性扣除类别：{'、'.join(dict.fromkeys(local[number]))}）"
        labels.append(Label(check, number, court, judge, GENERATOR, note))
    return labels


def _label_frame(labels: list[Label]) -> pl.DataFrame:
    order = {check: i for i, check in enumerate(CHECKS)}
    frame = pl.DataFrame(
        [(lb.check, lb.case_number, lb.court_code, lb.judge, lb.source, lb.note) for lb in labels],
        schema=LABEL_SCHEMA,
        orient="row",
    )
    return frame.sort(
        pl.col("check").replace_strict(order, return_dtype=pl.Int32),
        pl.col("source").replace_strict({INJECTED: 0, GENERATOR: 1}, return_dtype=pl.Int32),
        "court_code",
        "case_number",
        "judge",
        nulls_last=True,
        maintain_order=True,
    )
