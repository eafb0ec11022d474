"""What a campaign's report and pages read: progress on a date (qingji.core.progress) and the countdown
schedule, over the cases of the campaign that the reader may see."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet

from qingji.campaigns.models import Campaign, CampaignCase
from qingji.cases.models import Case
from qingji.core.escalation import Standing, standings
from qingji.core.progress import (
    CampaignReport,
    ScheduleRow,
    ScopedCase,
    campaign_progress,
    countdown,
    days_behind,
)


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


def campaign_schedule(
    campaign: Campaign, as_of: date, entries: Iterable[CampaignCase] | None = None
) -> list[ScheduleRow]:
    """The countdown schedule (倒排工期): planned and actual remaining cases, week by week."""
    cases = scoped_cases(entries if entries is not None else entries_of(campaign))
    return countdown(cases, start=campaign.start, target=campaign.target, as_of=as_of)


def court_schedules(
    campaign: Campaign, as_of: date, entries: Iterable[CampaignCase]
) -> dict[str, list[ScheduleRow]]:
    """Each court's own countdown schedule, by court code in code order."""
    by_court: dict[str, list[ScopedCase]] = {}
    for case in scoped_cases(entries):
        by_court.setdefault(case.court_code, []).append(case)
    return {
        code: countdown(by_court[code], start=campaign.start, target=campaign.target, as_of=as_of)
        for code in sorted(by_court)
    }


def court_standings(
    campaign: Campaign,
    as_of: date,
    entries: Iterable[CampaignCase],
    report: CampaignReport,
    schedules: dict[str, list[ScheduleRow]] | None = None,
) -> list[Standing]:
    """The courts of ``report`` (:func:`campaign_report` of the same ``entries`` on ``as_of``) ranked, each with its
    days behind its own countdown plan (``schedules``: :func:`court_schedules` of the same, when computed already)
    and the escalation rung proposed for it after the rungs already recorded."""
    own = schedules if schedules is not None else court_schedules(campaign, as_of, entries)
    behind = {row.court_code: days_behind(own.get(row.court_code, []), as_of) for row in report.by_court}
    taken: dict[str, list[str]] = {}
    recorded = campaign.supervision.filter(on__lte=as_of).values_list("court__code", "kind")
    for code, kind in recorded:
        taken.setdefault(code, []).append(kind)
    return standings(report.by_court, behind, taken)
