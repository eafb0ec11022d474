"""A campaign's progress on a date (qingji.core.progress) over some of its cases, read one by one: the letters and
the demo. The pages and the report's rankings read the grouped counts (qingji.campaigns.figures, .ranking)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet

from qingji.campaigns.models import Campaign, CampaignCase
from qingji.cases.models import Case
from qingji.core.progress import CampaignReport, ScopedCase, campaign_progress


def entries_of(campaign: Campaign, cases: QuerySet[Case] | None = None) -> QuerySet[CampaignCase]:
    """The campaign's cases, limited to ``cases`` (what the reader may see) when given."""
    entries = campaign.cases.select_related("case")
    return entries.filter(case__in=cases) if cases is not None else entries


def scoped_cases(entries: Iterable[CampaignCase]) -> list[ScopedCase]:
    return [
        ScopedCase(entry.case.case_number, entry.case.court_code, entry.added_on, entry.case.closed_on)
        for entry in entries
    ]


def campaign_report(
    campaign: Campaign, as_of: date, entries: Iterable[CampaignCase] | None = None
) -> CampaignReport:
    """Progress of the campaign on ``as_of``, overall and per court (over ``entries``, by default all)."""
    cases = scoped_cases(entries if entries is not None else entries_of(campaign))
    return campaign_progress(cases, start=campaign.start, target=campaign.target, as_of=as_of)
