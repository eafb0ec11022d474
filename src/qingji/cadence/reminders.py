"""The daily reminder (日提醒) and the weekly supervision list (周督办), as inbox messages (docs/cadence.md).

- The reminder: to each person of ``[cadence] reminder_roles`` (judges and assistants by default) with anything
  due, what "my work" lists for them on the day (qingji.campaigns.due_work: overdue cases, expiries within the
  warning thresholds, 10-month warnings, plan steps and target dates due this week or overdue, determinations
  missing, appraisals overdue), counted by kind, the most urgent listed.
- The list: to each leader of ``[cadence] list_roles`` (president, vice-president, division head by default), the
  pending campaign cases whose chain names them at their level (四级包案) or as supervising leader (督办领导) and
  that are behind: a plan step overdue, or the target date (化解期限) passed.

A person with nothing due gets no message. Each message's key is the kind, the day and the person.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q

from qingji.cadence.models import Message, Run
from qingji.cadence.schedule import Kind
from qingji.campaigns.due_work import DueItem
from qingji.campaigns.due_work_many import work_of_many
from qingji.campaigns.models import CampaignCase, PlanStep
from qingji.courts.models import Person, Role

LISTED = 30  # items listed in a message; the rest are counted ("and N more")
CHAIN_FIELD = {
    Role.PRESIDENT: "president",
    Role.VICE_PRESIDENT: "vice_president",
    Role.DIVISION_HEAD: "division_head",
}


def message_key(kind: Kind, on: date, person_id: int) -> str:
    return f"{kind.value}:{on.isoformat()}:{person_id}"


def reminder_messages(run: Run, roles: tuple[str, ...]) -> list[Message]:
    messages = []
    people = list(Person.objects.filter(role__in=roles).select_related("court", "division").order_by("pk"))
    works = work_of_many(people, run.on)  # one read for everyone (qingji.campaigns.due_work_many)
    for person in people:
        work = works[person.pk]
        if not work.items:
            continue
        data = {
            "as_of": work.as_of.isoformat(),
            "counts": {kind: count for kind, count in work.counts.items() if count},
            "items": [_due(item) for item in work.items[:LISTED]],
            "total": len(work.items),
        }
        messages.append(_message(run, person, data))
    return messages


def _due(item: DueItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "case_number": item.case_number,
        "due_on": item.due_on.isoformat() if item.due_on else None,
        "days_left": item.days_left,
        "campaign_id": item.campaign_id,
        "detail": item.detail,
        "missing": list(item.missing),
        "more": item.more,
    }


def list_messages(run: Run, roles: tuple[str, ...]) -> list[Message]:
    day = run.on
    behind = _behind(day)
    messages = []
    for person in Person.objects.filter(role__in=roles).select_related("court").order_by("pk"):
        level = CHAIN_FIELD.get(Role(person.role))
        mine = [
            row
            for row in behind.get(person.court.code, [])
            if row["supervisor"] == person.name or (level is not None and row[level] == person.name)
        ]
        if not mine:
            continue
        mine.sort(key=lambda row: (-row["days_over"], row["case_number"]))
        items = [{key: row[key] for key in LIST_KEYS} for row in mine[:LISTED]]
        data = {"as_of": day.isoformat(), "items": items, "total": len(mine)}
        messages.append(_message(run, person, data))
    return messages


LIST_KEYS = (
    "case_number",
    "campaign_id",
    "judge",
    "responsible",
    "target_on",
    "step_due_on",
    "step",
    "days_over",
)


def _behind(day: date) -> dict[str, list[dict[str, Any]]]:
    """The pending campaign cases behind on ``day``, by court: a plan step overdue, or the target date passed."""
    overdue_steps = PlanStep.objects.filter(entry=OuterRef("pk"), done_on__isnull=True, due_on__lt=day)
    fields = ("pk", "campaign_id", "case__case_number", "case__court_code", "target_on", "responsible",
              "supervisor", "president", "vice_president", "division_head", "judge")  # fmt: skip
    entries = (
        CampaignCase.objects.filter(campaign__start__lte=day, added_on__lte=day)
        .filter(Q(case__closed_on__isnull=True) | Q(case__closed_on__gt=day))
        .annotate(step_late=Exists(overdue_steps))
        .filter(Q(target_on__lt=day) | Q(step_late=True))
        .values(*fields)
    )
    rows = list(entries)
    first_step: dict[int, tuple[date, str]] = {}
    for entry_id, due_on, description in (
        PlanStep.objects.filter(entry__in=[row["pk"] for row in rows], done_on__isnull=True, due_on__lt=day)
        .order_by("due_on", "id")
        .values_list("entry_id", "due_on", "description")
    ):
        first_step.setdefault(entry_id, (due_on, description))
    by_court: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        step = first_step.get(row["pk"])
        late = [due for due in (row["target_on"], step[0] if step else None) if due is not None and due < day]
        by_court[row["case__court_code"]].append(
            {
                **row,
                "case_number": row["case__case_number"],
                "target_on": row["target_on"].isoformat() if row["target_on"] else None,
                "step_due_on": step[0].isoformat() if step else None,
                "step": step[1] if step else "",
                "days_over": (day - min(late)).days,
            }
        )
    return by_court


def _message(run: Run, person: Person, data: dict[str, Any]) -> Message:
    kind = Kind(run.kind)
    return Message(
        key=message_key(kind, run.on, person.pk), person=person, run=run, kind=kind, on=run.on, data=data
    )
