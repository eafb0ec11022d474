"""Scores per court and per judge from the counts, ranked, with their inputs beside them (DESIGN.md §1: 纳入绩效考核,
排名及末位警示). The weighting is :mod:`qingji.core.scores`, configuration with documented defaults."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qingji.core.measures import ratio
from qingji.core.scores import DEFAULT_SCORE_WEIGHTS, ScoreWeight, score

INPUT_COUNTS = ("pending", "filed", "closed", "closed_with_limit", "closed_in_time", "overdue")


@dataclass(frozen=True)
class Score:
    court_code: str | None  # None for the cases without a court code
    judge: str | None  # None in a court's score (and for cases without a judge in a judge's)
    score: float | None  # 0–100; None when no input has a value
    rank: int  # 1 = best; equal scores share a rank; no score ranks last
    inputs: dict[str, float | None]  # the measures weighed, by name
    counts: dict[str, int]  # what the inputs are made of

    def as_json(self) -> dict[str, object]:
        head: dict[str, object] = {"court_code": self.court_code}
        if self.judge is not None:
            head["judge"] = self.judge
        return {**head, "score": self.score, "rank": self.rank, "inputs": self.inputs, "counts": self.counts}


def score_inputs(counts: Mapping[str, object], long_pending_months: int) -> dict[str, float | None]:
    """The inputs of the default weighting, as fractions: on-time rate, closed-to-filed ratio, the share of the
    pending cases that are long pending (over ``long_pending_months``) and that are over their period."""
    pending = _int(counts["pending"])
    return {
        "on_time_rate": ratio(_int(counts["closed_in_time"]), _int(counts["closed_with_limit"])),
        "closed_to_filed": ratio(_int(counts["closed"]), _int(counts["filed"])),
        "long_pending_share": ratio(_int(counts[f"long_pending_{long_pending_months}m"]), pending),
        "overdue_share": ratio(_int(counts["overdue"]), pending),
    }


def scores_of(
    rows: Sequence[Mapping[str, object]],
    long_pending_months: int,
    weights: Sequence[ScoreWeight] = DEFAULT_SCORE_WEIGHTS,
) -> list[Score]:
    """One score per row of counts (a court's, or a judge's with ``judge``), best first."""
    scored = []
    for row in rows:
        inputs = score_inputs(row, long_pending_months)
        judge = row.get("judge")
        scored.append(
            Score(
                code if isinstance(code := row["court_code"], str) else None,
                judge if isinstance(judge, str) else None,
                score(inputs, weights),
                0,
                inputs,
                {key: _int(row[key]) for key in INPUT_COUNTS},
            )
        )
    return ranked(scored)


def ranked(scores: Sequence[Score]) -> list[Score]:
    """``scores`` best first and ranked among themselves (a court's judges among the province's, say): equal
    scores share a rank, no score ranks last."""
    order = sorted(
        scores, key=lambda s: (s.score is None, -(s.score or 0.0), s.court_code or "", s.judge or "")
    )
    result, previous, rank = [], None, 0
    for position, item in enumerate(order, start=1):
        if item.score != previous or position == 1:
            rank, previous = position, item.score
        result.append(dataclasses.replace(item, rank=rank))
    return result


def _int(value: object) -> int:
    assert isinstance(value, int), value
    return value
