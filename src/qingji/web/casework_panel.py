"""The casework panel of a campaign case's page (web/casework_case.html): its referrals with how long they wait,
its appraisals with the overdue ones marked, and its look-back review, each with its forms, as of today."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from qingji.campaigns.casework_report import appraisal_rows, lookback_row, referral_rows
from qingji.campaigns.models import CampaignCase
from qingji.core.casework import lookback_due
from qingji.web.casework_forms import (
    AppraisalForm,
    AppraisalUpdateForm,
    FindingForm,
    ReferralForm,
    ReferralUpdateForm,
)
from qingji.web.choice_labels import choice_label


def body_label(code: str) -> str:
    return choice_label("body", code)


def verdict_label(code: str) -> str:
    return choice_label("verdict", code)


def casework_context(
    entry: CampaignCase, may_edit: bool, *, bound: dict[str, forms.Form] | None = None, reviewer: str = ""
) -> dict[str, Any]:
    """The panel's context; ``bound`` holds a posted form with its errors in place of the empty one (keys
    ``referral``, ``referral-<id>``, ``appraisal``, ``appraisal-<id>``, ``finding``)."""
    bound = bound or {}
    today = timezone.localdate()
    referrals = []
    for row in referral_rows(entry.referrals.all(), today):
        r, key = row.referral, f"referral-{row.referral.pk}"
        initial = {"scheduled_on": r.scheduled_on, "held_on": r.held_on, "outcome": r.outcome,
                   "decided_on": r.decided_on}  # fmt: skip
        form = bound.get(key) or ReferralUpdateForm(prefix=key, initial=initial)
        referrals.append({"row": row, "body": body_label(r.body), "form": form})
    appraisals = []
    for item in appraisal_rows(entry.appraisals.all(), today):
        a, key = item.appraisal, f"appraisal-{item.appraisal.pk}"
        initial = {"agency": a.agency, "due_on": a.due_on, "received_on": a.received_on, "note": a.note}
        appraisals.append(
            {"row": item, "form": bound.get(key) or AppraisalUpdateForm(prefix=key, initial=initial)}
        )
    return {
        "cw_today": today,
        "cw_may_edit": may_edit,
        "cw_referrals": referrals,
        "cw_referral_form": bound.get("referral") or ReferralForm(initial={"referred_on": today}),
        "cw_appraisals": appraisals,
        "cw_appraisal_form": bound.get("appraisal") or AppraisalForm(initial={"requested_on": today}),
        **_lookback(entry, today, bound.get("finding"), reviewer),
    }


def _lookback(entry: CampaignCase, today: date, form: forms.Form | None, reviewer: str) -> dict[str, Any]:
    case = entry.case
    if not lookback_due(case.filed_on, case.closed_on, today):
        return {"cw_lookback": None, "cw_finding_form": None}
    row = lookback_row(entry, today)
    task = row.task
    if form is None:
        initial: dict[str, Any] = {"reviewed_on": today, "reviewer": reviewer}
        if task is not None and task.reviewed_on is not None:
            initial = {"reviewed_on": task.reviewed_on, "reviewer": task.reviewer, "finding": task.finding,
                       "verdict": task.verdict, "problem": task.problem}  # fmt: skip
        form = FindingForm(initial=initial)
    verdict = verdict_label(task.verdict) if task and task.verdict else ""
    return {"cw_lookback": row, "cw_verdict": verdict, "cw_finding_form": form}
