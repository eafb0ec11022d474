"""The report of a refused import: an Excel copy of the input files with the bad cells marked (DESIGN.md §7).

Each input file (each sheet read of a workbook in a court's own layout) becomes a sheet holding its rows where the spreadsheet had them (same row numbers as in the
problems), every cell as text. A bad cell is filled red; beside each bad row two columns give the reasons, 原因
in Chinese and reason in English (several problems of one row are joined with "；" / "; "); the row's own 案号
cell is beside them. A last sheet lists every problem, one a line with its file, row and 案号, as
:func:`qingji.interchange.write_problems` does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from qingji.interchange.limits import FileLimits
from qingji.interchange.problems import PROBLEM_COLUMN_WIDTHS, PROBLEM_HEADERS, WORKBOOK_OPTIONS, Problem
from qingji.interchange.reading import Source
from qingji.interchange.tables import ROW, RawTable, TableError, load_table

BAD_FILL = "#FF9999"
REASON_HEADERS = ("原因", "reason")
# Excel's sheet names: at most 31 characters, none of []:*?/\
_SHEET_NAME_LIMIT = 31


def default_report_path(cases_path: Path) -> Path:
    """Where the report goes unless told: beside the cases file, ``<name>.问题.xlsx``."""
    return cases_path.with_name(f"{cases_path.stem}.问题.xlsx")


def write_import_report(
    inputs: Sequence[Path | Source], problems: Sequence[Problem], path: Path, limits: FileLimits | None = None
) -> Path:
    """Write the marked copy of ``inputs`` (files, or the tables read: a sheet of a workbook) with ``problems`` to
    ``path`` (XLSX) and return ``path``; the inputs are read again within ``limits``, those they were read with (a
    file over them is not copied)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    try:
        bad = workbook.add_format({"bg_color": BAD_FILL, "border": 1, "border_color": "#C00000"})
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        reason = workbook.add_format({"font_color": "#C00000", "text_wrap": False})
        used: set[str] = set()
        for index, item in enumerate(inputs):
            source = item if isinstance(item, Source) else Source(item)
            sheet = workbook.add_worksheet(_sheet_name(source.title, index, used))
            mine = [p for p in problems if p.file == source.file]
            _copy_marked(sheet, source, mine, formats=(bad, header, reason), limits=limits)
        listing = workbook.add_worksheet("问题 problems")
        for column, width in enumerate(PROBLEM_COLUMN_WIDTHS):
            listing.set_column(column, column, width)
        listing.write_row(0, 0, PROBLEM_HEADERS, header)
        for number, problem in enumerate(problems, start=1):
            listing.write_row(number, 0, problem.as_row())
        listing.freeze_panes(1, 0)
    finally:
        workbook.close()
    return path


def _sheet_name(title: str, index: int, used: set[str]) -> str:
    base = "".join(ch for ch in title if ch not in "[]:*?/\\")[: _SHEET_NAME_LIMIT - 3] or f"file{index + 1}"
    name = base
    suffix = 2
    while name.lower() in used:
        name = f"{base}-{suffix}"
        suffix += 1
    used.add(name.lower())
    return name


def _copy_marked(
    sheet: Worksheet,
    source: Source,
    problems: Sequence[Problem],
    *,
    formats: tuple[Format, Format, Format],
    limits: FileLimits | None,
) -> None:
    bad, header_format, reason_format = formats
    try:
        table = load_table(source.path, limits, sheet=source.sheet, checked=source.checked)
    except (TableError, FileNotFoundError):
        # The file itself cannot be read: nothing to copy, the reasons go on the first row.
        sheet.write_row(0, 0, REASON_HEADERS, header_format)
        for number, problem in enumerate(problems, start=1):
            sheet.write_row(number, 0, (problem.reason_zh, problem.reason_en), reason_format)
        return
    width = len(table.headers)
    by_row: dict[int, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_row[problem.row].append(problem)
    positions = {name: position for position, name in reversed(list(enumerate(table.headers)))}
    header_index = table.header_row - 1
    sheet.freeze_panes(table.header_row, 0)
    for column in range(width + 2):
        sheet.set_column(column, column, 16 if column < width else 40)

    def write(row_index: int, cells: Sequence[str | None], header: bool = False) -> None:
        row_number = row_index + 1
        marks = by_row.get(row_number, [])
        marked = {
            column
            for p in marks
            if (column := p.position if p.position is not None else positions.get(p.column)) is not None
        }
        for column, cell in enumerate(cells):
            fmt = header_format if header else (bad if column in marked else None)
            if cell is None:
                if fmt is not None:
                    sheet.write_blank(row_index, column, None, fmt)
                continue
            sheet.write_string(row_index, column, cell, fmt)
        at = width
        if header:
            sheet.write_row(row_index, width, REASON_HEADERS, header_format)
            at = width + 2  # problems of the header row itself (a missing column) go further right
        if marks:
            sheet.write_string(row_index, at, "；".join(p.reason_zh for p in marks), reason_format)
            sheet.write_string(row_index, at + 1, "; ".join(p.reason_en for p in marks), reason_format)

    write(header_index, table.headers, header=True)
    columns = [RawTable.column(i) for i in range(width)]
    for values in table.frame.select(ROW, *columns).iter_rows():
        write(int(values[0]) - 1, values[1:])
