"""What a campaign's report and pages read: progress on a date (qingji.core.progress) and the countdown
schedule, over the cases of the campaign that the reader may see."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet

from qingji.campaigns.models import Campaign, CampaignCase
from qingji.core.progress import CampaignReport, ScheduleRow, ScopedCase, campaign_progress, countdown


def entries_of(campaign: Campaign, court_codes: Iterable[str] | None = None) -> QuerySet[CampaignCase]:
    """The campaign's cases, limited to ``court_codes`` (the courts the reader may see) when given."""
    entries = campaign.cases.select_related("case")
    return entries.filter(case__court_code__in=list(court_codes)) if court_codes is not None else entries


def scoped_cases(entries: Iterable[CampaignCase]) -> list[ScopedCase]:
    return [
        ScopedCase(entry.case.case_number, entry.case.court_code, entry.added_on, entry.case.closed_on)
        for entry in entries
    ]


def campaign_report(
    campaign: Campaign, as_of: date, court_codes: Iterable[str] | None = None
) -> CampaignReport:
    """Progress of the campaign on ``as_of``, overall and per court."""
    cases = scoped_cases(entries_of(campaign, court_codes))
    return campaign_progress(cases, start=campaign.start, target=campaign.target, as_of=as_of)


def campaign_schedule(
    campaign: Campaign, as_of: date, court_codes: Iterable[str] | None = None
) -> list[ScheduleRow]:
    """The countdown schedule (倒排工期): planned and actual remaining cases, week by week."""
    cases = scoped_cases(entries_of(campaign, court_codes))
    return countdown(cases, start=campaign.start, target=campaign.target, as_of=as_of)
