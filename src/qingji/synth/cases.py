"""The cases themselves: court, kind, cause, filing date, working time, and the cases.csv frame.

Everything is drawn column by column for all cases at once. Case numbers are given last: within each court ×
type code × filing year the serials run 1, 2, 3 … in filing-date order, as a registry hands them out.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import polars as pl

from qingji.interchange.headers import CASE_FIELDS, SUPPLEMENTARY_CASE_FIELDS
from qingji.synth.causes import Cause
from qingji.synth.kinds import KINDS, Method
from qingji.synth.people import COURTS, TRIBUNAL, Roster
from qingji.synth.sampling import (
    BoolArray,
    IntArray,
    categorical,
    choice,
    lognormal_days,
    rank_within,
    uniform_days,
    year_of,
)
from qingji.synth.timeline import Timeline

# The interchange headers, in order (without the court system's own expiry, which a synthetic court has none of:
# qingji.synth.layouts writes it when asked).
CASE_COLUMNS = tuple(field.zh for field in CASE_FIELDS if field.key not in SUPPLEMENTARY_CASE_FIELDS)

TYPE_CODES: tuple[str, ...] = tuple(dict.fromkeys(kind.type_code for kind in KINDS))
CAUSES: tuple[Cause, ...] = tuple(cause for kind in KINDS for cause in kind.causes)
CAUSE_OFFSETS = np.cumsum([0] + [len(kind.causes) for kind in KINDS])
METHODS: tuple[Method, ...] = tuple(method for kind in KINDS for method in kind.methods)
METHOD_OFFSETS = np.cumsum([0] + [len(kind.methods) for kind in KINDS])
RESTART_REASONS: tuple[str, ...] = tuple(dict.fromkeys(r.reason for kind in KINDS for r in kind.restarts))
NOT_DETAINED = 0.6  # share of defendants not detained whose 羁押 cell says 否 (the rest leave it empty)


@dataclass(frozen=True)
class CaseDraw:
    court: IntArray
    kind: IntArray
    cause: IntArray  # index into CAUSES
    method: IntArray  # index into METHODS
    filed: IntArray
    net: IntArray  # working days not deducted, from the anchor to closing
    restart: IntArray  # index into RESTART_REASONS, -1 for none
    anchor: IntArray  # the filing date, or the restart date
    custody: BoolArray
    tiebreak: IntArray

    def __len__(self) -> int:
        return len(self.kind)

    def take(self, order: IntArray) -> CaseDraw:
        """The same cases in another order."""
        return CaseDraw(*(getattr(self, f.name)[order] for f in fields(self)))


def draw_cases(rng: np.random.Generator, n: int, timeline: Timeline) -> CaseDraw:
    court = choice(rng, n, [c.share for c in COURTS])
    level = np.array([0 if c.basic else 1 for c in COURTS], dtype=np.int64)[court]
    shares = [
        [k.share if k.basic else 0.0 for k in KINDS],
        [0.0 if k.basic else k.share for k in KINDS],
    ]
    kind = categorical(rng, level, shares)
    filed = timeline.first + choice(rng, n, timeline.filing_weights().tolist())
    cause = CAUSE_OFFSETS[kind] + categorical(rng, kind, [[c.weight for c in k.causes] for k in KINDS])
    method = METHOD_OFFSETS[kind] + categorical(rng, kind, [[m.weight for m in k.methods] for k in KINDS])
    median = np.array([m.median for m in METHODS])[method]
    sigma = np.array([m.sigma for m in METHODS])[method]
    minimum = np.array([m.minimum for m in METHODS], dtype=np.int64)[method]
    net = np.maximum(lognormal_days(rng, median, sigma), minimum)

    restart_weights = []
    for k in KINDS:
        row = [0.0] * (len(RESTART_REASONS) + 1)
        for r in k.restarts:
            row[1 + RESTART_REASONS.index(r.reason)] = r.probability
        row[0] = 1.0 - sum(row)
        restart_weights.append(row)
    restart = categorical(rng, kind, restart_weights) - 1
    gap_low = np.zeros(n, dtype=np.int64)
    gap_high = np.zeros(n, dtype=np.int64)
    for i, k in enumerate(KINDS):
        for r in k.restarts:
            rows = (kind == i) & (restart == RESTART_REASONS.index(r.reason))
            gap_low[rows], gap_high[rows] = r.gap
    gap = uniform_days(rng, gap_low, gap_high, n)
    anchor = np.where(restart >= 0, timeline.next_workday(filed + gap), filed)

    custody = rng.random(n) < np.array([c.custody for c in CAUSES])[cause]
    tiebreak = rng.permutation(n).astype(np.int64)
    return CaseDraw(court, kind, cause, method, filed, net, restart, anchor, custody, tiebreak)


def number_cases(draw: CaseDraw) -> tuple[IntArray, IntArray, IntArray]:
    """(serial, filing year, file order): serials from 1 per court × type code × year, in filing order; the file
    lists cases by filing date, court, type code and serial."""
    type_index = np.array([TYPE_CODES.index(k.type_code) for k in KINDS], dtype=np.int64)[draw.kind]
    year = year_of(draw.filed)
    group = (draw.court * len(TYPE_CODES) + type_index) * 64 + (year - year.min(initial=0))
    day = draw.filed - draw.filed.min(initial=0)
    # One int64 key each (group, filing day, tiebreak), then (filing day, court, type code, serial): one sort.
    if len(draw) < 1 << 24:
        order = np.argsort((group << 40) | (day << 24) | draw.tiebreak)  # unique keys: any sort will do
    else:
        order = np.lexsort((draw.tiebreak, day, group))
    serial = np.empty(len(draw), dtype=np.int64)
    serial[order] = rank_within(group[order]) + 1
    output = np.argsort((day << 40) | (draw.court << 36) | (type_index << 30) | serial)  # unique keys
    return serial, year, output


def assign_judges(rng: np.random.Generator, draw: CaseDraw, roster: Roster) -> tuple[IntArray, list[str]]:
    """(judge index per case, division names): the cause's division, or a tribunal or the filing division."""
    divisions = sorted(set(roster.division))
    division = np.array([divisions.index(c.division) for c in CAUSES], dtype=np.int64)[draw.cause]
    # Some kinds go partly to a people's tribunal (the court's own) or to the filing division instead.
    options = sorted({name for k in KINDS for name, _ in k.reroute})
    weights = [
        [1.0 - sum(p for _, p in k.reroute)] + [dict(k.reroute).get(o, 0.0) for o in options] for k in KINDS
    ]
    route = categorical(rng, draw.kind, weights) - 1
    tribunals = [[divisions.index(t) for t in court.tribunals] or [0] for court in COURTS]
    pick = categorical(rng, draw.court, [[1.0] * len(t) for t in tribunals])
    offsets = np.cumsum([0] + [len(t) for t in tribunals])
    tribunal = np.array([t for ts in tribunals for t in ts], dtype=np.int64)[offsets[draw.court] + pick]
    target = np.array([divisions.index(o) if o != TRIBUNAL else -1 for o in options], dtype=np.int64)
    rerouted = target[np.maximum(route, 0)]
    division = np.where(route < 0, division, np.where(rerouted < 0, tribunal, rerouted))

    # Judges grouped by (court, division); each case draws one by caseload weight.
    judge_court = roster.court
    judge_division = np.array([divisions.index(d) for d in roster.division], dtype=np.int64)
    group_of_judge = judge_court * len(divisions) + judge_division
    order = np.argsort(group_of_judge, kind="stable")
    groups, first = np.unique(group_of_judge[order], return_index=True)
    lookup = np.full(len(COURTS) * len(divisions), -1, dtype=np.int64)
    lookup[groups] = np.arange(len(groups))
    case_group = lookup[draw.court * len(divisions) + division]
    if (case_group < 0).any():
        raise AssertionError("a case was routed to a division without judges")
    bounds = [*first.tolist(), len(order)]
    weights = [roster.load[order[bounds[g] : bounds[g + 1]]].tolist() for g in range(len(groups))]
    local = categorical(rng, case_group, weights)
    judge = order[np.asarray(bounds[:-1], dtype=np.int64)[case_group] + local]
    return judge, divisions


def custody_cells(rng: np.random.Generator, draw: CaseDraw) -> pl.Series:
    criminal = np.array([k.type_code.startswith("刑") for k in KINDS])[draw.kind]
    said_no = rng.random(len(draw)) < NOT_DETAINED
    code = np.where(criminal & draw.custody, 1, np.where(criminal & said_no, 2, 0))
    return pl.Series([None, "是", "否"], dtype=pl.String).gather(code)


def case_frame(
    draw: CaseDraw,
    *,
    serial: IntArray,
    year: IntArray,
    closed: IntArray,
    until: int,
    judge: IntArray,
    divisions: list[str],
    roster: Roster,
    custody: pl.Series,
    parties: pl.Series,
) -> pl.DataFrame:
    """The cases frame, one row per case of ``draw`` in its order."""
    pending = closed > until

    def text(values: list[str], index: IntArray) -> pl.Series:
        return pl.Series([v or None for v in values], dtype=pl.String).gather(index)

    court_codes = np.array([c.code for c in COURTS])
    frame = pl.DataFrame(
        {
            "year": year,
            "court_code": pl.Series(court_codes).gather(draw.court),
            "type_code": text([k.type_code for k in KINDS], draw.kind),
            "serial": serial,
            "法院": text([c.name for c in COURTS], draw.court),
            "适用程序": text([k.procedure for k in KINDS], draw.kind),
            "案由": text([c.name for c in CAUSES], draw.cause),
            "立案日期": pl.Series(draw.filed).cast(pl.Int32).cast(pl.Date),
            "结案日期": pl.Series(np.where(pending, 0, closed)).cast(pl.Int32).cast(pl.Date),
            "pending": pending,
            "结案方式": text([m.label for m in METHODS], draw.method),
            "承办法官": text(roster.names, judge),
            "审判庭": text(divisions, np.asarray([divisions.index(d) for d in roster.division])[judge]),
            "羁押": custody,
            "当事人": parties,
        }
    )
    return frame.select(
        pl.format("（{}）{}{}{}号", "year", "court_code", "type_code", "serial").alias("案号"),
        "法院",
        "适用程序",
        "案由",
        "立案日期",
        pl.when(~pl.col("pending")).then(pl.col("结案日期")).alias("结案日期"),
        pl.when(~pl.col("pending")).then(pl.col("结案方式")).alias("结案方式"),
        "承办法官",
        "审判庭",
        "羁押",
        "当事人",
    )
