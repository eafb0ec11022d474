"""Time standards (CourTools measure 3) and age bands (measure 4): configuration data with their sources.

Source: ../shared/metrics.md §1.6, the Model Time Standards for State Trial Courts (CCJ, COSCA, ABA, NACM 2011;
ABA House of Delegates Resolution 112, February 2012), and §1.3 for the age bands of the active pending caseload.
metrics.md §1.6 says it plainly: "the time standards are therefore configuration data, keyed by jurisdiction and
case type, with one or more (percentile, days) tiers". A court that sets its own standards passes another table;
nothing here is law.

Chinese courts have no time standard of this kind (their own measure is the statutory period, 审限内结案率), so the
mapping of the type-code families (qingji.core.typecodes, rules/trial-periods.md §6.3) onto the Model Time
Standards' rows is a CONVENTION: criminal cases take the felony row, every other family the general-civil row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from qingji.core.typecodes import Family, type_code

MTS_SOURCE = "Model Time Standards for State Trial Courts (2011), ABA Resolution 112 (2012); metrics.md §1.6"


@dataclass(frozen=True, slots=True)
class Tier:
    """``percent`` % of the cases disposed of should take at most ``days`` days from filing."""

    percent: int
    days: int


@dataclass(frozen=True, slots=True)
class TimeStandard:
    name: str
    tiers: tuple[Tier, ...]
    source: str = MTS_SOURCE


def _standard(name: str, *tiers: tuple[int, int]) -> TimeStandard:
    return TimeStandard(name, tuple(Tier(percent, days) for percent, days in tiers))


# The rows of the Model Time Standards table (metrics.md §1.6) that a court may map its families onto.
MODEL_TIME_STANDARDS: dict[str, TimeStandard] = {
    standard.name: standard
    for standard in (
        _standard("felony", (75, 90), (90, 180), (98, 365)),
        _standard("misdemeanor", (75, 60), (90, 90), (98, 180)),
        _standard("general_civil", (75, 180), (90, 365), (98, 540)),
        _standard("summary_civil", (75, 60), (90, 90), (98, 180)),
        _standard("divorce", (75, 120), (90, 180), (98, 365)),
        _standard("probate", (75, 360), (90, 540), (98, 720)),
    )
}

# Family → standard (CONVENTION, see the module's docstring).
DEFAULT_TIME_STANDARDS: dict[Family, TimeStandard] = {
    family: MODEL_TIME_STANDARDS["felony" if family is Family.CRIMINAL else "general_civil"]
    for family in Family
}


def family_of(code: str | None) -> Family:
    """The family of a type code; an unknown or missing code is ``other``."""
    known = type_code(code) if code else None
    return known.family if known is not None else Family.OTHER


def standard_for(
    code: str | None, standards: Mapping[Family, TimeStandard] = DEFAULT_TIME_STANDARDS
) -> TimeStandard:
    return standards[family_of(code)]


@dataclass(frozen=True, slots=True)
class AgeBand:
    """Pending cases aged from ``low`` to ``high`` days, both included (``high`` None: no upper bound)."""

    low: int
    high: int | None

    @property
    def label(self) -> str:
        return f"{self.low}-{self.high}" if self.high is not None else f"over_{self.low - 1}"

    def holds(self, age_days: int) -> bool:
        return self.low <= age_days and (self.high is None or age_days <= self.high)


# CourTools measure 4 age bands (metrics.md §1.3: "0–90 days … over 365 days, or the court's own bands"), extended
# to two years as the Chinese long-pending tiers reach that far. Age = as-of date − filing date, in days.
DEFAULT_AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand(0, 90),
    AgeBand(91, 180),
    AgeBand(181, 365),
    AgeBand(366, 730),
    AgeBand(731, None),
)


def check_bands(bands: tuple[AgeBand, ...]) -> None:
    """Bands must start at 0, follow one another without gap or overlap, and only the last may be open."""
    expected = 0
    for index, band in enumerate(bands):
        if band.low != expected or (band.high is not None and band.high < band.low):
            raise ValueError(f"age band {band.label} does not follow on from day {expected}")
        if band.high is None:
            if index != len(bands) - 1:
                raise ValueError("only the last age band may be open-ended")
            return
        expected = band.high + 1
