"""`qingji campaign referral | appraisal | lookback …`: the green channel (审委会, 专业法官会议), appraisals (鉴定) and
the look-back review (回头看) of a campaign's cases, each `list` also as JSON (docs/campaigns.md). Registered on
the `qingji campaign` group by :func:`register`."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from qingji.cli.options import parse_day
from qingji.server.setup import setup_django

if TYPE_CHECKING:
    from qingji.campaigns.models import Campaign, CampaignCase
    from qingji.interchange.problems import Problem

referral_app = typer.Typer(
    help="绿色通道: referrals to the adjudication committee or judges' meeting", no_args_is_help=True
)
appraisal_app = typer.Typer(
    help="鉴定: appraisals, their due dates and the overdue ones", no_args_is_help=True
)
lookback_app = typer.Typer(
    help="回头看: look-back reviews of cases closed after more than a year", no_args_is_help=True
)

CampaignName = Annotated[str, typer.Argument(help="the campaign")]
CaseNumber = Annotated[str, typer.Argument(help="案号 of a case in the campaign")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="on this date (default today)")]
AsJson = Annotated[bool, typer.Option("--json", help="JSON on stdout")]


def register(app: typer.Typer) -> None:
    app.add_typer(referral_app, name="referral")
    app.add_typer(appraisal_app, name="appraisal")
    app.add_typer(lookback_app, name="lookback")


def _day(value: str | None, option: str) -> date | None:
    return parse_day(value, option) if value else None


def _campaign(name: str) -> Campaign:
    from qingji.campaigns.models import Campaign

    campaign = Campaign.objects.filter(name=name).first()
    if campaign is None:
        Console(stderr=True).print(f"[red]没有专项行动「{name}」 / no campaign {name!r}[/red]")
        raise typer.Exit(1)
    return campaign


def _entry(name: str, number: str) -> CampaignCase:
    from qingji.interchange.case_numbers import canonical_text

    campaign = _campaign(name)
    entry = (
        campaign.cases.select_related("case", "campaign")
        .filter(case__case_number=canonical_text(number))
        .first()
    )
    if entry is None:
        Console(stderr=True).print(f"[red]「{name}」中没有案件 {number} / no such case in the campaign[/red]")
        raise typer.Exit(1)
    return entry


def _refused(problems: Sequence[Problem]) -> typer.Exit:
    err = Console(stderr=True)
    for problem in problems:
        err.print(f"  {problem.column} = {problem.value!r}: {problem.reason_zh} / {problem.reason_en}")
    err.print("[red]未保存 / not saved[/red]")
    return typer.Exit(2)


def _act(action: Callable[[], Any]) -> Any:
    """Run an action; a refusal is listed on stderr and exits 2 (nothing was written)."""
    from qingji.campaigns.actions import CampaignRefused

    try:
        return action()
    except CampaignRefused as refused:
        raise _refused(refused.problems) from None


def _print(rows: Sequence[Any], headers: Sequence[str], keys: Sequence[str], title: str) -> None:
    table = Table(title=title)
    for header in headers:
        table.add_column(header)
    for row in rows:
        document = row.as_json()
        table.add_row(*("" if document[key] is None else str(document[key]) for key in keys))
    Console().print(table)


@referral_app.command("add")
def referral_add(
    name: CampaignName,
    case: CaseNumber,
    body: Annotated[
        str, typer.Option("--body", help="committee (审判委员会) or judges_meeting (专业法官会议)")
    ],
    by: Annotated[str, typer.Option("--by", help="提交人: who referred it")],
    on: Annotated[str | None, typer.Option("--on", help="提交日期 (default today)")] = None,
    scheduled: Annotated[str | None, typer.Option("--scheduled", help="会议安排日期 YYYY-MM-DD")] = None,
) -> None:
    """Refer a campaign case to the adjudication committee or the professional judges' meeting."""
    referred_on, scheduled_on = _day(on, "--on") or date.today(), _day(scheduled, "--scheduled")
    setup_django()
    from qingji.campaigns.casework import do_refer

    entry = _entry(name, case)
    referral = _act(
        lambda: do_refer(entry, body=body, referred_on=referred_on, referred_by=by, scheduled_on=scheduled_on)
    )
    Console().print(
        f"已提交 referred: #{referral.pk} {entry.case.case_number} → {referral.get_body_display()} {referred_on}"
    )


@referral_app.command("update")
def referral_update(
    referral_id: Annotated[int, typer.Argument(help="the referral's number (qingji campaign referral list)")],
    scheduled: Annotated[str | None, typer.Option("--scheduled", help="会议安排日期")] = None,
    held: Annotated[str | None, typer.Option("--held", help="会议召开日期")] = None,
    outcome: Annotated[str | None, typer.Option("--outcome", help="讨论结果 (with --decided)")] = None,
    decided: Annotated[str | None, typer.Option("--decided", help="决定日期 (with --outcome)")] = None,
) -> None:
    """Record a referral's meeting (scheduled, held) and its outcome with the decision date."""
    changes: dict[str, Any] = {}
    for option, key, value in (("--scheduled", "scheduled_on", scheduled), ("--held", "held_on", held),
                               ("--decided", "decided_on", decided)):  # fmt: skip
        if value:
            changes[key] = parse_day(value, option)
    if outcome is not None:
        changes["outcome"] = outcome
    setup_django()
    from qingji.campaigns.casework import do_update_referral
    from qingji.campaigns.models import Referral

    referral = Referral.objects.select_related("entry__case").filter(pk=referral_id).first()
    if referral is None:
        Console(stderr=True).print(f"[red]没有该提交记录 / no referral #{referral_id}[/red]")
        raise typer.Exit(1)
    changed = _act(lambda: do_update_referral(referral, changes))
    Console().print(f"已更新 updated #{referral_id}: {', '.join(changed) or '无变化 nothing changed'}")


@referral_app.command("list")
def referral_list(name: CampaignName, as_of: AsOf = None, as_json: AsJson = False) -> None:
    """The referrals made by the date, open ones first, with how long each waits and the summary."""
    on = _day(as_of, "--as-of") or date.today()
    setup_django()
    from qingji.campaigns.casework_report import by_court, campaign_referrals, referral_rows, summary_of

    rows = referral_rows(campaign_referrals(_campaign(name)), on)
    summary = summary_of(rows, on)
    if as_json:
        document = {"name": name, "as_of": on.isoformat(), **summary.as_json(),
                    "by_court": [{"court_code": code, **s.as_json()} for code, s in by_court(rows, on)],
                    "rows": [row.as_json() for row in rows]}  # fmt: skip
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    _print(rows, ("# id", "案号 case", "提交 body", "提交日期 referred", "决定日期 decided", "等待天数 days", "未决 open"),
           ("id", "case_number", "body", "referred_on", "decided_on", "waiting_days", "open"),
           f"{name}（截至 as of {on}）")  # fmt: skip
    Console().print(f"提交 referrals {summary.referrals}，未决 open {summary.open}，平均等待 average "
                    f"{summary.average_days} 天 days，最长 longest {summary.longest_days}")  # fmt: skip


@appraisal_app.command("add")
def appraisal_add(
    name: CampaignName,
    case: CaseNumber,
    agency: Annotated[str, typer.Option("--agency", help="鉴定机构")],
    requested: Annotated[str, typer.Option("--requested", help="委托日期 YYYY-MM-DD")],
    due: Annotated[str, typer.Option("--due", help="约定完成日期 YYYY-MM-DD")],
    note: Annotated[str, typer.Option("--note", help="备注")] = "",
) -> None:
    """Record an appraisal requested of an agency, with the date its opinion is due."""
    requested_on, due_on = parse_day(requested, "--requested"), parse_day(due, "--due")
    setup_django()
    from qingji.campaigns.casework import do_request_appraisal

    entry = _entry(name, case)
    appraisal = _act(lambda: do_request_appraisal(entry, agency=agency, requested_on=requested_on, due_on=due_on,
                                                  note=note))  # fmt: skip
    Console().print(
        f"已登记 recorded: #{appraisal.pk} {entry.case.case_number} {appraisal.agency} → {due_on}"
    )


@appraisal_app.command("update")
def appraisal_update(
    appraisal_id: Annotated[
        int, typer.Argument(help="the appraisal's number (qingji campaign appraisal list)")
    ],
    received: Annotated[str | None, typer.Option("--received", help="收到意见日期")] = None,
    due: Annotated[str | None, typer.Option("--due", help="新的约定完成日期")] = None,
    agency: Annotated[str | None, typer.Option("--agency", help="鉴定机构")] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注")] = None,
) -> None:
    """Record the opinion received, a new due date, another agency or a note."""
    changes: dict[str, Any] = {}
    if received:
        changes["received_on"] = parse_day(received, "--received")
    if due:
        changes["due_on"] = parse_day(due, "--due")
    changes |= {key: value for key, value in (("agency", agency), ("note", note)) if value is not None}
    setup_django()
    from qingji.campaigns.casework import do_update_appraisal
    from qingji.campaigns.models import Appraisal

    appraisal = Appraisal.objects.select_related("entry__case").filter(pk=appraisal_id).first()
    if appraisal is None:
        Console(stderr=True).print(f"[red]没有该鉴定记录 / no appraisal #{appraisal_id}[/red]")
        raise typer.Exit(1)
    changed = _act(lambda: do_update_appraisal(appraisal, changes))
    Console().print(f"已更新 updated #{appraisal_id}: {', '.join(changed) or '无变化 nothing changed'}")


@appraisal_app.command("list")
def appraisal_list(
    name: CampaignName,
    as_of: AsOf = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="only the overdue ones")] = False,
    as_json: AsJson = False,
) -> None:
    """The appraisals requested by the date, the overdue ones first (due before it, no opinion by it)."""
    on = _day(as_of, "--as-of") or date.today()
    setup_django()
    from qingji.campaigns.casework_report import appraisal_rows, campaign_appraisals

    rows = appraisal_rows(campaign_appraisals(_campaign(name)), on)
    late = [row for row in rows if row.overdue_days is not None]
    shown = late if overdue else rows
    if as_json:
        document = {"name": name, "as_of": on.isoformat(), "appraisals": len(rows), "overdue": len(late),
                    "rows": [row.as_json() for row in shown]}  # fmt: skip
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    _print(shown, ("# id", "案号 case", "鉴定机构 agency", "委托 requested", "约定 due", "收到 received", "超期天数 overdue"),
           ("id", "case_number", "agency", "requested_on", "due_on", "received_on", "overdue_days"),
           f"{name}（截至 as of {on}）超期 overdue {len(late)}")  # fmt: skip


@lookback_app.command("open")
def lookback_open(
    name: CampaignName,
    on: Annotated[
        str | None, typer.Option("--on", help="建立日期: the cases due a review by then (default today)")
    ] = None,
) -> None:
    """Open a review task for each case closed after more than a year pending that has none (the nightly run
    does the same for every campaign)."""
    day = _day(on, "--on") or date.today()
    setup_django()
    from qingji.campaigns.lookback import do_open_lookbacks

    opened = do_open_lookbacks(_campaign(name), day)
    Console().print(f"已建立 opened {len(opened)} 件 review tasks（{day}）")


@lookback_app.command("record")
def lookback_record(
    name: CampaignName,
    case: CaseNumber,
    by: Annotated[str, typer.Option("--by", help="复查人: the reviewer")],
    finding: Annotated[str, typer.Option("--finding", help="复查情况: what the review found")],
    verdict: Annotated[str, typer.Option("--verdict", help="no_problem (无问题) or problem (有问题)")],
    problem: Annotated[str, typer.Option("--problem", help="问题说明 (with --verdict problem)")] = "",
    on: Annotated[str | None, typer.Option("--on", help="复查日期 (default today)")] = None,
) -> None:
    """Record the finding of a case's look-back review (its task is opened first if it has none)."""
    day = _day(on, "--on") or date.today()
    setup_django()
    from qingji.campaigns.lookback import do_record_finding

    entry = _entry(name, case)
    task = _act(lambda: do_record_finding(entry, reviewed_on=day, reviewer=by, finding=finding, verdict=verdict,
                                          problem_text=problem))  # fmt: skip
    Console().print(f"已记录 recorded: {entry.case.case_number} {task.get_verdict_display()} {day}")


@lookback_app.command("list")
def lookback_list(name: CampaignName, as_of: AsOf = None, as_json: AsJson = False) -> None:
    """The cases due a look-back review by the date: to open, open, done."""
    on = _day(as_of, "--as-of") or date.today()
    setup_django()
    from qingji.campaigns.casework_report import lookback_rows

    rows = lookback_rows(_campaign(name), on)
    counts = {state: sum(1 for row in rows if row.state == state) for state in ("to_open", "open", "done")}
    if as_json:
        document = {"name": name, "as_of": on.isoformat(), **counts, "rows": [row.as_json() for row in rows]}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    _print(rows, ("案号 case", "法院 court", "立案 filed", "结案 closed", "状态 state", "复查日期 reviewed", "结论 verdict"),
           ("case_number", "court_code", "filed_on", "closed_on", "state", "reviewed_on", "verdict"),
           f"{name}（截至 as of {on}）待建立 to open {counts['to_open']}，待复查 open {counts['open']}，"
           f"已复查 done {counts['done']}")  # fmt: skip
