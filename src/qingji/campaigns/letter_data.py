"""What a supervision letter (督办函) says, read from the database: the court's figures on the letter's date from
the campaign's report (its clearance rate, its place among the campaign's courts, its days behind the countdown
plan) and its remaining cases with their reason and target date. The document itself is made by
``qingji.campaigns.letter`` from the template in force (:func:`template_in_force`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from qingji.audit.actions import audit
from qingji.campaigns.figures import campaign_counts
from qingji.campaigns.letter import DEFAULT_TEMPLATE, TEMPLATE_NAME, LetterData, LetterRow, render_letter
from qingji.campaigns.models import Campaign, CampaignCase, Reason, SupervisionAction
from qingji.campaigns.ranking import ranked_groups
from qingji.campaigns.report import campaign_report, entries_of
from qingji.core.measures import age_days
from qingji.core.progress import ScopedCase, cleared_on_or_before
from qingji.courts.models import Court

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def custom_template(home: Path) -> Path:
    """Where a court keeps its own template: ``$QINGJI_HOME/templates/督办函.docx``."""
    return home / "templates" / TEMPLATE_NAME


def template_in_force(home: Path) -> Path:
    """The court's own template when there is one, else the default shipped with qingji."""
    custom = custom_template(home)
    return custom if custom.is_file() else DEFAULT_TEMPLATE


def letter_number(on: date, action: SupervisionAction | None = None) -> str:
    """The letter's number (文号) 〔YEAR〕N号: its place among all letters recorded in that year, by date and then
    by recording order; for a letter not recorded, the place it would take if recorded now on ``on``."""
    letters = SupervisionAction.objects.filter(kind=SupervisionAction.Kind.LETTER, on__year=on.year)
    if action is None:
        place = letters.filter(on__lte=on).count() + 1
    else:
        place = letters.filter(on__lt=on).count() + letters.filter(on=on, pk__lte=action.pk).count()
    return f"〔{on.year}〕{place}号"


def gather(
    campaign: Campaign,
    court_code: str,
    on: date,
    *,
    by: str,
    to: str = "",
    agreed: str = "",
    follow_up: date | None = None,
    number: str = "",
) -> LetterData:
    """The letter to ``court_code`` on ``on``: the campaign's report on that date over all its cases (the court's
    place among the courts it is ranked with, qingji.campaigns.ranking: the basic courts) and the court's cases
    remaining then."""
    court = Court.objects.get(code=court_code)
    entries = list(entries_of(campaign).filter(case__court_code=court_code))
    report = campaign_report(campaign, on, entries)
    groups = ranked_groups(campaign, campaign_counts(campaign), on)
    standings = next((group.standings for group in groups if group.standing(court_code)), [])
    row = next((row for row in report.by_court if row.court_code == court_code), None)
    standing = next((s for s in standings if s.court_code == court_code), None)
    remaining = [entry for entry in entries if _remaining(entry, on)]
    return LetterData(
        court_code=court_code,
        court_name=court.name,
        campaign=campaign.name,
        start=campaign.start,
        target=campaign.target,
        on=on,
        number=number or letter_number(on),
        by=by,
        to=to,
        agreed=agreed,
        follow_up=follow_up,
        in_scope=row.in_scope if row else 0,
        cleared=row.cleared if row else 0,
        remaining=row.remaining if row else 0,
        clearance_rate=row.clearance_rate if row else 0.0,
        rank=standing.rank if standing else None,
        courts=len(standings),
        days_behind=standing.behind_plan if standing else 0,
        projected=row.projected_completion if row else None,
        rows=tuple(_row(entry, on) for entry in remaining),
    )


def _remaining(entry: CampaignCase, on: date) -> bool:
    case = ScopedCase(entry.case.case_number, entry.case.court_code, entry.added_on, entry.case.closed_on)
    return entry.added_on <= on and not cleared_on_or_before(case, on)


def _row(entry: CampaignCase, on: date) -> LetterRow:
    reason = Reason(entry.reason).label if entry.reason else ""
    if entry.reason_note.strip():
        reason = f"{reason}：{entry.reason_note.strip()}" if reason else entry.reason_note.strip()
    return LetterRow(
        case_number=entry.case.case_number,
        judge=entry.judge or entry.case.judge,
        filed_on=entry.case.filed_on,
        days_pending=age_days(entry.case.filed_on, on),
        reason=str(reason),
        target_on=entry.target_on,
    )


def action_letter(action: SupervisionAction) -> LetterData:
    """The letter of a recorded supervision action (of kind letter): its date, who, to whom, what was agreed."""
    return gather(action.campaign, action.court.code, action.on, by=action.by, to=action.to,
                  agreed=action.agreed, follow_up=action.follow_up, number=letter_number(action.on, action))  # fmt: skip


def file_name(data: LetterData) -> str:
    """督办函-半年清积-甘1026-2023-03-01.docx (characters a file system refuses become _)."""
    name = f"督办函-{data.campaign}-{data.court_code}-{data.on.isoformat()}.docx"
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name)


@dataclass(frozen=True)
class Letter:
    name: str  # the file name
    content: bytes
    data: LetterData
    template: Path


def generate_letter(action: SupervisionAction, home: Path, *, actor: Any = None) -> Letter:
    """The letter of a recorded action from the template in force, written to the audit trail. A template that
    cannot make it raises ``LetterTemplateError``; nothing is recorded then."""
    data = action_letter(action)
    template = template_in_force(home)
    content = render_letter(data, template)
    audit_letter(action, data, template, actor=actor)
    return Letter(file_name(data), content, data, template)


def audit_letter(action: SupervisionAction, data: LetterData, template: Path, *, actor: Any = None) -> None:
    """Write ``letter_generated`` for the letter of ``action``: its number, date, addressee, template and how many
    cases it lists."""
    with transaction.atomic():
        audit("letter_generated", "supervision", str(action.pk), actor=actor, court_code=data.court_code,
              after={"campaign": data.campaign, "on": data.on.isoformat(), "number": data.number, "to": data.to,
                     "template": "default" if template == DEFAULT_TEMPLATE else str(template),
                     "cases": len(data.rows)})  # fmt: skip
