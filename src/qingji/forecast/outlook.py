"""One court's backlog at the coming month ends: the expected count of pending cases older than each band, its
variance, and the cases ageing into the band each month (the arithmetic of qingji.forecast.projection).

T is the as-of date and M₁ < M₂ < … the month ends after it; each piece (Mⱼ₋₁, Mⱼ] (M₀ = T) lies in one calendar
month, of factor s (qingji.forecast.hazard). The units counted are the cases pending on T (each filed on its day f)
and each day t to come, on which r cases are filed (r the filing rate; f = t for them). A unit's hazard spent by
Mⱼ is H = Σ_q s_q (Λ(Mq − f) − Λ(Mq₋₁ − f)), ages below 0 taken as 0 (a unit not yet filed spends nothing), and
it is pending then with probability p = exp(−H). At Mⱼ and a band of N months:

- the expected count is C = Σ p over the units older than N months then (f before the cut-off of Mⱼ and N:
  qingji.forecast.days), a day to come weighted by r;
- its variance adds, independently: the cases' own fates Σ p(1 − p) (Bernoulli); the new filings that stay,
  Poisson, their mean F; the estimated filing rate, F² ÷ n (n the filings of the window, Var r̂ = r ÷ days); the
  estimated hazard and factors by the delta method, Σ_k G(k)² Var λ̂(k) + Σ_m D(m)² Var ŝ(m), with G(k) = −∂C/∂λ(k)
  the expected cases counted that pass age k on the way, each pass weighted by its month's factor, the pooled
  tail's ages taken together (one estimate), and D(m) = −∂C/∂s(m);
- the inflow of the month: the units whose first day older than N months falls in (Mⱼ₋₁, Mⱼ], each with the
  chance of being pending that day.

Every step is a few array operations over all units at once (NumPy), per month end and band.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

import numpy as np

from qingji.forecast.days import BoolArray, FloatArray, IntArray, crossing_day, cutoff_day, from_day, to_day
from qingji.forecast.hazard import Rates


@dataclass(frozen=True)
class Outlook:
    """Arrays indexed [month, band]."""

    value: FloatArray  # expected count
    variance: FloatArray
    inflow: FloatArray  # expected cases crossing into the band during the month, pending when they cross


@dataclass(frozen=True)
class _Units:
    filed: IntArray  # the day each unit was (will be) filed
    weight: FloatArray  # 1 for a case, r for a day to come
    new: BoolArray  # a day to come
    crossing: dict[int, IntArray]  # band → each unit's first day older than the band
    ages: list[IntArray]  # each unit's age at T, M₁, M₂ … (0 before filing)


def outlook(
    filed: IntArray,
    crossing: dict[int, IntArray],
    rates: Rates,
    *,
    as_of: date,
    month_ends: list[date],
    bands: tuple[int, ...],
) -> Outlook:
    """The :class:`Outlook` of the cases pending on ``as_of`` (filed on the days ``filed``; ``crossing[N]`` the
    first day each is older than N months) and of the filings to come, at each of ``month_ends``."""
    bounds = [to_day(as_of), *(to_day(end) for end in month_ends)]
    units = _units(filed, crossing, rates.filing_rate, bounds, bands)
    factors = [rates.season[end.month - 1] for end in month_ends]
    cumulative = rates.cumulative
    pieces = [cumulative[later] - cumulative[earlier] for earlier, later in pairwise(units.ages)]
    shape = (len(month_ends), len(bands))
    value, variance, inflow = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    spent = np.zeros(len(units.filed))
    for j, month_end in enumerate(month_ends):
        before = spent
        spent = spent + factors[j] * pieces[j]
        pending = np.exp(-spent)
        for b, band in enumerate(bands):
            counted = np.where(units.filed < cutoff_day(month_end, band), pending, 0.0) * units.weight
            new = float(counted[units.new].sum())
            value[j, b] = float(counted.sum())
            variance[j, b] = (
                float((counted * (1 - pending))[~units.new].sum())
                + new
                + (new * new / rates.filed if rates.filed else 0.0)
                + _estimation_variance(rates, units, counted, pieces[: j + 1], factors, month_ends)
            )
            x = units.crossing[band]
            inside = (x > bounds[j]) & (x <= bounds[j + 1])
            on_crossing = before[inside] + factors[j] * (
                cumulative[x[inside] - units.filed[inside]] - cumulative[units.ages[j][inside]]
            )
            inflow[j, b] = float((np.exp(-on_crossing) * units.weight[inside]).sum())
    return Outlook(value, variance, inflow)


def _units(
    filed: IntArray, crossing: dict[int, IntArray], rate: float, bounds: list[int], bands: tuple[int, ...]
) -> _Units:
    days = np.arange(bounds[0] + 1, bounds[-1] + 1, dtype=np.int64)
    every = np.concatenate([filed, days])
    coming = {
        band: np.array([to_day(crossing_day(from_day(day), band)) for day in days.tolist()], dtype=np.int64)
        for band in bands
    }
    return _Units(
        filed=every,
        weight=np.concatenate([np.ones(len(filed)), np.full(len(days), rate)]),
        new=np.concatenate([np.zeros(len(filed), dtype=np.bool_), np.ones(len(days), dtype=np.bool_)]),
        crossing={band: np.concatenate([crossing[band], coming[band]]) for band in bands},
        ages=[np.maximum(bound - every, 0) for bound in bounds],
    )


def _estimation_variance(
    rates: Rates,
    units: _Units,
    counted: FloatArray,
    pieces: list[FloatArray],
    factors: list[float],
    month_ends: list[date],
) -> float:
    """Σ_k G(k)² Var λ̂(k) (the pooled tail as one) + Σ_m D(m)² Var ŝ(m), over the pieces up to this month end."""
    size = len(rates.hazard) + 1
    steps = np.zeros(size)
    by_month = np.zeros(12)
    for q, piece in enumerate(pieces):
        low, high = units.ages[q], units.ages[q + 1]  # the piece passes ages low + 1 … high
        passing = counted * factors[q]
        steps += np.bincount(low + 1, weights=passing, minlength=size)[:size]
        steps -= np.bincount(high + 1, weights=passing, minlength=size)[:size]
        by_month[month_ends[q].month - 1] += float((counted * piece).sum())
    through = np.cumsum(steps)[: size - 1]
    tail = rates.tail_from
    hazard = float((through[:tail] ** 2 * rates.variance[:tail]).sum())
    hazard += float(through[tail:].sum()) ** 2 * rates.tail_variance
    return hazard + float((by_month**2 * np.asarray(rates.season_variance)).sum())
