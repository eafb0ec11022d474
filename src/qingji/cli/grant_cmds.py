"""`qingji grant`, `qingji revoke` and `qingji grants`: more cases for a judge, an assistant or a division head."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from qingji.server.setup import setup_django


def grant(
    username: Annotated[str, typer.Argument(help="the user who is to see more cases")],
    court: Annotated[str, typer.Option(help="法院代字 of the cases, e.g. 甘1002")],
    judge: Annotated[str, typer.Option(help="承办法官: only this judge's cases")] = "",
    division: Annotated[str, typer.Option(help="审判庭: only this division's cases")] = "",
    reason: Annotated[str, typer.Option(help="why, for the audit trail")] = "",
) -> None:
    """Let a user see the cases of a court, or of one judge or division there (an assistant sees their judge's
    cases this way). Only within the courts the user may see."""
    setup_django()
    from qingji.courts.actions import GrantRefused, do_grant

    try:
        made = do_grant(username, court_code=court, judge=judge, division=division, reason=reason)
    except GrantRefused as refused:
        Console(stderr=True).print(f"[red]{refused}[/red]")
        raise typer.Exit(1) from None
    Console().print(f"已授权 granted #{made.pk}: {made}")


def revoke(
    grant_id: Annotated[int, typer.Argument(help="the grant's number, as `qingji grants` lists it")],
) -> None:
    """Withdraw a grant."""
    setup_django()
    from qingji.courts.actions import GrantRefused, do_revoke

    try:
        do_revoke(grant_id)
    except GrantRefused as refused:
        Console(stderr=True).print(f"[red]{refused}[/red]")
        raise typer.Exit(1) from None
    Console().print(f"已撤销 revoked #{grant_id}")


def grants(username: Annotated[str | None, typer.Argument(help="only this user's grants")] = None) -> None:
    """List the grants."""
    setup_django()
    from qingji.courts.models import Grant

    rows = Grant.objects.select_related("person__user", "court").order_by("id")
    if username:
        rows = rows.filter(person__user__username=username)
    table = Table()
    for header in (
        "#",
        "用户 user",
        "法院 court",
        "审判庭 division",
        "承办法官 judge",
        "理由 reason",
        "时间 at",
    ):
        table.add_column(header)
    for row in rows:
        table.add_row(
            str(row.pk), row.person.user.get_username(), row.court.code, row.division, row.judge, row.reason,
            row.granted_at.strftime("%Y-%m-%d %H:%M"),
        )  # fmt: skip
    Console().print(table)
