"""`qingji campaign lookback open | record | list`: the look-back review (回头看) of a campaign's cases closed after
more than a year pending (docs/campaigns.md)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

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
from qingji.server.setup import setup_django

lookback_app = typer.Typer(
    help="回头看: look-back reviews of cases closed after more than a year", no_args_is_help=True
)


@lookback_app.command("open")
def lookback_open(
    name: CampaignName,
    on: Annotated[
        str | None, typer.Option("--on", help="建立日期: the cases due a review by then (default today)")
    ] = None,
) -> None:
    """Open a review task for each case closed after more than a year pending that has none (the nightly run
    does the same for every campaign)."""
    day = day_of(on, "--on") or date.today()
    setup_django()
    from qingji.campaigns.lookback import do_open_lookbacks

    opened = do_open_lookbacks(campaign_named(name), day)
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
    day = day_of(on, "--on") or date.today()
    setup_django()
    from qingji.campaigns.lookback import do_record_finding

    entry = entry_of(name, case)
    task = act(lambda: do_record_finding(entry, reviewed_on=day, reviewer=by, finding=finding, verdict=verdict,
                                          problem_text=problem))  # fmt: skip
    Console().print(f"已记录 recorded: {entry.case.case_number} {task.get_verdict_display()} {day}")


@lookback_app.command("list")
def lookback_list(name: CampaignName, as_of: AsOf = None, as_json: AsJson = False) -> None:
    """The cases due a look-back review by the date: to open, open, done."""
    on = day_of(as_of, "--as-of") or date.today()
    setup_django()
    from qingji.campaigns.casework_report import lookback_rows

    rows = lookback_rows(campaign_named(name), on)
    counts = {state: sum(1 for row in rows if row.state == state) for state in ("to_open", "open", "done")}
    if as_json:
        document = {"name": name, "as_of": on.isoformat(), **counts, "rows": [row.as_json() for row in rows]}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    print_rows(rows, ("案号 case", "法院 court", "立案 filed", "结案 closed", "状态 state", "复查日期 reviewed", "结论 verdict"),
           ("case_number", "court_code", "filed_on", "closed_on", "state", "reviewed_on", "verdict"),
           f"{name}（截至 as of {on}）待建立 to open {counts['to_open']}，待复查 open {counts['open']}，"
           f"已复查 done {counts['done']}")  # fmt: skip
