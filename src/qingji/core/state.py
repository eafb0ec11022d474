"""A case's state on a date T: age, bucket, long-pending tier, days remaining, status and warnings.

Sources: rules/trial-periods.md §4.2 C8 (status test), C9 (elapsed days), C10 (long-pending, gross); §5 (tiers);
DESIGN.md §1 (age buckets, early warnings, the 10-month warning).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import DEFAULT_CONVENTIONS, Conventions
from qingji.core.dates import add_months
from qingji.core.deadline import Deadline, compute_deadline
from qingji.core.events import CaseFacts
from qingji.core.periods import DEFAULT_RULES, RuleTable
from qingji.core.vocabulary import AgeBucket, Status, Warning, approaching_warning, warning_order

_BUCKETS = (AgeBucket.M6_12, AgeBucket.Y1_2, AgeBucket.OVER_2Y)

# The columns of a ledger row, in the ledger's order: the case's own fields, then its state on the date
# (CaseState.as_row). These names are the JSON keys relied on from outside (README); the engine builds its ledger
# frame with them and the interchange's ledger layout gives each its Chinese header.
LEDGER_FIELDS: tuple[str, ...] = (
    "case_number",
    "court_code",
    "court_name",
    "type_code",
    "procedure",
    "cause",
    "filed_on",
    "closed_on",
    "judge",
    "division",
    "status",
    "age_days",
    "age_bucket",
    "long_pending",
    "expiry",
    "days_remaining",
    "days_over",
    "extended_months",
    "extended_days",
    "deducted_days",
    "provisional",
    "warnings",
    "basis",
)


@dataclass(frozen=True, slots=True)
class CaseState:
    as_of: date
    deadline: Deadline
    pending: bool
    status: Status
    age_days: int
    age_bucket: AgeBucket | None  # pending cases only
    long_pending: int | None  # the highest tier (months) a pending case has passed
    days_remaining: int | None  # pending cases with a limit: expiry − T (negative when overdue)
    days_over: int | None  # days past expiry (C8), when late
    warnings: tuple[str, ...]  # Warning codes, and approaching_N for the nearest threshold

    @property
    def expiry(self) -> date | None:
        return self.deadline.expiry

    def as_row(self) -> dict[str, object]:
        """The computed columns of a ledger row (the keys `qingji ledger --format json` writes)."""
        return {
            "status": self.status.value,
            "age_days": self.age_days,
            "age_bucket": self.age_bucket.value if self.age_bucket else None,
            "long_pending": self.long_pending,
            "expiry": self.expiry,
            "days_remaining": self.days_remaining,
            "days_over": self.days_over,
            "extended_months": self.deadline.extended.months,
            "extended_days": self.deadline.extended.days,
            "deducted_days": self.deadline.deducted_days,
            "provisional": self.deadline.provisional,
            "warnings": list(self.warnings),
            "basis": self.deadline.basis,
        }


def age_bucket(filed_on: date, on: date, conventions: Conventions = DEFAULT_CONVENTIONS) -> AgeBucket:
    """Gross age bucket on ``on`` (C10): over N months means ``on > add_months(filed_on, N)``."""
    bucket = AgeBucket.UNDER_6M
    for months, name in zip(conventions.bucket_months, _BUCKETS, strict=True):
        if on > add_months(filed_on, months):
            bucket = name
    return bucket


def long_pending_tier(filed_on: date, on: date, conventions: Conventions = DEFAULT_CONVENTIONS) -> int | None:
    tier = None
    for months in conventions.long_pending_tiers:
        if on > add_months(filed_on, months):
            tier = months
    return tier


def assess(
    facts: CaseFacts,
    as_of: date,
    calendar: WorkCalendar,
    conventions: Conventions = DEFAULT_CONVENTIONS,
    rules: RuleTable = DEFAULT_RULES,
) -> CaseState:
    """The state of ``facts`` on ``as_of``. A case closed after ``as_of`` is pending on it."""
    if facts.filed_on > as_of:
        raise ValueError(f"案件 {facts.case_number or ''} 在 {as_of} 尚未立案 / not yet filed on {as_of}")
    deadline = compute_deadline(facts, as_of, calendar, conventions, rules)
    warnings: set[str] = set(deadline.warnings)
    closed = facts.closed_on if facts.closed_on is not None and facts.closed_on <= as_of else None
    pending = closed is None
    if facts.closed_on is not None and facts.closed_on < facts.filed_on:
        warnings.add(Warning.CLOSED_BEFORE_FILED)
    end = closed if closed is not None else as_of
    age_days = (end - facts.filed_on).days
    if conventions.elapsed_net_of_deductions:
        age_days -= deadline.deducted_days
    # C10: gross age, or net of deductions where a court has chosen so.
    age_on = as_of if conventions.long_pending_gross else as_of - timedelta(days=deadline.deducted_days)
    bucket = age_bucket(facts.filed_on, age_on, conventions) if pending else None
    tier = long_pending_tier(facts.filed_on, age_on, conventions) if pending else None
    if pending and add_months(facts.filed_on, conventions.age_warning_months) < age_on <= add_months(
        facts.filed_on, min(conventions.long_pending_tiers)
    ):
        warnings.add(Warning.AGE_10_MONTHS)

    expiry = deadline.expiry
    days_remaining = days_over = None
    grace = timedelta(days=conventions.grace_days)
    if expiry is None:
        status = Status.NO_LIMIT
    elif closed is not None:
        late = closed > expiry + grace
        status = Status.CLOSED_LATE if late else Status.CLOSED_IN_TIME
        days_over = (closed - expiry).days if late else None
    else:
        days_remaining = (expiry - as_of).days
        if as_of > expiry + grace:
            status = Status.OVERDUE
            days_over = (as_of - expiry).days
            warnings.add(Warning.OVERDUE)
        else:
            status = Status.IN_TIME
            for threshold in sorted(conventions.approaching_days):
                if days_remaining <= threshold:
                    status = Status.APPROACHING
                    warnings.add(approaching_warning(threshold))
                    break
    return CaseState(
        as_of=as_of,
        deadline=deadline,
        pending=pending,
        status=status,
        age_days=age_days,
        age_bucket=bucket,
        long_pending=tier,
        days_remaining=days_remaining,
        days_over=days_over,
        warnings=tuple(sorted(warnings, key=warning_order)),
    )
