"""`qingji campaign referral | appraisal …`: the green channel (审委会, 专业法官会议) and appraisals (鉴定) of a
campaign's cases, each `list` also as JSON; with `lookback` (qingji.cli.lookback_cmds) registered on the `qingji
campaign` group by :func:`register` (docs/campaigns.md)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

import typer
from rich.console import Console

from qingji.cli.casework_io import (
    AsJson,
    AsOf,
    CampaignName,
    CaseNumber,
    act,
    day_of,
    entry_of,
    print_rows,
)
from qingji.cli.inputs import campaign_named
from qingji.cli.lookback_cmds import lookback_app
from qingji.cli.options import parse_day
from qingji.server.setup import setup_django

referral_app = typer.Typer(
    help="绿色通道: referrals to the adjudication committee or judges' meeting", no_args_is_help=True
)
appraisal_app = typer.Typer(
    help="鉴定: appraisals, their due dates and the overdue ones", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(referral_app, name="referral")
    app.add_typer(appraisal_app, name="appraisal")
    app.add_typer(lookback_app, name="lookback")


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
    referred_on, scheduled_on = day_of(on, "--on") or date.today(), day_of(scheduled, "--scheduled")
    setup_django()
    from qingji.campaigns.casework import do_refer

    entry = entry_of(name, case)
    referral = act(
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
    changed = act(lambda: do_update_referral(referral, changes))
    Console().print(f"已更新 updated #{referral_id}: {', '.join(changed) or '无变化 nothing changed'}")


@referral_app.command("list")
def referral_list(name: CampaignName, as_of: AsOf = None, as_json: AsJson = False) -> None:
    """The referrals made by the date, open ones first, with how long each waits and the summary."""
    on = day_of(as_of, "--as-of") or date.today()
    setup_django()
    from qingji.campaigns.casework_report import by_court, campaign_referrals, referral_rows, summary_of

    rows = referral_rows(campaign_referrals(campaign_named(name)), on)
    summary = summary_of(rows, on)
    if as_json:
        document = {"name": name, "as_of": on.isoformat(), **summary.as_json(),
                    "by_court": [{"court_code": code, **s.as_json()} for code, s in by_court(rows, on)],
                    "rows": [row.as_json() for row in rows]}  # fmt: skip
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    print_rows(rows, ("# id", "案号 case", "提交 body", "提交日期 referred", "决定日期 decided", "等待天数 days", "未决 open"),
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

    entry = entry_of(name, case)
    appraisal = act(lambda: do_request_appraisal(entry, agency=agency, requested_on=requested_on, due_on=due_on,
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
    changed = act(lambda: do_update_appraisal(appraisal, changes))
    Console().print(f"已更新 updated #{appraisal_id}: {', '.join(changed) or '无变化 nothing changed'}")


@appraisal_app.command("list")
def appraisal_list(
    name: CampaignName,
    as_of: AsOf = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="only the overdue ones")] = False,
    as_json: AsJson = False,
) -> None:
    """The appraisals requested by the date, the overdue ones first (due before it, no opinion by it)."""
    on = day_of(as_of, "--as-of") or date.today()
    setup_django()
    from qingji.campaigns.casework_report import appraisal_rows, campaign_appraisals

    rows = appraisal_rows(campaign_appraisals(campaign_named(name)), on)
    late = [row for row in rows if row.overdue_days is not None]
    shown = late if overdue else rows
    if as_json:
        document = {"name": name, "as_of": on.isoformat(), "appraisals": len(rows), "overdue": len(late),
                    "rows": [row.as_json() for row in shown]}  # fmt: skip
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    print_rows(shown, ("# id", "案号 case", "鉴定机构 agency", "委托 requested", "约定 due", "收到 received", "超期天数 overdue"),
           ("id", "case_number", "agency", "requested_on", "due_on", "received_on", "overdue_days"),
           f"{name}（截至 as of {on}）超期 overdue {len(late)}")  # fmt: skip
