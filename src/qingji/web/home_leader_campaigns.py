"""The leaders' home's campaign tiles: each running campaign the reader sees, its progress as the campaign page
and `qingji campaign report` give it (qingji.campaigns.report), each figure opening the campaign page."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, Max
from django.urls import reverse

from qingji.campaigns.models import Campaign, CampaignCase
from qingji.campaigns.report import court_standings
from qingji.campaigns.selectors import visible_campaigns
from qingji.cases.models import ImportRecord, Snapshot
from qingji.cases.selectors import visible_cases
from qingji.core.progress import Progress, ScopedCase, campaign_progress, countdown
from qingji.courts.models import Person
from qingji.courts.selectors import whole_courts
from qingji.web import labels as lb
from qingji.web.queries import courts_of, stored_scope

CACHE_SECONDS = 3600  # the key changes with the data anyway; an hour bounds what a stale key could keep


@dataclass(frozen=True)
class CampaignTile:
    campaign: Campaign
    progress: Progress  # over the campaign's cases the reader sees
    days_left: int  # to the target, from the as-of date
    finish: str  # the projected finish against the target, in words
    last_court: (
        str  # the court in last place (its name), "" when none or the reader sees only part of a court
    )
    last_code: str
    url: str  # the campaign page
    partial: bool  # the reader sees only some of its cases ("your cases", never "the court")

    @property
    def rate(self) -> str:
        return f"{self.progress.clearance_rate:.1%}"

    @property
    def last_url(self) -> str:
        return f"{self.url}?{urlencode({'court': self.last_code})}"


def running(person: Person, as_of: date) -> list[Campaign]:
    """The campaigns the reader sees that have started and whose target is not past."""
    return list(
        visible_campaigns(person).filter(start__lte=as_of, target__gte=as_of).order_by("target", "name")
    )


def _finish(progress: Progress) -> str:
    """The projected finish (the actual one once every case is cleared) against the target: "N days before the
    target" rather than a negative "behind"."""
    if progress.in_scope and not progress.remaining and progress.completed_on is not None:
        projected = progress.completed_on  # finished: the day the last case closed
    elif progress.projected_completion is None:
        return lb.text("home_campaign_no_projection")
    else:
        projected = progress.projected_completion
    days = (progress.target - projected).days
    if days == 0:
        when = lb.text("home_campaign_on_target")
    else:
        when = lb.text("home_campaign_on_track" if days > 0 else "home_campaign_late").format(n=abs(days))
    return (
        f"{projected.isoformat()}（{when}）" if not lb.is_english() else f"{projected.isoformat()} ({when})"
    )


def scoped(person: Person, campaign: Campaign) -> list[ScopedCase]:
    """The campaign's cases the reader sees, as the report reads them (qingji.campaigns.report.scoped_cases), read
    as plain values: a campaign of tens of thousands of cases is read in a fraction of a second, not as model
    objects. For a reader of whole courts, their courts' cases (visible_cases) by the cases' own court column."""
    courts = whole_courts(person)
    entries = CampaignCase.objects.filter(campaign=campaign)
    if courts is not None:
        entries = entries.filter(case__court_code__in=sorted(courts))
    elif stored_scope(person) is not None and person.division is not None:  # a division: its court and name
        entries = entries.filter(case__court_code=person.court.code, case__division=person.division.name)
    else:
        entries = entries.filter(case__in=visible_cases(person))
    rows = entries.values_list("case__case_number", "case__court_code", "added_on", "case__closed_on")
    return [ScopedCase(number, court, added_on, closed_on) for number, court, added_on, closed_on in rows]


def _standing(person: Person, campaign: Campaign, as_of: date) -> tuple[Progress, str]:
    """The campaign's progress over the reader's cases, and the court in last place ("" when none, or when the
    reader sees only part of a court): campaign_report's and court_schedules' computation, over :func:`scoped`."""
    cases = scoped(person, campaign)
    report = campaign_progress(cases, start=campaign.start, target=campaign.target, as_of=as_of)
    if whole_courts(person) is None or len(report.by_court) < 2:
        return report.overall, ""
    by_court: dict[str, list[ScopedCase]] = {}
    for case in cases:
        by_court.setdefault(case.court_code, []).append(case)
    schedules = {
        code: countdown(by_court[code], start=campaign.start, target=campaign.target, as_of=as_of)
        for code in sorted(by_court)
    }
    standings = court_standings(campaign, as_of, [], report, schedules)
    return report.overall, next((standing.court_code for standing in standings if standing.last), "")


def _cache_key(person: Person, campaign: Campaign, as_of: date) -> str:
    """The question (whose cases of which campaign on which date) and the state of what answers it: the snapshot
    (cases close only by an import, which computes it again), the last import, the campaign's cases and its
    supervision (which moves the ladder)."""
    courts = whole_courts(person)
    entries = CampaignCase.objects.filter(campaign=campaign).aggregate(n=Count("id"), last=Max("id"))
    data = (
        Snapshot.objects.values_list("computed_at", flat=True).first(),
        ImportRecord.objects.aggregate(last=Max("id"))["last"],
        entries["n"], entries["last"], campaign.supervision.aggregate(last=Max("id"))["last"],
    )  # fmt: skip
    reader = sorted(courts) if courts is not None else ("person", person.pk)
    question = repr((campaign.pk, campaign.start, campaign.target, as_of, reader, data))
    return "qingji-home-campaign-" + hashlib.sha256(question.encode()).hexdigest()


def campaign_tiles(person: Person, as_of: date) -> list[CampaignTile]:
    names = courts_of(person)
    tiles = []
    for campaign in running(person, as_of):
        key = _cache_key(person, campaign, as_of)
        found = cache.get(key)
        if found is None:
            found = _standing(person, campaign, as_of)
            cache.set(key, found, CACHE_SECONDS)
        progress, last = found
        tiles.append(
            CampaignTile(
                campaign=campaign,
                progress=progress,
                days_left=(campaign.target - as_of).days,
                finish=_finish(progress),
                last_court=names.get(last, last),
                last_code=last,
                url=reverse("web:campaign", args=[campaign.pk]),
                partial=whole_courts(person) is None,
            )
        )
    return tiles
