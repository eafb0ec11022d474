"""How far the cells of a workbook's XML part reach, found before the workbook is opened (issue 10).

calamine, which reads Excel files for qingji, gathers a sheet's cells and then allocates one slot for every cell
of the rectangle from the first to the farthest: a 1.6 KB workbook with values in A1 and XFD1048576 asks for
17 billion slots (512 GB) and the process dies. The sheet's declared ``<dimension>`` does not matter to it (it may
be absent or lie), so every ``<c>`` element of a part is looked at, as calamine places it:

- at its ``r`` reference (``XFD1048576``: column letters then row digits, either case; every ``r`` of the
  element counts, in case it has several);
- without one, after the previous cell of its row, on the row of the last ``<row r="…">`` (or the row after
  the previous ``</row>``);
- self-closing cells hold no value and take no slot, but move the position as the others do.

Most workbooks (Excel, WPS, xlsxwriter, openpyxl) write every cell as ``<c r="A1" …``: their parts are read by
a quick path with numpy, about 0.1 s for a million cells. A part written otherwise (cells without ``r``,
prefixed names, unusual spacing) is read again, element by element, as calamine reads it. Anything that only
looks like a cell (in a comment, say) is counted too: a file can be refused for it, never let through.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

import numpy as np
import numpy.typing as npt

from qingji.interchange.limits import FileLimits
from qingji.interchange.table_error import TableError

BLOCK = 8 * 1024 * 1024
LONGEST_TAG = (
    16 * 1024 * 1024
)  # no element of a legitimate part is as long; a longer one is refused as damaged
_PAD = bytes(32)
_WINDOW = np.arange(12)  # a reference's letters, digits and closing quote: at most 3 + 7 + 1 bytes
_SPACES = (b" ", b"\t", b"\n", b"\r")
_ENDS = (*_SPACES, b"/", b">")
_PREFIXED = re.compile(rb":(?:c|row|si|sst)[\s/>]")
_END = np.zeros(256, dtype=bool)
_END[list(b" \t\n\r/>")] = True
_SPACE = np.zeros(256, dtype=bool)
_SPACE[list(b" \t\n\r")] = True
_SST = re.compile(rb"<(?:[^\s/>:<]*:)?sst(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_TAG = re.compile(rb"<(/?)(?:[^\s/>:<]*:)?(row|c)(?=[\s/>])")
_TAG_REST = re.compile(rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
# The same elements in one go, found faster: a row's end as ("/", "", ""), a start as ("", "row" or "c", attributes)
# (a cell's end is not needed); and how many starts there are, to tell when one did not match.
_ELEMENT = re.compile(
    rb"<(?:(/)(?:[^\s/>:<]*+:)?row\s*>|(?:[^\s/>:<]*+:)?(row|c)(?=[\s/>])((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>)"
)
_STARTS = re.compile(rb"<(?:/(?:[^\s/>:<]*+:)?row[\s/>]|(?:[^\s/>:<]*+:)?(?:row|c)[\s/>])")
_REFERENCE = re.compile(rb"([A-Za-z]*)([0-9]+)")

Opener = Callable[[], IO[bytes]]


@dataclass
class Extent:
    """The farthest row and column (counted from 1) of the cells with a value, and how many there are."""

    rows: int = 0
    columns: int = 0
    cells: int = 0
    strings: int = 0  # shared strings (``<si>`` elements) the part holds

    def add(self, rows: int, columns: int, cells: int) -> None:
        self.rows, self.columns, self.cells = (
            max(self.rows, rows),
            max(self.columns, columns),
            self.cells + cells,
        )

    def check(self, limits: FileLimits) -> None:
        limits.check_sheet(self.rows, self.columns)
        limits.check_cells(self.cells, "工作表中有值的单元格", "cells with a value in one sheet")
        limits.check_cells(self.strings, "工作簿的共享字符串", "the workbook's shared strings")


class _Unusual(Exception):
    """The part is not written as the quick path expects: read it again element by element."""


def check_xml_part(open_part: Opener, limits: FileLimits) -> Extent:
    """The extent of the part that ``open_part`` opens; raises TableError as soon as it is over ``limits``."""
    try:
        return _scan(open_part, limits, quick=True)
    except _Unusual:
        return _scan(open_part, limits, quick=False)


def _scan(open_part: Opener, limits: FileLimits, *, quick: bool) -> Extent:
    extent = Extent()
    slow = _Slow()
    with open_part() as part:
        start = part.read(4)
        encoding = _wide_encoding(start)
        stream: _Joined | _Recoded = (
            _Joined(start, part) if encoding is None else _Recoded(_Joined(start, part), encoding)
        )
        for chunk in _chunks(stream):
            if quick:
                rows, columns, cells, strings, tables = _quick(chunk)
                extent.add(rows, columns, cells)
            else:
                slow.feed(chunk, extent)
                strings = sum(chunk.count(head + end) for head in (b"<si", b":si") for end in _ENDS)
                tables = b"sst" in chunk
            extent.strings += strings
            if tables:
                _check_declared_strings(chunk, limits)
            extent.check(limits)
    return extent


class _Joined:
    """The bytes already read from a stream, then the rest of it."""

    def __init__(self, start: bytes, stream: IO[bytes]) -> None:
        self.start = start
        self.stream = stream

    def read(self, size: int) -> bytes:
        if self.start:
            block, self.start = self.start + self.stream.read(max(0, size - len(self.start))), b""
            return block
        return self.stream.read(size)


def _chunks(stream: _Joined | _Recoded) -> Iterator[bytes]:
    """The part in pieces that each end just before a ``<`` (so that no element name is cut)."""
    tail = b""
    while block := stream.read(BLOCK):
        data = tail + block
        cut = data.rfind(b"<")
        if cut <= 0:
            cut = len(data) if cut < 0 else 0
        data, tail = data[:cut], data[cut:]
        if len(tail) > LONGEST_TAG:
            raise _damaged()
        if data:
            yield data
    if tail:
        yield tail


def _wide_encoding(start: bytes) -> str | None:
    """The encoding of a part written in UTF-16 or UTF-32 (by its byte-order mark or its first ``<``), which
    calamine decodes and a byte scan would miss; None for UTF-8 and its like."""
    for marks, encoding in (
        ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"<\x00\x00\x00", b"\x00\x00\x00<"), "utf-32"),
        ((b"\xff\xfe", b"\xfe\xff"), "utf-16"),
        ((b"<\x00",), "utf-16-le"),
        ((b"\x00<",), "utf-16-be"),
    ):
        if start.startswith(marks):
            if encoding == "utf-32" and not start.startswith((b"\xff\xfe", b"\x00\x00\xfe\xff")):
                return "utf-32-le" if start.startswith(b"<") else "utf-32-be"
            return encoding
    return None


class _Recoded:
    """A part in UTF-16 or UTF-32 read as UTF-8 (customXml parts, for one, are often written so)."""

    def __init__(self, stream: _Joined, encoding: str) -> None:
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder(encoding)(errors="replace")

    def read(self, size: int) -> bytes:
        block = self.stream.read(size)
        return self.decoder.decode(block, final=not block).encode("utf-8") if block else b""


def _check_declared_strings(chunk: bytes, limits: FileLimits) -> None:
    """calamine reserves room for the ``uniqueCount`` shared strings a workbook declares, before reading them."""
    for table in _SST.finditer(chunk):
        for value in _values(table.group(1), b"uniqueCount"):
            if value.isdigit():
                limits.check_cells(
                    int(value), "工作簿声明的共享字符串", "the shared strings the workbook declares"
                )


def _quick(chunk: bytes) -> tuple[int, int, int, int, bool]:
    """The farthest row and column of the cells with a value in ``chunk``, how many there are, how many shared
    strings, and whether a table of them starts, when every cell is written ``<c r="A1" …`` and every ``r``
    attribute is a cell's or a row's first; raises _Unusual otherwise (the part is then read element by
    element)."""
    size = len(chunk)
    data = np.frombuffer(chunk + _PAD, dtype=np.uint8)
    opens = np.flatnonzero(data[:size] == ord("<"))
    first = data[opens + 1]
    opens = opens[(first == ord("c")) | (first == ord("r")) | (first == ord("s"))]  # of <c, <row, <si, <sst
    after = [data[opens + offset] for offset in range(1, 7)]
    cell = (after[0] == ord("c")) & _END[after[1]]
    written = cell & _follows(after[1:5], b' r="')
    rows_written = (after[0] == ord("r")) & _follows(after[1:6], b"ow r=")
    equals = np.flatnonzero(data[:size] == ord("="))
    before, value = data[equals - 1], data[equals + 1]
    r_attributes = int(((before == ord("r")) & _SPACE[data[equals - 2]]).sum())
    if (
        int(cell.sum()) != int(written.sum())
        or _SPACE[before].any()
        or (value == ord("'")).any()
        or r_attributes != int(written.sum()) + int(rows_written.sum())
        or _PREFIXED.search(chunk)
    ):
        raise _Unusual
    strings = int(((after[0] == ord("s")) & (after[1] == ord("i")) & _END[after[2]]).sum())
    tables = bool(
        ((after[0] == ord("s")) & (after[1] == ord("s")) & (after[2] == ord("t")) & _END[after[3]]).any()
    )
    starts = opens[written] + 6
    if not len(starts):
        return 0, 0, 0, strings, tables
    rows, columns = _references(data[starts[:, None] + _WINDOW])
    closes = np.flatnonzero(data[:size] == ord(">"))
    ends = np.searchsorted(closes, starts)
    if len(closes) == 0 or ends.max() >= len(closes):
        raise _Unusual
    valued = data[closes[ends] - 1] != ord("/")
    if not valued.any():
        return 0, 0, 0, strings, tables
    return int(rows[valued].max()), int(columns[valued].max()), int(valued.sum()), strings, tables


def _follows(after: list[npt.NDArray[np.uint8]], text: bytes) -> npt.NDArray[np.bool_]:
    """Where the bytes ``after`` a position (one array per offset) spell ``text``."""
    found: npt.NDArray[np.bool_] = np.equal(after[0], text[0])
    for bytes_after, byte in zip(after[1:], text[1:], strict=True):
        found &= bytes_after == byte
    return found


def _references(window: npt.NDArray[np.uint8]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Rows and columns (from 1) of references written at the start of each line of ``window``, then ``"``;
    raises _Unusual when one is not 1 to 3 letters and 1 to 7 digits."""
    lower = window | 0x20
    letter = (lower >= ord("a")) & (lower <= ord("z"))
    digit = (window >= ord("0")) & (window <= ord("9"))
    letters = np.argmax(~letter, axis=1)  # where the letters end (0 when none, or when all are letters)
    end = np.argmax(~(letter | digit), axis=1)  # where the reference ends
    closed = window[np.arange(len(window)), end] == ord('"')
    digits = end - letters
    if not ((letters >= 1) & (letters <= 3) & (digits >= 1) & (digits <= 7) & closed).all():
        raise _Unusual
    for place in range(2, 11):  # no letter after the digits began: "A1B2" is not a reference
        if (letter[:, place] & (place > letters) & (place < end)).any():
            raise _Unusual
    columns = np.zeros(len(window), dtype=np.int64)
    rows = np.zeros(len(window), dtype=np.int64)
    for place in range(3):
        columns = np.where(place < letters, columns * 26 + (lower[:, place] - 96), columns)
    for place in range(1, 11):
        inside = (place >= letters) & (place < end)
        rows = np.where(inside, rows * 10 + (window[:, place].astype(np.int64) - 48), rows)
    return rows, columns


class _Slow:
    """calamine's walk through a part: the position of each cell, with or without its reference."""

    def __init__(self) -> None:
        self.row = 0  # calamine's row_index and col_index, counted from 0
        self.column = 0
        self.carry = b""

    def feed(self, chunk: bytes, extent: Extent) -> None:
        data = self.carry + chunk
        self.carry = b""
        elements = [
            (closing, name or b"row", attributes) for closing, name, attributes in _ELEMENT.findall(data)
        ]
        if len(elements) != len(_STARTS.findall(data)):
            # an element runs on into the next chunk, or one sits in another's quoted value: one at a time
            elements = self._one_by_one(data)
        self._walk(elements, extent)

    def _one_by_one(self, data: bytes) -> list[tuple[bytes, bytes, bytes]]:
        elements = []
        position = 0
        while tag := _TAG.search(data, position):
            rest = _TAG_REST.match(data, tag.end())
            if rest is None:  # the element goes on in the next chunk (a quoted value holding "<")
                self.carry = data[tag.start() :]
                if len(self.carry) > LONGEST_TAG:
                    raise _damaged()
                break
            position = rest.end()
            if tag.group(1) and tag.group(2) == b"c":
                continue  # a cell's end
            elements.append((tag.group(1), tag.group(2), rest.group(1)))
        return elements

    def _walk(self, elements: list[tuple[bytes, bytes, bytes]], extent: Extent) -> None:
        """Place each cell: ``elements`` are (``/`` or nothing, ``row`` or ``c``, the attributes)."""
        row, column = self.row, self.column
        farthest_row = farthest_column = cells = -1
        for closing, name, attributes in elements:
            if name == b"c":
                places = [_position(v) for v in _values(attributes, b"r")] if b"r" in attributes else []
                if places:
                    at_row, at_column = max(p[0] for p in places), max(p[1] for p in places)
                    if at_column < 0:
                        raise _damaged()
                    column = at_column
                else:
                    at_row, at_column = row, column
                column += 1
                if not attributes.endswith(b"/"):  # a cell without a value takes no room
                    cells += 1
                    farthest_row = max(farthest_row, at_row)
                    farthest_column = max(farthest_column, at_column)
                continue
            if not closing and b"r" in attributes:
                numbers = [_position(v)[0] for v in _values(attributes, b"r")]
                row = max(numbers, default=row)
            if closing or attributes.endswith(b"/"):
                row, column = row + 1, 0
        self.row, self.column = row, column
        if cells >= 0:
            extent.add(farthest_row + 1, farthest_column + 1, cells + 1)


def _values(attributes: bytes, key: bytes) -> list[bytes]:
    """The values of every attribute named ``key`` (as calamine reads attributes: key up to ``=``, quoted value)."""
    found = []
    position, size = 0, len(attributes)
    while position < size:
        equals = attributes.find(b"=", position)
        if equals < 0:
            break
        name = attributes[position:equals].strip()
        start = equals + 1
        while start < size and attributes[start : start + 1].isspace():
            start += 1
        quote = attributes[start : start + 1]
        if quote not in (b'"', b"'"):
            break
        end = attributes.find(quote, start + 1)
        end = size if end < 0 else end
        if name == key:
            found.append(attributes[start + 1 : end])
        position = end + 1
    return found


def _position(reference: bytes) -> tuple[int, int]:
    """Row and column (from 0; column -1 when the reference has no letters) of a reference such as ``XFD1``."""
    match = _REFERENCE.fullmatch(reference)
    if match is None or int(match.group(2)) < 1:
        raise _damaged()
    return int(match.group(2)) - 1, _column(match.group(1)) - 1


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _damaged() -> TableError:
    return TableError(
        "Excel 文件无法读取（文件损坏或不是 Excel 格式）",
        "the Excel file cannot be read (damaged or not an Excel file: a cell reference or element is malformed)",
    )
