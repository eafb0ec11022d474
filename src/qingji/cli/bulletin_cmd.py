"""`qingji bulletin CAMPAIGN [--as-of DATE] --output FILE`: the ten-day bulletin (通报) by hand, as DOCX or PDF by
the file's suffix; `qingji campaign bulletin-template` copies the default template out to edit (docs/cadence.md).
The command's name and options are relied on from outside (issue 13)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from qingji.cli.document_output import made_or_refused, output_format, template_file, write
from qingji.cli.inputs import campaign_named
from qingji.cli.options import parse_day
from qingji.cli.template_copy import copy_template
from qingji.server.setup import setup_django


def bulletin(
    name: Annotated[str, typer.Argument(help="the campaign")],
    output: Annotated[Path, typer.Option("--output", help="the file to write: .docx or .pdf")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="the figures as of this day (default today)")
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", help="a template to use instead of the one in force")
    ] = None,
) -> None:
    """Write the campaign's ten-day bulletin (通报) on a date: progress per court against the countdown, the
    ranking with the last-place warning, what was cleared since the previous bulletin, the overdue and 10-month
    cases, the new backlog, the supervision done and proposed. Its figures are `qingji campaign report`'s on the
    same date. Exit 0 when written, 2 when refused (a wrong suffix, a template that cannot make it), 1 when the
    campaign or the template is missing."""
    err = Console(stderr=True)
    suffix = output_format(output)
    day = parse_day(as_of, "--as-of") if as_of else date.today()
    setup_django()
    from django.conf import settings

    from qingji.campaigns.bulletin_data import bulletin_of
    from qingji.campaigns.bulletin_doc import render, template_in_force
    from qingji.site.in_force import site_settings

    campaign = campaign_named(name)
    chosen = template_file(template, template_in_force(settings.HOME))
    if day < campaign.start:
        err.print(f"[red]{day} 早于专项行动开始日期 {campaign.start} / before the campaign's start[/red]")
        raise typer.Exit(2)
    data = bulletin_of(campaign, day, site_settings().cadence.bulletin_days)
    write(output, made_or_refused(lambda: render(data, chosen, suffix), "bulletin"))
    whole = data.overall
    Console().print(
        f"已生成 written: {output}（第{data.number}期 No. {data.number}，清积率 rate {whole.clearance_rate:.2%}，"
        f"未结 remaining {whole.remaining}）"
    )


def bulletin_template(
    out: Annotated[Path, typer.Option("--out", help="where to write the default template")] = Path(
        "通报.docx"
    ),
    force: Annotated[bool, typer.Option("--force", help="overwrite an existing file")] = False,
) -> None:
    """Copy the default bulletin template out to edit in Word or WPS.

    An edited copy at $QINGJI_HOME/templates/通报.docx is used instead of the default."""
    from qingji.campaigns.bulletin_doc import DEFAULT_TEMPLATE, PLACEHOLDERS, TEMPLATE_NAME

    copy_template(DEFAULT_TEMPLATE, out, force=force, placeholders=PLACEHOLDERS, name=TEMPLATE_NAME)
