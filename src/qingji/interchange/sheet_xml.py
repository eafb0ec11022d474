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
a quick path with numpy (about 0.4 s for a million cells, unpacking included). A part written otherwise (cells
without ``r``, prefixed names, unusual spacing) is read again as calamine reads it (:mod:`.cell_walk`, about
2.5 s for a million cells); a part in UTF-16 or UTF-32 (calamine decodes those) is read as UTF-8. Anything that
only looks like a cell (in a comment, say) is counted too: a file can be refused for it, never let through.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from typing import IO

import numpy as np
import numpy.typing as npt

from qingji.interchange.cell_walk import LONGEST_ELEMENT, CellWalk, attribute_values
from qingji.interchange.extent import Extent
from qingji.interchange.limits import FileLimits
from qingji.interchange.table_error import damaged_workbook

BLOCK = 8 * 1024 * 1024
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

Opener = Callable[[], IO[bytes]]


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
    slow = CellWalk()
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
        if len(tail) > LONGEST_ELEMENT:
            raise damaged_workbook("an element longer than 16 MB")
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
        for value in attribute_values(table.group(1), b"uniqueCount"):
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
