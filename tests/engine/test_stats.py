"""Court statistics on hand-checked cases, the boundaries, the −75.25% example, and the Polars path against a
plain Python computation on generated cases."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qingji.core.calendar import WorkCalendar
from qingji.core.dates import add_months
from qingji.core.events import CaseFacts, Deduction
from qingji.core.measures import change, is_pending, ratio
from qingji.core.procedures import Procedure
from qingji.core.scores import ScoreWeight, score
from qingji.core.state import assess
from qingji.core.time_standards import (
    DEFAULT_AGE_BANDS,
    DEFAULT_TIME_STANDARDS,
    AgeBand,
    check_bands,
    standard_for,
)
from qingji.core.typecodes import Family
from qingji.engine.counts import CountSettings
from qingji.engine.facts import frames_from_facts
from qingji.engine.ledger import compute_ledger
from qingji.engine.stats import (
    Statistics,
    StatsSettings,
    court_statistics,
    pending_comparison,
    pending_on,
)

from .strategies import case_facts, days

CALENDAR = WorkCalendar.official()
AS_OF = date(2023, 12, 31)
ORD = Procedure.ORDINARY


def facts(number: str, court: str, code: str, filed: date, closed: date | None, **more: object) -> CaseFacts:
    return CaseFacts(type_code=code, filed_on=filed, procedure=ORD, closed_on=closed, court_code=court,
                     case_number=number, **more)  # type: ignore[arg-type]  # fmt: skip


def frames(
    cases: list[CaseFacts], judges: list[str | None] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    case_frame, events = frames_from_facts(cases)
    if judges is not None:
        case_frame = case_frame.with_columns(judge=pl.Series(judges, dtype=pl.String))
    return case_frame, events


def statistics(
    cases: list[CaseFacts], as_of: date = AS_OF, judges: list[str | None] | None = None, **options: object
) -> Statistics:
    case_frame, events = frames(cases, judges)
    ledger = compute_ledger(case_frame, events, as_of, CALENDAR)
    return court_statistics(case_frame, ledger, as_of, **options)  # type: ignore[arg-type]


# Nine cases, the year 2023 as the period (since 1 Jan), compared with 31 Dec 2022; all ordinary procedure.
#   A 甘1002 民初 filed 2021-06-01, pending                       王芳
#   B 甘1002 民初 filed 2022-03-01, closed 2023-02-01 (337 days)   王芳   expiry 2022-09-01: late
#   C 甘1002 民初 filed 2023-01-10, closed 2023-03-01 (50 days)    李明   appraisal 20–29 Jan: 10 days deducted
#   D 甘1002 民初 filed 2023-12-31 (the as-of date), pending       李明
#   E 甘1027 刑初 filed 2023-06-01, closed 2023-12-31 (213 days)   赵刚   3 months → 2023-09-01: late
#   F 甘1027 民初 filed 2022-06-01, closed 2022-12-31 (on the compare date, before the period)   赵刚
#   G 甘1027 民初 filed 2022-12-01, closed 2024-01-05 (after the as-of date: still pending)      赵刚
#   H 甘1027 民初 filed 2023-01-01 (the period's first day), pending                              赵刚
#   I 甘1027 民初 filed 2024-02-01 (after the as-of date: nowhere)                               赵刚
HAND = [
    facts("A", "甘1002", "民初", date(2021, 6, 1), None),
    facts("B", "甘1002", "民初", date(2022, 3, 1), date(2023, 2, 1)),
    facts(
        "C",
        "甘1002",
        "民初",
        date(2023, 1, 10),
        date(2023, 3, 1),
        deductions=(Deduction("鉴定", date(2023, 1, 20), date(2023, 1, 29)),),
    ),
    facts("D", "甘1002", "民初", date(2023, 12, 31), None),
    facts("E", "甘1027", "刑初", date(2023, 6, 1), date(2023, 12, 31)),
    facts("F", "甘1027", "民初", date(2022, 6, 1), date(2022, 12, 31)),
    facts("G", "甘1027", "民初", date(2022, 12, 1), date(2024, 1, 5)),
    facts("H", "甘1027", "民初", date(2023, 1, 1), None),
    facts("I", "甘1027", "民初", date(2024, 2, 1), None),
]
JUDGES: list[str | None] = ["王芳", "王芳", "李明", "李明", "赵刚", "赵刚", "赵刚", "赵刚", "赵刚"]


@pytest.fixture(scope="module")
def hand() -> Statistics:
    return statistics(HAND, judges=JUDGES)


def test_pending_and_its_change(hand: Statistics) -> None:
    # On 31 Dec 2023: A, D (filed that day), G (closes later), H = 4; E closed that day is no longer pending.
    # On 31 Dec 2022: A, B, G = 3; F closed that day is not. Change (4 − 3) ÷ 3 = 0.3333.
    assert (hand.compare, hand.since) == (date(2022, 12, 31), date(2023, 1, 1))
    overall = hand.overall
    assert (overall.pending, overall.pending_compare, overall.pending_change) == (4, 3, 0.3333)
    xifeng, zhenyuan = hand.by_court
    assert (xifeng.court_code, xifeng.pending, xifeng.pending_compare, xifeng.pending_change) == (
        "甘1002",
        2,
        2,
        0.0,
    )
    assert (zhenyuan.pending, zhenyuan.pending_compare, zhenyuan.pending_change) == (2, 1, 1.0)


def test_closed_to_filed_on_time_rate_and_average_days(hand: Statistics) -> None:
    overall, xifeng, zhenyuan = hand.overall, *hand.by_court
    # Filed in 2023: C, D, E, H = 4 (H on 1 Jan, D on 31 Dec). Closed in 2023: B, C, E = 3 (E on 31 Dec).
    assert (overall.filed, overall.closed, overall.closed_to_filed) == (4, 3, 0.75)
    assert (xifeng.closed_to_filed, zhenyuan.closed_to_filed) == (1.0, 0.5)  # 2/2, 1/2
    # In time: C only (B and E late): 1/3; 甘1002 1/2, 甘1027 0/1.
    assert (overall.closed_in_time, overall.closed_with_limit, overall.on_time_rate) == (1, 3, 0.3333)
    assert (xifeng.on_time_rate, zhenyuan.on_time_rate) == (0.5, 0.0)
    # Gross (337 + 50 + 213) / 3 = 200.0; net of C's 10 days: 590 / 3 = 196.7. 甘1002: 193.5 and 188.5.
    assert (overall.average_days, overall.average_days_net) == (200.0, 196.7)
    assert (xifeng.average_days, xifeng.average_days_net, zhenyuan.average_days) == (193.5, 188.5, 213.0)


def test_long_pending_and_overdue(hand: Statistics) -> None:
    # A (2021-06-01): over 12, 18 and 24 months, not 36; G (2022-12-01): over 12 (2023-12-01 < 31 Dec);
    # H (2023-01-01): 12 months end on 2024-01-01, not over. Overdue: A, G, H (6 months each), not D.
    overall = hand.overall
    assert overall.long_pending == {12: 2, 18: 1, 24: 1, 36: 0}
    assert overall.overdue == 3
    document = hand.as_json()
    assert (document["long_pending_12m"], document["long_pending_share"], document["overdue_share"]) == (
        2,
        0.5,
        0.75,
    )


def test_courtools_and_cepej(hand: Statistics) -> None:
    tools = hand.overall.courtools
    assert tools.clearance_rate == 0.75
    # Ages on 31 Dec 2023: D 0, H 364, G 395, A 943 days.
    assert [(band.band, band.count) for band in tools.age_of_pending] == [
        ("0-90", 1), ("91-180", 0), ("181-365", 1), ("366-730", 1), ("over_730", 1)]  # fmt: skip
    civil, criminal = tools.time_to_disposition
    # Civil (general civil standard): B 337, C 50 days: ≤180 1/2 (75% not met), ≤365 2/2, ≤540 2/2.
    assert (civil.family, civil.standard, civil.closed) == ("civil", "general_civil", 2)
    assert [(t.days, t.within, t.share, t.met) for t in civil.tiers] == [
        (180, 1, 0.5, False), (365, 2, 1.0, True), (540, 2, 1.0, True)]  # fmt: skip
    # Criminal (felony standard): E 213 days: ≤90 0, ≤180 0, ≤365 1.
    assert (criminal.family, criminal.standard) == ("criminal", "felony")
    assert [(t.days, t.within, t.met) for t in criminal.tiers] == [
        (90, 0, False),
        (180, 0, False),
        (365, 1, True),
    ]
    # CEPEJ over the 365 days of 2023: turnover 3 ÷ 4 = 0.75; disposition time 365 × 4 ÷ 3 = 486.7 days.
    cepej = hand.overall.cepej
    assert (cepej.period_days, cepej.resolved, cepej.pending_at_end) == (365, 3, 4)
    assert (cepej.case_turnover_ratio, cepej.disposition_time) == (0.75, 486.7)


def test_scores_per_court_and_per_judge_with_their_inputs(hand: Statistics) -> None:
    # 甘1002: on time 0.5, closed/filed 1.0, long-pending share 1/2, overdue share 1/2:
    #   (0.5 × 40 + 1.0 × 30 + 0.5 × 20 + 0.5 × 10) ÷ 100 = 65.0
    # 甘1027: 0.0, 0.5, 1/2, 2/2: (0 + 15 + 10 + 0) = 25.0
    assert [(s.court_code, s.score, s.rank) for s in hand.court_scores] == [
        ("甘1002", 65.0, 1),
        ("甘1027", 25.0, 2),
    ]
    assert hand.court_scores[0].inputs == {
        "on_time_rate": 0.5, "closed_to_filed": 1.0, "long_pending_share": 0.5, "overdue_share": 0.5}  # fmt: skip
    # 李明: C in time, filed C and D (1/2), D pending neither long nor overdue: 40 + 15 + 20 + 10 = 85.0.
    # 赵刚 = 甘1027 (25.0). 王芳: B late, nothing filed (no closed/filed ratio: weighed without it), A long and
    # overdue: 0 of 70 = 0.0.
    assert [(s.judge, s.score, s.rank) for s in hand.judge_scores] == [("李明", 85.0, 1), ("赵刚", 25.0, 2),
                                                                       ("王芳", 0.0, 3)]  # fmt: skip
    assert hand.judge_scores[2].inputs["closed_to_filed"] is None
    assert hand.judge_scores[0].counts["closed_in_time"] == 1


def test_the_clearing_rate_and_the_monthly_trend(hand: Statistics) -> None:
    # 清结率: pending on 2022-12-31 (the day before the period) A, B and G (F closed that day); of them B closed
    # in 2023 (G only in 2024): 1 of 3.
    overall = hand.overall
    assert (overall.carried_over, overall.carried_over_closed, overall.clearing_rate) == (3, 1, 0.3333)
    # The twelve months of 2023: filed C and H in January, E in June, D in December; closed B, C, E.
    trend = [(row.month.month, row.filed, row.closed, row.pending) for row in hand.trend]
    assert trend == [(1, 2, 0, 5), (2, 0, 1, 4), (3, 0, 1, 3), (4, 0, 0, 3), (5, 0, 0, 3), (6, 1, 0, 4),
                     (7, 0, 0, 4), (8, 0, 0, 4), (9, 0, 0, 4), (10, 0, 0, 4), (11, 0, 0, 4), (12, 1, 1, 4)]  # fmt: skip
    assert hand.trend[-1].until == AS_OF and hand.trend[-1].pending == overall.pending


def test_the_trend_starts_with_the_data_and_ends_on_the_as_of_date() -> None:
    result = statistics([facts("A", "甘1002", "民初", date(2023, 10, 5), None)], as_of=date(2023, 12, 15))
    assert [(r.month.isoformat(), r.until.isoformat(), r.pending) for r in result.trend] == [
        ("2023-10-01", "2023-10-31", 1), ("2023-11-01", "2023-11-30", 1), ("2023-12-01", "2023-12-15", 1)
    ]  # fmt: skip


def test_the_json_keys() -> None:
    document = statistics(HAND).as_json()
    for key in ("pending", "pending_compare", "pending_change", "closed_to_filed", "on_time_rate",
                "long_pending_12m", "long_pending_18m", "long_pending_24m", "long_pending_36m", "average_days",
                "average_days_net", "courtools", "cepej", "by_court", "scores", "carried_over",
                "carried_over_closed", "clearing_rate", "trend"):  # fmt: skip
        assert key in document, key
    by_court = document["by_court"]
    assert isinstance(by_court, list) and [row["court_code"] for row in by_court] == ["甘1002", "甘1027"]
    assert "court_code" not in document


def test_a_fall_of_75_25_percent() -> None:
    # 400 cases filed in 2021, pending on 31 Dec 2021; 301 of them closed on 30 June 2022: 99 pending on
    # 31 Dec 2022. (99 − 400) ÷ 400 = −0.7525.
    cases = [
        facts(f"N{n}", "甘10", "民初", date(2021, 3, 1), date(2022, 6, 30) if n < 301 else None)
        for n in range(400)
    ]
    result = statistics(cases, date(2022, 12, 31), compare=date(2021, 12, 31))
    assert (result.overall.pending, result.overall.pending_compare) == (99, 400)
    assert result.overall.pending_change == -0.7525
    case_frame, _ = frames(cases)
    comparison = pending_comparison(case_frame, date(2022, 12, 31), date(2021, 12, 31))
    assert comparison.as_json() == {"as_of": "2022-12-31", "compare": "2021-12-31", "pending": 99,
                                    "pending_compare": 400, "pending_change": -0.7525}  # fmt: skip


def test_no_figure_without_a_denominator() -> None:
    # One case filed and pending after the comparison date: nothing to compare with, nothing closed.
    result = statistics([facts("X", "甘10", "民初", date(2023, 5, 1), None)])
    overall = result.overall
    assert overall.pending_change is None and overall.on_time_rate is None and overall.average_days is None
    assert overall.closed_to_filed == 0.0 and overall.cepej.disposition_time is None


def test_long_pending_boundary_exactly_twelve_months() -> None:
    # On 31 Dec 2023, a case filed 31 Dec 2022 is exactly 12 months old (not over); one filed 30 Dec 2022 is over.
    cases = [
        facts("T", "甘10", "民初", date(2022, 12, 31), None),
        facts("U", "甘10", "民初", date(2022, 12, 30), None),
    ]
    assert statistics(cases).overall.long_pending[12] == 1


def test_a_compare_date_after_the_as_of_date_counts_cases_filed_in_between() -> None:
    result = statistics(HAND, compare=date(2024, 3, 1))
    # On 1 Mar 2024: A, D, H pending, and I (filed 1 Feb 2024); G closed on 5 Jan 2024.
    assert result.overall.pending_compare == 4


def test_configured_bands_and_standards_and_net_disposition_days() -> None:
    counts = CountSettings(long_pending_months=(6,), bands=(AgeBand(0, 364), AgeBand(365, None)),
                           disposition_net_of_deductions=True)  # fmt: skip
    result = statistics(HAND, settings=StatsSettings(counts=counts))
    assert result.overall.long_pending == {6: 3}  # A, G, H
    assert [band.count for band in result.overall.courtools.age_of_pending] == [2, 2]  # D, H | G, A
    civil = result.overall.courtools.time_to_disposition[0]
    assert civil.tiers[0].within == 1  # C: 40 net days


def test_a_period_that_starts_after_the_as_of_date_is_refused() -> None:
    with pytest.raises(ValueError):
        statistics(HAND, since=date(2024, 1, 1))


# The Polars path against a plain Python computation, on generated cases.
def reference(cases: list[CaseFacts], as_of: date, compare: date, since: date) -> dict[str, object]:
    known = [c for c in cases if c.filed_on <= as_of]
    states = {c.case_number: assess(c, as_of, CALENDAR) for c in known}
    pending = [c for c in known if is_pending(c.filed_on, c.closed_on, as_of)]
    filed = sum(1 for c in known if since <= c.filed_on)
    closed = [c for c in known if c.closed_on is not None and since <= c.closed_on <= as_of]
    limited = [c for c in closed if states[c.case_number].status.value in ("closed_in_time", "closed_late")]
    in_time = [c for c in closed if states[c.case_number].status.value == "closed_in_time"]
    gross = [(c.closed_on - c.filed_on).days for c in closed if c.closed_on is not None]
    net = [g - states[c.case_number].deadline.deducted_days for g, c in zip(gross, closed, strict=True)]
    carried = [c for c in known if is_pending(c.filed_on, c.closed_on, since - timedelta(days=1))]
    carried_closed = [c for c in carried if c in closed]
    return {
        "pending": len(pending),
        "pending_compare": sum(1 for c in cases if is_pending(c.filed_on, c.closed_on, compare)),
        "filed": filed,
        "closed": len(closed),
        "closed_to_filed": ratio(len(closed), filed),
        "on_time_rate": ratio(len(in_time), len(limited)),
        "average_days": ratio(sum(gross), len(closed), 1),
        "average_days_net": ratio(sum(net), len(closed), 1),
        "overdue": sum(1 for c in pending if states[c.case_number].status.value == "overdue"),
        **{f"long_pending_{m}m": sum(1 for c in pending if as_of > add_months(c.filed_on, m)) for m in (12, 18, 24, 36)},
        "carried_over": len(carried),
        "carried_over_closed": len(carried_closed),
        "clearing_rate": ratio(len(carried_closed), len(carried)),
    }  # fmt: skip


KEYS = ("pending", "pending_compare", "filed", "closed", "closed_to_filed", "on_time_rate", "average_days",
        "average_days_net", "overdue", "long_pending_12m", "long_pending_18m", "long_pending_24m",
        "long_pending_36m", "carried_over", "carried_over_closed", "clearing_rate")  # fmt: skip


@st.composite
def batches(draw: st.DrawFn) -> list[CaseFacts]:
    return [draw(case_facts(index)) for index in range(draw(st.integers(0, 20)))]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(cases=batches(), as_of=days(date(2016, 1, 1), date(2027, 12, 31)), back=st.integers(0, 800),
       length=st.integers(0, 500))  # fmt: skip
def test_the_polars_path_equals_a_plain_computation(
    cases: list[CaseFacts], as_of: date, back: int, length: int
) -> None:
    compare, since = as_of - timedelta(days=back), as_of - timedelta(days=length)
    result = statistics(cases, as_of, compare=compare, since=since).as_json()
    expected = reference(cases, as_of, compare, since)
    assert {key: result[key] for key in KEYS} == expected
    assert result["pending_change"] == change(len([c for c in cases if is_pending(c.filed_on, c.closed_on, as_of)]),
                                              int(str(expected["pending_compare"])))  # fmt: skip
    by_court = result["by_court"]
    assert isinstance(by_court, list)
    for key in ("pending", "pending_compare", "filed", "closed", "overdue", "long_pending_12m"):
        assert sum(row[key] for row in by_court) == result[key], key
    # The monthly trend: each month's filings and closings, and the pending at its end (or on the as-of date).
    known = [c for c in cases if c.filed_on <= as_of]
    for row in result["trend"]:  # type: ignore[attr-defined]
        start, until = date.fromisoformat(row["month"] + "-01"), date.fromisoformat(row["until"])
        assert row["filed"] == sum(1 for c in known if start <= c.filed_on <= until)
        assert row["closed"] == sum(
            1 for c in known if c.closed_on is not None and start <= c.closed_on <= until
        )
        assert row["pending"] == sum(1 for c in known if is_pending(c.filed_on, c.closed_on, until))
    if known:
        assert result["trend"][-1]["pending"] == result["pending"]  # type: ignore[index]
    # The long-pending counts agree with the ledger's own tiers (C10, gross, default conventions).
    case_frame, events = frames_from_facts(cases)
    ledger = compute_ledger(case_frame, events, as_of, CALENDAR)
    assert result["long_pending_12m"] == ledger.filter(pl.col("long_pending") >= 12).height


@settings(max_examples=60, deadline=None)
@given(cases=batches(), on=days(date(2014, 1, 1), date(2029, 12, 31)))
def test_pending_on_a_date_is_filed_by_then_minus_closed_by_then(cases: list[CaseFacts], on: date) -> None:
    case_frame, _ = frames_from_facts(cases)
    filed = [c for c in cases if c.filed_on <= on]
    closed = [c for c in filed if c.closed_on is not None and c.closed_on <= on]
    assert pending_on(case_frame, on) == len(filed) - len(closed)


def test_the_default_time_standards_are_the_model_time_standards_rows() -> None:
    # metrics.md §1.6: felony 75% ≤ 90, 90% ≤ 180, 98% ≤ 365; general civil 75% ≤ 180, 90% ≤ 365, 98% ≤ 540.
    felony = DEFAULT_TIME_STANDARDS[Family.CRIMINAL]
    civil = DEFAULT_TIME_STANDARDS[Family.CIVIL]
    assert [(t.percent, t.days) for t in felony.tiers] == [(75, 90), (90, 180), (98, 365)]
    assert [(t.percent, t.days) for t in civil.tiers] == [(75, 180), (90, 365), (98, 540)]
    assert all(DEFAULT_TIME_STANDARDS[f] is civil for f in Family if f is not Family.CRIMINAL)
    assert standard_for("刑初") is felony and standard_for("执") is civil and standard_for("??") is civil


def test_age_bands_must_follow_on() -> None:
    check_bands(DEFAULT_AGE_BANDS)
    for bad in ((AgeBand(1, 90),), (AgeBand(0, 90), AgeBand(92, None)), (AgeBand(0, None), AgeBand(1, 5))):
        with pytest.raises(ValueError):
            CountSettings(bands=bad)
    with pytest.raises(ValueError):
        CountSettings(long_pending_months=())


def test_the_score_weighs_only_inputs_with_a_value() -> None:
    # 0.9 × 40 + min(1.2, 1) × 30 + (1 − 0.1) × 20 + (1 − 0) × 10 = 36 + 30 + 18 + 10 = 94.
    inputs: dict[str, float | None] = {"on_time_rate": 0.9, "closed_to_filed": 1.2, "long_pending_share": 0.1,
                                       "overdue_share": 0.0}  # fmt: skip
    assert score(inputs) == 94.0
    # Without an on-time rate: (30 + 18 + 10) ÷ 60 = 96.67.
    assert score({**inputs, "on_time_rate": None}) == 96.67
    assert score({}) is None
    # A court's own weights: only the on-time rate.
    assert score(inputs, (ScoreWeight("on_time_rate", 1, True, "审限内结案率"),)) == 90.0
