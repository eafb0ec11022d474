"""How cases closed in the recent months, by their age and by the month of the year: the closing hazard, and how
many cases were filed.

The hazard of closing is the chance that a case still pending at the end of one day closes on the next. It is
modelled as λ(k) · s(m): λ(k) by the case's age k in days since filing, and s(m) a factor of the calendar month m
of the day (courts close more in December, the year-end push 年底结案, and less around the Spring Festival). Both
are estimated over a window of recent days, by default the last twelve months, so that each month of the year is
seen once:

    λ̂(k) = D(k) ÷ Σ_m s(m) E(m, k)          ŝ(m) = D(m) ÷ Σ_k λ̂(k) E(m, k)

with D the closings and E the cases at risk (pending at the end of the day before), counted by age and month over
the days of the window: every case pending at some time in the window counts, from its age at the window's first
day (delayed entry) to its closing or the window's end. The two are solved alternately (a few rounds of this
Poisson regression converge), the factors scaled to average 1 over the window's days. With every s(m) = 1 it is
the Nelson–Aalen estimate of the cumulative hazard Λ(k) = Σ λ(j), j ≤ k, read on a grid of whole days (Aalen,
Borgan & Gjessing, *Survival and Event History Analysis*, Springer 2008, §3.1); with the factors, the
proportional-hazards form with calendar time as a stratum-free covariate (op. cit. §4.1). A case pending at age a
on day T is still pending at age a + d on day T + d with probability exp(−Σ λ(a + i) s(month of T + i), i = 1 … d).

A month's factor is shrunk towards 1 as if it had :data:`PRIOR_CLOSINGS` closings more at the average rate,
ŝ(m) = (D(m) + 10) ÷ (Σ_k λ̂(k) E(m, k) + 10): the mean of the factor under a gamma prior of mean 1 and shape 10
(the Poisson–gamma model: Gelman et al., *Bayesian Data Analysis*, 3rd ed. 2013, §2.6), so that a small court's
month without a closing does not stop all closing in that month next year; with hundreds of closings a month it
changes nothing. Each count is taken as Poisson, so that Var λ̂(k) ≈ D(k) ÷ (Σ_m s(m) E(m, k))² (Aalen et al.,
eq. 3.6) and Var ŝ(m) ≈ ŝ(m)² ÷ (D(m) + 10), the days and months independent. A month of the year that the window
does not reach (a window shorter than a year) gets the factor 1.

The oldest ages have little exposure: from the age where less than :data:`TAIL_EXPOSURE` case-days remain in the
window, one hazard is pooled for all older ages (their closings ÷ their exposure), which also serves the ages that
no case reached in the window (a case that ages beyond the oldest seen).

Cases closed on the day they were filed are never pending at a day's end: they count neither in the hazard nor in
the filing rate (the filings in the window pending at the end of their filing day, per day), so that a new filing
is pending at age 0 and the hazard takes it from there. Age is gross (C10): deductions do not stop the clock.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qingji.core.dates import last_day_of_month
from qingji.forecast.days import FloatArray, IntArray, from_day, to_day

# Case-days of exposure below which the oldest ages share one pooled hazard: ten case-years.
TAIL_EXPOSURE = 3650.0
ROUNDS = 6  # of the alternating estimate of the hazard and the monthly factors
# The factors are shrunk towards 1 as if each month had this many closings more, at the average rate: a month with
# few closings (a small court) moves its factor little, and one without any does not stop all closing.
PRIOR_CLOSINGS = 10.0


@dataclass(frozen=True)
class Rates:
    """One court's recent closing hazard by age and month, and its filing rate (ages in days)."""

    window_days: int  # the days of the window (start, as_of]
    filed: int  # filings in the window still pending at the end of their filing day
    closed: int  # closings in the window (of cases filed before the day they closed)
    hazard: FloatArray  # λ̂(k) for k = 0 … the largest age (index 0 unused: 0)
    variance: FloatArray  # Var λ̂(k) for the ages below tail_from; 0 from tail_from on
    tail_from: int  # the first age of the pooled hazard
    tail_variance: float  # Var of the pooled hazard
    cumulative: FloatArray  # Λ(k) = Σ λ̂(j), j = 1 … k; Λ(0) = 0
    season: tuple[float, ...]  # ŝ(m) for January … December
    season_variance: tuple[float, ...]

    @property
    def filing_rate(self) -> float:
        """Filings a day (pending at the end of their filing day)."""
        return self.filed / self.window_days if self.window_days > 0 else 0.0

    @property
    def ages(self) -> int:
        """The largest age the arrays reach."""
        return len(self.hazard) - 1


def estimate(filed: IntArray, closed: IntArray, *, window_start: int, as_of: int, ages: int) -> Rates:
    """The :class:`Rates` of cases filed on days ``filed`` and closed on ``closed`` (a day after ``as_of`` for a
    case pending on it), over the window (window_start, as_of]; the arrays reach age ``ages`` (at least the oldest
    case's age on ``as_of`` plus the days projected)."""
    size = ages + 1
    months, exposure, events = _counts(filed, closed, window_start, as_of, size)
    days = np.array([b - a for a, b in _segments(window_start, as_of)], dtype=np.float64)
    by_age, by_month = events.sum(axis=0), np.array([events[months == m].sum() for m in range(12)])
    seen = np.array([bool((months == m).any()) for m in range(12)])
    season = np.ones(12)
    for _ in range(ROUNDS):
        weighted = (season[months][:, None] * exposure).sum(axis=0)
        hazard, tail_from = _hazard(by_age, weighted)
        expected = (exposure * hazard[None, :]).sum(axis=1)
        per_month = np.array([expected[months == m].sum() for m in range(12)])
        season = np.where(seen, (by_month + PRIOR_CLOSINGS) / (per_month + PRIOR_CLOSINGS), 1.0)
        scale = float((season[months] * days).sum() / days.sum()) if days.sum() > 0 else 1.0
        season = np.where(seen, season / scale, 1.0)
    weighted = (season[months][:, None] * exposure).sum(axis=0)
    hazard, tail_from = _hazard(by_age, weighted)
    with np.errstate(divide="ignore", invalid="ignore"):
        variance = np.where(weighted > 0, by_age / weighted**2, 0.0)
    variance[tail_from:] = 0.0
    tail_exposure, tail_events = float(weighted[tail_from:].sum()), float(by_age[tail_from:].sum())
    filings = (filed > window_start) & (filed <= as_of) & (closed > filed)
    return Rates(
        window_days=as_of - window_start,
        filed=int(filings.sum()),
        closed=int(by_age.sum()),
        hazard=hazard,
        variance=variance,
        tail_from=tail_from,
        tail_variance=tail_events / tail_exposure**2 if tail_exposure > 0 else 0.0,
        cumulative=np.cumsum(hazard),
        season=tuple(float(s) for s in season),
        season_variance=tuple(
            float(s * s / (d + PRIOR_CLOSINGS)) if known else 0.0
            for s, d, known in zip(season, by_month, seen, strict=True)
        ),
    )


def _segments(window_start: int, as_of: int) -> list[tuple[int, int]]:
    """The window (window_start, as_of] cut at month ends into pieces (a, b], each within one calendar month."""
    pieces, start = [], window_start
    while start < as_of:
        first = from_day(start + 1)
        end = min(to_day(first.replace(day=last_day_of_month(first.year, first.month))), as_of)
        pieces.append((start, end))
        start = end
    return pieces


def _counts(
    filed: IntArray, closed: IntArray, window_start: int, as_of: int, size: int
) -> tuple[IntArray, FloatArray, FloatArray]:
    """(month of each piece of the window 0–11, exposure [piece, age], closings [piece, age])."""
    pieces = _segments(window_start, as_of)
    months = np.array([from_day(b).month - 1 for _, b in pieces], dtype=np.int64)
    exposure, events = np.zeros((len(pieces), size)), np.zeros((len(pieces), size))
    relevant = (closed > window_start) & (closed > filed) & (filed < as_of)
    filed, closed = filed[relevant], closed[relevant]
    for row, (start, end) in enumerate(pieces):
        first_day = np.maximum(filed + 1, start + 1)  # at risk from the day after filing
        last_day = np.minimum(closed, end)
        at_risk = first_day <= last_day
        low = np.minimum((first_day - filed)[at_risk], size)
        high = np.minimum((last_day - filed)[at_risk], size - 1)
        steps = (
            np.bincount(low, minlength=size + 1)[: size + 1]
            - np.bincount(high + 1, minlength=size + 1)[: size + 1]
        )
        exposure[row] = np.cumsum(steps)[:size]
        closing = (closed > start) & (closed <= end)
        events[row] = np.bincount(np.minimum((closed - filed)[closing], size - 1), minlength=size)[:size]
    return months, exposure, events


def _hazard(events: FloatArray, exposure: FloatArray) -> tuple[FloatArray, int]:
    """λ̂(k) = events ÷ exposure by age, pooled from the age where less than TAIL_EXPOSURE remains; and that age."""
    behind = np.cumsum(exposure[::-1])[::-1]  # exposure at this age and older
    enough = np.flatnonzero(behind >= TAIL_EXPOSURE)
    tail_from = max(int(enough[-1]) if len(enough) else 1, 1)
    tail_exposure = float(exposure[tail_from:].sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        hazard = np.where(exposure > 0, events / exposure, 0.0)
    hazard[tail_from:] = float(events[tail_from:].sum()) / tail_exposure if tail_exposure > 0 else 0.0
    hazard[0] = 0.0
    return hazard, tail_from
