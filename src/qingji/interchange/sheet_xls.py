"""Checks of an old Excel workbook (.xls) before calamine opens it (issue 10).

An .xls file is a compound file holding a Workbook stream of BIFF records (:mod:`.compound_file` reads it).
calamine reads every sheet when it opens the file and trusts what the sheet says: its DIMENSIONS record reserves
room for the rows times columns it declares, and its cells fill the rectangle up to the farthest one. So each
sheet's declared size and farthest cell are held to the limits, read the way calamine reads them: each sheet from
where the workbook's BoundSheet record says it starts, records of embedded charts skipped.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

from qingji.interchange.compound_file import workbook_stream
from qingji.interchange.extent import Extent
from qingji.interchange.limits import FileLimits

# BIFF records that place one cell at (row, column): Number, Label, RString, BoolErr, RK, LabelSst, Formula.
_CELLS = frozenset({0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006})
_MULRK, _DIMENSIONS, _BOF, _EOF, _BOUNDSHEET = 0x00BD, 0x0200, 0x0809, 0x000A, 0x0085


def check_xls(path: Path, limits: FileLimits) -> None:
    """Refuse an .xls file that is damaged in a way that makes calamine run away, or whose sheets are over
    ``limits`` (declared or by their farthest cell)."""
    data = path.read_bytes()
    stream = workbook_stream(data)
    for start in _sheet_starts(stream):
        _sheet_extent(stream, start, limits).check(limits)


def _records(stream: bytes, position: int) -> Iterator[tuple[int, int, int]]:
    """Type, data offset and data length of each record from ``position`` to the stream's end (or to a record
    that overruns it, where calamine stops with an error)."""
    size = len(stream)
    while position + 4 <= size:
        kind, length = struct.unpack_from("<HH", stream, position)
        if position + 4 + length > size:
            return
        yield kind, position + 4, length
        position += 4 + length


def _sheet_starts(stream: bytes) -> list[int]:
    """Where each sheet's BOF record is, by the BoundSheet records of the workbook's globals."""
    starts = []
    for kind, at, length in _records(stream, 0):
        if kind == _BOUNDSHEET and length >= 4:
            starts.append(struct.unpack_from("<I", stream, at)[0])
        elif kind == _EOF:
            break
    return [start for start in starts if start < len(stream)]


def _sheet_extent(stream: bytes, start: int, limits: FileLimits) -> Extent:
    extent = Extent()
    depth, seen_bof = 0, False
    for kind, at, length in _records(stream, start):
        if depth:
            depth += 1 if kind == _BOF else -1 if kind == _EOF else 0
            continue
        if kind == _BOF:
            depth, seen_bof = (1, True) if seen_bof else (0, True)
        elif kind == _EOF:
            break
        elif kind == _DIMENSIONS and length in (10, 14):
            _declared(stream, at, length, limits)
        elif kind in _CELLS and length >= 4:
            row, column = struct.unpack_from("<HH", stream, at)
            extent.add(row + 1, column + 1, 1)
        elif kind == _MULRK and length >= 6:
            row, first = struct.unpack_from("<HH", stream, at)
            (last,) = struct.unpack_from("<H", stream, at + length - 2)
            extent.add(row + 1, max(last, first + (length - 6) // 6) + 1, max(1, last - first + 1))
        if extent.rows > limits.max_rows or extent.cells > limits.max_cells:
            extent.check(limits)
    return extent


def _declared(stream: bytes, at: int, length: int, limits: FileLimits) -> None:
    """A DIMENSIONS record: calamine reserves room for its rows times its columns (wrapping when the first row
    is past the last, which no real file does)."""
    first_row, last_row, first_column, last_column = struct.unpack_from(
        "<HHHH" if length == 10 else "<IIHH", stream, at
    )
    if first_column > 0xFF or last_column < first_column:
        first_column = 0
    if last_row < 1 or last_column < 1:
        return
    rows = last_row - first_row if first_row < last_row else 1 << 32
    limits.check_sheet(rows, last_column - first_column, declared=True)
