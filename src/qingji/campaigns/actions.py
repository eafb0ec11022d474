"""Changes to campaigns. Every change writes its audit record in the same transaction; a refused change writes
nothing and says why (file, row, column, value, reason)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import transaction

from qingji.audit.actions import audit, audit_per_court
from qingji.campaigns.chain import ChainBook
from qingji.campaigns.entry_rules import EDITABLE, check_changes
from qingji.campaigns.models import Campaign, CampaignCase, PlanStep, SupervisionAction
from qingji.campaigns.ranking import is_ladder_step, supervised_codes
from qingji.campaigns.scope import DEFAULT_NEW_BACKLOG_MONTHS, ListedNumber, cases_by_rule
from qingji.cases.models import Case
from qingji.cases.snapshot import refresh_planner_statistics
from qingji.courts.models import Court
from qingji.interchange.problems import Problem


class CampaignRefused(ValueError):
    """Nothing was written; ``problems`` say why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = list(problems)


def problem(column: str, value: object, zh: str, en: str) -> Problem:
    """A problem with one field of a campaign's record entered on a page or a command line (no file row)."""
    return Problem("", 0, column, "" if value is None else str(value), zh, en)


def do_create_campaign(
    name: str,
    *,
    start: date,
    target: date,
    court_codes: Iterable[str] = (),
    older_than_months: int | None = None,
    type_codes: Sequence[str] = (),
    listed: Sequence[ListedNumber] | None = None,
    scope_file: str = "",
    actor: Any = None,
    allowed_courts: set[str] | None = None,
) -> Campaign:
    """Create a campaign and draw its scope: by rule (``older_than_months``) or from ``listed`` case numbers.

    ``court_codes`` limits the courts (by default: every court, or the listed cases' courts); ``allowed_courts``
    is what the acting user may change (None: no limit, the command line).
    """
    problems: list[Problem] = []
    name = name.strip()
    if not name:
        problems.append(problem("name", name, "名称为空", "the name is blank"))
    elif Campaign.objects.filter(name=name).exists():
        problems.append(problem("name", name, "已有同名专项行动", "a campaign of that name exists"))
    if target < start:
        problems.append(problem("target", target, f"目标日期早于开始日期 {start}",
                                f"the target is before the start {start}"))  # fmt: skip
    if (older_than_months is None) == (listed is None):
        problems.append(problem("scope", "", "范围须按规则（未结超过N个月）或按清单二选一",
                                "the scope is either a rule (older than N months) or a list, not both or neither"))  # fmt: skip
    courts = {court.code: court for court in Court.objects.all()}
    chosen = set(court_codes)
    for code in sorted(chosen - set(courts)):
        problems.append(problem("courts", code, "没有该法院", "no such court"))
    if allowed_courts is not None:
        for code in sorted(chosen - allowed_courts):
            problems.append(problem("courts", code, "无权管理该法院", "not a court you may manage"))
    cases: list[Case] = []
    if listed is not None:
        cases = _listed_cases(listed, chosen, allowed_courts, scope_file, problems)
    if problems:
        raise CampaignRefused(problems)
    if listed is None:
        assert older_than_months is not None
        scope_courts = chosen or (allowed_courts if allowed_courts is not None else set(courts))
        cases = list(cases_by_rule(scope_courts, start, older_than_months, type_codes))
    else:
        scope_courts = chosen or {case.court_code for case in cases}
    with transaction.atomic():
        campaign = Campaign.objects.create(
            name=name, start=start, target=target,
            scope=Campaign.Scope.LIST if listed is not None else Campaign.Scope.RULE,
            older_than_months=older_than_months if listed is None else DEFAULT_NEW_BACKLOG_MONTHS,
            type_codes=list(type_codes), scope_file=scope_file, created_by=actor,
        )  # fmt: skip
        campaign.courts.set([courts[code] for code in sorted(scope_courts) if code in courts])
        _add_entries(campaign, cases, start)
        defined = {"name": name, "start": start.isoformat(), "target": target.isoformat(),
                   "courts": sorted(scope_courts), "scope": campaign.scope,
                   "older_than_months": campaign.older_than_months, "type_codes": list(type_codes),
                   "scope_file": scope_file}  # fmt: skip
        counts = {court: len(numbers) for court, numbers in numbers_by_court(cases).items()}
        audit_per_court("campaign_created", "campaign", name, actor=actor,
                        courts={court: {**defined, "cases": counts.get(court, 0)} for court in scope_courts})  # fmt: skip
    return campaign


_NO_SUCH_CASE = (
    "在您可管理的法院中没有该案件（请核对案号，或先导入）",
    "no such case in the courts you may manage (check the number, or import it first)",
)


def _listed_cases(
    listed: Sequence[ListedNumber],
    chosen: set[str],
    allowed: set[str] | None,
    source: str,
    problems: list[Problem],
) -> list[Case]:
    found = Case.objects.in_bulk([item.number for item in listed], field_name="case_number")
    cases = []
    for item in listed:
        case = found.get(item.number)

        def refuse(zh: str, en: str, item: ListedNumber = item) -> None:
            problems.append(Problem(source, item.row, "案号", item.number, zh, en))

        if case is not None and allowed is not None and case.court_code not in allowed:
            # A case of a court the user may not manage is answered as one that does not exist, so that a list
            # cannot probe other courts' case numbers (issue 10).
            case = None
        if case is None:
            refuse(*_NO_SUCH_CASE)
        elif chosen and case.court_code not in chosen:
            refuse(f"属于 {case.court_code}，不在本次行动的法院之内",
                   f"belongs to {case.court_code}, not one of the campaign's courts")  # fmt: skip
        else:
            cases.append(case)
    return cases


def numbers_by_court(cases: Iterable[Case]) -> dict[str, list[str]]:
    """The case numbers of ``cases`` by their court, for audit records that each concern one court."""
    numbers: dict[str, list[str]] = {}
    for case in cases:
        numbers.setdefault(case.court_code, []).append(case.case_number)
    return numbers


def _add_entries(campaign: Campaign, cases: Iterable[Case], added_on: date) -> list[CampaignCase]:
    book = ChainBook()
    entries = [
        CampaignCase(campaign=campaign, case=case, added_on=added_on, **book.chain(case)) for case in cases
    ]
    added = CampaignCase.objects.bulk_create(entries, batch_size=2000)
    refresh_planner_statistics([CampaignCase])  # tens of thousands at once: the planner learns of them
    return added


def do_add_cases(
    campaign: Campaign,
    listed: Sequence[ListedNumber],
    *,
    added_on: date,
    source: str = "",
    actor: Any = None,
    allowed_courts: set[str] | None = None,
) -> int:
    """Add cases to a campaign's scope from ``added_on`` (a late addition counts from that day); cases already in
    it are left as they are. Returns how many were added."""
    problems: list[Problem] = []
    courts = set(campaign.courts.values_list("code", flat=True))
    cases = _listed_cases(listed, courts, allowed_courts, source, problems)
    if problems:
        raise CampaignRefused(problems)
    have = set(campaign.cases.values_list("case_id", flat=True))
    new = [case for case in cases if case.pk not in have]
    with transaction.atomic():
        _add_entries(campaign, new, added_on)
        audit_per_court("campaign_cases_added", "campaign", campaign.name, actor=actor,
                        courts={court: {"added_on": added_on.isoformat(), "cases": numbers}
                                for court, numbers in numbers_by_court(new).items()})  # fmt: skip
    return len(new)


def do_update_entry(
    entry: CampaignCase, changes: dict[str, Any], *, actor: Any = None, role: str | None = None
) -> list[str]:
    """Change a campaign case's determinations, reason or chain as a person of ``role`` (None: the command line)
    may (qingji.campaigns.entry_rules); returns the names of the fields that changed. A refused change writes
    nothing (CampaignRefused, every problem)."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise ValueError(f"not editable: {', '.join(unknown)}")
    problems = check_changes(entry, changes, role)
    if problems:
        raise CampaignRefused(problems)
    before = {key: getattr(entry, key) for key in changes}
    changed = [key for key, value in changes.items() if before[key] != value]
    if not changed:
        return []
    with transaction.atomic():
        for key in changed:
            setattr(entry, key, changes[key])
        entry.save(update_fields=changed)
        audit("campaign_case_updated", "campaign_case", entry.case.case_number, actor=actor,
              court_code=entry.case.court_code,
              before={key: to_json(before[key]) for key in changed},
              after={key: to_json(changes[key]) for key in changed})  # fmt: skip
    return changed


def do_add_step(entry: CampaignCase, *, due_on: date, description: str, actor: Any = None) -> PlanStep:
    """Add a dated step to a case's clearing plan."""
    with transaction.atomic():
        step = PlanStep.objects.create(entry=entry, due_on=due_on, description=description.strip())
        audit("plan_step_added", "campaign_case", entry.case.case_number, actor=actor,
              court_code=entry.case.court_code,
              after={"due_on": due_on.isoformat(), "description": step.description})  # fmt: skip
    return step


def do_complete_step(step: PlanStep, *, done_on: date, actor: Any = None) -> None:
    """Record that a plan step was done."""
    with transaction.atomic():
        before = step.done_on
        step.done_on = done_on
        step.save(update_fields=["done_on"])
        entry = step.entry
        audit("plan_step_done", "campaign_case", entry.case.case_number, actor=actor,
              court_code=entry.case.court_code,
              before={"step": step.description, "done_on": to_json(before)},
              after={"step": step.description, "done_on": done_on.isoformat()})  # fmt: skip


def to_json(value: Any) -> Any:
    """A value as the audit trail keeps it: dates as ISO text."""
    return value.isoformat() if isinstance(value, date) else value


def do_record_supervision(
    campaign: Campaign,
    *,
    court_code: str,
    kind: str,
    on: date,
    by: str,
    to: str = "",
    agreed: str = "",
    follow_up: date | None = None,
    actor: Any = None,
    by_court: str | None = None,
) -> SupervisionAction:
    """Record one act of supervision of a court of the campaign. A step of the escalation ladder (phone, letter,
    on-site, interview) goes only to a court the campaign supervises (qingji.campaigns.ranking.supervised_courts),
    and never from a court (``by_court``, the recording person's) to itself."""
    problems = []
    court = campaign.courts.filter(code=court_code).first()
    if court is None:
        problems.append(
            problem("court", court_code, "不是本次行动的法院", "not one of the campaign's courts")
        )
    elif is_ladder_step(kind) and (court_code == by_court or court_code not in supervised_codes(campaign)):
        problems.append(problem("court", court_code, "不向本院发出督办（本院各庭在排名中预警）",
                                "a court is not supervised by itself (its divisions are warned in the ranking)"))  # fmt: skip
    if kind not in SupervisionAction.Kind.values:
        problems.append(problem("kind", kind, "未知的督办方式", "unknown kind of supervision"))
    if not by.strip():
        problems.append(problem("by", by, "督办人为空", "who supervised is blank"))
    if follow_up is not None and follow_up < on:
        problems.append(
            problem("follow_up", follow_up, "跟进日期早于督办日期", "the follow-up is before the action")
        )
    if problems or court is None:
        raise CampaignRefused(problems)
    with transaction.atomic():
        action = SupervisionAction.objects.create(
            campaign=campaign, court=court, kind=kind, on=on, by=by.strip(), to=to.strip(), agreed=agreed,
            follow_up=follow_up, recorded_by=actor,
        )  # fmt: skip
        audit("supervision_recorded", "campaign", campaign.name, actor=actor, court_code=court_code,
              after={"kind": kind, "on": on.isoformat(), "by": action.by, "to": action.to, "agreed": agreed,
                     "follow_up": to_json(follow_up)})  # fmt: skip
    return action
