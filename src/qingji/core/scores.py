"""Scores per court and per judge (纳入绩效考核, DESIGN.md §1): a weighted sum of measures, every input shown.

The weights are configuration, not law: the table below is a default a court replaces with its own. Each input is
a fraction between 0 and 1; a measure where more is better counts as its value (capped), one where less is better
as 1 − its value. The score is 100 × Σ weight × value ÷ Σ weight over the inputs that have a value (a court with no
closings in the period has no on-time rate, and is scored on the rest). docs/measures.md explains the defaults.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SCORE_PLACES = 2


@dataclass(frozen=True, slots=True)
class ScoreWeight:
    measure: str  # the key of the input
    weight: float
    higher_is_better: bool
    label_zh: str
    cap: float = 1.0  # values above count as the cap (a closed-to-filed ratio of 1.3 counts as 1.0)


DEFAULT_SCORE_WEIGHTS: tuple[ScoreWeight, ...] = (
    ScoreWeight("on_time_rate", 40, True, "审限内结案率"),
    ScoreWeight("closed_to_filed", 30, True, "结收比"),
    ScoreWeight("long_pending_share", 20, False, "超12个月未结案件比"),
    ScoreWeight("overdue_share", 10, False, "超审限未结案件比"),
)


def points(value: float, weight: ScoreWeight) -> float:
    """The input as a value between 0 and 1 in the direction of the weight."""
    capped = min(max(value, 0.0), weight.cap) / weight.cap
    return capped if weight.higher_is_better else 1.0 - capped


def score(
    inputs: Mapping[str, float | None], weights: Sequence[ScoreWeight] = DEFAULT_SCORE_WEIGHTS
) -> float | None:
    """100 × Σ weight × points ÷ Σ weight over the inputs with a value; None when none has one."""
    total = weighted = 0.0
    for weight in weights:
        value = inputs.get(weight.measure)
        if value is None or weight.weight <= 0:
            continue
        total += weight.weight
        weighted += weight.weight * points(value, weight)
    return round(100 * weighted / total, SCORE_PLACES) if total else None
