"""Acts dated after the expiry they would move, over columns (mirrors qingji.core.late and the conversion part of
qingji.core.deadline; issue 9).

The core walks one case's dated acts in order and stops counting at the first late one (every later dated act is
late too, since a late act leaves the expiry where it was). Here every act is first counted, which gives each act
the expiry as it stood before it as long as no earlier act was late; the first act dated after that expiry is the
first late one, and its date (``late_from``) cuts the acts not counted: those dated on or after it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np
import polars as pl

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.late import DECISION_LEAD
from qingji.engine.dates import add_days
from qingji.engine.tables import roll_frame

_FLAGS = ("w_ext_late", "w_ded_late", "w_ext_decided_late")
# Day numbers shifted to be positive, and the span that keeps one case's keys above the previous case's.
OFFSET = 1_000_000
SPAN = 4_000_000


def real_expiry(frame: pl.DataFrame, column: str, calendar: WorkCalendar, rolls: pl.Expr) -> pl.Series:
    """``column`` moved past rest days where ``rolls`` holds (C6), as the expiry is."""
    ends = frame.get_column(column).drop_nulls()
    if not ends.len():
        return frame.get_column(column)
    first, last = ends.min(), ends.max()
    assert isinstance(first, date) and isinstance(last, date)
    rolled = frame.select(column).join(
        roll_frame(calendar, first, last), left_on=column, right_on="day", how="left", maintain_order="left"
    )
    return frame.with_columns(rolled.get_column("rolled")).select(
        pl.when(rolls).then(pl.col("rolled")).otherwise(pl.col(column)).alias(column)
    )[column]


def judge_acts(
    resolved: pl.DataFrame,
    extension_moves: pl.DataFrame,
    intervals: pl.DataFrame,
    calendar: WorkCalendar,
    conventions: Conventions,
) -> pl.DataFrame:
    """Per case with dated acts: late_from (null when none is late, or when late acts count) and the flags
    w_ext_late, w_ded_late, w_ext_decided_late (a case without a late act or a warning may be left out).

    ``resolved`` has cid, base_end (the anchor plus the base period), family, criminal, in_custody;
    ``extension_moves`` (cid, k, approved_on, end_after) and ``intervals`` (cid, s, e, days) as counted with every
    act.
    """
    case = resolved.select(
        "cid", "family", "base_end",
        rolls=pl.lit(conventions.roll_forward_rest_days)
        & ~(pl.col("criminal").fill_null(False) & pl.col("in_custody") & conventions.custody_exception),
    )  # fmt: skip
    shift = -1 if conventions.anchor_day_counted else 0
    intervals = intervals.with_row_index("order")
    # Most cases' acts all come well before their expiry: only the cases with an act that may be late or decided
    # late are judged (one case in nine with acts in the million-case benchmark).
    may = _may_be_late(case, extension_moves, intervals, shift)
    if may is not None:
        case, extension_moves, intervals = (
            frame.filter(pl.Series(may[frame.get_column("cid").to_numpy()]))
            for frame in (case, extension_moves, intervals)
        )
    moves = pl.concat(
        [
            extension_moves.select(
                "cid", on=pl.col("approved_on"), kind=pl.lit(0, pl.Int8), order=pl.col("k").cast(pl.Int64),
                end_after=pl.col("end_after"), inc=pl.lit(0, pl.Int64),
            ),
            intervals.select(
                "cid", on=pl.col("s").cast(pl.Int32).cast(pl.Date), kind=pl.lit(1, pl.Int8),
                order=pl.col("order").cast(pl.Int64), end_after=pl.lit(None, pl.Date),
                inc=pl.col("days").cast(pl.Int64),
            ),
        ]
    )  # fmt: skip
    if moves.is_empty():
        return pl.DataFrame(
            schema={"cid": pl.Int64, "late_from": pl.Date, **dict.fromkeys(_FLAGS, pl.Boolean)}
        )
    # Per case in order, without windows over many small groups (slow): the end after the extensions before each
    # move is a running maximum (ends only grow) over one key that orders by case first, and the days deducted
    # before it a running sum less the sum where its case began.
    key = pl.col("cid") * SPAN
    first = pl.col("cid") != pl.col("cid").shift(1).fill_null(-1)
    moves = (
        moves.join(case, on="cid")
        .sort("cid", "on", "kind", "order")
        .with_columns(
            ends=(key + pl.col("end_after").cast(pl.Int64).fill_null(-OFFSET) + OFFSET).cum_max().shift(1),
            sums=pl.col("inc").cum_sum() - pl.col("inc"),
        )
        .with_columns(
            ext_before=pl.when(~first & (pl.col("ends") > key))
            .then((pl.col("ends") - key - OFFSET).cast(pl.Int32).cast(pl.Date))
            .otherwise(pl.col("base_end")),
            ded_before=pl.col("sums") - pl.when(first).then(pl.col("sums")).forward_fill(),
        )
        .with_columns(end_before=add_days(pl.col("ext_before"), pl.col("ded_before") + shift))
    )
    moves = moves.with_columns(expiry=real_expiry(moves, "end_before", calendar, pl.col("rolls")))
    moves = moves.with_columns(late=pl.col("on") > pl.col("expiry"))
    if conventions.count_late_acts:
        moves = moves.with_columns(late_from=pl.lit(None, pl.Date), final_late=pl.col("late"))
    else:
        first_late = moves.filter(pl.col("late")).group_by("cid").agg(late_from=pl.col("on").min())
        moves = moves.join(first_late, on="cid", how="left", maintain_order="left").with_columns(
            final_late=(pl.col("on") >= pl.col("late_from")).fill_null(False)
        )
    lead: pl.Expr = pl.lit(None, pl.Int64)
    for family, (days, _) in DECISION_LEAD.items():
        lead = pl.when(pl.col("family") == family.value).then(pl.lit(days, pl.Int64)).otherwise(lead)
    extension = pl.col("kind") == 0
    decided_late = (
        extension
        & ~pl.col("final_late")
        & ((pl.col("expiry") - pl.col("on")).dt.total_days() < lead).fill_null(False)
    )
    return moves.group_by("cid").agg(
        late_from=pl.col("late_from").first(),
        w_ext_late=(extension & pl.col("final_late")).any(),
        w_ded_late=(~extension & pl.col("final_late")).any(),
        w_ext_decided_late=decided_late.any(),
    )


def _may_be_late(
    case: pl.DataFrame, extension_moves: pl.DataFrame, intervals: pl.DataFrame, shift: int
) -> np.ndarray | None:
    """Per case id, whether one of the case's acts may be late or decided late; None when every case may.

    The expiry that stands before any act of a case is at least its lowest end: the base end or the lowest end
    after one of its extensions (the end before an act is one of these), plus the shift, plus the days deducted
    before the act (never negative), rolled forward (never earlier). An act dated on or before that bound less
    the longest decision lead is neither late nor decided late (qingji.core.late), so a case whose every act is so
    dated is left out: it has no late act and no warning. A case without a base end (no limit) is always kept.
    """
    ids = [frame.get_column("cid").cast(pl.Int64).to_numpy() for frame in (case, extension_moves, intervals)]
    if not len(ids[0]) or any(len(i) and (i.min() < 0 or i.max() > ids[0].max()) for i in ids):
        return None  # case ids are row positions; anything else is judged in full
    size = int(ids[0].max()) + 1
    never = np.iinfo(np.int64).min // 2  # below every day number: every act of such a case may be late
    lowest = np.full(size, never, dtype=np.int64)
    base_end = case.get_column("base_end").cast(pl.Int64)
    lowest[ids[0]] = base_end.fill_null(never).to_numpy()
    ends = extension_moves.select("cid", end=pl.col("end_after").cast(pl.Int64)).drop_nulls()
    np.minimum.at(lowest, ends.get_column("cid").to_numpy(), ends.get_column("end").to_numpy())
    lead = max((days for days, _ in DECISION_LEAD.values()), default=0)
    bound = np.where(lowest == never, never, lowest + shift - lead)
    may = np.zeros(size, dtype=bool)
    for cid, on in (
        (extension_moves.get_column("cid"), extension_moves.get_column("approved_on")),
        (intervals.get_column("cid"), intervals.get_column("s")),
    ):
        acts = pl.DataFrame({"cid": cid, "on": on.cast(pl.Int64)}).drop_nulls()
        where = acts.get_column("cid").to_numpy()
        may[where[acts.get_column("on").to_numpy() > bound[where]]] = True
    return may


def judge_conversions(
    filed: pl.DataFrame,
    events: pl.DataFrame,
    as_of: date,
    conventions: Conventions,
    expiries: Callable[[pl.DataFrame, pl.DataFrame], pl.Series],
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The events with late conversions left out (unless counted by setting), and the cases (cid) with one.

    Conversions are judged one round per place in each case's date order: the r-th conversion on day c against
    the expiry ``expiries`` gives for the case's events dated before c (extensions without a date included), with
    the conversions rejected in earlier rounds left out; ``filed`` and ``events`` carry ``cid`` and events an
    ``eid`` of their own. ``expiries(cases, events)`` is the expiry per case of ``cases`` (cid 0 … n − 1).
    """
    conversions = (
        events.filter((pl.col("event") == "conversion") & (pl.col("start") <= as_of))
        .sort("cid", "start", "source_row", "eid")
        .select("cid", "eid", c="start")
        .with_columns(rank=pl.int_range(pl.len()).over("cid"))
    )
    none = pl.DataFrame(schema={"cid": pl.Int64})
    if conversions.is_empty():
        return events, none
    rejected: list[pl.DataFrame] = []
    late: list[pl.DataFrame] = []
    day = pl.when(pl.col("event") == "extension").then(pl.col("approved_on")).otherwise(pl.col("start"))
    rounds = conversions.get_column("rank").max()
    assert isinstance(rounds, int)
    for rank in range(rounds + 1):
        current = conversions.filter(pl.col("rank") == rank).sort("cid").with_row_index("sub", 0)
        current = current.with_columns(pl.col("sub").cast(pl.Int64))
        cases = filed.join(current.select("cid", "sub"), on="cid").sort("sub")
        before = events.join(current.select("cid", "sub", "c"), on="cid").filter(
            ((pl.col("event") == "extension") & pl.col("approved_on").is_null()) | (day < pl.col("c"))
        )
        if rejected:
            before = before.join(pl.concat(rejected), on="eid", how="anti")
        expiry = expiries(
            cases.drop("cid").rename({"sub": "cid"}), before.drop("cid", "c").rename({"sub": "cid"})
        )
        verdict = current.with_columns(expiry=expiry).filter(pl.col("c") > pl.col("expiry"))
        late.append(verdict.select("cid"))
        if not conventions.count_late_acts:
            rejected.append(verdict.select("eid"))
    kept = events.join(pl.concat(rejected), on="eid", how="anti") if rejected else events
    return kept, pl.concat(late).unique()
