"""What may be written into a campaign case's four determinations and chain, and by whom (DESIGN.md §1).

- Who sets which field follows the chain: the judge (and the assistant) propose the plan, its target date and the
  reason; the division head also sets the responsible person, the supervising leader and the judge of the chain;
  the trial management office, the president, the vice-presidents and the administrators set everything. The
  commands run for nobody in particular (the server's operator) and set everything, under the same checks.
- The supervising leader and the chain are the court's people with the right role (qingji.courts Person rows of
  the case's court): the leader a president, vice-president or division head; each level of the chain a person
  of that level; the judge a judge of the court or the case's own judge as the export names them. A value stored
  before (by the chain filled on entry, or before a person left) may stay as it is.
- A target date after the campaign's target is refused: the campaign's target is the court's commitment, and a
  case that cannot be cleared by then says why in its reason, where the leaders see it, rather than moving the
  campaign's end for itself. A date stored before the check (or before the target was moved) is marked as a
  missing target (qingji.campaigns.gaps). A plan without a step is marked, not refused: the steps are added one
  by one after the plan is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qingji.campaigns.models import CampaignCase
from qingji.courts.models import Person, Role
from qingji.interchange.problems import Problem

# The fields of a campaign case that its page and the commands may change.
EDITABLE = (
    "responsible", "supervisor", "plan", "target_on", "reason", "reason_note",
    "president", "vice_president", "division_head", "judge",
)  # fmt: skip

PROPOSED = frozenset({"plan", "target_on", "reason", "reason_note"})  # a judge proposes
ASSIGNED = PROPOSED | {"responsible", "supervisor", "judge"}  # a division head sets besides
EVERYTHING = frozenset(EDITABLE)
SETTABLE: dict[str, frozenset[str]] = {
    Role.JUDGE: PROPOSED,
    Role.ASSISTANT: PROPOSED,
    Role.DIVISION_HEAD: ASSIGNED,
    Role.TRIAL_MANAGEMENT: EVERYTHING,
    Role.PRESIDENT: EVERYTHING,
    Role.VICE_PRESIDENT: EVERYTHING,
    Role.ADMINISTRATOR: EVERYTHING,
}

# The roles a field's person is chosen among.
PEOPLE: dict[str, tuple[Role, ...]] = {
    "supervisor": (Role.PRESIDENT, Role.VICE_PRESIDENT, Role.DIVISION_HEAD),
    "president": (Role.PRESIDENT,),
    "vice_president": (Role.VICE_PRESIDENT,),
    "division_head": (Role.DIVISION_HEAD,),
    "judge": (Role.JUDGE,),
}


def settable(role: str | None) -> frozenset[str]:
    """The fields a person of ``role`` may set; None is the command line (every field)."""
    if role is None:
        return EVERYTHING
    return SETTABLE.get(role, frozenset())


def people_choices(entry: CampaignCase) -> dict[str, list[str]]:
    """For each field of :data:`PEOPLE`, the names that may be chosen: the court's people of the right role (the
    case's own division's heads first), the case's judge for the judge, and the value stored now."""
    case = entry.case
    people = Person.objects.filter(
        court__code=case.court_code, role__in=[r for roles in PEOPLE.values() for r in roles]
    )
    rows = list(people.values_list("name", "role", "division__name").order_by("name"))
    choices: dict[str, list[str]] = {}
    for field, roles in PEOPLE.items():
        matching = [(name, division) for name, role, division in rows if role in roles]
        matching.sort(key=lambda item: (item[1] != case.division, item[0]))  # the case's division first
        names = _unique([name for name, _ in matching])
        if field == "judge" and case.judge:
            names = _unique([case.judge, *names])
        current = getattr(entry, field)
        if current and current not in names:
            names.append(current)
        choices[field] = names
    return choices


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(name for name in names if name))


def _problem(field: str, value: object, zh: str, en: str) -> Problem:
    return Problem("", 0, field, "" if value is None else str(value), zh, en)


def check_changes(entry: CampaignCase, changes: dict[str, Any], role: str | None) -> list[Problem]:
    """What is wrong with ``changes`` (field → new value) to ``entry`` by a person of ``role`` (None: the command
    line); an unchanged field is never a problem."""
    changed = {key: value for key, value in changes.items() if getattr(entry, key) != value}
    problems: list[Problem] = []
    allowed = settable(role)
    for key in sorted(set(changed) - allowed):
        problems.append(_problem(key, changed[key], "您的角色不能修改此项", "your role does not set this"))
    target = changed.get("target_on")
    if target is not None and target > entry.campaign.target:
        problems.append(
            _problem("target_on", target, f"晚于专项行动的目标日期 {entry.campaign.target}（无法按期化解的，请填写未结原因）",
                     f"after the campaign's target {entry.campaign.target} (a case that cannot be cleared by "
                     "then says why in its reason)")
        )  # fmt: skip
    people = [key for key in PEOPLE if changed.get(key)]
    if people:
        choices = people_choices(entry)
        for key in people:
            if changed[key] not in choices[key]:
                problems.append(_problem(key, changed[key], "不是本院相应职务的人员", "not one of the court's people in that role"))  # fmt: skip
    return problems
