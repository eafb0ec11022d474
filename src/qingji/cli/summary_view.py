"""Printing the ledger summary and the problems found in an input file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import polars as pl
from rich.console import Console
from rich.table import Table

from qingji.engine.summary import SUMMARY_COLUMNS
from qingji.interchange.problems import Problem


def print_summary(console: Console, summary: pl.DataFrame, title: str) -> None:
    table = Table(title=title, show_lines=False)
    for column in summary.columns:
        zh, en = SUMMARY_COLUMNS[column]
        text_column = column in ("court_code", "court_name")
        table.add_column(f"{zh}\n[dim]{en}[/dim]", justify="left" if text_column else "right")
    for row in summary.iter_rows():
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)


def print_problems(
    console: Console, problems: Sequence[Problem], report: str | None, shown: int = 10
) -> None:
    if not problems:
        return
    console.print(
        f"[red]{len(problems)} 行无法读取 / rows could not be read[/red]"
        + (f"，详见 / see {report}" if report else "")
    )
    reasons = Counter((p.file, p.column, p.reason_zh) for p in problems)
    for (file, column, reason), count in reasons.most_common(shown):
        console.print(f"  {file} [{column}] {reason}: {count}")
    for problem in problems[:shown]:
        console.print(
            f"  {problem.file} 第{problem.row}行 row {problem.row}, {problem.column} = {problem.value!r}: "
            f"{problem.reason_zh} / {problem.reason_en}"
        )
