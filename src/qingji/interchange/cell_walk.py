"""Where calamine places each cell of a worksheet's XML, element by element (issue 10): for the parts that
:mod:`.sheet_xml`'s quick path cannot read (cells without a reference, prefixed names, unusual spacing).

calamine keeps a row and a column as it goes: ``<row r="5">`` sets the row, ``</row>`` (or a self-closing row)
moves to the next and back to the first column; a cell with a reference (``r="XFD1048576"``: letters then
digits, either case) is placed there, one without is placed at the row and column kept, and each cell moves the
column one on. Attributes are read as calamine reads them: a key up to ``=``, then a quoted value; every ``r`` of
an element counts, in case it has several.
"""

from __future__ import annotations

import re

from qingji.interchange.extent import Extent
from qingji.interchange.table_error import damaged_workbook

LONGEST_ELEMENT = (
    16 * 1024 * 1024
)  # no element of a legitimate part is as long; a longer one is refused as damaged
_TAG = re.compile(rb"<(/?)(?:[^\s/>:<]*:)?(row|c)(?=[\s/>])")
_TAG_REST = re.compile(rb"((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
# The same elements in one go, found faster: a row's end as ("/", "", ""), a start as ("", "row" or "c", attributes)
# (a cell's end is not needed); and how many starts there are, to tell when one did not match.
_ELEMENT = re.compile(
    rb"<(?:(/)(?:[^\s/>:<]*+:)?row\s*>|(?:[^\s/>:<]*+:)?(row|c)(?=[\s/>])((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>)"
)
_STARTS = re.compile(rb"<(?:/(?:[^\s/>:<]*+:)?row[\s/>]|(?:[^\s/>:<]*+:)?(?:row|c)[\s/>])")
_REFERENCE = re.compile(rb"([A-Za-z]*)([0-9]+)")


class CellWalk:
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
                if len(self.carry) > LONGEST_ELEMENT:
                    raise damaged_workbook("a cell reference or element is malformed")
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
                places = (
                    [reference_position(v) for v in attribute_values(attributes, b"r")]
                    if b"r" in attributes
                    else []
                )
                if places:
                    at_row, at_column = max(p[0] for p in places), max(p[1] for p in places)
                    if at_column < 0:
                        raise damaged_workbook("a cell reference or element is malformed")
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
                numbers = [reference_position(v)[0] for v in attribute_values(attributes, b"r")]
                row = max(numbers, default=row)
            if closing or attributes.endswith(b"/"):
                row, column = row + 1, 0
        self.row, self.column = row, column
        if cells >= 0:
            extent.add(farthest_row + 1, farthest_column + 1, cells + 1)


def attribute_values(attributes: bytes, key: bytes) -> list[bytes]:
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


def reference_position(reference: bytes) -> tuple[int, int]:
    """Row and column (from 0; column -1 when the reference has no letters) of a reference such as ``XFD1``."""
    match = _REFERENCE.fullmatch(reference)
    if match is None or int(match.group(2)) < 1:
        raise damaged_workbook("a cell reference or element is malformed")
    return int(match.group(2)) - 1, column_number(match.group(1)) - 1


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number
