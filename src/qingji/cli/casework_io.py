"""What the casework commands (`qingji campaign referral | appraisal | lookback`) share: their arguments, finding
the campaign and the case, a refusal's reasons (exit 2), and the tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from qingji.cli.inputs import campaign_named
from qingji.cli.options import parse_day

if TYPE_CHECKING:
    from qingji.campaigns.models import CampaignCase
    from qingji.interchange.problems import Problem

CampaignName = Annotated[str, typer.Argument(help="the campaign")]
CaseNumber = Annotated[str, typer.Argument(help="案号 of a case in the campaign")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="on this date (default today)")]
AsJson = Annotated[bool, typer.Option("--json", help="JSON on stdout")]


def day_of(value: str | None, option: str) -> date | None:
    return parse_day(value, option) if value else None


def entry_of(name: str, number: str) -> CampaignCase:
    from qingji.interchange.case_numbers import canonical_text

    campaign = campaign_named(name)
    entry = (
        campaign.cases.select_related("case", "campaign")
        .filter(case__case_number=canonical_text(number))
        .first()
    )
    if entry is None:
        Console(stderr=True).print(f"[red]「{name}」中没有案件 {number} / no such case in the campaign[/red]")
        raise typer.Exit(1)
    return entry


def refusal(problems: Sequence[Problem]) -> typer.Exit:
    """The reasons on stderr; the exit (2) to raise."""
    err = Console(stderr=True)
    for problem in problems:
        err.print(f"  {problem.column} = {problem.value!r}: {problem.reason_zh} / {problem.reason_en}")
    err.print("[red]未保存 / not saved[/red]")
    return typer.Exit(2)


def act(action: Callable[[], Any]) -> Any:
    """Run an action; a refusal is listed on stderr and exits 2 (nothing was written)."""
    from qingji.campaigns.actions import CampaignRefused

    try:
        return action()
    except CampaignRefused as refused:
        raise refusal(refused.problems) from None


def print_rows(rows: Sequence[Any], headers: Sequence[str], keys: Sequence[str], title: str) -> None:
    table = Table(title=title)
    for header in headers:
        table.add_column(header)
    for row in rows:
        document = row.as_json()
        table.add_row(*("" if document[key] is None else str(document[key]) for key in keys))
    Console().print(table)
