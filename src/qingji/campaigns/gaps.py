"""What the pending cases of a campaign miss, counted in the database and listed by the same filters: the four
determinations (四定: responsible person, supervising leader, plan, target date), the reason, the levels of the
chain (四级包案), and the cases past their own target date (化解期限).

A case is pending on a date when it was in scope by then and not closed by then. Its plan counts as missing until
it has at least one dated step (一案一计划: a plan is its steps), and its target date counts as missing when it lies
after the campaign's target (a date already stored before the check, or before the campaign's target was moved):
the determination "by when" is then not met. The counts and the lists are the same filters, so that each count
opens exactly its cases (the campaign page's ``missing=…`` and ``overdue_target=1``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from qingji.campaigns.figures import CACHE_SECONDS, cache_key, campaign_counts, newest_audit
from qingji.campaigns.models import Campaign, CampaignCase, PlanStep

DETERMINATIONS = (
    "responsible",
    "supervisor",
    "plan",
    "target",
)  # the four, as the page's parameter names them
OTHERS = ("reason", "president", "vice_president", "division_head", "judge")
MISSING = ("determinations", *DETERMINATIONS, *OTHERS)  # the values of ``missing=``
OVERDUE_TARGET = "overdue_target"
# The field of the campaign case each determination is kept in, for the words of the pages.
FIELD_OF = {"target": "target_on"}


def pending_on(as_of: date) -> Q:
    """Campaign cases in scope by ``as_of`` and not closed by then."""
    return Q(added_on__lte=as_of) & (Q(case__closed_on__isnull=True) | Q(case__closed_on__gt=as_of))


def with_steps(entries: QuerySet[CampaignCase]) -> QuerySet[CampaignCase]:
    """``entries`` with ``has_step``: whether the case's plan has a step."""
    return entries.annotate(has_step=Exists(PlanStep.objects.filter(entry=OuterRef("pk"))))


def missing_filter(name: str) -> Q:
    """The campaign cases that miss ``name`` (one of :data:`MISSING`), over entries annotated by :func:`with_steps`
    (of any campaign: the target is compared with each case's own campaign's)."""
    if name == "determinations":
        combined = Q()
        for one in DETERMINATIONS:
            combined |= missing_filter(one)
        return combined
    if name == "plan":
        return Q(plan="") | Q(has_step=False)
    if name == "target":
        return Q(target_on__isnull=True) | Q(target_on__gt=F("campaign__target"))
    if name in DETERMINATIONS or name in OTHERS:
        return Q(**{name: ""})
    raise ValueError(f"not a gap: {name}")


def overdue_target_filter(as_of: date) -> Q:
    """Pending cases past their own target date (化解期限) on ``as_of``."""
    return Q(target_on__lt=as_of)


def determinations_missing(entry: CampaignCase, has_step: bool) -> list[str]:
    """Which of the four determinations (:data:`DETERMINATIONS`) a case misses: blank, a plan with no step
    (一案一计划), a target date after the campaign's."""
    blank = {
        "responsible": not entry.responsible,
        "supervisor": not entry.supervisor,
        "plan": not entry.plan or not has_step,
        "target": entry.target_on is None or entry.target_on > entry.campaign.target,
    }
    return [name for name in DETERMINATIONS if blank[name]]


def case_gaps(entry: CampaignCase, has_step: bool) -> list[str]:
    """What one case misses (:data:`MISSING` names but "determinations"); nothing once it is closed."""
    if entry.case.closed_on is not None:
        return []
    return [*determinations_missing(entry, has_step), *(name for name in OTHERS if not getattr(entry, name))]


Counts = dict[str, int]  # "pending", each of MISSING, "overdue_target" → how many cases


def gaps_by_court(campaign: Campaign, entries: QuerySet[CampaignCase], as_of: date) -> dict[str, Counts]:
    """The pending cases of ``entries`` on ``as_of`` and what they miss, by court (one grouped query)."""
    measures = {name: Count("id", filter=missing_filter(name)) for name in MISSING}
    rows = (
        with_steps(entries.filter(pending_on(as_of)))
        .order_by()
        .values("case__court_code")
        .annotate(
            pending=Count("id"), overdue_target=Count("id", filter=overdue_target_filter(as_of)), **measures
        )
    )
    return {row.pop("case__court_code"): row for row in rows}


def court_gaps(campaign: Campaign, as_of: date) -> dict[str, Counts]:
    """:func:`gaps_by_court` of every case of the campaign, kept in the cache until a campaign case changes (every
    change is audited: the newest audit record is in the key) or cases do."""
    key = cache_key("gaps", campaign, as_of, newest_audit())
    kept = cache.get(key)
    if isinstance(kept, dict):
        return kept
    counted = gaps_by_court(campaign, CampaignCase.objects.filter(campaign=campaign), as_of)
    cache.set(key, counted, CACHE_SECONDS)
    return counted


def total(by_court: dict[str, Counts], courts: Iterable[str] | None = None) -> Counts:
    """The counts of ``courts`` (all when None) added up."""
    summed: Counts = {name: 0 for name in ("pending", OVERDUE_TARGET, *MISSING)}
    for code, counts in by_court.items():
        if courts is None or code in courts:
            for name in summed:
                summed[name] += counts.get(name, 0)
    return summed


def warm_campaigns(as_of: date) -> int:
    """Count the running campaigns' cases and gaps ahead into the cache (the nightly run); returns how many."""
    running = list(Campaign.objects.filter(target__gte=as_of))
    for campaign in running:
        campaign_counts(campaign)
        court_gaps(campaign, as_of)
    return len(running)


def listed_entries(
    campaign: Campaign,
    entries: QuerySet[CampaignCase],
    as_of: date,
    *,
    court: str = "",
    missing: str = "",
    overdue_target: bool = False,
) -> QuerySet[CampaignCase]:
    """The pending cases of ``entries`` on ``as_of``, narrowed to a court, a gap and those past their target date,
    in the campaign's order (the order they entered it: court, filing date, number for the first scope)."""
    chosen = with_steps(entries.filter(pending_on(as_of)))
    if court:
        chosen = chosen.filter(case__court_code=court)
    if missing:
        chosen = chosen.filter(missing_filter(missing))
    if overdue_target:
        chosen = chosen.filter(overdue_target_filter(as_of))
    return chosen.select_related("case", "case__state").order_by("id")


def listed_count(gaps: Counts, missing: str, overdue_target: bool) -> int | None:
    """How many cases :func:`listed_entries` lists, read from the gaps of the same cases; None when both a gap and
    the past-target filter narrow it (then it is counted)."""
    if missing and overdue_target:
        return None
    if missing:
        return gaps[missing]
    return gaps[OVERDUE_TARGET] if overdue_target else gaps["pending"]
