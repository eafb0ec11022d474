"""What the pages count and list. Every query starts from visible_cases(person): no filter widens it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, F, Max, Q, QuerySet

from qingji.cases.models import Case, CaseState
from qingji.core.vocabulary import AgeBucket, Status
from qingji.courts.models import Court, Person
from qingji.courts.selectors import visible_cases, visible_court_codes

# The summary columns of the home page, in order (keys of qingji.engine.summary.SUMMARY_COLUMNS).
SUMMARY_KEYS: tuple[str, ...] = (
    "pending",
    *(bucket.value for bucket in AgeBucket),
    "overdue",
    "approaching",
    "long_pending_12m",
)

_COUNTS: dict[str, Any] = {
    "pending": Count("id", filter=~Q(state__age_bucket="")),
    **{bucket.value: Count("id", filter=Q(state__age_bucket=bucket.value)) for bucket in AgeBucket},
    "overdue": Count("id", filter=Q(state__status=Status.OVERDUE.value)),
    "approaching": Count("id", filter=Q(state__status=Status.APPROACHING.value)),
    "long_pending_12m": Count("id", filter=Q(state__long_pending__gte=12)),
}


@dataclass
class SummaryRow:
    code: str
    name: str
    counts: list[int] = field(default_factory=list)


@dataclass
class Summary:
    rows: list[SummaryRow]
    total: SummaryRow
    as_of: date | None


def cases_of(person: Person | None) -> QuerySet[Case]:
    return visible_cases(person) if person is not None else Case.objects.none()


def courts_of(person: Person | None) -> dict[str, str]:
    """Court code → name of the courts the person may see, in code order."""
    if person is None:
        return {}
    codes = visible_court_codes(person)
    return dict(Court.objects.filter(code__in=codes).order_by("code").values_list("code", "name"))


def summary(person: Person | None) -> Summary:
    """Per court: pending by age bucket, overdue, approaching expiry, pending over 12 months; and a total."""
    # Every column counts pending cases only (closed cases have no age bucket), so only they are aggregated.
    cases = cases_of(person).filter(state__isnull=False).exclude(state__age_bucket="")
    by_court = {
        row["court_code"]: row
        for row in cases.values("court_code").annotate(**_COUNTS).order_by("court_code")
    }
    # One snapshot holds every case's state on one date: its date needs no join with the cases.
    as_of = CaseState.objects.aggregate(as_of=Max("as_of"))["as_of"] if person is not None else None
    names = courts_of(person)
    own = person.court.code if person is not None else ""
    codes = sorted({code for code in names if code in by_court or code == own} | set(by_court))
    rows = [
        SummaryRow(code, names.get(code, code), [by_court.get(code, {}).get(key, 0) for key in SUMMARY_KEYS])
        for code in codes
    ]
    total = SummaryRow("", "", [sum(row.counts[i] for row in rows) for i in range(len(SUMMARY_KEYS))])
    return Summary(rows, total, as_of)


@dataclass(frozen=True)
class LedgerFilters:
    court: str = ""
    status: str = ""
    bucket: str = ""
    judge: str = ""

    @classmethod
    def from_query(cls, query: Any) -> LedgerFilters:
        return cls(
            *(str(query.get(name, "")).strip()[:64] for name in ("court", "status", "bucket", "judge"))
        )


def ledger(person: Person | None, filters: LedgerFilters) -> QuerySet[Case]:
    """The visible cases with their state, narrowed by the filters, sorted by expiry."""
    cases = cases_of(person).select_related("state")
    if filters.court:
        cases = cases.filter(court_code=filters.court)
    if filters.status:
        cases = cases.filter(state__status=filters.status)
    if filters.bucket:
        cases = cases.filter(state__age_bucket=filters.bucket)
    if filters.judge:
        cases = cases.filter(judge__icontains=filters.judge)
    return cases.order_by(F("state__expiry").asc(nulls_last=True), "case_number")
