"""The figures of the leaders' home (docs/pages.md "Home for leaders"): where the cases stand, the courts (or
divisions, or judges) ranked, and pending cases by age band. Every figure carries the ledger link that lists
exactly its cases — its filters are the ledger's own (:class:`LedgerFilters`), and it is counted as the ledger
counts them: from the stored counts for a reader who sees whole courts, live from a division's few cases.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Count, Sum
from django.urls import reverse

from qingji.cases.models import Case, CaseState, StateCount
from qingji.cases.selectors import some_cases
from qingji.core.vocabulary import AgeBucket, Status, Warning
from qingji.courts.models import Person
from qingji.courts.selectors import whole_courts
from qingji.web.ledger_filters import PENDING_BUCKETS, LedgerFilters
from qingji.web.queries import courts_of, ledger_count, stored_scope

COURTS, DIVISIONS, JUDGES = "courts", "divisions", "judges"


@dataclass(frozen=True)
class Figure:
    """A number on the page and the ledger of its cases."""

    count: int
    filters: LedgerFilters

    @property
    def url(self) -> str:
        query = self.filters.query()
        return reverse("web:ledger") + (f"?{query}" if query else "")


@dataclass(frozen=True)
class Headline:
    key: str  # the label's key in labels.TEXTS
    figure: Figure


def headlines(person: Person) -> list[Headline]:
    """Pending cases, overdue, approaching expiry, ten months old, new backlog this month."""
    kinds = (
        ("home_pending", LedgerFilters()),
        ("home_overdue", LedgerFilters(status=Status.OVERDUE.value)),
        ("home_approaching", LedgerFilters(status=Status.APPROACHING.value)),
        ("home_age_10", LedgerFilters(warning=Warning.AGE_10_MONTHS.value)),
        ("home_new_backlog", LedgerFilters(new_backlog=True)),
    )
    return [Headline(key, Figure(ledger_count(person, filters), filters)) for key, filters in kinds]


@dataclass(frozen=True)
class Row:
    """One court, division or judge: its pending cases, overdue, approaching, and pending by age band."""

    name: str
    pending: Figure
    overdue: Figure
    approaching: Figure
    buckets: tuple[Figure, ...]  # in the order of AgeBucket


@dataclass(frozen=True)
class Standing:
    kind: str  # COURTS, DIVISIONS or JUDGES
    rows: list[Row]  # most overdue first


def _group_counts(person: Person, key: str) -> dict[str, dict[str, int]]:
    """Per value of ``key`` (court_code, division or judge): pending cases by age band and by status."""
    scope = stored_scope(person)
    groups: list[Mapping[str, Any]]
    if scope is not None and key != "judge":
        stored = StateCount.objects.filter(scope, warning="", age_bucket__in=PENDING_BUCKETS)
        groups = list(stored.values(key, "status", "age_bucket").annotate(cases=Sum("cases")).order_by())
    else:
        # the states carry their case's judge and division (as of the snapshot, as StateCount counts them)
        seen = CaseState.objects.filter(age_bucket__in=PENDING_BUCKETS)
        seen = (
            seen.filter(scope)
            if scope is not None
            else seen.filter(case__in=Case.objects.filter(some_cases(person)))
        )
        groups = list(seen.values(key, "status", "age_bucket").annotate(cases=Count("pk")).order_by())
    counts: dict[str, dict[str, int]] = {}
    for group in groups:
        into = counts.setdefault(group[key], {})
        for name in ("pending", group["status"], group["age_bucket"]):
            into[name] = into.get(name, 0) + group["cases"]
    return counts


def standing_kind(person: Person) -> str:
    """Whom a leader's chart ranks: a division head's judges; the divisions of a leader who sees one court;
    the courts of one who sees several."""
    if whole_courts(person) is None:
        return JUDGES
    return DIVISIONS if len(courts_of(person)) == 1 else COURTS


def _narrowed(base: LedgerFilters, kind: str, value: str) -> LedgerFilters:
    if kind == COURTS:
        return replace(base, court=value)
    if kind == DIVISIONS:
        return replace(base, division=value)
    return replace(base, judge=value)


def standing(person: Person) -> Standing:
    """The courts, divisions or judges, most overdue cases first (then most pending), with their figures. A
    division or judge without a name in the cases cannot be opened in the ledger by name and is left out."""
    kind = standing_kind(person)
    key = {COURTS: "court_code", DIVISIONS: "division", JUDGES: "judge"}[kind]
    names = courts_of(person)
    own = person.court.code
    base = {COURTS: LedgerFilters(), DIVISIONS: LedgerFilters(court=own), JUDGES: LedgerFilters(court=own)}[
        kind
    ]
    rows = []
    for value, counts in _group_counts(person, key).items():
        if not value:
            continue
        narrowed = _narrowed(base, kind, value)
        rows.append(
            Row(
                name=names.get(value, value) if kind == COURTS else value,
                pending=Figure(counts.get("pending", 0), narrowed),
                overdue=Figure(
                    counts.get(Status.OVERDUE.value, 0), replace(narrowed, status=Status.OVERDUE.value)
                ),
                approaching=Figure(
                    counts.get(Status.APPROACHING.value, 0),
                    replace(narrowed, status=Status.APPROACHING.value),
                ),
                buckets=tuple(
                    Figure(counts.get(bucket.value, 0), replace(narrowed, bucket=bucket.value))
                    for bucket in AgeBucket
                ),
            )
        )
    rows.sort(key=lambda row: (-row.overdue.count, -row.pending.count, row.name))
    return Standing(kind, rows)
