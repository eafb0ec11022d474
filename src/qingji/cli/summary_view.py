"""Printing the ledger summary and the problems found in an input file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import polars as pl
from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

from qingji.engine.summary import SUMMARY_COLUMNS
from qingji.interchange.problems import Problem

# Short headers so that the summary fits an 80-column terminal (closed = cases − pending is left out); the
# legend spells them out.
SHORT_HEADERS = {
    "cases": "案件",
    "pending": "未结",
    "under_6m": "≤6月",
    "6_12m": "6-12月",
    "1_2y": "1-2年",
    "over_2y": "2年+",
    "long_pending_12m": "超12月",
    "overdue": "超限",
    "approaching": "临近",
    "closed_late": "迟结",
}


def short_court_name(name: str | None) -> str:
    """庆阳市西峰区人民法院 → 西峰区: enough to tell the courts apart in a terminal."""
    if not name:
        return ""
    return name.removeprefix("甘肃省").removeprefix("庆阳市").removesuffix("人民法院") or name


def print_summary(console: Console, summary: pl.DataFrame, title: str) -> None:
    """The summary by court and bucket as a compact table, with a bilingual legend."""
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0, 0, 1))
    table.add_column("法院", no_wrap=True)
    counts = [c for c in summary.columns if c in SHORT_HEADERS]
    for column in counts:
        header = SHORT_HEADERS[column]
        table.add_column(header, justify="right", no_wrap=True, min_width=cell_len(header))
    for row in summary.rows(named=True):
        court = f"{row['court_code']} {short_court_name(row['court_name'])}"
        table.add_row(court, *(str(row[c]) for c in counts))
    console.print(table)
    legend = "; ".join(f"{SHORT_HEADERS[c]} {SUMMARY_COLUMNS[c][1]}" for c in counts)
    console.print(f"[dim]{legend}[/dim]")


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
        console.print(f"  {file} [{column}] {reason}: {count}", markup=False, highlight=False)
    for problem in problems[:shown]:
        case = f" {problem.case_number}," if problem.case_number else ""
        console.print(
            f"  {problem.file} 第{problem.row}行 row {problem.row},{case} {problem.column} = {problem.value!r}: "
            f"{problem.reason_zh} / {problem.reason_en}",
            markup=False,
            highlight=False,
        )
