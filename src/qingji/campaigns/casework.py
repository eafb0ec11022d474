"""Changes to a campaign case's green-channel referrals (审委会, 专业法官会议) and appraisals (鉴定). Every change
writes its audit record in the same transaction; a refused change writes nothing and says why (CampaignRefused).

Dates that record something done (referred, held, decided, requested, received) may not lie after today; the
meeting may be scheduled, and the appraisal fall due, later."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from qingji.audit.actions import audit
from qingji.campaigns.actions import CampaignRefused, problem, to_json
from qingji.campaigns.models import Appraisal, CampaignCase, Referral
from qingji.interchange.problems import Problem

# What may be changed after the fact: the meeting, the outcome; the appraisal's agency, due date, receipt, note.
REFERRAL_FIELDS = ("scheduled_on", "held_on", "outcome", "decided_on")
APPRAISAL_FIELDS = ("agency", "due_on", "received_on", "note")


def blank(column: str, value: str, zh: str, en: str) -> list[Problem]:
    return [] if value.strip() else [problem(column, value, f"{zh}为空", f"{en} is blank")]


def not_before(column: str, value: date | None, earlier: date, zh: str, en: str) -> list[Problem]:
    """``value`` on or after ``earlier`` (the day the referral, request or closure was made)."""
    if value is None or value >= earlier:
        return []
    return [problem(column, value, f"早于{zh} {earlier}", f"before the {en} {earlier}")]


def not_future(values: Mapping[str, date | None], today: date) -> list[Problem]:
    return [
        problem(column, value, f"晚于今天 {today}", f"after today {today}")
        for column, value in values.items()
        if value is not None and value > today
    ]


def _referral_problems(values: Mapping[str, Any], today: date) -> list[Problem]:
    referred_on: date = values["referred_on"]
    problems = []
    if values["body"] not in Referral.Body.values:
        problems.append(
            problem("body", values["body"], "未知的会议", "not the committee nor the judges' meeting")
        )
    problems += blank("referred_by", values["referred_by"], "提交人", "who referred")
    for column in ("scheduled_on", "held_on", "decided_on"):
        problems += not_before(column, values[column], referred_on, "提交日期", "referral")
    problems += not_future({key: values[key] for key in ("referred_on", "held_on", "decided_on")}, today)
    if values["decided_on"] is not None and not values["outcome"].strip():
        problems.append(
            problem("outcome", "", "有决定日期而无讨论结果", "a decision date without an outcome")
        )
    if values["outcome"].strip() and values["decided_on"] is None:
        problems.append(
            problem("decided_on", "", "有讨论结果而无决定日期", "an outcome without a decision date")
        )
    return problems


def do_refer(
    entry: CampaignCase,
    *,
    body: str,
    referred_on: date,
    referred_by: str,
    scheduled_on: date | None = None,
    actor: Any = None,
    today: date | None = None,
) -> Referral:
    """Refer a campaign case to the adjudication committee or the professional judges' meeting."""
    values = {"body": body, "referred_on": referred_on, "referred_by": referred_by.strip(),
              "scheduled_on": scheduled_on, "held_on": None, "outcome": "", "decided_on": None}  # fmt: skip
    problems = _referral_problems(values, today or timezone.localdate())
    if problems:
        raise CampaignRefused(problems)
    with transaction.atomic():
        referral = Referral.objects.create(entry=entry, recorded_by=actor, **values)
        audit("referral_made", "campaign_case", entry.case.case_number, actor=actor, court_code=entry.case.court_code,
              after={"campaign": entry.campaign.name, "referral": referral.pk,
                     **{key: to_json(value) for key, value in values.items()}})  # fmt: skip
    return referral


def do_update_referral(
    referral: Referral, changes: Mapping[str, Any], *, actor: Any = None, today: date | None = None
) -> list[str]:
    """Record the meeting (scheduled, held) and the outcome with its decision date; returns the fields changed."""
    unknown = sorted(set(changes) - set(REFERRAL_FIELDS))
    if unknown:
        raise ValueError(f"not editable: {', '.join(unknown)}")
    changes = {key: value.strip() if isinstance(value, str) else value for key, value in changes.items()}
    values = {key: getattr(referral, key) for key in ("body", "referred_on", "referred_by", *REFERRAL_FIELDS)}
    changed = [key for key, value in changes.items() if values[key] != value]
    if not changed:
        return []
    problems = _referral_problems({**values, **changes}, today or timezone.localdate())
    if problems:
        raise CampaignRefused(problems)
    entry = referral.entry
    with transaction.atomic():
        for key in changed:
            setattr(referral, key, changes[key])
        referral.save(update_fields=changed)
        audit("referral_updated", "campaign_case", entry.case.case_number, actor=actor,
              court_code=entry.case.court_code,
              before={"referral": referral.pk, **{key: to_json(values[key]) for key in changed}},
              after={"referral": referral.pk, **{key: to_json(changes[key]) for key in changed}})  # fmt: skip
    return changed


def _appraisal_problems(values: Mapping[str, Any], today: date) -> list[Problem]:
    requested_on: date = values["requested_on"]
    problems = blank("agency", values["agency"], "鉴定机构", "the agency")
    problems += not_before("due_on", values["due_on"], requested_on, "委托日期", "request")
    problems += not_before("received_on", values["received_on"], requested_on, "委托日期", "request")
    problems += not_future({key: values[key] for key in ("requested_on", "received_on")}, today)
    return problems


def do_request_appraisal(
    entry: CampaignCase,
    *,
    agency: str,
    requested_on: date,
    due_on: date,
    note: str = "",
    actor: Any = None,
    today: date | None = None,
) -> Appraisal:
    """Record an appraisal requested of an agency, with the date its opinion is due."""
    values = {"agency": agency.strip(), "requested_on": requested_on, "due_on": due_on, "received_on": None,
              "note": note.strip()}  # fmt: skip
    problems = _appraisal_problems(values, today or timezone.localdate())
    if problems:
        raise CampaignRefused(problems)
    with transaction.atomic():
        appraisal = Appraisal.objects.create(entry=entry, recorded_by=actor, **values)
        audit("appraisal_requested", "campaign_case", entry.case.case_number, actor=actor,
              court_code=entry.case.court_code,
              after={"campaign": entry.campaign.name, "appraisal": appraisal.pk,
                     **{key: to_json(value) for key, value in values.items()}})  # fmt: skip
    return appraisal


def do_update_appraisal(
    appraisal: Appraisal, changes: Mapping[str, Any], *, actor: Any = None, today: date | None = None
) -> list[str]:
    """Record the opinion received, a new due date, another agency or a note; returns the fields changed."""
    unknown = sorted(set(changes) - set(APPRAISAL_FIELDS))
    if unknown:
        raise ValueError(f"not editable: {', '.join(unknown)}")
    changes = {key: value.strip() if isinstance(value, str) else value for key, value in changes.items()}
    values = {key: getattr(appraisal, key) for key in ("requested_on", *APPRAISAL_FIELDS)}
    changed = [key for key, value in changes.items() if values[key] != value]
    if not changed:
        return []
    problems = _appraisal_problems({**values, **changes}, today or timezone.localdate())
    if problems:
        raise CampaignRefused(problems)
    entry = appraisal.entry
    with transaction.atomic():
        for key in changed:
            setattr(appraisal, key, changes[key])
        appraisal.save(update_fields=changed)
        audit("appraisal_updated", "campaign_case", entry.case.case_number, actor=actor,
              court_code=entry.case.court_code,
              before={"appraisal": appraisal.pk, **{key: to_json(values[key]) for key in changed}},
              after={"appraisal": appraisal.pk, **{key: to_json(changes[key]) for key in changed}})  # fmt: skip
    return changed
