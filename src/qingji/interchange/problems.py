"""Problems found while reading a court export: one record per bad cell, in Chinese and English.

Row numbers are the ones a spreadsheet user sees: the header row is 1 (or wherever the header sits in a
workbook with a title row) and the first data row follows it. A row's problem names its case number (案号) too,
when the row has a readable one, so that a clerk can find the case in the court's system (issue 9). ``write_problems`` gives the user the list back as
a file they can open next to their export.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import xlsxwriter

from qingji.interchange.csv_safety import neutralised

PROBLEM_HEADERS: tuple[str, ...] = ("文件", "行", "案号", "列", "值", "原因", "reason")
PROBLEM_COLUMN_WIDTHS: tuple[int, ...] = (24, 8, 26, 14, 30, 50, 60)
ProblemRow = tuple[str, int, str, str, str, str, str]

# Cell text is written as text: a party called "=SUM(...)" or a number like "0123" must not change on the way.
WORKBOOK_OPTIONS: dict[str, bool] = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or with the whole file, on the header row)."""

    file: str
    row: int
    column: str
    value: str
    reason_zh: str
    reason_en: str
    case_number: str = ""  # the row's 案号 when it has a readable one (issue 9: every report names it)
    # The column's position in its table, when known: the marked copy fills that cell (``column`` is how messages
    # name it, which in a court's own layout is not the header alone: ``LARQ（立案日期）``).
    position: int | None = field(default=None, compare=False)

    def as_row(self) -> ProblemRow:
        """The problem in the order of :data:`PROBLEM_HEADERS`."""
        return (
            self.file,
            self.row,
            self.case_number,
            self.column,
            self.value,
            self.reason_zh,
            self.reason_en,
        )

    def __str__(self) -> str:
        case_zh = f"（案号 {self.case_number}）" if self.case_number else ""
        case_en = f" (case {self.case_number})" if self.case_number else ""
        return (
            f"{self.file} 第{self.row}行{case_zh} [{self.column}] {self.value!r}：{self.reason_zh} / "
            f"{self.file} row {self.row}{case_en} [{self.column}] {self.value!r}: {self.reason_en}"
        )


def write_problems(problems: Iterable[Problem], path: Path) -> None:
    """Write ``problems`` to ``path``: XLSX for .xlsx, otherwise CSV in UTF-8 with a BOM (opens in Excel and WPS)."""
    rows = [problem.as_row() for problem in problems]
    if path.suffix.lower() == ".xlsx":
        _write_xlsx(rows, path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(PROBLEM_HEADERS)
        writer.writerows([neutralised(cell) for cell in row] for row in rows)  # no formula runs (csv_safety)


def _write_xlsx(rows: list[ProblemRow], path: Path) -> None:
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    try:
        sheet = workbook.add_worksheet("问题")
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        for index, width in enumerate(PROBLEM_COLUMN_WIDTHS):
            sheet.set_column(index, index, width)
        sheet.write_row(0, 0, PROBLEM_HEADERS, bold)
        for number, row in enumerate(rows, start=1):
            sheet.write_row(number, 0, row)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(PROBLEM_HEADERS) - 1)
    finally:
        workbook.close()
