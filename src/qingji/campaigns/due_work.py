"""What is due in a person's own cases (a judge's, an assistant's: issue 12, "my work"), one item per thing to do,
most urgent first.

The cases are the person's work (qingji.cases.selectors.work_cases: a judge their own, an assistant the cases of
the judge(s) or division they are granted; a grant of a whole court lets them read its cases, not make them their
work), so they are few and counted live. Two sources:

- the stored snapshot's warnings of the pending cases: over the trial period (超审限), expiring within the court's
  thresholds (approaching_30/15/7 by default, each case under its nearest), ten months old (about to become
  long-pending): the same warnings the ledger filters by (``/ledger/?warning=CODE``), so a count here is the
  count the ledger lists (for a person who reads more than their work, the count opens this list instead);
- the campaigns the person sees, for their pending cases: plan steps not done and due within ``WEEK_DAYS`` or
  overdue, target dates (化解期限) likewise, the four determinations missing, appraisals overdue.

Everything is counted on one day, the snapshot's date (the page says "as of" it), or today without a snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from qingji.campaigns.gaps import FIELD_OF, determinations_missing
from qingji.campaigns.models import Appraisal, CampaignCase, PlanStep
from qingji.campaigns.selectors import visible_campaigns
from qingji.cases.models import CaseState
from qingji.cases.selectors import own_states, some_cases
from qingji.cases.snapshot import snapshot_date
from qingji.core.casework import days_overdue
from qingji.core.conventions import DEFAULT_CONVENTIONS, Conventions
from qingji.core.dates import add_months
from qingji.core.vocabulary import APPROACHING_PREFIX, AgeBucket, Status, Warning
from qingji.courts.models import Person
from qingji.site.in_force import site_settings
from qingji.site.settings_file import SiteSettingsError

WEEK_DAYS = 7  # "due this week": on the day and the six days after it

# The kinds of item; on a tie of days left, the earlier kind of this order comes first.
OVERDUE = Warning.OVERDUE.value
AGE_10_MONTHS = Warning.AGE_10_MONTHS.value
STEP_OVERDUE, STEP_DUE = "step_overdue", "step_due"
TARGET_OVERDUE, TARGET_DUE = "target_overdue", "target_due"
DETERMINATIONS = "determinations"
APPRAISAL_OVERDUE = "appraisal_overdue"
CAMPAIGN_KINDS = (TARGET_OVERDUE, STEP_OVERDUE, APPRAISAL_OVERDUE, DETERMINATIONS, TARGET_DUE, STEP_DUE)
# The four determinations (四定), as the campaign page's ``missing=`` parameter names them.
FOUR = ("responsible", "supervisor", "plan", "target_on")
PENDING_BUCKETS = tuple(bucket.value for bucket in AgeBucket)


def conventions_in_force() -> Conventions:
    try:
        return site_settings().conventions
    except SiteSettingsError:  # the pages say so elsewhere; the defaults meanwhile
        return DEFAULT_CONVENTIONS


def warning_kinds(conventions: Conventions) -> tuple[str, ...]:
    """The snapshot's warnings shown as work, in order: overdue, expiring (nearest threshold first), 10 months."""
    approaching = tuple(f"{APPROACHING_PREFIX}{days}" for days in sorted(set(conventions.approaching_days)))
    return (OVERDUE, *approaching, AGE_10_MONTHS)


def kinds(conventions: Conventions) -> tuple[str, ...]:
    """Every kind of item, in the order of the counts at the top of the page."""
    return (*warning_kinds(conventions), *CAMPAIGN_KINDS)


@dataclass(frozen=True)
class DueItem:
    kind: str  # a warning code (OVERDUE, approaching_N, AGE_10_MONTHS) or one of CAMPAIGN_KINDS
    case_number: str
    due_on: date | None  # None: an open-ended expiry cannot be overdue, so never for an item shown
    days_left: int  # due_on − the day (negative: overdue)
    campaign_id: int | None  # the campaign the item belongs to, or the case's newest campaign the person sees
    detail: str = ""  # the plan step's description, the appraisal agency (the court's own words)
    missing: tuple[str, ...] = ()  # of FOUR, for DETERMINATIONS
    more: int = 0  # further steps or appraisals of the same kind and case behind this one


@dataclass(frozen=True)
class MyWork:
    as_of: date
    items: list[DueItem]  # most urgent first
    counts: dict[str, int]  # kind → items of that kind, for every kind (zeros included)
    months_to_long_pending: int  # the first long-pending tier (the 10-month warning's limit)


def work_day() -> date:
    """The day the page counts on: the stored snapshot's (its warnings are of that day), else today."""
    return snapshot_date() or timezone.localdate()


def my_work(person: Person, on: date | None = None) -> MyWork:
    """What is due in the person's cases on ``on`` (the snapshot's date by default), most urgent first."""
    day = on or work_day()
    conventions = conventions_in_force()
    work = some_cases(person, court_grants=False, prefix="case__")  # work_cases, on the joined case's columns
    entries = pending_entries(
        CampaignCase.objects.filter(work, campaign__in=visible_campaigns(person).filter(start__lte=day)), day
    )
    states = warned_states(own_states(person, court_grants=False), day, conventions)
    return assemble(
        day, conventions, states, entries, steps_due(entries, day), overdue_appraisals(entries, day)
    )


# A warned state: case id, case number, filed on, expiry, warnings, and the court, division and judge it carries.
StateRow = tuple[int, str, date, date | None, list[str], str, str, str]


def pending_entries(entries: QuerySet[CampaignCase], day: date) -> list[CampaignCase]:
    """Of ``entries``, those pending and in their campaign on ``day``, the earlier campaigns first."""
    return list(
        entries.filter(Q(case__closed_on__isnull=True) | Q(case__closed_on__gt=day))
        .filter(added_on__lte=day)
        .annotate(has_step=Exists(PlanStep.objects.filter(entry=OuterRef("pk"))))
        .select_related("case", "campaign")
        .only("campaign__target", "campaign__start", "case__case_number", "case__court_code", "case__division",
              "case__judge", "added_on", *FOUR)  # not the case's long free text
        .order_by("campaign__start", "campaign_id")
    )  # fmt: skip


def warned_states(states: QuerySet[CaseState], day: date, conventions: Conventions) -> list[StateRow]:
    """Of ``states``, only those that can carry one of the warnings shown as work: over or near the expiry, or
    pending under the first long-pending tier and filed over ``age_warning_months`` ago (the 10-month warning lies
    in between)."""
    warned = Q(status__in=(Status.OVERDUE, Status.APPROACHING)) | Q(
        long_pending__isnull=True,
        case__filed_on__lte=add_months(day, -conventions.age_warning_months) + timedelta(days=3),  # a margin
    )
    return list(
        states.filter(warned, age_bucket__in=PENDING_BUCKETS).values_list(
            "case_id",
            "case__case_number",
            "case__filed_on",
            "expiry",
            "warnings",
            "court_code",
            "division",
            "judge",
        )
    )


def steps_due(entries: list[CampaignCase], day: date) -> dict[int, list[tuple[date, str]]]:
    """The plan steps not done of ``entries`` due by the end of the week, by campaign case, earliest first."""
    week_end = day + timedelta(days=WEEK_DAYS - 1)
    steps: dict[int, list[tuple[date, str]]] = {}
    for entry_id, due_on, description in (
        PlanStep.objects.filter(
            entry__in=[entry.pk for entry in entries], done_on__isnull=True, due_on__lte=week_end
        )
        .order_by("due_on", "id")
        .values_list("entry_id", "due_on", "description")
    ):
        steps.setdefault(entry_id, []).append((due_on, description))
    return steps


def overdue_appraisals(entries: list[CampaignCase], day: date) -> dict[int, list[Appraisal]]:
    """The appraisals overdue on ``day`` of ``entries`` (as the campaign's appraisals page counts them), by
    campaign case, the longest overdue first."""
    overdue: dict[int, list[Appraisal]] = {}
    candidates = Appraisal.objects.filter(
        entry__in=[entry.pk for entry in entries], due_on__lt=day, requested_on__lte=day
    )
    for appraisal in candidates.filter(Q(received_on__isnull=True) | Q(received_on__gt=day)).order_by(
        "due_on"
    ):
        if days_overdue(appraisal.requested_on, appraisal.due_on, appraisal.received_on, day) is not None:
            overdue.setdefault(appraisal.entry_id, []).append(appraisal)
    return overdue


def assemble(
    day: date,
    conventions: Conventions,
    states: list[StateRow],
    entries: list[CampaignCase],
    steps: dict[int, list[tuple[date, str]]],
    appraisals: dict[int, list[Appraisal]],
) -> MyWork:
    """One person's work from their warned states and campaign cases (the steps and appraisals may hold more)."""
    newest_campaign = {entry.case_id: entry.campaign_id for entry in entries}  # the later campaign wins
    items = [
        *_warning_items(states, day, conventions, newest_campaign),
        *_campaign_items(entries, day, steps),
        *_appraisal_items(entries, day, appraisals),
    ]
    order = {kind: i for i, kind in enumerate(kinds(conventions))}
    items.sort(key=lambda item: (item.days_left, order[item.kind], item.case_number))
    counts = dict.fromkeys(order, 0)
    for item in items:
        counts[item.kind] += 1
    return MyWork(day, items, counts, min(conventions.long_pending_tiers))


def _warning_items(
    states: list[StateRow], day: date, conventions: Conventions, campaign_of: dict[int, int]
) -> Iterable[DueItem]:
    shown, tier = warning_kinds(conventions), min(conventions.long_pending_tiers)
    for case_id, number, filed_on, expiry, warnings, *_ in states:
        for kind in shown:
            if kind not in warnings:
                continue
            due = add_months(filed_on, tier) if kind == AGE_10_MONTHS else expiry
            if due is not None:
                yield DueItem(kind, number, due, (due - day).days, campaign_of.get(case_id))


def _campaign_items(
    entries: list[CampaignCase], day: date, steps: dict[int, list[tuple[date, str]]]
) -> Iterable[DueItem]:
    week_end = day + timedelta(days=WEEK_DAYS - 1)
    for entry in entries:
        number, campaign = entry.case.case_number, entry.campaign_id
        mine = steps.get(entry.pk, [])
        for kind, chosen in (
            (STEP_OVERDUE, [step for step in mine if step[0] < day]),
            (STEP_DUE, [step for step in mine if step[0] >= day]),
        ):
            if chosen:
                due_on, description = chosen[0]
                yield DueItem(
                    kind, number, due_on, (due_on - day).days, campaign, description, more=len(chosen) - 1
                )
        if entry.target_on is not None and entry.target_on <= week_end:
            kind = TARGET_OVERDUE if entry.target_on < day else TARGET_DUE
            yield DueItem(kind, number, entry.target_on, (entry.target_on - day).days, campaign)
        missing = missing_determinations(entry)
        if missing:  # due since the case entered the campaign
            yield DueItem(DETERMINATIONS, number, entry.added_on, (entry.added_on - day).days, campaign,
                          missing=missing)  # fmt: skip


def missing_determinations(entry: CampaignCase) -> tuple[str, ...]:
    """The four determinations a pending campaign case misses, as the campaign page counts them
    (gaps.determinations_missing; ``entry`` annotated with ``has_step``), named by their fields (FOUR)."""
    missing = determinations_missing(entry, getattr(entry, "has_step", True))
    return tuple(FIELD_OF.get(name, name) for name in missing)


def _appraisal_items(
    entries: list[CampaignCase], day: date, appraisals: dict[int, list[Appraisal]]
) -> Iterable[DueItem]:
    for entry in entries:
        overdue = appraisals.get(entry.pk)
        if overdue:
            first = overdue[0]
            yield DueItem(APPRAISAL_OVERDUE, entry.case.case_number, first.due_on, (first.due_on - day).days,
                          entry.campaign_id, first.agency, more=len(overdue) - 1)  # fmt: skip
