"""The pending cases about to age (DESIGN.md §1: "which cases will cross 6, 10 and 12 months in the next 30, 60
and 90 days"; the 10-month warning before a case becomes a 12-month case; the long-pending tiers of 12 and 18
months, rules/trial-periods.md §5), and those whose trial period runs out soon — by name, per court, division and
judge.

- A case crosses N months on the first day it is older than N months: add_months(filed_on, N) + 1 day (C10, gross
  age from filing, as the ledger's tiers count it; C2, clamped to the month's end), so that a case filed on
  2024-01-31 crosses 1 month on 2024-03-01. Where a court counts age net of deductions
  (``long_pending_gross = False``), the day moves by the days deducted so far (the ledger's ``deducted_days``).
- "Within the next W days" is a crossing day in (as_of, as_of + W]: a case already older on the as-of date has
  crossed and is in the ledger's tiers, not here.
- A case's expiry falls within the next W days when as_of ≤ expiry ≤ as_of + W: days remaining 0 … W, as the
  ledger's approaching warnings count them (``approaching_30``); an expiry on the as-of date is its last day in
  time. Overdue cases are not listed (the ledger lists them).
- Only cases pending on the as-of date count: if they are closed before the day, they do not cross.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import polars as pl

from qingji.core.conventions import DEFAULT_CONVENTIONS, Conventions
from qingji.engine.dates import add_days
from qingji.engine.dates import add_months as add_months_column

MONTHS: tuple[int, ...] = (6, 10, 12, 18)
WINDOWS: tuple[int, ...] = (30, 60, 90)
EXPIRY = "expiry"  # the key of the expiries beside the months' ("6", "10" …)
LEVELS = ("court", "division", "judge")


@dataclass(frozen=True)
class Crossing:
    """One case crossing N months (``months``), or reaching its expiry (``months`` None), on a day."""

    case_number: str
    court_code: str
    division: str | None
    judge: str | None
    months: int | None
    on: date

    def as_json(self, as_of: date) -> dict[str, object]:
        return {"case_number": self.case_number, "on": self.on.isoformat(), "days": (self.on - as_of).days}


@dataclass(frozen=True)
class AgeingGroup:
    """A court (``level`` "court"), a division of a court ("division") or a judge of a court ("judge")."""

    level: str
    court_code: str
    division: str | None  # for a division
    judge: str | None  # for a judge
    pending: int  # the group's cases pending on the as-of date
    # key ("6", "10", "12", "18", "expiry") → window in days → cases; the windows nest (30 within 60 within 90)
    counts: dict[str, dict[int, int]]
    crossings: list[Crossing] = field(repr=False)  # within the longest window, by day then case number

    def cases(self, key: str) -> list[Crossing]:
        """The group's cases crossing ``key`` months ("6" …), or reaching their expiry (``EXPIRY``)."""
        return _of_kind(self.crossings, key)

    def as_json(self, as_of: date) -> dict[str, object]:
        return {
            "level": self.level,
            "court_code": self.court_code,
            "division": self.division,
            "judge": self.judge,
            "pending": self.pending,
            "counts": {key: {str(days): n for days, n in by.items()} for key, by in self.counts.items()},
            "cases": {key: [crossing.as_json(as_of) for crossing in self.cases(key)] for key in self.counts},
        }


@dataclass(frozen=True)
class Ageing:
    as_of: date
    months: tuple[int, ...]
    windows: tuple[int, ...]
    totals: dict[str, dict[int, int]]  # as AgeingGroup.counts, over every court
    groups: list[AgeingGroup]  # the courts, then the divisions, then the judges, each by court code and name
    crossings: list[Crossing] = field(repr=False)  # every court's, by day then case number

    def cases(self, key: str) -> list[Crossing]:
        """Every court's cases crossing ``key`` months ("6" …), or reaching their expiry (``EXPIRY``)."""
        return _of_kind(self.crossings, key)

    def of_level(self, level: str) -> list[AgeingGroup]:
        return [group for group in self.groups if group.level == level]

    def as_json(self) -> dict[str, object]:
        return {
            "as_of": self.as_of.isoformat(),
            "months": list(self.months),
            "windows": list(self.windows),
            "totals": {key: {str(days): n for days, n in by.items()} for key, by in self.totals.items()},
            "groups": [group.as_json(self.as_of) for group in self.groups],
        }


def ageing(
    ledger: pl.DataFrame,
    as_of: date,
    *,
    months: tuple[int, ...] = MONTHS,
    windows: tuple[int, ...] = WINDOWS,
    conventions: Conventions = DEFAULT_CONVENTIONS,
) -> Ageing:
    """The cases of ``ledger`` (qingji.engine.ledger.compute_ledger on ``as_of``: case_number, court_code,
    division, judge, filed_on, closed_on, expiry, deducted_days) that cross each of ``months`` or reach their expiry
    within each of ``windows`` days after ``as_of``, counted per court, division and judge."""
    if not windows or min(windows) < 1 or not months or min(months) < 1:
        raise ValueError("windows and months must be whole numbers of at least 1 / 天数、月数至少为 1")
    windows, months = tuple(sorted(set(windows))), tuple(sorted(set(months)))
    pending = _pending(ledger, as_of)
    events = _crossings(pending, as_of, as_of + timedelta(days=max(windows)), months, conventions)
    keys = [str(m) for m in months] + [EXPIRY]
    crossings = [
        Crossing(number, court, division, judge, None if kind == EXPIRY else int(kind), on)
        for number, court, division, judge, kind, on in events.iter_rows()
    ]
    totals = _count(crossings, keys, windows, as_of)
    groups = []
    for level in LEVELS:
        members: dict[tuple[str, str | None, str | None], list[Crossing]] = {}
        for crossing in crossings:
            members.setdefault(
                _key(level, crossing.court_code, crossing.division, crossing.judge), []
            ).append(crossing)
        sizes = _sizes(pending, level)
        for key in sorted(sizes, key=lambda k: tuple(part or "" for part in k)):
            listed = members.get(key, [])
            groups.append(AgeingGroup(level, key[0], key[1], key[2], sizes[key],
                                      _count(listed, keys, windows, as_of), listed))  # fmt: skip
    return Ageing(as_of, months, windows, totals, groups, crossings)


def _of_kind(crossings: list[Crossing], key: str) -> list[Crossing]:
    months = None if key == EXPIRY else int(key)
    return [crossing for crossing in crossings if crossing.months == months]


def _pending(ledger: pl.DataFrame, as_of: date) -> pl.DataFrame:
    frame = ledger
    for column, dtype in (("division", pl.String), ("judge", pl.String), ("expiry", pl.Date)):
        if column not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype).alias(column))
    if "deducted_days" not in frame.columns:
        frame = frame.with_columns(deducted_days=pl.lit(0))
    return frame.filter(
        (pl.col("filed_on") <= as_of) & (pl.col("closed_on").is_null() | (pl.col("closed_on") > as_of))
    ).select(
        "case_number",
        pl.col("court_code").fill_null(""),
        pl.col("division").replace("", None),
        pl.col("judge").replace("", None),
        "filed_on",
        "expiry",
        pl.col("deducted_days").fill_null(0).cast(pl.Int64),
    )


def _crossings(
    pending: pl.DataFrame, as_of: date, last: date, months: tuple[int, ...], conventions: Conventions
) -> pl.DataFrame:
    """(case_number, court_code, division, judge, kind, on) for each crossing and expiry in the longest window."""
    shift = pl.lit(0) if conventions.long_pending_gross else pl.col("deducted_days")
    parts = [
        pending.select(
            "case_number", "court_code", "division", "judge", pl.lit(str(m)).alias("kind"),
            add_days(add_months_column(pl.col("filed_on"), m), shift + 1).alias("on"),
        ).filter((pl.col("on") > as_of) & (pl.col("on") <= last))
        for m in months
    ]  # fmt: skip
    parts.append(
        pending.select(
            "case_number", "court_code", "division", "judge", pl.lit("expiry").alias("kind"),
            pl.col("expiry").alias("on"),
        ).filter((pl.col("on") >= as_of) & (pl.col("on") <= last))
    )  # fmt: skip
    return pl.concat(parts).sort("on", "case_number", "kind")


def _key(
    level: str, court: str, division: str | None, judge: str | None
) -> tuple[str, str | None, str | None]:
    if level == "court":
        return court, None, None
    if level == "division":
        return court, division, None
    return court, None, judge


def _sizes(pending: pl.DataFrame, level: str) -> dict[tuple[str, str | None, str | None], int]:
    columns = {
        "court": ["court_code"],
        "division": ["court_code", "division"],
        "judge": ["court_code", "judge"],
    }
    counted = pending.group_by(columns[level]).len()
    sizes = {}
    for row in counted.iter_rows(named=True):
        sizes[_key(level, row["court_code"], row.get("division"), row.get("judge"))] = int(row["len"])
    return sizes


def _count(
    crossings: list[Crossing], keys: list[str], windows: tuple[int, ...], as_of: date
) -> dict[str, dict[int, int]]:
    counts = {key: dict.fromkeys(windows, 0) for key in keys}
    for crossing in crossings:
        key = EXPIRY if crossing.months is None else str(crossing.months)
        days = (crossing.on - as_of).days
        for window in windows:
            if days <= window:
                counts[key][window] += 1
    return counts
