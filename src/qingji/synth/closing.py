"""Closing dates (结案日期): net working time plus deducted days after the anchor, then the habits of courts.

* Judgments are pronounced and mediation documents served on working days, mostly: a closing on a rest day moves
  to one of the working days within three days either side, chosen evenly so that no weekday gathers the
  weekends' closings.
* Year-end push (年底结案): a case that would close in the first weeks of January is often closed in the last
  fortnight of December instead.
* A case heading for the last days of its period sometimes misses it by a few days: the usual "a little late"
  case (applied once the extensions are known, :meth:`Closing.slip`).

A closing date is never moved before the closure method's minimum (终本 after three months) or onto a deduction.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qingji.synth.sampling import BoolArray, FloatArray, IntArray, day_of_month, month_of
from qingji.synth.timeline import Timeline

ON_WORKDAY = 0.92
YEAR_END_PUSH = 0.4
SLIP = 0.7


@dataclass(frozen=True)
class Closing:
    """The per-case draws behind the closing dates, made once so that closing dates can be computed twice."""

    timeline: Timeline
    anchor: IntArray
    net: IntArray
    minimum: IntArray  # days after the anchor before which a case cannot close (the method's minimum)
    on_workday: BoolArray
    move: FloatArray
    push: FloatArray
    slip_draw: FloatArray
    slip_size: FloatArray

    @classmethod
    def draw(
        cls, rng: np.random.Generator, timeline: Timeline, anchor: IntArray, net: IntArray, minimum: IntArray
    ) -> Closing:
        n = len(anchor)
        return cls(
            timeline, anchor, net, minimum, rng.random(n) < ON_WORKDAY, rng.random(n), rng.random(n),
            rng.random(n), rng.standard_normal(n),
        )  # fmt: skip

    def dates(self, deducted: IntArray, after: IntArray) -> IntArray:
        """Closing dates with ``deducted`` days of deductions, never on or before ``after``."""
        earliest = np.maximum(after + 1, self.anchor + self.minimum)
        raw = self.anchor + self.net + deducted
        close = np.where(self.on_workday, self._to_workday(raw, earliest), raw)
        return self._year_end(close, earliest)

    def slip(self, close: IntArray, expiry: IntArray, period: IntArray) -> IntArray:
        """Some closings in the last days before ``expiry`` moved to a few days after it."""
        window = np.clip(period // 6, 2, 25)
        slipped = (close <= expiry) & (close > expiry - window) & (self.slip_draw < SLIP)
        typical = np.clip(period / 15, 1, 7)
        days = np.clip(np.rint(typical * np.exp(0.8 * self.slip_size)), 1, 3 * typical + 5).astype(np.int64)
        late = expiry + days
        return np.where(slipped, np.where(self.on_workday, self.timeline.next_workday(late), late), close)

    def _to_workday(self, raw: IntArray, earliest: IntArray) -> IntArray:
        timeline = self.timeline
        result = raw.copy()
        rows = np.flatnonzero(~timeline.is_workday(raw))
        candidates = raw[rows, None] + np.arange(-3, 4, dtype=np.int64)[None, :]
        valid = timeline.is_workday(candidates.reshape(-1)).reshape(candidates.shape) & (
            candidates >= earliest[rows, None]
        )
        count = valid.sum(axis=1)
        pick = np.floor(self.move[rows] * count).astype(np.int64)
        chosen = np.argmax(np.cumsum(valid, axis=1) > pick[:, None], axis=1)
        moved = candidates[np.arange(len(rows)), chosen]
        result[rows] = np.where(count > 0, moved, timeline.next_workday(raw[rows]))
        return result

    def _year_end(self, close: IntArray, earliest: IntArray) -> IntArray:
        day = day_of_month(close)
        pushed = (month_of(close) == 1) & (day <= 25) & (self.push < YEAR_END_PUSH)
        new_year = close - day + 1
        # The same draw, rescaled, spreads them over 17–31 December.
        back = np.floor(self.push / YEAR_END_PUSH * 15).astype(np.int64)
        target = self.timeline.prev_workday(new_year - 1 - back)
        return np.where(pushed & (target >= earliest), target, close)
