"""The backlog projected (qingji.forecast.projection, .hazard, .outlook): the hazard worked out by hand, a court
that closes nothing projected exactly, a court whose cases close at a known constant rate projected as the
arithmetic says, and the figures' own identities (the count moves by inflow − cleared; the courts add up)."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import polars as pl
import pytest

from qingji.core.dates import older_than_cutoff
from qingji.forecast import hazard
from qingji.forecast.days import month_ends_after, to_day
from qingji.forecast.projection import project

AS_OF = date(2024, 6, 30)


def frame(rows: list[tuple[str, date, date | None]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["court_code", "filed_on", "closed_on"], orient="row")


def test_month_ends() -> None:
    assert month_ends_after(date(2024, 1, 15), 3) == [date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31)]
    assert month_ends_after(date(2024, 1, 31), 2) == [date(2024, 2, 29), date(2024, 3, 31)]
    assert month_ends_after(date(2024, 12, 31), 1) == [date(2025, 1, 31)]


def test_the_hazard_by_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    """Window (1 Jan, 10 Jan]: one case filed 31 Dec closes on 5 Jan, at age 5, another filed 2 Jan is pending.
    At risk at ages 1–5: two cases (the first from 2 Jan, the second from 3 Jan), ages 6–8: one. So λ(5) = 1/2
    and every other age 0; one month of the year seen, its factor 1."""
    monkeypatch.setattr(hazard, "TAIL_EXPOSURE", 0.0)  # no pooling of the oldest ages: each day its own
    filed = np.array([to_day(date(2023, 12, 31)), to_day(date(2024, 1, 2))], dtype=np.int64)
    closed = np.array([to_day(date(2024, 1, 5)), 10**9], dtype=np.int64)
    rates = hazard.estimate(filed, closed, window_start=to_day(date(2024, 1, 1)), as_of=to_day(date(2024, 1, 10)),
                            ages=12)  # fmt: skip
    assert rates.hazard[5] == pytest.approx(0.5)
    assert [k for k in range(13) if rates.hazard[k]] == [5]
    assert rates.variance[5] == pytest.approx(1 / 4)  # D ÷ E² = 1 ÷ 2²
    assert rates.cumulative[8] == pytest.approx(0.5)
    assert rates.season == (1.0,) * 12
    assert (rates.filed, rates.closed, rates.window_days) == (1, 1, 9)  # the second case, filed in the window


def test_a_court_that_closes_nothing_is_projected_exactly() -> None:
    """No closing and no filing in the twelve months before: the hazard is 0, every pending case stays, and a
    band's count is the cases old enough by then, with no uncertainty."""
    cases = frame([
        ("甘1002", date(2023, 1, 15), None),  # over 18 months from 2024-07-16
        ("甘1002", date(2023, 3, 31), None),  # from 2024-10-01 (2023-03-31 + 18 months = 2024-09-30)
        ("甘1002", date(2023, 6, 10), None),  # from 2024-12-11
        ("甘1002", date(2022, 1, 4), date(2023, 5, 31)),  # closed before the window: only history
    ])  # fmt: skip
    result = project(cases, AS_OF, months=6)
    overall = result.overall
    assert overall.now == {6: 3, 12: 3, 18: 0}
    assert [m.month_end for m in overall.months] == month_ends_after(AS_OF, 6)
    assert [m.band(18).value for m in overall.months] == [1, 1, 1, 2, 2, 3]
    assert [m.band(18).inflow for m in overall.months] == [1, 0, 0, 1, 0, 1]
    for month in overall.months:
        assert month.band(6).value == month.band(12).value == 3
        for band in month.bands:
            assert band.low == band.value == band.high and band.cleared == 0
    assert overall.filed_per_month == overall.closed_per_month == 0


def exponential_court(seed: int, rate: float = 1 / 120, filings: float = 8.0) -> pl.DataFrame:
    """Four years of filings (Poisson, ``filings`` a day) whose cases close after an exponential time of mean
    1 ÷ ``rate`` days: a constant hazard, the same at every age and in every month."""
    rng = np.random.default_rng(seed)
    first = to_day(AS_OF) - 4 * 365
    days = np.repeat(np.arange(first, to_day(AS_OF) + 1), rng.poisson(filings, to_day(AS_OF) - first + 1))
    closes = days + 1 + np.floor(rng.exponential(1 / rate, len(days))).astype(np.int64)
    epoch = date(1970, 1, 1)
    return pl.DataFrame({
        "court_code": ["甘1021"] * len(days),
        "filed_on": [epoch + timedelta(days=int(d)) for d in days],
        "closed_on": [epoch + timedelta(days=int(c)) if c <= to_day(AS_OF) else None for c in closes],
    })  # fmt: skip


def test_a_constant_hazard_is_projected_as_the_arithmetic_says() -> None:
    """A case pending now is still pending d days later with probability exp(−λd), whatever its age; so the
    expected count at a month end is Σ exp(−λd) over the cases old enough then (new filings cannot be six months
    old within six months)."""
    rate = 1 / 120
    cases = exponential_court(seed=11, rate=rate)
    result = project(cases, AS_OF, months=6)
    pending = cases.filter(pl.col("closed_on").is_null())
    for month in result.overall.months:
        d = (month.month_end - AS_OF).days
        for band in month.bands:
            old = pending.filter(pl.col("filed_on") < older_than_cutoff(month.month_end, band.band)).height
            expected, sd = (
                old * math.exp(-rate * d),
                math.sqrt(old * math.exp(-rate * d) * (1 - math.exp(-rate * d))),
            )
            assert abs(band.value - expected) <= 0.05 * expected + 3 * sd
            assert band.low <= band.value <= band.high
            assert (band.high - band.low) / 2 >= 1.2816 * sd * 0.9  # about the cases' own fates, at least
    assert result.by_court[0].closed_per_month == pytest.approx(
        cases.filter(pl.col("closed_on") > date(2023, 6, 30)).height / (366 / 30.4375), rel=1e-9
    )


def test_the_count_moves_by_inflow_less_cleared_and_the_courts_add_up() -> None:
    cases = pl.concat(
        [exponential_court(seed=1), exponential_court(seed=2).with_columns(court_code=pl.lit("甘1027"))]
    )
    result = project(cases, AS_OF, months=4)
    before: dict[int, float] = {band: float(n) for band, n in result.overall.now.items()}
    for month in result.overall.months:
        for band in month.bands:
            assert band.value == pytest.approx(before[band.band] + band.inflow - band.cleared, abs=1e-6)
            assert 0 <= band.low <= band.value <= band.high
            courts = [
                court.months[result.overall.months.index(month)].band(band.band) for court in result.by_court
            ]
            assert band.value == pytest.approx(sum(c.value for c in courts))
            # the variances add: the total's interval is narrower than the sum of the courts' widths
            assert band.high - band.low <= sum(c.high - c.low for c in courts) + 1e-9
        before = {band.band: band.value for band in month.bands}
    assert [court.court_code for court in result.by_court] == ["甘1021", "甘1027"]


def test_what_is_not_known_on_the_date_is_not_used() -> None:
    cases = exponential_court(seed=3)
    later = pl.concat([
        cases.with_columns(closed_on=pl.coalesce("closed_on", pl.lit(date(2024, 8, 1)))),  # closed later
        pl.DataFrame({"court_code": ["甘1021"], "filed_on": [date(2024, 7, 2)], "closed_on": [None]},
                     schema=cases.schema),  # filed later
    ])  # fmt: skip
    assert project(later, AS_OF).as_json() == project(cases, AS_OF).as_json()


def test_the_json_keys_and_bad_arguments() -> None:
    document = project(exponential_court(seed=4), AS_OF, months=2).as_json()
    assert set(document) >= {"as_of", "history_from", "level", "bands", "now", "months", "by_court"}
    assert document["history_from"] == "2023-06-30" and document["bands"] == [6, 12, 18]
    month = document["months"][0]  # type: ignore[index]
    assert month["month_end"] == "2024-07-31"
    assert set(month["bands"]["12"]) == {"value", "low", "high", "inflow", "cleared"}
    with pytest.raises(ValueError, match="at least 1"):
        project(exponential_court(seed=4), AS_OF, months=0)
    with pytest.raises(ValueError, match="level"):
        project(exponential_court(seed=4), AS_OF, level=1.0)
