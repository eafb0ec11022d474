"""The trial management office's to-do list (审管办待办, issue 12): what waits on the office in the courts it
sees, one item per court (and campaign), the most pressing first.

- an export not imported for ``IMPORT_LATE_DAYS`` days, or never (Court.last_import_at, stamped by every import);
- the campaign cases missing any of the four determinations (四定), by campaign and court;
- appraisals overdue (as the campaign's appraisals page counts them), referrals to the adjudication committee or
  the professional judges' meeting not yet decided, look-back tasks open (opened, no finding yet);
- supervision follow-ups due: an act of supervision whose follow-up date (跟进日期) has come, with no later act of
  supervision of that court in that campaign on or after that date.

The office sees whole courts, so nothing here reads the cases one by one: each item is one grouped query over
the campaigns' own tables (their casework rows are few; the campaign cases are read along the campaign's index,
only those still pending and missing a determination), and the courts' import dates are one small table. The
campaigns' items are counted for all their courts at once and kept in the cache until a case, a campaign case or
its casework changes (every change of the casework is audited: the newest audit record is in the key); the nightly
run counts them ahead (:func:`warm_office_todo`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db.models import Count, Exists, F, Min, OuterRef, Q
from django.utils import timezone

from qingji.campaigns.figures import CACHE_SECONDS, newest_audit, versioned_key
from qingji.campaigns.models import (
    Appraisal,
    Campaign,
    CampaignCase,
    LookBack,
    PlanStep,
    Referral,
    SupervisionAction,
)
from qingji.campaigns.selectors import visible_campaigns
from qingji.courts.models import Court, Person
from qingji.courts.selectors import visible_court_codes

# A court whose export has not been imported for this many days is on the list. Courts send their export at least
# weekly during a campaign (the weekly supervision, 周督办, reads it), so a week without one is late. Not a site
# setting: no court has asked for another; docs/pages.md says where it is.
IMPORT_LATE_DAYS = 7

# The kinds of item, in the order they come on a tie (the one dated earlier comes first).
IMPORT_LATE = "import_late"
DETERMINATIONS = "determinations"
APPRAISALS = "appraisals"
REFERRALS = "referrals"
LOOKBACKS = "lookbacks"
FOLLOW_UPS = "follow_ups"
KINDS = (IMPORT_LATE, DETERMINATIONS, APPRAISALS, FOLLOW_UPS, REFERRALS, LOOKBACKS)
CHUNK = 500  # ids in one IN (...) list


@dataclass(frozen=True)
class TodoItem:
    kind: str  # one of KINDS
    court_code: str
    count: int  # how many (cases, appraisals, referrals, tasks, follow-ups); 1 for a late import
    since: date | None  # since when it waits (the oldest of them); None: an export never imported
    campaign: Campaign | None = None
    last_import: datetime | None = None  # IMPORT_LATE: the court's last import (None: never)


@dataclass(frozen=True)
class OfficeTodo:
    as_of: date
    items: list[TodoItem]  # most pressing first: never imported, then the longest waiting
    late_days: int = IMPORT_LATE_DAYS


def office_todo(person: Person, on: date, now: datetime | None = None) -> OfficeTodo:
    """What waits on the office on ``on`` (the campaign casework), with the imports as of ``now``."""
    courts = visible_court_codes(person)
    campaigns = {
        campaign.pk: campaign for campaign in visible_campaigns(person).filter(start__lte=on).order_by("pk")
    }
    items = [
        *late_imports(courts, now or timezone.now()),
        *(item for item in campaign_items(campaigns, on) if item.court_code in courts),
    ]
    order = {kind: i for i, kind in enumerate(KINDS)}
    items.sort(key=lambda item: (item.since is not None, item.since or on, order[item.kind], item.court_code))
    return OfficeTodo(on, items)


def campaign_items(campaigns: dict[int, Campaign], on: date) -> list[TodoItem]:
    """The campaigns' items on ``on`` in all their courts (from the cache when nothing changed since counted)."""
    chosen = sorted((pk, campaign.created_at) for pk, campaign in campaigns.items())
    key = versioned_key("office-todo", chosen, on, newest_audit())
    kept = cache.get(key)
    if isinstance(kept, list):
        return kept
    items = [
        *_determinations(campaigns, on),
        *_casework(APPRAISALS, Appraisal, _appraisals(on), "due_on", campaigns),
        *_casework(REFERRALS, Referral, _referrals(on), "referred_on", campaigns),
        *_casework(LOOKBACKS, LookBack, _lookbacks(on), "opened_on", campaigns),
        *_follow_ups(campaigns, on),
    ]
    cache.set(key, items, CACHE_SECONDS)
    return items


def warm_office_todo(on: date) -> int:
    """Count the campaign items of the office's list ahead into the cache for every campaign started by ``on``
    (the nightly run: the office sees them all); returns how many campaigns."""
    campaigns = {campaign.pk: campaign for campaign in Campaign.objects.filter(start__lte=on).order_by("pk")}
    campaign_items(campaigns, on)
    return len(campaigns)


def late_imports(courts: set[str], now: datetime) -> list[TodoItem]:
    """The courts whose export was last imported ``IMPORT_LATE_DAYS`` days or more before ``now``, or never."""
    limit = now - timedelta(days=IMPORT_LATE_DAYS)
    late = Court.objects.filter(
        Q(last_import_at__isnull=True) | Q(last_import_at__lte=limit), code__in=courts
    )
    return [
        TodoItem(IMPORT_LATE, code, 1, None if last is None else timezone.localdate(last) + timedelta(days=IMPORT_LATE_DAYS),
                 last_import=last)
        for code, last in late.order_by("code").values_list("code", "last_import_at")
    ]  # fmt: skip


def _determinations(campaigns: dict[int, Campaign], on: date) -> list[TodoItem]:
    """Per campaign and court, its cases pending on ``on`` missing any of the four determinations, as the campaign
    page counts them (due_work.missing_determinations)."""
    missing = (
        Q(responsible="")
        | Q(supervisor="")
        | Q(plan="")
        | ~Exists(PlanStep.objects.filter(entry=OuterRef("pk")))
        | Q(target_on__isnull=True)
        | Q(target_on__gt=F("campaign__target"))
    )
    pending = Q(added_on__lte=on) & (Q(case__closed_on__isnull=True) | Q(case__closed_on__gt=on))
    rows = (
        CampaignCase.objects.filter(missing, pending, campaign_id__in=list(campaigns))
        .values("campaign_id", "case__court_code")
        .annotate(n=Count("pk"), since=Min("added_on"))
        .order_by()
    )
    return [
        TodoItem(
            DETERMINATIONS, row["case__court_code"], row["n"], row["since"], campaigns[row["campaign_id"]]
        )
        for row in rows
    ]


def _casework(
    kind: str, model: type[Appraisal] | type[Referral] | type[LookBack], waiting: Q, dated: str,
    campaigns: dict[int, Campaign],
) -> list[TodoItem]:  # fmt: skip
    """The casework rows waiting (``waiting``, on their own columns: they are few), then the campaign and court of
    their cases, grouped by campaign and court: the count and the earliest ``dated``."""
    found = list(model._default_manager.filter(waiting).values_list("entry_id", dated))
    places: dict[int, tuple[int, str]] = {}
    ids = sorted({entry_id for entry_id, _ in found})
    for start in range(0, len(ids), CHUNK):
        entries = CampaignCase.objects.filter(
            pk__in=ids[start : start + CHUNK], campaign_id__in=list(campaigns)
        )
        for pk, campaign, court in entries.values_list("pk", "campaign_id", "case__court_code"):
            places[pk] = (campaign, court)
    grouped: dict[tuple[int, str], list[date]] = {}
    for entry_id, day in found:
        if entry_id in places:
            grouped.setdefault(places[entry_id], []).append(day)
    return [
        TodoItem(kind, court, len(days), min(days), campaigns[campaign])
        for (campaign, court), days in sorted(grouped.items())
    ]


def _appraisals(on: date) -> Q:
    """Overdue on ``on``: due before it, requested by it, and no opinion received by it (core.casework)."""
    return (Q(received_on__isnull=True) | Q(received_on__gt=on)) & Q(due_on__lt=on, requested_on__lte=on)


def _referrals(on: date) -> Q:
    """Waiting on ``on``: referred by it, not decided by it (core.casework.referral_open)."""
    return (Q(decided_on__isnull=True) | Q(decided_on__gt=on)) & Q(referred_on__lte=on)


def _lookbacks(on: date) -> Q:
    """Open on ``on``: opened by it, no finding recorded by it."""
    return (Q(reviewed_on__isnull=True) | Q(reviewed_on__gt=on)) & Q(opened_on__lte=on)


def _follow_ups(campaigns: dict[int, Campaign], on: date) -> list[TodoItem]:
    """Acts of supervision whose follow-up date has come by ``on`` and that no later act of the same court and
    campaign, dated on or after the follow-up date, has followed."""
    later = SupervisionAction.objects.filter(
        campaign_id=OuterRef("campaign_id"), court_id=OuterRef("court_id"), on__gte=OuterRef("follow_up"),
        on__lte=on,
    ).exclude(pk=OuterRef("pk"))  # fmt: skip
    due = (
        SupervisionAction.objects.filter(campaign_id__in=list(campaigns), follow_up__lte=on, on__lte=on)
        .filter(~Exists(later))
        .values("campaign_id", court_code=F("court__code"))
        .annotate(n=Count("pk"), since=Min("follow_up"))
        .order_by()
    )
    return [
        TodoItem(FOLLOW_UPS, row["court_code"], row["n"], row["since"], campaigns[row["campaign_id"]])
        for row in due
    ]
