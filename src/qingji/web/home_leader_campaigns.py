"""The leaders' home's campaign tiles: each running campaign the reader sees, its progress as the campaign page
and `qingji campaign report` give it (qingji.campaigns.report), each figure opening the campaign page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.urls import reverse

from qingji.campaigns.figures import campaign_counts, counted_cases
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.campaigns.ranking import ranked_groups
from qingji.campaigns.selectors import visible_campaigns
from qingji.cases.selectors import visible_cases
from qingji.core.progress import Progress, ScopedCase, campaign_progress
from qingji.courts.models import Person
from qingji.courts.selectors import whole_courts
from qingji.web import labels as lb
from qingji.web.queries import courts_of, stored_scope


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
    """The campaign's cases the reader sees, counted as the campaign page counts them (qingji.campaigns.figures):
    a whole court's from the campaign's cached counts, a division's or a judge's in one grouped query."""
    courts = whole_courts(person)
    if courts is not None:
        return campaign_counts(campaign).of_courts(set(courts))
    entries = CampaignCase.objects.filter(campaign=campaign)
    if stored_scope(person) is not None and person.division is not None:  # a division: its court and name
        entries = entries.filter(case__court_code=person.court.code, case__division=person.division.name)
    else:
        entries = entries.filter(case__in=visible_cases(person))
    return counted_cases(entries)


def _standing(person: Person, campaign: Campaign, as_of: date) -> tuple[Progress, str]:
    """The campaign's progress over the reader's cases (the campaign report's computation), and the basic court
    in last place among the campaign's basic courts (qingji.campaigns.ranking: the whole campaign's ranking), when
    the reader sees that whole court; "" otherwise — a part of a court is never named last."""
    report = campaign_progress(
        scoped(person, campaign), start=campaign.start, target=campaign.target, as_of=as_of
    )
    courts = whole_courts(person)
    if courts is None:
        return report.overall, ""
    groups = ranked_groups(campaign, campaign_counts(campaign), as_of)
    basic = next((group for group in groups if not group.court_code), None)
    last = next((s.court_code for s in basic.standings if s.last), "") if basic is not None else ""
    return report.overall, last if last in courts else ""


def campaign_tiles(person: Person, as_of: date) -> list[CampaignTile]:
    names = courts_of(person)
    tiles = []
    for campaign in running(person, as_of):
        progress, last = _standing(person, campaign, as_of)
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
