"""The monthly report's figures (月度报告, docs/cadence.md "The monthly report"): the statistics page's measures
for a calendar month, per court and overall, and the same headline measures for each of the months before it.

The figures of a month are exactly ``qingji stats --as-of <the month's last day> --since <its first day> --json``
(no ``--compare``: pending is compared with the same day a year before, 同比), over the cases of the courts covered;
the trend's months likewise, each as of its own last day.
The dataclass and the month arithmetic import no Django (the document and its template script read them); the
gathering reads the database. The ledger is computed once per month end over every case
(a case's ledger does not depend on the others) and shared by every set of courts asked for.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from qingji.engine.ledger import compute_ledger
from qingji.engine.stats import Statistics, court_statistics

TREND_MONTHS = 6  # the report's month and the five before it


@dataclass(frozen=True)
class MonthlyReport:
    """The figures of one month for one set of courts (``scope``: their codes; empty: every court)."""

    year: int
    month: int
    scope: tuple[str, ...]
    top_courts: tuple[str, ...]  # the names of the highest courts covered
    below: bool  # the courts below them are covered too
    court_names: dict[str | None, str]
    statistics: Statistics  # the month's: per court and overall
    trend: tuple[Statistics, ...]  # oldest first; the last is ``statistics``

    @property
    def issuer(self) -> str:
        """Who the report is of, in words: 庆阳市中级人民法院及辖区法院, 西峰区人民法院."""
        return "、".join(self.top_courts) + ("及辖区法院" if self.below else "")

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def month_span(year: int, month: int) -> tuple[date, date]:
    """The month's first and last days."""
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def months_back(year: int, month: int, count: int) -> list[tuple[int, int]]:
    """``count`` months ending with (year, month), oldest first."""
    index = year * 12 + month - 1
    return [(n // 12, n % 12 + 1) for n in range(index - count + 1, index + 1)]


def monthly_reports(
    year: int, month: int, scopes: Sequence[Collection[str]], *, months: int = TREND_MONTHS
) -> list[MonthlyReport]:
    """The report of (year, month) for each scope (a collection of court codes; empty: every court)."""
    from qingji.cases.frames import frames_from_database
    from qingji.courts.models import Court
    from qingji.site.in_force import site_settings
    from qingji.site.notices import calendar_in_force

    cases, events = frames_from_database()
    site = site_settings()
    calendar = calendar_in_force()
    chosen = [tuple(sorted(scope)) for scope in scopes]
    per_scope: list[list[Statistics]] = [[] for _ in chosen]
    for y, m in months_back(year, month, months):
        since, until = month_span(y, m)
        ledger = compute_ledger(cases, events, until, calendar, site.conventions)
        for index, scope in enumerate(chosen):
            mine, their_ledger = _of_scope(cases, ledger, scope)
            per_scope[index].append(
                court_statistics(mine, their_ledger, until, since=since, settings=site.stats)
            )
    names: dict[str | None, str] = dict(Court.objects.values_list("code", "name"))
    names[None] = "（无法院代字）"
    return [
        MonthlyReport(year, month, scope, *issuer_of(scope), names, found[-1], tuple(found))
        for scope, found in zip(chosen, per_scope, strict=True)
    ]


def monthly_report(
    year: int, month: int, scope: Collection[str] = (), *, months: int = TREND_MONTHS
) -> MonthlyReport:
    return monthly_reports(year, month, [scope], months=months)[0]


def _of_scope(
    cases: pl.DataFrame, ledger: pl.DataFrame, scope: tuple[str, ...]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    if not scope:
        return cases, ledger
    return cases.filter(pl.col("court_code").is_in(scope)), ledger.filter(pl.col("court_code").is_in(scope))


def issuer_of(scope: Collection[str]) -> tuple[tuple[str, ...], bool]:
    """The names of the highest courts covered (those whose parent is not covered), and whether courts below them
    are covered too."""
    from qingji.courts.models import Court

    chosen = Court.objects.filter(code__in=scope) if scope else Court.objects.all()
    courts = list(chosen.select_related("parent"))
    codes = {court.code for court in courts}
    tops = sorted(
        (court for court in courts if court.parent is None or court.parent.code not in codes),
        key=lambda court: court.code,
    )
    return tuple(court.name for court in tops), len(courts) > len(tops)
