"""Court statistics on a date (`qingji stats`): pending and its change, 结收比, 审限内结案率, 平均审理天数, long-pending
counts, CourTools and CEPEJ, per court and overall, and scores per court and per judge.

Polars over whole columns (a million cases in about a second, benchmarks/stats_1m.py); the formulas are
:mod:`qingji.core.measures`. Sources: rules/trial-periods.md §5 and ../shared/metrics.md; docs/measures.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from qingji.core.measures import DAYS_PLACES, change, default_compare, default_since, period_days, ratio
from qingji.core.scores import DEFAULT_SCORE_WEIGHTS, ScoreWeight
from qingji.engine.counts import CountSettings, Window, count_by, dispositions_by, pending_expr, work_frame
from qingji.engine.courtools import Cepej, CourTools, cepej, courtools, dispositions
from qingji.engine.scores import Score, scores_of
from qingji.engine.trend import MonthRow, monthly_trend


@dataclass(frozen=True)
class StatsSettings:
    counts: CountSettings = field(default_factory=CountSettings)
    weights: tuple[ScoreWeight, ...] = DEFAULT_SCORE_WEIGHTS


DEFAULT_STATS_SETTINGS = StatsSettings()


@dataclass(frozen=True)
class PendingComparison:
    as_of: date
    compare: date
    pending: int
    pending_compare: int
    pending_change: float | None  # (pending − pending_compare) ÷ pending_compare; None when that is 0

    def as_json(self) -> dict[str, object]:
        return {"as_of": self.as_of.isoformat(), "compare": self.compare.isoformat(), "pending": self.pending,
                "pending_compare": self.pending_compare, "pending_change": self.pending_change}  # fmt: skip


def pending_on(cases: pl.DataFrame, on: date) -> int:
    """Cases pending on ``on``: filed_on ≤ on and (closed_on is null or closed_on > on)."""
    return int(cases.select(pending_expr(on).sum()).item())


def pending_comparison(cases: pl.DataFrame, as_of: date, compare: date | None = None) -> PendingComparison:
    """Pending on ``as_of`` against ``compare`` (default: a year before)."""
    other = compare or default_compare(as_of)
    now, before = pending_on(cases, as_of), pending_on(cases, other)
    return PendingComparison(as_of, other, now, before, change(now, before))


@dataclass(frozen=True)
class Measures:
    """One court's measures (``court_code``; None for cases without a court code), or all courts' ("")."""

    court_code: str | None
    pending: int  # on the as-of date
    pending_compare: int  # on the compare date
    pending_change: float | None
    filed: int  # in the period
    closed: int  # in the period
    closed_to_filed: float | None  # 结收比 = closed ÷ filed in the period
    closed_with_limit: int  # closed in the period with a statutory period (no_limit cases left out)
    closed_in_time: int
    on_time_rate: float | None  # 审限内结案率 = closed in time ÷ closed with a limit, in the period
    average_days: float | None  # 平均审理天数, gross: mean of closed_on − filed_on over the closings
    average_days_net: float | None  # the same net of deducted days
    overdue: int  # pending on the as-of date and over the period
    carried_over: int  # 旧存: pending the day before the period began
    carried_over_closed: int  # of them, closed in the period
    clearing_rate: float | None  # 清结率 = carried_over_closed ÷ carried_over
    long_pending: dict[int, int]  # months → pending on the as-of date and older than that (gross, C10)
    courtools: CourTools
    cepej: Cepej

    def as_json(self) -> dict[str, object]:
        smallest = min(self.long_pending, default=None)
        return {
            "court_code": self.court_code,
            "pending": self.pending,
            "pending_compare": self.pending_compare,
            "pending_change": self.pending_change,
            "filed": self.filed,
            "closed": self.closed,
            "closed_to_filed": self.closed_to_filed,
            "closed_with_limit": self.closed_with_limit,
            "closed_in_time": self.closed_in_time,
            "on_time_rate": self.on_time_rate,
            "average_days": self.average_days,
            "average_days_net": self.average_days_net,
            "overdue": self.overdue,
            "overdue_share": ratio(self.overdue, self.pending),
            "carried_over": self.carried_over,
            "carried_over_closed": self.carried_over_closed,
            "clearing_rate": self.clearing_rate,
            **{f"long_pending_{months}m": count for months, count in sorted(self.long_pending.items())},
            "long_pending_share": ratio(self.long_pending[smallest], self.pending)
            if smallest is not None
            else None,
            "courtools": self.courtools.as_json(),
            "cepej": self.cepej.as_json(),
        }


@dataclass(frozen=True)
class Statistics:
    as_of: date
    compare: date
    since: date
    overall: Measures
    by_court: list[Measures]  # in court-code order
    court_scores: list[Score]  # best first
    judge_scores: list[Score]  # best first
    trend: list[MonthRow] = field(
        default_factory=list
    )  # pending, filed and closed per month (engine/trend.py)

    def as_json(self) -> dict[str, object]:
        overall = self.overall.as_json()
        del overall["court_code"]
        return {
            "as_of": self.as_of.isoformat(),
            "compare": self.compare.isoformat(),
            "since": self.since.isoformat(),
            **overall,
            "by_court": [row.as_json() for row in self.by_court],
            "scores": {
                "by_court": [row.as_json() for row in self.court_scores],
                "by_judge": [row.as_json() for row in self.judge_scores],
            },
            "trend": [row.as_json() for row in self.trend],
        }


def measures_from(
    counts: Mapping[str, object],
    families: Sequence[Mapping[str, object]],
    window: Window,
    settings: CountSettings,
) -> Measures:
    """The measures of one group from its row of :func:`count_by` and its family rows of :func:`dispositions_by`."""

    def n(key: str) -> int:
        value = counts[key]
        assert isinstance(value, int), (key, value)
        return value

    closed = n("closed")
    return Measures(
        court_code=_court_code(counts),
        pending=n("pending"),
        pending_compare=n("pending_compare"),
        pending_change=change(n("pending"), n("pending_compare")),
        filed=n("filed"),
        closed=closed,
        closed_to_filed=ratio(closed, n("filed")),
        closed_with_limit=n("closed_with_limit"),
        closed_in_time=n("closed_in_time"),
        on_time_rate=ratio(n("closed_in_time"), n("closed_with_limit")),
        average_days=ratio(n("gross_days"), closed, DAYS_PLACES),
        average_days_net=ratio(n("net_days"), closed, DAYS_PLACES),
        overdue=n("overdue"),
        carried_over=n("carried_over"),
        carried_over_closed=n("carried_over_closed"),
        clearing_rate=ratio(n("carried_over_closed"), n("carried_over")),
        long_pending={months: n(f"long_pending_{months}m") for months in settings.long_pending_months},
        courtools=courtools(counts, dispositions(list(families), settings), settings),
        cepej=cepej(counts, period_days(window.since, window.as_of)),
    )


def court_statistics(
    cases: pl.DataFrame,
    ledger: pl.DataFrame,
    as_of: date,
    *,
    compare: date | None = None,
    since: date | None = None,
    settings: StatsSettings = DEFAULT_STATS_SETTINGS,
) -> Statistics:
    """Every measure on ``as_of``, overall and per court, with scores per court and per judge.

    ``cases``: case_number, court_code, type_code, filed_on, closed_on (and judge); ``ledger``: the ledger of the
    same cases on ``as_of`` (:func:`qingji.engine.ledger.compute_ledger`). The period runs from ``since`` (default 1
    January of the as-of year) to ``as_of``, both included; ``compare`` defaults to a year before ``as_of``.
    """
    window = Window(as_of, compare or default_compare(as_of), since or default_since(as_of))
    if window.since > as_of:
        raise ValueError(f"the period's start {window.since} is after the as-of date {as_of}")
    frame = work_frame(cases, ledger, window)
    count = settings.counts
    overall_counts = count_by(frame, [], window, count).row(0, named=True)
    families = dispositions_by(frame, [], window, count).to_dicts()
    overall = measures_from(overall_counts, families, window, count)
    court_rows = count_by(frame, ["court_code"], window, count).to_dicts()
    court_families = _grouped(
        dispositions_by(frame, ["court_code"], window, count).to_dicts(), ("court_code",)
    )
    by_court = [
        measures_from(row, court_families.get((row["court_code"],), []), window, count) for row in court_rows
    ]
    judges = count_by(
        frame.with_columns(pl.col("judge").fill_null("")), ["court_code", "judge"], window, count
    )
    months = min(count.long_pending_months)
    return Statistics(
        as_of=as_of,
        compare=window.compare,
        since=window.since,
        overall=overall,
        by_court=by_court,
        court_scores=scores_of(court_rows, months, settings.weights),
        judge_scores=scores_of(judges.to_dicts(), months, settings.weights),
        trend=monthly_trend(frame, as_of),
    )


def _court_code(counts: Mapping[str, object]) -> str | None:
    """The group's court code: "" overall (no court_code key), None for the cases without one."""
    if "court_code" not in counts:
        return ""
    code = counts["court_code"]
    return code if isinstance(code, str) else None


def _grouped(
    rows: Sequence[Mapping[str, object]], keys: tuple[str, ...]
) -> dict[tuple[object, ...], list[Mapping[str, object]]]:
    grouped: dict[tuple[object, ...], list[Mapping[str, object]]] = {}
    for row in rows:
        grouped.setdefault(tuple(row[key] for key in keys), []).append(row)
    return grouped
