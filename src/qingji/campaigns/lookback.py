"""The look-back review (回头看, DESIGN.md §1): every case of a campaign that closed after more than a year pending
(qingji.core.casework.lookback_due, C10) gets one review task, and a reviewer records the finding.

Tasks are opened idempotently, for the cases that qualify on a day, by :func:`do_open_lookbacks`: every night
while the server runs (qingji.server.nightly, for every campaign), on ``qingji campaign lookback open``, and from
the look-back page by a user who may change the campaign's cases. Showing a page writes nothing: the page lists
the cases that qualify but have no task yet beside the tasks. Recording a finding for a case that qualifies opens
its task first if it has none."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from qingji.audit.actions import audit, audit_per_court
from qingji.campaigns.actions import CampaignRefused, numbers_by_court, problem, to_json
from qingji.campaigns.casework import blank, not_before, not_future
from qingji.campaigns.models import Campaign, CampaignCase, LookBack
from qingji.campaigns.report import entries_of
from qingji.cases.models import Case
from qingji.core.casework import lookback_due, pending_over_a_year

FINDING_FIELDS = ("reviewed_on", "reviewer", "finding", "verdict", "problem")


def qualifying(campaign: Campaign, on: date, cases: QuerySet[Case] | None = None) -> list[CampaignCase]:
    """The campaign's cases (of ``cases``, when given) due a look-back on ``on``, with or without a task."""
    closed = entries_of(campaign, cases).filter(case__closed_on__lte=on).select_related("lookback")
    return [entry for entry in closed if lookback_due(entry.case.filed_on, entry.case.closed_on, on)]


def task_of(entry: CampaignCase) -> LookBack | None:
    try:
        return entry.lookback
    except LookBack.DoesNotExist:
        return None


def do_open_lookbacks(
    campaign: Campaign, on: date, *, actor: Any = None, cases: QuerySet[Case] | None = None
) -> list[CampaignCase]:
    """Open a review task, dated ``on``, for each case of the campaign (of ``cases``, when given) that is due a
    look-back on ``on`` and has none; returns the cases opened (none when run again)."""
    new = [entry for entry in qualifying(campaign, on, cases) if task_of(entry) is None]
    if not new:
        return []
    with transaction.atomic():
        LookBack.objects.bulk_create(
            [LookBack(entry=entry, opened_on=on) for entry in new], ignore_conflicts=True
        )
        audit_per_court("lookbacks_opened", "campaign", campaign.name, actor=actor,
                        courts={court: {"opened_on": on.isoformat(), "cases": numbers}
                                for court, numbers in numbers_by_court(entry.case for entry in new).items()})  # fmt: skip
    return new


def open_all_lookbacks(on: date) -> int:
    """The nightly run: open the tasks due on ``on`` in every campaign; returns how many were opened."""
    return sum(len(do_open_lookbacks(campaign, on)) for campaign in Campaign.objects.all())


def do_record_finding(
    entry: CampaignCase,
    *,
    reviewed_on: date,
    reviewer: str,
    finding: str,
    verdict: str,
    problem_text: str = "",
    actor: Any = None,
    today: date | None = None,
) -> LookBack:
    """Record (or correct) the finding of a case's look-back: the day, the reviewer, what was found, and the
    verdict, 无问题 or 有问题 with what the problem is."""
    today = today or timezone.localdate()
    case = entry.case
    reviewer, finding, problem_text = reviewer.strip(), finding.strip(), problem_text.strip()
    values = {"reviewed_on": reviewed_on, "reviewer": reviewer, "finding": finding, "verdict": verdict,
              "problem": problem_text}  # fmt: skip
    if case.closed_on is None or not pending_over_a_year(case.filed_on, case.closed_on):
        raise CampaignRefused([problem("case", case.case_number, "未结案或立案至结案未超过一年，无需回头看",
                                       "still pending, or closed within a year of filing: no look-back")])  # fmt: skip
    problems = blank("reviewer", reviewer, "复查人", "the reviewer")
    problems += blank("finding", finding, "复查情况", "the finding")
    problems += not_before("reviewed_on", reviewed_on, case.closed_on, "结案日期", "closure")
    problems += not_future({"reviewed_on": reviewed_on}, today)
    if verdict not in LookBack.Verdict.values:
        problems.append(
            problem("verdict", verdict, "结论应为无问题或有问题", "the verdict is no_problem or problem")
        )
    elif verdict == LookBack.Verdict.PROBLEM:
        problems += blank("problem", problem_text, "问题说明", "the problem")
    if problems:
        raise CampaignRefused(problems)
    with transaction.atomic():
        task = task_of(entry)
        if task is None:
            do_open_lookbacks(entry.campaign, today, actor=actor, cases=Case.objects.filter(pk=case.pk))
            task = LookBack.objects.get(entry=entry)
        before = {key: to_json(getattr(task, key)) for key in FINDING_FIELDS}
        for key, value in values.items():
            setattr(task, key, value)
        task.recorded_by = actor
        task.save(update_fields=[*FINDING_FIELDS, "recorded_by"])
        audit("lookback_recorded", "campaign_case", case.case_number, actor=actor, court_code=case.court_code,
              before=before if before["reviewed_on"] else None,
              after={"campaign": entry.campaign.name, **{key: to_json(value) for key, value in values.items()}})  # fmt: skip
    return task
