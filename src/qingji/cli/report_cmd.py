"""`qingji report monthly [--month YYYY-MM] [--scope CODES] --output FILE`: the monthly report (月度报告) by hand, as
DOCX or PDF by the file's suffix; `qingji report template --out FILE` copies the default template out to edit
(docs/cadence.md "The monthly report"). The command's name and options are relied on from outside (issue 13)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from qingji.cli.document_output import made_or_refused, output_format, template_file, write
from qingji.cli.template_copy import copy_template
from qingji.server.setup import setup_django

report_app = typer.Typer(no_args_is_help=True, help="月度报告 the monthly report to the leadership.")


def parse_month(value: str | None, today: date) -> tuple[int, int]:
    """YYYY-MM (default: the month before ``today``); a month not yet ended is refused."""
    if value is None:
        return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    found = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", value)
    if found is None or not 1 <= int(found.group(2)) <= 12:
        raise typer.BadParameter(f"{value!r} 不是月份，应为 YYYY-MM / not a month, expected YYYY-MM",
                                 param_hint="--month")  # fmt: skip
    year, month = int(found.group(1)), int(found.group(2))
    if (year, month) >= (today.year, today.month):
        raise typer.BadParameter(f"{value} 尚未结束 / the month has not ended", param_hint="--month")
    return year, month


@report_app.command()
def monthly(
    output: Annotated[Path, typer.Option("--output", help="the file to write: .docx or .pdf")],
    month: Annotated[
        str | None, typer.Option("--month", help="YYYY-MM (default: the month before this one)")
    ] = None,
    scope: Annotated[
        str | None,
        typer.Option("--scope", help="the courts covered, codes joined by commas (default: every court)"),
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", help="a template to use instead of the one in force")
    ] = None,
) -> None:
    """Write the monthly report (月度报告) of a month: the statistics' measures per court and overall, and the
    trend of the six months ending with it. Its figures are `qingji stats --as-of <the month's last day> --since
    <its first day> --json`'s. Exit 0 when written, 2 when refused (a wrong suffix, a month, an unknown court, a
    template that cannot make it), 1 when the template file is missing."""
    err = Console(stderr=True)
    suffix = output_format(output)
    year, number = parse_month(month, date.today())
    setup_django()
    from django.conf import settings

    from qingji.cases.monthly_report import monthly_report
    from qingji.cases.monthly_report_doc import render, template_in_force, title
    from qingji.courts.models import Court

    codes = sorted({code.strip() for code in (scope or "").split(",") if code.strip()})
    unknown = set(codes) - set(Court.objects.filter(code__in=codes).values_list("code", flat=True))
    if unknown:
        err.print(f"[red]没有这些法院 / no such courts: {'、'.join(sorted(unknown))}[/red]")
        raise typer.Exit(2)
    chosen = template_file(template, template_in_force(Path(settings.HOME)))
    report = monthly_report(year, number, codes)
    write(output, made_or_refused(lambda: render(report, chosen, suffix), "report"))
    whole = report.statistics.overall
    Console().print(f"已生成 written: {output}（{title(report)}：收案 filed {whole.filed}，结案 closed "
                    f"{whole.closed}，月末未结 pending {whole.pending}）")  # fmt: skip


@report_app.command(name="template")
def report_template(
    out: Annotated[Path, typer.Option("--out", help="where to write the default template")] = Path(
        "月度报告.docx"
    ),
    force: Annotated[bool, typer.Option("--force", help="overwrite an existing file")] = False,
) -> None:
    """Copy the default monthly report template out to edit in Word or WPS.

    An edited copy at $QINGJI_HOME/templates/月度报告.docx is used instead of the default."""
    from qingji.cases.monthly_report_doc import DEFAULT_TEMPLATE, PLACEHOLDERS, TEMPLATE_NAME

    copy_template(DEFAULT_TEMPLATE, out, force=force, placeholders=PLACEHOLDERS, name=TEMPLATE_NAME)
