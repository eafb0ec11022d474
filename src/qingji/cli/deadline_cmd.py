"""`qingji deadline`: one case's expiry and its explanation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from qingji.cli.options import (
    parse_conversion,
    parse_day,
    parse_deduction,
    parse_extension,
    parse_procedure_option,
    parse_restart,
)
from qingji.cli.site_inputs import command_calendar, settings_in_force
from qingji.core.casenumber import CaseNumberError, parse_case_number
from qingji.core.events import CaseFacts
from qingji.core.state import CaseState, assess
from qingji.core.typecodes import TYPE_CODES_BY_CODE
from qingji.core.vocabulary import BUCKET_LABELS, STATUS_LABELS, warning_label


def _json_value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def deadline_json(facts: CaseFacts, state: CaseState) -> dict[str, object]:
    deadline = state.deadline
    row: dict[str, object] = {
        "case_number": facts.case_number,
        "court_code": facts.court_code,
        "type_code": facts.type_code,
        "procedure": facts.procedure.value if facts.procedure else None,
        "applied_procedure": deadline.procedure.value if deadline.procedure else None,
        "filed_on": facts.filed_on,
        "closed_on": facts.closed_on,
        "as_of": state.as_of,
        "anchor": deadline.anchor,
        **state.as_row(),
        "steps": [
            {"basis": s.basis, "zh": s.zh, "en": s.en, "result": _json_value(s.result)}
            for s in deadline.steps
        ],
    }
    return {key: _json_value(value) for key, value in row.items()}


def deadline(
    case_number: Annotated[str | None, typer.Argument(help="案号, e.g. （2023）甘1002民初123号")] = None,
    type_code: Annotated[
        str | None, typer.Option("--type-code", "--type", help="类型代字 when no case number")
    ] = None,
    procedure: Annotated[
        str | None, typer.Option(help="适用程序: 普通程序/ordinary, 简易程序/simple …")
    ] = None,
    filed: Annotated[str, typer.Option(help="立案日期 YYYY-MM-DD")] = "",
    closed: Annotated[str | None, typer.Option(help="结案日期 YYYY-MM-DD")] = None,
    extend: Annotated[
        list[str] | None, typer.Option(help="延长: LENGTH[:APPROVER[:DATE]], e.g. 6m:院长")
    ] = None,
    deduct: Annotated[
        list[str] | None, typer.Option(help="扣除: KIND:START[:END], e.g. 鉴定:2023-03-01:2023-03-30")
    ] = None,
    convert: Annotated[list[str] | None, typer.Option(help="程序转换: PROCEDURE:DATE")] = None,
    restart: Annotated[list[str] | None, typer.Option(help="重新计算: DATE[:REASON]")] = None,
    in_custody: Annotated[bool, typer.Option("--in-custody", help="被告人在押 (criminal)")] = False,
    court: Annotated[str | None, typer.Option(help="法院代字 when no case number, e.g. 甘1002")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="state on this date (default today)")] = None,
    holidays: Annotated[
        Path | None, typer.Option(help="local holiday file (TOML) for years without data")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON for machines")] = False,
) -> None:
    """Compute one case's expiry (审限届满日) and explain it step by step."""
    code, court_code = type_code, court
    if case_number:
        try:
            number = parse_case_number(case_number)
        except CaseNumberError as error:
            raise typer.BadParameter(str(error), param_hint="CASE_NUMBER") from None
        code = code or number.type_code
        court_code = court_code or number.court_code
        case_number = str(number)
    if not code:
        raise typer.BadParameter(
            "需要案号或 --type-code / give a case number or --type-code", param_hint="--type-code"
        )
    if code not in TYPE_CODES_BY_CODE:
        raise typer.BadParameter(f"未知类型代字 {code!r} / unknown type code", param_hint="--type-code")
    if not filed:
        raise typer.BadParameter("需要立案日期 / the filing date is required", param_hint="--filed")
    facts = CaseFacts(
        type_code=code,
        filed_on=parse_day(filed, "--filed"),
        procedure=parse_procedure_option(procedure, "--procedure") if procedure else None,
        closed_on=parse_day(closed, "--closed") if closed else None,
        in_custody=in_custody,
        extensions=tuple(parse_extension(v) for v in extend or []),
        deductions=tuple(parse_deduction(v) for v in deduct or []),
        conversions=tuple(parse_conversion(v) for v in convert or []),
        restarts=tuple(parse_restart(v) for v in restart or []),
        court_code=court_code,
        case_number=case_number,
    )
    on = parse_day(as_of, "--as-of") if as_of else date.today()
    if facts.filed_on > on:
        raise typer.BadParameter(f"立案日期晚于 {on} / filed after the as-of date", param_hint="--as-of")
    calendar = command_calendar(holidays)
    state = assess(facts, on, calendar, settings_in_force().conventions)
    if as_json:
        typer.echo(json.dumps(deadline_json(facts, state), ensure_ascii=False, indent=2))
        return
    _print(facts, state)


def _print(facts: CaseFacts, state: CaseState) -> None:
    console = Console()
    expiry = state.expiry.isoformat() if state.expiry else "无法定审限 / no statutory limit"
    title = facts.case_number or facts.type_code
    console.print(f"[bold]{title}[/bold]  审限届满日 expiry: [bold]{expiry}[/bold]")
    status_zh, status_en = STATUS_LABELS[state.status]
    line = f"状态 status: {status_zh} / {status_en}（截至 {state.as_of}）"
    if state.days_remaining is not None:
        line += f"  剩余 {state.days_remaining} 日"
    if state.days_over is not None:
        line += f"  超期 {state.days_over} 日"
    console.print(line)
    if state.age_bucket:
        console.print(f"案龄 age: {state.age_days} 日, {BUCKET_LABELS[state.age_bucket][0]}")
    table = Table(show_lines=False)
    table.add_column("依据 basis")
    # Chinese has no spaces to wrap at: fold the step's text instead of cutting it short with an ellipsis
    table.add_column("步骤 step", overflow="fold")
    table.add_column("结果 result", no_wrap=True)
    for step in state.deadline.steps:
        table.add_row(
            step.basis, f"{step.zh}\n[dim]{step.en}[/dim]", step.result.isoformat() if step.result else ""
        )
    console.print(table)
    for code in state.warnings:
        zh, en = warning_label(code)
        console.print(f"[yellow]预警 warning[/yellow]: {zh} / {en}")
