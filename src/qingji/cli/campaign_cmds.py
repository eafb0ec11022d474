"""`qingji campaign create | add | list | report | whatif`: backlog-clearance campaigns (issue 4 §4; issue 14 for
the what-if; command names, options and JSON keys are relied on from outside)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from qingji.cli import letter_cmd
from qingji.cli.casework_cmds import register as register_casework
from qingji.cli.inputs import campaign_named
from qingji.cli.options import parse_day
from qingji.cli.summary_view import print_problems
from qingji.core.events import parse_length
from qingji.server.setup import setup_django

if TYPE_CHECKING:
    from qingji.campaigns.scope import ListedNumber

campaign_app = typer.Typer(help="清积专项行动 backlog-clearance campaigns", no_args_is_help=True)


def _split(values: list[str] | None) -> list[str]:
    """Repeated options and comma-separated lists alike: --courts 甘1002,甘1027 --courts 甘10."""
    return [
        part.strip() for value in values or [] for part in value.replace("，", ",").split(",") if part.strip()
    ]


def _months(value: str) -> int:
    try:
        period = parse_length(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--older-than") from None
    if period.days or not period.months:
        raise typer.BadParameter(
            f"{value!r}：应为整月，如 6m、12个月 / whole months, e.g. 6m", param_hint="--older-than"
        )
    return period.months


def _read_list(path: Path, err: Console) -> list[ListedNumber]:
    from qingji.campaigns.scope import read_numbers
    from qingji.interchange.tables import TableError

    try:
        numbers, problems = read_numbers(path)
    except (TableError, FileNotFoundError) as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    if problems:
        print_problems(err, problems, None)
        err.print("[red]清单有问题，未作任何改动 / the list has problems: nothing was changed[/red]")
        raise typer.Exit(2)
    return numbers


@campaign_app.command()
def create(
    name: Annotated[str, typer.Argument(help="名称, e.g. 半年清积")],
    start: Annotated[str, typer.Option("--start", help="开始日期 YYYY-MM-DD")],
    target: Annotated[str, typer.Option("--target", help="目标日期 YYYY-MM-DD")],
    scope_file: Annotated[
        Path | None, typer.Option("--scope-file", help="清单 (反馈台账): CSV or Excel with a 案号 column")
    ] = None,
    older_than: Annotated[
        str | None,
        typer.Option("--older-than", help="按规则: pending on the start date and older than, e.g. 6m"),
    ] = None,
    courts: Annotated[
        list[str] | None,
        typer.Option("--courts", help="法院代字, repeated or comma-separated (default: all)"),
    ] = None,
    type_codes: Annotated[
        list[str] | None, typer.Option("--type-codes", help="类型代字 for a rule scope, e.g. 民初,民终")
    ] = None,
) -> None:
    """Create a campaign; its scope is the cases pending on the start date and older than --older-than, or the
    case numbers of --scope-file. Exit 0 when created, 2 when refused (nothing is written), 1 when a file is
    missing."""
    err = Console(stderr=True)
    starts, targets = parse_day(start, "--start"), parse_day(target, "--target")
    if (scope_file is None) == (older_than is None):
        raise typer.BadParameter(
            "--scope-file 与 --older-than 二选一 / give one of --scope-file, --older-than"
        )
    months = _months(older_than) if older_than is not None else None
    setup_django()
    from qingji.campaigns.actions import CampaignRefused, do_create_campaign

    listed = _read_list(scope_file, err) if scope_file is not None else None
    try:
        campaign = do_create_campaign(
            name, start=starts, target=targets, court_codes=_split(courts), older_than_months=months,
            type_codes=_split(type_codes), listed=listed,
            scope_file=scope_file.name if scope_file is not None else "",
        )  # fmt: skip
    except CampaignRefused as refused:
        print_problems(err, refused.problems, None)
        err.print("[red]未创建 / not created[/red]")
        raise typer.Exit(2) from None
    count = campaign.cases.count()
    Console().print(
        f"已创建 created「{campaign.name}」{campaign.start} → {campaign.target}：{count} 件 cases，"
        f"法院 courts {', '.join(campaign.courts.values_list('code', flat=True))}"
    )


@campaign_app.command()
def add(
    name: Annotated[str, typer.Argument(help="the campaign")],
    scope_file: Annotated[Path, typer.Option("--scope-file", help="CSV or Excel with a 案号 column")],
    on: Annotated[str | None, typer.Option("--on", help="纳入日期 (default today)")] = None,
) -> None:
    """Add cases to a campaign's scope from a date (a late addition counts in scope from that day)."""
    err = Console(stderr=True)
    added_on = parse_day(on, "--on") if on else date.today()
    setup_django()
    from qingji.campaigns.actions import CampaignRefused, do_add_cases

    campaign = campaign_named(name)
    listed = _read_list(scope_file, err)
    try:
        count = do_add_cases(campaign, listed, added_on=added_on, source=scope_file.name)
    except CampaignRefused as refused:
        print_problems(err, refused.problems, None)
        raise typer.Exit(2) from None
    Console().print(f"已纳入 added {count} 件 cases（{added_on}）")


@campaign_app.command()
def supervise(
    name: Annotated[str, typer.Argument(help="the campaign")],
    court: Annotated[str, typer.Option("--court", help="法院代字 of the court supervised")],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="daily_reminder, weekly_supervision, bulletin, phone, letter, on_site, interview",
        ),
    ],
    by: Annotated[str, typer.Option("--by", help="督办人: who supervised")],
    on: Annotated[str | None, typer.Option("--on", help="日期 (default today)")] = None,
    to: Annotated[str, typer.Option("--to", help="对象: the person supervised")] = "",
    agreed: Annotated[str, typer.Option("--agreed", help="议定事项: what was agreed")] = "",
    follow_up: Annotated[str | None, typer.Option("--follow-up", help="跟进日期 YYYY-MM-DD")] = None,
) -> None:
    """Record one act of supervision of a court (a step of the escalation ladder, or a routine one)."""
    err = Console(stderr=True)
    day = parse_day(on, "--on") if on else date.today()
    follow = parse_day(follow_up, "--follow-up") if follow_up else None
    setup_django()
    from qingji.campaigns.actions import CampaignRefused, do_record_supervision

    campaign = campaign_named(name)
    try:
        action = do_record_supervision(campaign, court_code=court, kind=kind, on=day, by=by, to=to, agreed=agreed,
                                       follow_up=follow)  # fmt: skip
    except CampaignRefused as refused:
        print_problems(err, refused.problems, None)
        raise typer.Exit(2) from None
    Console().print(f"已记录 recorded: {action.court.code} {action.get_kind_display()} {action.on}")


@campaign_app.command(name="list")
def list_() -> None:
    """The campaigns, newest first."""
    setup_django()
    from qingji.campaigns.models import Campaign

    table = Table()
    for header in ("名称 name", "开始 start", "目标 target", "范围 scope", "案件 cases"):
        table.add_column(header)
    for campaign in Campaign.objects.all():
        table.add_row(campaign.name, str(campaign.start), str(campaign.target), campaign.get_scope_display(),
                      str(campaign.cases.count()))  # fmt: skip
    Console().print(table)


@campaign_app.command()
def report(
    name: Annotated[str, typer.Argument(help="the campaign")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="on this date (default today)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout")] = False,
) -> None:
    """Progress on a date: in scope, cleared, remaining, clearance rate, completion date, days ahead of the
    target, per court; what the cases' four determinations miss; the new backlog beside the campaign."""
    on = parse_day(as_of, "--as-of") if as_of else date.today()
    setup_django()
    from qingji.campaigns.figures import campaign_counts, split_key
    from qingji.campaigns.gaps import DETERMINATIONS, FIELD_OF, OTHERS, court_gaps, total
    from qingji.campaigns.ranking import ranked_groups
    from qingji.campaigns.report import campaign_report, entries_of
    from qingji.campaigns.scope import campaign_new_backlog

    campaign = campaign_named(name)
    entries = list(entries_of(campaign))
    result = campaign_report(campaign, on, entries)
    # Ranked as the page ranks: the basic courts among themselves, each higher court's divisions among themselves.
    groups = ranked_groups(campaign, campaign_counts(campaign), on)
    ranked = [standing for group in groups if not group.court_code for standing in group.standings]
    divisions = {
        group.court_code: [{**dataclasses.asdict(s), "court_code": group.court_code,
                            "division": split_key(s.court_code)[1]} for s in group.standings]
        for group in groups if group.court_code
    }  # fmt: skip
    # What the cases pending on that date miss, by the page's rules (a plan without a step, a target after the
    # campaign's), under the fields' names.
    counted = total(court_gaps(campaign, on))
    missing = {FIELD_OF.get(key, key): counted[key] for key in (*DETERMINATIONS, *OTHERS) if counted[key]}
    backlog = campaign_new_backlog(campaign, on).count()
    if as_json:
        document = {"name": campaign.name, "start": campaign.start.isoformat(), "as_of": on.isoformat(),
                    **result.as_json(), "missing": dict(sorted(missing.items())), "new_backlog": backlog,
                    "standings": [dataclasses.asdict(standing) for standing in ranked],
                    "division_standings": divisions}  # fmt: skip
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{campaign.name}（截至 as of {on}，目标 target {campaign.target}）")
    for header in ("法院 court", "纳入 in scope", "已结 cleared", "未结 remaining", "清积率 rate",
                   "完成日期 completed", "提前天数 days ahead", "预计完成 projected"):  # fmt: skip
        table.add_column(header)
    for row in [*result.by_court, result.overall]:
        table.add_row(row.court_code or "合计 total", str(row.in_scope), str(row.cleared), str(row.remaining),
                      f"{row.clearance_rate:.2%}", str(row.completed_on or ""),
                      "" if row.days_ahead is None else str(row.days_ahead),
                      str(row.projected_completion or ""))  # fmt: skip
    console = Console()
    console.print(table)
    if result.fastest_court:
        console.print(f"最快完成 fastest court: {result.fastest_court}")
    for standing in ranked:
        if standing.lagging:
            warning = (
                "末位 last place" if standing.last else f"落后计划 {standing.behind_plan} 天 days behind plan"
            )
            console.print(f"督办建议 proposed: {standing.court_code}（第{standing.rank}名，{warning}）→ "
                          f"{standing.next_step or '已约谈 interviewed'}")  # fmt: skip
    if missing:
        console.print("四定/包案缺项 missing: " + "，".join(f"{k} {v}" for k, v in sorted(missing.items())))
    console.print(f"新增积案 new backlog (not in scope): {backlog}")


@campaign_app.command()
def whatif(
    name: Annotated[str, typer.Argument(help="the campaign")],
    court: Annotated[str, typer.Option("--court", help="法院代字")],
    per_week: Annotated[
        float, typer.Option("--per-week", help="每周多结 K more closures a week (0 or more)")
    ],
    close: Annotated[
        list[str] | None, typer.Option("--close", help="案号 a case closed by --close-by (repeated)")
    ] = None,
    close_by: Annotated[
        str | None, typer.Option("--close-by", help="those cases closed by (default --as-of)")
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="on this date (default today)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout")] = False,
) -> None:
    """What-if (假设): with K more closures a week, or the named cases closed, when the court finishes, its rank on
    the target date and the pace needed (docs/forecast.md). Exit 0; 2 when refused; 1 without the campaign."""
    on = parse_day(as_of, "--as-of") if as_of else date.today()
    by = parse_day(close_by, "--close-by") if close_by else None
    if not per_week >= 0 or per_week == float("inf"):
        raise typer.BadParameter(f"{per_week}：应为 0 或正数 / 0 or more", param_hint="--per-week")
    setup_django()
    from qingji.campaigns.actions import CampaignRefused
    from qingji.campaigns.whatif import campaign_what_if

    try:
        result = campaign_what_if(campaign_named(name), court, as_of=on, per_week=Fraction(str(per_week)),
                                  close=_split(close), close_by=by)  # fmt: skip
    except CampaignRefused as refused:
        for item in refused.problems:
            Console(stderr=True).print(f"{item.column} {item.value!r}：{item.reason_zh} / {item.reason_en}",
                                       style="red", markup=False, highlight=False, soft_wrap=True)  # fmt: skip
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return
    Console().print("\n".join(result.lines()), markup=False, highlight=False, soft_wrap=True)


letter_cmd.register(campaign_app)


register_casework(campaign_app)
