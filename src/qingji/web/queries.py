"""What the pages count and list. Every query starts from what selectors say the person may see: no filter widens it.

A person who sees whole courts (court leaders, the trial management office, readers of a higher court) is
counted from the snapshot's stored counts (StateCount) and listed from the states alone, along the ledger-order
index: a page reads a hundred rows, not a million. A person who sees only some cases (a division, their own cases
and grants) is counted and listed live from those cases, which are few.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, overload

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet

from qingji.cases.models import Case, CaseState, StateCount
from qingji.cases.selectors import some_cases, visible_cases
from qingji.cases.snapshot import LONG_PENDING_12M, snapshot_date
from qingji.core.vocabulary import AgeBucket, Status
from qingji.courts.models import Court, Person
from qingji.courts.selectors import visible_court_codes, whole_courts
from qingji.web.params import query_text

# The summary columns of the home page, in order (keys of qingji.engine.summary.SUMMARY_COLUMNS).
SUMMARY_KEYS: tuple[str, ...] = (
    "pending",
    *(bucket.value for bucket in AgeBucket),
    "overdue",
    "approaching",
    "long_pending_12m",
)
PENDING_BUCKETS = tuple(bucket.value for bucket in AgeBucket)

# The ledger's status filter: the statuses themselves, and these groups. Pending cases are the default.
PENDING, CLOSED, ALL = "pending", "closed", "all"
STATUS_GROUPS = (PENDING, CLOSED, ALL)


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


def state_groups(person: Person | None) -> list[Mapping[str, Any]]:
    """The visible states counted by court, status, age bucket and pending over twelve months (the StateCount
    rows, or the same grouping of the person's own cases)."""
    if person is None:
        return []
    courts = whole_courts(person)
    if courts is not None:
        stored = StateCount.objects.filter(court_code__in=courts)
        return list(stored.values("court_code", "status", "age_bucket", "long_pending_12m", "cases"))
    over_12m = ExpressionWrapper(Q(long_pending__gte=LONG_PENDING_12M), output_field=BooleanField())
    live = (
        CaseState.objects.filter(case__in=Case.objects.filter(some_cases(person)))
        .annotate(long_pending_12m=over_12m)
        .values("court_code", "status", "age_bucket", "long_pending_12m")
        .annotate(cases=Count("pk"))
    )
    return list(live)


def summary_counts(groups: Iterable[Mapping[str, Any]]) -> dict[str, list[int]]:
    """Court code → the SUMMARY_KEYS counts of its pending cases."""
    by_court: dict[str, dict[str, int]] = {}
    for group in groups:
        if group["age_bucket"] not in PENDING_BUCKETS:
            continue  # every column counts pending cases only
        counts = by_court.setdefault(group["court_code"], dict.fromkeys(SUMMARY_KEYS, 0))
        n = group["cases"]
        counts["pending"] += n
        counts[group["age_bucket"]] += n
        if group["status"] in (Status.OVERDUE.value, Status.APPROACHING.value):
            counts[group["status"]] += n
        if group["long_pending_12m"]:
            counts["long_pending_12m"] += n
    return {code: [counts[key] for key in SUMMARY_KEYS] for code, counts in by_court.items()}


def summary(person: Person | None) -> Summary:
    """Per court: pending by age bucket, overdue, approaching expiry, pending over 12 months; and a total."""
    by_court = summary_counts(state_groups(person))
    names = courts_of(person)
    own = person.court.code if person is not None else ""
    codes = sorted({code for code in names if code in by_court or code == own} | set(by_court))
    empty = [0] * len(SUMMARY_KEYS)
    rows = [SummaryRow(code, names.get(code, code), by_court.get(code, empty)) for code in codes]
    total = SummaryRow("", "", [sum(row.counts[i] for row in rows) for i in range(len(SUMMARY_KEYS))])
    return Summary(rows, total, snapshot_date() if person is not None else None)


@dataclass(frozen=True)
class LedgerFilters:
    court: str = ""
    status: str = PENDING
    bucket: str = ""
    judge: str = ""

    @classmethod
    def from_query(cls, query: Any) -> LedgerFilters:
        """The filters of a query; one with a character no database takes is answered with a message (400)."""
        court, status, bucket, judge = (
            query_text(query, name, name) for name in ("court", "status", "bucket", "judge")
        )
        return cls(court, status or PENDING, bucket, judge)

    def state_filter(self) -> Q:
        """The filters on a state's own columns (court, status or status group, age bucket)."""
        where = Q()
        if self.court:
            where &= Q(court_code=self.court)
        if self.status == PENDING:
            where &= Q(age_bucket__in=PENDING_BUCKETS)
        elif self.status == CLOSED:
            where &= Q(age_bucket="")
        elif self.status != ALL:
            where &= Q(status=self.status)
        if self.bucket:
            where &= Q(age_bucket=self.bucket)
        return where

    def admits(self, group: Mapping[str, Any]) -> bool:
        """Whether a StateCount group is inside the filters (the judge filter aside)."""
        pending = group["age_bucket"] in PENDING_BUCKETS
        return (
            (not self.court or group["court_code"] == self.court)
            and (self.status != PENDING or pending)
            and (self.status != CLOSED or not pending)
            and (self.status in STATUS_GROUPS or group["status"] == self.status)
            and (not self.bucket or group["age_bucket"] == self.bucket)
        )


def ledger(person: Person | None, filters: LedgerFilters) -> QuerySet[CaseState]:
    """The visible cases' states, narrowed by the filters, in ledger order (expiry first)."""
    if person is None:
        return CaseState.objects.none()
    courts = whole_courts(person)
    if courts is not None:
        states = CaseState.objects.filter(court_code__in=courts)
    else:
        states = CaseState.objects.filter(case__in=Case.objects.filter(some_cases(person)))
    states = states.filter(filters.state_filter())
    if filters.judge:
        states = states.filter(case__judge=filters.judge)
    return states.order_by("ledger_order")


def judges_of(person: Person | None, court: str) -> list[str]:
    """The judges of a court's visible cases, for the ledger's judge filter (its suggestions)."""
    if person is None or not court:
        return []
    names = cases_of(person).filter(court_code=court).exclude(judge="").values_list("judge", flat=True)
    return sorted(set(names.order_by().distinct()))


def ledger_count(person: Person | None, filters: LedgerFilters) -> int:
    """How many states :func:`ledger` lists, from the stored counts unless the judge filter needs the cases."""
    if filters.judge:
        return ledger(person, filters).count()
    return sum(group["cases"] for group in state_groups(person) if filters.admits(group))


class LedgerRows:
    """The ledger as a paginator reads it: its count known beforehand, and a slice read in two steps: the keys
    of the slice along the ledger-order index (which holds the filtered columns, so skipping the rows of earlier
    pages reads neither the states nor the cases), then those hundred states with their cases."""

    READ_AT_ONCE = 1000

    def __init__(self, person: Person | None, filters: LedgerFilters) -> None:
        self.states = ledger(person, filters)
        self.total = ledger_count(person, filters)

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, index: int) -> CaseState: ...
    @overload
    def __getitem__(self, index: slice) -> list[CaseState]: ...
    def __getitem__(self, index: int | slice) -> CaseState | list[CaseState]:
        if isinstance(index, int):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        keys = list(self.states.values_list("pk", flat=True)[index])
        rows = CaseState.objects.filter(pk__in=keys).select_related("case").order_by("ledger_order")
        return list(rows)

    def __iter__(self) -> Iterator[CaseState]:
        for start in range(0, self.total, self.READ_AT_ONCE):
            yield from self[start : start + self.READ_AT_ONCE]
