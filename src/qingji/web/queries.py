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

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet, Sum

from qingji.cases.models import Case, CaseState, StateCount, StateTag
from qingji.cases.selectors import own_states, some_cases, visible_cases
from qingji.cases.snapshot import LONG_PENDING_12M, snapshot_date
from qingji.core.vocabulary import AgeBucket, Status
from qingji.courts.models import Court, Person, Role
from qingji.courts.selectors import visible_court_codes, whole_courts
from qingji.web.ledger_filters import ALL as ALL
from qingji.web.ledger_filters import CLOSED as CLOSED
from qingji.web.ledger_filters import PENDING as PENDING
from qingji.web.ledger_filters import PENDING_BUCKETS
from qingji.web.ledger_filters import STATUS_GROUPS as STATUS_GROUPS
from qingji.web.ledger_filters import LedgerFilters as LedgerFilters

# The summary columns (the office home reads some of them), in order (keys of qingji.engine.summary.SUMMARY_COLUMNS).
SUMMARY_KEYS: tuple[str, ...] = (
    "pending",
    *(bucket.value for bucket in AgeBucket),
    "overdue",
    "approaching",
    "long_pending_12m",
)


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


def stored_scope(person: Person) -> Q | None:
    """The states a person sees as a condition on the stored states' own columns, when it can be one: whole
    courts; a division head's division (some_cases: the court and the division, which the states and StateCount
    carry), when no grant widens it. None: the person's cases are found through the cases (a judge's, a grant's)."""
    courts = whole_courts(person)
    if courts is not None:
        return Q(court_code__in=sorted(courts))
    if person.role == Role.DIVISION_HEAD and person.division is not None and not person.grants.exists():
        return some_cases(person)  # Q(court_code=…, division=…): the same columns on CaseState and StateCount
    return None


def state_groups(person: Person | None) -> list[Mapping[str, Any]]:
    """The visible states counted by court, status, age bucket and pending over twelve months (the StateCount
    rows, or the same grouping of the person's own cases)."""
    if person is None:
        return []
    scope = stored_scope(person)
    if scope is not None:
        stored = StateCount.objects.filter(scope, warning="")
        keys = ("court_code", "status", "age_bucket", "long_pending_12m")
        return list(stored.values(*keys).annotate(cases=Sum("cases")).order_by())
    over_12m = ExpressionWrapper(Q(long_pending__gte=LONG_PENDING_12M), output_field=BooleanField())
    live = (
        own_states(person)
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


def _seen_states(person: Person) -> QuerySet[CaseState]:
    scope = stored_scope(person)
    if scope is not None:
        return CaseState.objects.filter(scope)
    return own_states(person)


def ledger(person: Person | None, filters: LedgerFilters) -> QuerySet[CaseState]:
    """The visible cases' states, narrowed by the filters, in ledger order (expiry first)."""
    if person is None:
        return CaseState.objects.none()
    states = _seen_states(person).filter(filters.state_filter())
    if filters.warning:
        tagged = StateTag.objects.filter(tag=filters.warning).filter(filters.tag_filter())
        states = states.filter(pk__in=tagged.values("case_id"))
    if filters.judge:
        states = states.filter(case__judge__in=judge_matches(person, filters))
    if filters.q:
        # The numbers holding it, found in the case numbers' own index (which holds the ids), then their states.
        if Case.objects.filter(case_number=filters.q).exists():
            numbers = Case.objects.filter(case_number=filters.q)
        else:
            numbers = Case.objects.filter(case_number__contains=filters.q)
        states = states.filter(pk__in=numbers.values("pk"))
    return states.order_by("ledger_order")


def judge_matches(person: Person, filters: LedgerFilters) -> list[str]:
    """The judges the judge filter means: the one whose name it is, when a visible case's judge has exactly that
    name (so that a link to 王芳 never lists 王芳芳's cases too); else every visible judge whose name holds it."""
    cases = cases_of(person).filter(court_code=filters.court) if filters.court else cases_of(person)
    if cases.filter(judge=filters.judge).exists():
        return [filters.judge]
    names = cases.filter(judge__contains=filters.judge).values_list("judge", flat=True)
    return sorted(set(names.order_by().distinct()))


def _tag_keys(person: Person, filters: LedgerFilters) -> QuerySet[StateTag] | None:
    """The keys of a warning's (or the new backlog's) cases in ledger order, read along StateTag's index, for a
    person who sees whole courts and filters only on what a tag row holds; else None."""
    courts = whole_courts(person)
    if courts is None or not filters.tag or not filters.only_tag_columns:
        return None
    tags = StateTag.objects.filter(tag=filters.tag, court_code__in=sorted(courts)).filter(
        filters.tag_filter()
    )
    return tags.order_by("ledger_order")


def judges_of(person: Person | None, court: str) -> list[str]:
    """The judges of a court's visible cases, for the ledger's judge filter (its suggestions)."""
    if person is None or not court:
        return []
    names = cases_of(person).filter(court_code=court).exclude(judge="").values_list("judge", flat=True)
    return sorted(set(names.order_by().distinct()))


def stored_count(scope: Q, filters: LedgerFilters) -> int:
    """How many states of a :func:`stored_scope` are inside the filters (not judge or case number), from
    StateCount."""
    rows = StateCount.objects.filter(scope, warning=filters.warning)
    total: int | None = rows.filter(filters.state_filter()).aggregate(n=Sum("cases"))["n"]
    return total or 0


def ledger_count(person: Person | None, filters: LedgerFilters) -> int:
    """How many states :func:`ledger` lists: from the stored counts for a person who sees whole courts or a
    division (unless the judge or case-number filter needs the cases), else counted live from the person's few
    cases."""
    if person is None:
        return 0
    scope = stored_scope(person)
    if scope is None or filters.live:
        return ledger(person, filters).count()
    return stored_count(scope, filters)


class LedgerRows:
    """The ledger as a paginator reads it: its count known beforehand, and a slice read in two steps: the keys
    of the slice along the ledger-order index (which holds the filtered columns, so skipping the rows of earlier
    pages reads neither the states nor the cases), then those hundred states with their cases.

    A ledger counted live (a judge's cases, a part of a case number searched) has its keys read once, in ledger
    order, when they are at most ``LIVE_KEYS``: the count and every page come from that one read, where counting
    and then listing would find the cases twice (for a searched number, two scans of a million case numbers)."""

    READ_AT_ONCE = 1000
    LIVE_KEYS = 20_000

    def __init__(self, person: Person | None, filters: LedgerFilters) -> None:
        self.states = ledger(person, filters)
        self.tags = _tag_keys(person, filters) if person is not None else None
        self.keys: list[int] | None = None
        if person is not None and self.tags is None and (filters.live or stored_scope(person) is None):
            keys = list(self.states.values_list("pk", flat=True)[: self.LIVE_KEYS + 1])
            if len(keys) <= self.LIVE_KEYS:
                self.keys = keys
        self.total = len(self.keys) if self.keys is not None else ledger_count(person, filters)

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
        if self.keys is not None:  # read once
            keys = self.keys[index]
        elif self.tags is not None:  # a warning's cases, along its own index
            keys = list(self.tags.values_list("case_id", flat=True)[index])
        else:
            keys = list(self.states.values_list("pk", flat=True)[index])
        rows = CaseState.objects.filter(pk__in=keys).select_related("case").order_by("ledger_order")
        return list(rows)

    def __iter__(self) -> Iterator[CaseState]:
        for start in range(0, self.total, self.READ_AT_ONCE):
            yield from self[start : start + self.READ_AT_ONCE]
