"""Write the ledger (审限台账): Excel laid out as courts keep it, CSV for other systems, Parquet as it is, JSON rows.

Excel: a title row, the Chinese header row (frozen, with an autofilter), real date cells shown yyyy-mm-dd, column
widths to fit, overdue and closed-late rows light red, approaching rows light yellow, landscape A4 with the
header repeated on every printed page. Written row by row in xlsxwriter's constant-memory mode, so a large
ledger does not need the whole workbook in memory. The Excel and CSV ledgers re-import through
:func:`qingji.interchange.cases_reader.read_cases`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import xlsxwriter

from qingji.interchange.csv_safety import neutralised_frame
from qingji.interchange.ledger_layout import (
    LEDGER_COLUMNS,
    LIGHT_RED,
    LIGHT_YELLOW,
    Cell,
    check_ledger,
    ledger_display,
    ledger_title,
    row_marks,
)
from qingji.interchange.problems import WORKBOOK_OPTIONS

SHEET_NAME = "审限台账"
_FILLS: dict[str | None, str | None] = {None: None, "overdue": LIGHT_RED, "approaching": LIGHT_YELLOW}
_BATCH_ROWS = 50_000
# An Excel sheet has 1,048,576 rows; the title and the header take two.
EXCEL_MAX_DATA_ROWS = 1_048_576 - 2


def write_ledger(frame: pl.DataFrame, path: Path, *, as_of: date, title: str | None = None) -> None:
    """Write the ledger ``frame`` to ``path``: .xlsx, .csv or .parquet, by suffix."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(frame, path, as_of=as_of, title=title)
    elif suffix == ".csv":
        _write_csv(frame, path)
    elif suffix == ".parquet":
        check_ledger(frame)
        # zstd at level 1: the same size as the default level on a ledger, and a fifth faster to write.
        frame.write_parquet(path, compression="zstd", compression_level=1)
    else:
        raise ValueError(
            f"不支持的台账格式 {suffix or '（无扩展名）'}（应为 .xlsx、.csv 或 .parquet） / "
            f"unsupported ledger format {suffix or '(none)'} (use .xlsx, .csv or .parquet)"
        )


def ledger_json_rows(frame: pl.DataFrame) -> list[dict[str, object]]:
    """The ledger as JSON-ready rows: English keys as the column names, dates "YYYY-MM-DD" or None, warnings a
    list of codes."""
    check_ledger(frame)
    rows = frame.with_columns(
        pl.col(pl.Date).dt.to_string("%Y-%m-%d"),
        pl.col("warnings").fill_null(pl.lit([], dtype=pl.List(pl.String))),
    ).to_dicts()
    return rows


def _write_csv(frame: pl.DataFrame, path: Path) -> None:
    # text that a spreadsheet would run as a formula is quoted (csv_safety)
    neutralised_frame(ledger_display(frame)).write_csv(path, include_bom=True, date_format="%Y-%m-%d")


def _write_xlsx(frame: pl.DataFrame, path: Path, *, as_of: date, title: str | None) -> None:
    if frame.height > EXCEL_MAX_DATA_ROWS:
        raise ValueError(
            f"台账有 {frame.height} 行，超过 Excel 工作表的上限（{EXCEL_MAX_DATA_ROWS} 行），请导出为 CSV 或 Parquet / "
            f"the ledger has {frame.height} rows, more than an Excel sheet holds ({EXCEL_MAX_DATA_ROWS}): "
            "write CSV or Parquet"
        )
    display = ledger_display(frame)
    marks = row_marks(frame)
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    try:
        sheet = workbook.add_worksheet(SHEET_NAME)
        formats = _Formats(workbook)
        last_column = len(LEDGER_COLUMNS) - 1
        for index, column in enumerate(LEDGER_COLUMNS):
            sheet.set_column(index, index, column.width)
        sheet.set_row(0, 28)
        sheet.merge_range(0, 0, 0, last_column, ledger_title(as_of, title), formats.title)
        sheet.set_row(1, 30)
        sheet.write_row(1, 0, [column.header for column in LEDGER_COLUMNS], formats.header)
        styles = {mark: formats.row(mark) for mark in _FILLS}
        row_number = 2
        for offset in range(0, display.height, _BATCH_ROWS):
            batch = display.slice(offset, _BATCH_ROWS)
            batch_marks = marks.slice(offset, _BATCH_ROWS).to_list()
            for values, mark in zip(batch.iter_rows(), batch_marks, strict=True):
                _write_row(sheet, row_number, values, styles[mark])
                row_number += 1
        sheet.freeze_panes(2, 1)
        sheet.autofilter(1, 0, max(row_number - 1, 1), last_column)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.repeat_rows(0, 1)
        sheet.fit_to_pages(1, 0)
    finally:
        workbook.close()


def _write_row(sheet: Any, row: int, values: tuple[Any, ...], styles: list[tuple[Cell, Any]]) -> None:
    for column, (value, (cell, style)) in enumerate(zip(values, styles, strict=True)):
        if value is None:
            if style is not None:
                sheet.write_blank(row, column, None, style)
        elif cell is Cell.TEXT:
            sheet.write_string(row, column, value, style)
        elif cell is Cell.DATE:
            sheet.write_datetime(row, column, value, style)
        else:
            sheet.write_number(row, column, value, style)


class _Formats:
    """The workbook's cell formats: title, header, and body cells by kind and row mark."""

    def __init__(self, workbook: Any) -> None:
        self.title = workbook.add_format(
            {"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"}
        )
        self.header = workbook.add_format(
            {
                "bold": True,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
                "bg_color": "#D9E1F2",
                "border": 1,
            }
        )
        self._body: dict[tuple[Cell, str | None], Any] = {}
        for mark, fill in _FILLS.items():
            for cell in Cell:
                properties: dict[str, object] = {}
                if cell is Cell.DATE:
                    properties["num_format"] = "yyyy-mm-dd"
                if fill is not None:
                    properties["bg_color"] = fill
                self._body[(cell, mark)] = workbook.add_format(properties) if properties else None

    def row(self, mark: str | None) -> list[tuple[Cell, Any]]:
        """Kind and format of each ledger column's cell, on a row with ``mark``."""
        return [(column.cell, self._body[(column.cell, mark)]) for column in LEDGER_COLUMNS]
