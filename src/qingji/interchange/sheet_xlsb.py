"""How far the cells of a binary workbook's (.xlsb) sheet reach, found before the workbook is opened (issue 10).

An .xlsb sheet is a stream of records, each a type and a length (both of 7-bit groups) then its data. calamine
places a cell record (types 2 to 11) at the row of the last row record (type 0) and the column its data starts
with, and fills the rectangle up to the farthest one, as for .xlsx (:mod:`.sheet_xml`); the sheet's declared
size (type 0x94) is checked first. Every record is read as calamine reads them, one after the other.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import IO

from qingji.interchange.extent import Extent
from qingji.interchange.limits import FileLimits
from qingji.interchange.sheet_xml import BLOCK, Opener

_ROW = 0x0000
_CELLS = frozenset(range(0x0002, 0x000C))
_HEAD = 16  # the bytes of a record's data that matter here


def check_xlsb_part(open_part: Opener, limits: FileLimits) -> Extent:
    """The extent of one sheet; raises TableError as soon as it is over ``limits``."""
    extent = Extent()
    row = 0
    with open_part() as stream:
        for kind, head in _records(stream):
            if kind == _ROW and len(head) >= 4:
                (row,) = struct.unpack_from("<I", head)
            elif kind in _CELLS and len(head) >= 4:
                (column,) = struct.unpack_from("<I", head)
                extent.add(row + 1, column + 1, 1)
                if extent.rows > limits.max_rows or extent.rows * extent.columns > limits.max_cells:
                    extent.check(limits)
    extent.check(limits)
    return extent


def _records(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """Each record's type and the first bytes of its data; the rest of the data is skipped unread."""
    reader = _Reader(stream)
    while (first := reader.byte()) is not None:
        kind = first
        if first & 0x80:
            kind = (first & 0x7F) + (((reader.byte() or 0) & 0x7F) << 7)
        length = 0
        for place in range(4):
            byte = reader.byte()
            if byte is None:
                return
            length += (byte & 0x7F) << (7 * place)
            if not byte & 0x80:
                break
        head = reader.take(min(length, _HEAD))
        if len(head) < min(length, _HEAD):
            return
        reader.skip(length - len(head))
        yield kind, head


class _Reader:
    """A stream read a block at a time."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.data = b""
        self.at = 0

    def _fill(self, count: int) -> None:
        while len(self.data) - self.at < count:
            block = self.stream.read(BLOCK)
            if not block:
                return
            self.data = self.data[self.at :] + block
            self.at = 0

    def byte(self) -> int | None:
        self._fill(1)
        if self.at >= len(self.data):
            return None
        self.at += 1
        return self.data[self.at - 1]

    def take(self, count: int) -> bytes:
        self._fill(count)
        piece = self.data[self.at : self.at + count]
        self.at += len(piece)
        return piece

    def skip(self, count: int) -> None:
        here = min(count, len(self.data) - self.at)
        self.at += here
        count -= here
        while count > 0 and (block := self.stream.read(min(count, BLOCK))):
            count -= len(block)
