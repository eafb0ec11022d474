"""Raw tables from CSV and Excel files: every cell as text, with the row number a spreadsheet user sees.

CSV is read as UTF-8 (with or without BOM), or as GB18030 when it is not valid UTF-8 (what Excel on a Chinese
Windows saves), or as UTF-16 when it starts with a UTF-16 BOM; fields are separated by commas, or by tabs or
semicolons when those give the header row. Excel workbooks (.xlsx, .xlsm, .xlsb, .xls) are read with calamine
through fastexcel, first sheet only; date cells arrive as text "YYYY-MM-DD 00:00:00", which the date reader
accepts. The header row is the first row, among the first ten that are not empty, with a 案号 or case_number
cell, so a ledger with a title row above its header re-imports.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import fastexcel
import polars as pl

from qingji.interchange.controls import has_control_characters
from qingji.interchange.headers import HEADER_SEARCH_ROWS, is_header_row
from qingji.interchange.limits import MAX_COLUMNS, FileLimits, command_limits
from qingji.interchange.ragged import RaggedRow, ragged_rows
from qingji.interchange.table_error import TableError
from qingji.interchange.workbook_checks import check_workbook

__all__ = [
    "CSV_SUFFIXES",
    "EXCEL_SUFFIXES",
    "ROW",
    "RawTable",
    "TableError",
    "is_blank",
    "load_table",
    "sheet_names",
]

ROW = "source_row"
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls"})
_SEPARATORS = (",", "\t", ";")
# Enough of a CSV file to find its header row.
_HEAD_BYTES = 256 * 1024
T = TypeVar("T")


@dataclass(frozen=True)
class RawTable:
    """A sheet of text cells below its header row.

    ``frame`` has one String column per header cell, named ``c0``, ``c1`` …, plus ``source_row`` (Int64), the
    spreadsheet row number. Rows without any cell are left out; rows of blank cells are not (see
    :func:`is_blank`). ``ragged`` are the rows of a CSV file with more or fewer cells than the header, by row
    number: their cells in ``frame`` are cut or filled, so the readers refuse them.
    """

    headers: tuple[str, ...]
    header_row: int
    frame: pl.DataFrame
    ragged: dict[int, RaggedRow] = field(default_factory=dict)
    # False when the file is known to hold no control character (a CSV file checked as a whole, which is quicker
    # than checking its cells).
    may_hold_controls: bool = True

    @staticmethod
    def column(position: int) -> str:
        return f"c{position}"


def load_table(
    path: Path, limits: FileLimits | None = None, *, sheet: int | None = None, checked: bool = False
) -> RawTable:
    """Read ``path`` by its suffix, within ``limits`` (the command line's, ``QINGJI_CLI_MAX_…``, unless given:
    the upload pages pass theirs): a workbook's first sheet, or the ``sheet``-th (from 0). ``checked``: the
    workbook passed its checks within the same limits already (:func:`sheet_names`), which are not run again for
    each of its sheets. Raises :class:`TableError` when the file cannot be read as a table or is over a limit
    (issue 10: refused whole, never cut), and FileNotFoundError when there is no such file."""
    limits = _readable(path, limits)
    if path.suffix.lower() in CSV_SUFFIXES:
        return _load_csv(path, limits)
    return _load_excel(path, limits, sheet or 0, checked=checked)


def sheet_names(path: Path, limits: FileLimits | None = None) -> tuple[tuple[int, str], ...]:
    """The sheets of a workbook that hold any cell, as (position, name), in order, once the workbook is checked
    within ``limits``; ``()`` for a CSV file. Raises as :func:`load_table` does."""
    limits = _readable(path, limits)
    if path.suffix.lower() in CSV_SUFFIXES:
        return ()
    check_workbook(path, limits)

    def used(reader: fastexcel.ExcelReader) -> list[tuple[int, str]]:
        return [
            (index, name)
            for index, name in enumerate(reader.sheet_names)
            if reader.load_sheet(index, header_row=None, skip_rows=0, dtypes="string", n_rows=1).height
        ]

    return tuple(_excel(path, used))


def _readable(path: Path, limits: FileLimits | None) -> FileLimits:
    """The limits to read ``path`` within; raises when there is no such file or it is of no known type."""
    if not path.is_file():
        raise FileNotFoundError(f"文件不存在：{path} / no such file: {path}")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES or suffix in EXCEL_SUFFIXES:
        return limits or command_limits()
    raise TableError(
        f"不支持的文件类型 {suffix or '（无扩展名）'}，请使用 CSV 或 Excel（.xlsx、.xls）",
        f"unsupported file type {suffix or '(none)'}: use CSV or Excel (.xlsx, .xls)",
    )


def _finish(grid: pl.DataFrame, header_index: int, first_row_number: int) -> RawTable:
    """Cut ``grid`` (String columns, one row per sheet row) at its header row and number the data rows.

    ``first_row_number`` is the spreadsheet row number of ``grid``'s first row.
    """
    header_cells = grid.row(header_index) if grid.height else tuple(None for _ in grid.columns)
    headers = tuple("" if cell is None else str(cell) for cell in header_cells)
    return _number(grid.slice(header_index + 1), headers, first_row_number + header_index)


def _number(
    data: pl.DataFrame,
    headers: tuple[str, ...],
    header_row: int,
    ragged: dict[int, RaggedRow] | None = None,
    *,
    may_hold_controls: bool = True,
) -> RawTable:
    """Name the columns ``c0`` … and add ``source_row``: the data rows follow the header row one by one."""
    names = [RawTable.column(i) for i in range(data.width)]
    data = data.rename(dict(zip(data.columns, names, strict=True))).with_columns(
        (pl.int_range(pl.len(), dtype=pl.Int64) + (header_row + 1)).alias(ROW)
    )
    if names:
        # Rows with no cell at all go here, cheaply; rows with only white space are left to the reader, which
        # trims every cell it uses anyway (see :func:`is_blank`).
        data = data.filter(pl.any_horizontal(pl.col(name).is_not_null() for name in names))
    else:
        data = data.clear()
    return RawTable(headers, header_row, data, ragged or {}, may_hold_controls)


def is_blank(expr: pl.Expr) -> pl.Expr:
    """True for a cell that is empty or white space only."""
    return expr.is_null() | (expr.str.strip_chars().str.len_bytes() == 0)


def _header_index(rows: list[list[str | None]]) -> int:
    """Index of the header row among the first rows; the first non-empty row when none is marked."""
    non_empty = [i for i, cells in enumerate(rows) if any((c or "").strip() for c in cells)]
    for index in non_empty[:HEADER_SEARCH_ROWS]:
        if is_header_row(rows[index]):
            return index
    return non_empty[0] if non_empty else 0


# --- CSV ----------------------------------------------------------------------------------------------------


def _load_csv(path: Path, limits: FileLimits) -> RawTable:
    # The file's bytes are read once and shared by the parse, the ragged-row scan and the control-character check
    # (Polars also parses bytes in memory faster than the file: 0.34 s instead of 0.46 s for 160 MB). Its size is
    # checked first, its header's width before the parse, its rows and cells before anything else is done.
    limits.check_size(path.stat().st_size)
    raw = path.read_bytes()
    head = raw[:_HEAD_BYTES]
    encoding = _detect_encoding(head)
    head_text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head).removeprefix("\ufeff")
    if not head_text.strip():
        raise TableError("文件为空", "the file is empty")
    separator, records = _first_records(head_text)
    header_index = _header_index(records)
    _check_header_width(records, header_index, whole=len(head) == len(raw))
    source = raw if encoding == "utf-8" else _recode(raw, encoding)
    try:
        data = _read_csv_data(source, header_index, separator)
    except pl.exceptions.ComputeError as error:
        if encoding != "utf-8" or "utf-8" not in str(error).lower():
            raise TableError("CSV 文件无法解析", f"the CSV file cannot be parsed ({error})") from error
        # The start of the file looked like UTF-8 but a later part is not: the whole file is GB18030.
        source = _recode(raw, "gb18030")
        data = _read_csv_data(source, header_index, separator)
    except pl.exceptions.NoDataError as error:
        raise TableError("文件为空", "the file is empty") from error
    limits.check_sheet(header_index + 1 + data.height, data.width)
    ragged = ragged_rows(
        source, separator, header_index=header_index, data_rows=data.height, width=data.width
    )
    if ragged is None:
        raise TableError(
            "CSV 文件的引号或换行无法确定（可能有未成对的引号）：请在 Excel 中打开并另存为 .xlsx 后再读入",
            "the CSV file's quotes or line breaks cannot be told apart (an unpaired quote?): "
            "open it in Excel and save it as .xlsx, then read that",
        )
    # Polars renames repeated or empty headers; the problems must name them as written.
    written = records[header_index] if header_index < len(records) else []
    if len(written) != data.width:
        written = list(data.columns)
    controls = has_control_characters(source)
    headers = tuple(cell or "" for cell in written)
    return _number(data, headers, header_index + 1, ragged, may_hold_controls=controls)


def _check_header_width(records: list[list[str | None]], header_index: int, *, whole: bool) -> None:
    """Refuse a header row wider than Excel's widest sheet before Polars makes a column of each of its cells (or
    one not even ending within the first 256 KB of the file)."""
    cut = not whole and header_index >= len(records) - 1
    width = len(records[header_index]) if header_index < len(records) else 0
    if cut or width > MAX_COLUMNS:
        raise TableError(
            f"表头行超过 {MAX_COLUMNS:,} 列（Excel 的上限），不是正常的导出文件，未读入",
            f"the header row has more than {MAX_COLUMNS:,} columns (Excel's limit), which no export has; "
            "nothing was read",
        )


def _read_csv_data(source: Path | bytes, skip: int, separator: str) -> pl.DataFrame:
    # The header row is read by Polars too: with has_header=False it reads a large file about twice as slowly.
    return pl.read_csv(
        source,
        has_header=True,
        separator=separator,
        skip_rows=skip,
        infer_schema=False,
        truncate_ragged_lines=True,
        raise_if_empty=True,
    ).rechunk()  # one chunk per column, like the columns derived later: a frame whose columns are chunked
    # differently is realigned (copied) by every with_columns


def _detect_encoding(head: bytes) -> str:
    """UTF-16 by its BOM (Excel's "Unicode text"); UTF-8 when the head decodes as UTF-8 (ignoring a character
    cut at the end); else GB18030, what Excel on a Chinese Windows saves as CSV."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def _recode(data: bytes, encoding: str) -> bytes:
    try:
        return data.decode(encoding).encode("utf-8")
    except UnicodeDecodeError as error:
        raise TableError(
            "文件编码无法识别（应为 UTF-8 或 GB18030/GBK）",
            "the file's encoding is not recognised (expected UTF-8 or GB18030/GBK)",
        ) from error


def _first_records(text: str) -> tuple[str, list[list[str | None]]]:
    """The separator (comma, else tab or semicolon when those give the header row) and the first records."""
    first: list[list[str | None]] = []
    for separator in _SEPARATORS:
        records = _records(text, separator)
        if separator == _SEPARATORS[0]:
            first = records
        if any(is_header_row(record) for record in records[: HEADER_SEARCH_ROWS * 3]):
            return separator, records
    return _SEPARATORS[0], first


def _records(text: str, separator: str) -> list[list[str | None]]:
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    records: list[list[str | None]] = []
    try:
        for record in reader:
            records.append(list(record))
            if len(records) >= HEADER_SEARCH_ROWS * 3:
                break
    except csv.Error:
        pass
    return records


# --- Excel --------------------------------------------------------------------------------------------------


def _load_excel(path: Path, limits: FileLimits, index: int, *, checked: bool) -> RawTable:
    # calamine allocates for the farthest cell of a sheet, whatever it holds (issue 10): the workbook is checked
    # before it is opened (qingji.interchange.workbook_checks), and read through a name with the lower-case suffix
    # the checks went by, since calamine picks its reader by the suffix and guesses at any other.
    if not checked:
        check_workbook(path, limits)

    def load(reader: fastexcel.ExcelReader) -> pl.DataFrame:
        if not reader.sheet_names:
            raise TableError("工作簿中没有工作表", "the workbook has no sheet")
        # header_row=None and skip_rows=0 keep leading empty rows, so index i is sheet row i + 1; one row more
        # than the limit is read so that a sheet over it is refused, not cut.
        sheet = reader.load_sheet(
            index, header_row=None, skip_rows=0, dtypes="string", n_rows=limits.max_rows + 1
        )
        return sheet.to_polars()

    grid = _excel(path, load)
    if grid.height == 0:
        raise TableError("工作表为空", "the sheet is empty")
    limits.check_sheet(grid.height, grid.width)
    grid = grid.select(pl.all().cast(pl.String))
    first = grid.head(HEADER_SEARCH_ROWS * 3).rows()
    header_index = _header_index([list(r) for r in first])
    return _finish(grid, header_index, 1)


def _excel(path: Path, use: Callable[[fastexcel.ExcelReader], T]) -> T:
    """``use`` applied to the workbook ``path`` opened by calamine; TableError when it cannot be read."""
    try:
        with _lower_case_suffix(path) as readable:
            return use(fastexcel.read_excel(str(readable)))
    except TableError:
        raise
    except BaseException as error:
        # calamine's panics arrive as pyo3's PanicException, which is no Exception.
        if not isinstance(error, Exception) and type(error).__name__ != "PanicException":
            raise
        raise TableError(
            "Excel 文件无法读取（文件损坏或不是 Excel 格式）",
            f"the Excel file cannot be read (damaged or not an Excel file: {error})",
        ) from error


@contextmanager
def _lower_case_suffix(path: Path) -> Iterator[Path]:
    """``path``, or a link to it (a copy where links are not allowed) whose suffix is in lower case."""
    if path.suffix == path.suffix.lower():
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="qingji-") as folder:
        readable = Path(folder) / f"workbook{path.suffix.lower()}"
        try:
            os.symlink(path.resolve(), readable)
        except OSError:
            shutil.copyfile(path, readable)
        yield readable
