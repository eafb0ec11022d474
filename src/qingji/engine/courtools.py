"""CourTools (measures 2, 3 and 4) and CEPEJ (clearance rate, case turnover, disposition time) from the counts.

Definitions: ../shared/metrics.md §1.1–1.3, §1.6 and §2; docs/measures.md says how qingji reads each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qingji.core.measures import disposition_time, ratio, turnover_ratio
from qingji.core.typecodes import Family
from qingji.engine.counts import CountSettings


@dataclass(frozen=True)
class TierResult:
    percent: int  # the standard: percent % of the cases within days
    days: int
    within: int  # cases closed in the period within ``days``
    share: float | None  # within ÷ closed
    met: bool | None  # share ≥ percent %

    def as_json(self) -> dict[str, object]:
        return {"percent": self.percent, "days": self.days, "within": self.within, "share": self.share,
                "met": self.met}  # fmt: skip


@dataclass(frozen=True)
class Disposition:
    """CourTools measure 3 for one family of cases: the closings of the period against the family's standard."""

    family: str
    standard: str
    closed: int
    tiers: list[TierResult]

    def as_json(self) -> dict[str, object]:
        return {"family": self.family, "standard": self.standard, "closed": self.closed,
                "tiers": [tier.as_json() for tier in self.tiers]}  # fmt: skip


@dataclass(frozen=True)
class BandCount:
    band: str  # "0-90", …, "over_730"
    low: int
    high: int | None
    count: int
    share: float | None  # of the pending cases

    def as_json(self) -> dict[str, object]:
        return {
            "band": self.band,
            "low": self.low,
            "high": self.high,
            "count": self.count,
            "share": self.share,
        }


@dataclass(frozen=True)
class CourTools:
    clearance_rate: float | None  # measure 2: outgoing ÷ incoming in the period
    time_to_disposition: list[Disposition]  # measure 3, per family with closings
    age_of_pending: list[BandCount]  # measure 4, pending on the as-of date by age band

    def as_json(self) -> dict[str, object]:
        return {
            "clearance_rate": self.clearance_rate,
            "time_to_disposition": [row.as_json() for row in self.time_to_disposition],
            "age_of_pending": [row.as_json() for row in self.age_of_pending],
        }


@dataclass(frozen=True)
class Cepej:
    period_days: int
    resolved: int
    pending_at_end: int
    case_turnover_ratio: float | None  # resolved ÷ pending at the end
    disposition_time: float | None  # period days × pending at the end ÷ resolved, in days

    def as_json(self) -> dict[str, object]:
        return {"period_days": self.period_days, "resolved": self.resolved, "pending_at_end": self.pending_at_end,
                "case_turnover_ratio": self.case_turnover_ratio, "disposition_time": self.disposition_time}  # fmt: skip


def dispositions(rows: Sequence[Mapping[str, object]], settings: CountSettings) -> list[Disposition]:
    """One :class:`Disposition` per family row of :func:`qingji.engine.counts.dispositions_by` (one group's)."""
    result = []
    for row in rows:
        family = Family(str(row["family"]))
        standard = settings.standard(family)
        closed = _int(row["closed"])
        tiers = []
        for tier in standard.tiers:
            within = _int(row[f"within_{tier.days}"])
            share = ratio(within, closed)
            met = None if share is None else within * 100 >= tier.percent * closed
            tiers.append(TierResult(tier.percent, tier.days, within, share, met))
        result.append(Disposition(family.value, standard.name, closed, tiers))
    return result


def courtools(
    counts: Mapping[str, object], families: list[Disposition], settings: CountSettings
) -> CourTools:
    pending = _int(counts["pending"])
    bands = [
        BandCount(band.label, band.low, band.high, _int(counts[f"band_{i}"]), ratio(_int(counts[f"band_{i}"]), pending))
        for i, band in enumerate(settings.bands)
    ]  # fmt: skip
    return CourTools(ratio(_int(counts["closed"]), _int(counts["filed"])), families, bands)


def cepej(counts: Mapping[str, object], days: int) -> Cepej:
    resolved, pending = _int(counts["closed"]), _int(counts["pending"])
    return Cepej(
        days, resolved, pending, turnover_ratio(resolved, pending), disposition_time(days, pending, resolved)
    )


def _int(value: object) -> int:
    assert isinstance(value, int), value
    return value
