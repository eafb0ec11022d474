"""`qingji campaign letter` writes a supervision letter (督办函) as DOCX; `qingji campaign letter-template` copies
the default template out for a court to edit (docs/campaigns.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from qingji.cli.bulletin_cmd import bulletin_template
from qingji.cli.document_output import template_file, write
from qingji.cli.inputs import campaign_named
from qingji.cli.options import parse_day
from qingji.cli.summary_view import print_problems
from qingji.cli.template_copy import copy_template
from qingji.server.setup import setup_django


def letter(
    name: Annotated[str, typer.Argument(help="the campaign")],
    court: Annotated[str, typer.Option("--court", help="法院代字 of the court written to")],
    on: Annotated[
        str | None, typer.Option("--on", help="督办函日期: the figures as of this day (default today)")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="the .docx to write (default 督办函-NAME-COURT-DATE.docx here)"),
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help="督办人")] = None,
    to: Annotated[str | None, typer.Option("--to", help="对象: to whom")] = None,
    agreed: Annotated[str | None, typer.Option("--agreed", help="议定事项")] = None,
    follow_up: Annotated[str | None, typer.Option("--follow-up", help="跟进日期 YYYY-MM-DD")] = None,
    record: Annotated[
        bool, typer.Option("--record", help="also record the letter as an act of supervision (kind letter)")
    ] = False,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template", help="a template to use instead of the one in force (to try an edited one)"
        ),
    ] = None,
) -> None:
    """Write the supervision letter (督办函) to a court on a date, as DOCX from the template in force.

    Who, to whom, what was agreed and the follow-up date come from the options, else from the letter recorded
    for that court on that day. Nothing is written to the database unless --record is given. Exit 0 when
    written, 2 when refused (nothing written), 1 when the campaign or the template file is missing."""
    err = Console(stderr=True)
    day = parse_day(on, "--on") if on else date.today()
    follow = parse_day(follow_up, "--follow-up") if follow_up else None
    setup_django()
    from django.conf import settings

    from qingji.campaigns.actions import CampaignRefused, do_record_supervision
    from qingji.campaigns.letter import LetterTemplateError, placeholders_in, render_letter
    from qingji.campaigns.letter_data import audit_letter, file_name, gather, letter_number, template_in_force
    from qingji.campaigns.models import SupervisionAction

    campaign = campaign_named(name)
    if not campaign.courts.filter(code=court).exists():
        err.print(f"[red]{court} 不是本次行动的法院 / not one of the campaign's courts[/red]")
        raise typer.Exit(2)
    chosen = template_file(template, template_in_force(settings.HOME))
    recorded = (
        SupervisionAction.objects.filter(
            campaign=campaign, court__code=court, on=day, kind=SupervisionAction.Kind.LETTER
        )
        .order_by("-pk")
        .first()
    )
    # The options, else what the letter recorded that day says.
    by = by if by is not None else (recorded.by if recorded else "")
    to = to if to is not None else (recorded.to if recorded else "")
    agreed = agreed if agreed is not None else (recorded.agreed if recorded else "")
    follow = follow if follow_up is not None else (recorded.follow_up if recorded else None)
    try:
        placeholders_in(chosen)  # a template that cannot make the letter refuses before anything is recorded
        if record:
            recorded = do_record_supervision(campaign, court_code=court, kind=SupervisionAction.Kind.LETTER,
                                             on=day, by=by, to=to, agreed=agreed, follow_up=follow)  # fmt: skip
        data = gather(campaign, court, day, by=by, to=to, agreed=agreed, follow_up=follow,
                      number=letter_number(day, recorded))  # fmt: skip
        content = render_letter(data, chosen)
    except LetterTemplateError as error:
        err.print(f"[red]{error}[/red]\n未生成 / no letter was made")
        raise typer.Exit(2) from None
    except CampaignRefused as refused:
        print_problems(err, refused.problems, None)
        raise typer.Exit(2) from None
    path = out if out is not None else Path(file_name(data))
    write(path, content)
    if record and recorded is not None:
        audit_letter(recorded, data, chosen)
    Console().print(
        f"已生成 written: {path}（{data.court_name} {data.number}，未结 remaining {data.remaining} 件 cases）"
        + ("，已记录 recorded" if record else "")
    )


def letter_template(
    out: Annotated[Path, typer.Option("--out", help="where to write the default template")] = Path(
        "督办函.docx"
    ),
    force: Annotated[bool, typer.Option("--force", help="overwrite an existing file")] = False,
) -> None:
    """Copy the default letter template out to edit in Word or WPS.

    An edited copy at $QINGJI_HOME/templates/督办函.docx is used instead of the default."""
    from qingji.campaigns.letter import DEFAULT_TEMPLATE, PLACEHOLDERS, TEMPLATE_NAME

    copy_template(DEFAULT_TEMPLATE, out, force=force, placeholders=PLACEHOLDERS, name=TEMPLATE_NAME)


def register(app: typer.Typer) -> None:
    """Add the commands to `qingji campaign`."""
    app.command()(letter)
    app.command(name="letter-template")(letter_template)
    app.command(name="bulletin-template")(bulletin_template)
