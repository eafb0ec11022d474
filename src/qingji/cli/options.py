"""Parsing command-line values into the facts the rules read: dates, lengths, events."""

from __future__ import annotations

from datetime import date

import typer

from qingji.core.events import (
    DEDUCTION_KINDS,
    LOCAL_DEDUCTION_KINDS,
    Conversion,
    Deduction,
    Extension,
    Restart,
    parse_length,
)
from qingji.core.procedures import Procedure, parse_procedure


def parse_day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} 不是日期，应为 YYYY-MM-DD / not a date, expected YYYY-MM-DD", param_hint=option
        ) from None


def parse_procedure_option(value: str, option: str) -> Procedure:
    procedure = parse_procedure(value)
    if procedure is None:
        choices = ", ".join(p.value for p in Procedure)
        raise typer.BadParameter(
            f"{value!r} 不是已知的适用程序 / not a known procedure ({choices})", param_hint=option
        )
    return procedure


def parse_extension(value: str) -> Extension:
    """LENGTH[:APPROVER[:DATE]], e.g. 6m, 6个月:院长, 3m:庆阳市中级人民法院:2023-12-10."""
    length, _, rest = value.partition(":")
    approver, _, approved = rest.partition(":")
    try:
        period = parse_length(length)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--extend") from None
    return Extension(period, approver.strip() or None, parse_day(approved, "--extend") if approved else None)


def parse_deduction(value: str) -> Deduction:
    """KIND:START[:END], e.g. 鉴定:2023-03-01:2023-03-30; no END while it still runs."""
    parts = value.split(":")
    if len(parts) not in (2, 3) or not parts[0].strip():
        raise typer.BadParameter(
            f"{value!r} 应为 类别:开始日期[:结束日期] / expected KIND:START[:END]", param_hint="--deduct"
        )
    kind = parts[0].strip()
    if kind not in DEDUCTION_KINDS and kind not in LOCAL_DEDUCTION_KINDS:
        kinds = "、".join([*DEDUCTION_KINDS, *LOCAL_DEDUCTION_KINDS])
        raise typer.BadParameter(
            f"未知的扣除类别 {kind!r} / unknown deduction kind; one of: {kinds}", param_hint="--deduct"
        )
    start = parse_day(parts[1], "--deduct")
    end = parse_day(parts[2], "--deduct") if len(parts) == 3 and parts[2].strip() else None
    if end is not None and end < start:
        raise typer.BadParameter(
            f"{value!r}: 结束日期早于开始日期 / the end is before the start", param_hint="--deduct"
        )
    return Deduction(kind, start, end)


def parse_conversion(value: str) -> Conversion:
    """PROCEDURE:DATE, e.g. 普通程序:2024-03-01 or ordinary:2024-03-01."""
    procedure, _, on = value.partition(":")
    if not on:
        raise typer.BadParameter(
            f"{value!r} 应为 程序:日期 / expected PROCEDURE:DATE", param_hint="--convert"
        )
    return Conversion(parse_procedure_option(procedure, "--convert"), parse_day(on, "--convert"))


def parse_restart(value: str) -> Restart:
    """DATE[:REASON], e.g. 2024-05-01:补充侦查."""
    on, _, reason = value.partition(":")
    return Restart(reason.strip(), parse_day(on, "--restart"))
