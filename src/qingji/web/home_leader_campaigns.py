"""The leaders' home's campaign tiles: each running campaign the reader sees, its progress as the campaign page
and `qingji campaign report` give it (qingji.campaigns.report), each figure opening the campaign page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.urls import reverse

from qingji.campaigns.models import Campaign
from qingji.campaigns.report import campaign_report, court_standings
from qingji.campaigns.selectors import visible_campaigns, visible_entries
from qingji.core.progress import Progress
from qingji.courts.models import Person
from qingji.courts.selectors import whole_courts
from qingji.web import labels as lb
from qingji.web.queries import courts_of


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


def campaign_tiles(person: Person, as_of: date) -> list[CampaignTile]:
    names = courts_of(person)
    whole = whole_courts(person)
    tiles = []
    for campaign in running(person, as_of):
        entries = list(visible_entries(person, campaign))
        report = campaign_report(campaign, as_of, entries)
        last = ""
        if whole is not None and len(report.by_court) > 1:
            standings = court_standings(campaign, as_of, entries, report)
            last = next((standing.court_code for standing in standings if standing.last), "")
        tiles.append(
            CampaignTile(
                campaign=campaign,
                progress=report.overall,
                days_left=(campaign.target - as_of).days,
                finish=_finish(report.overall),
                last_court=names.get(last, last),
                last_code=last,
                url=reverse("web:campaign", args=[campaign.pk]),
                partial=whole is None,
            )
        )
    return tiles
