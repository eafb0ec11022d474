"""Small workbooks made to crash or exhaust a reader (issue 10), built byte by byte: the issue's 1.6 KB .xlsx with
values in A1 and XFD1048576, a zip bomb, and the same tricks in .xlsb and .xls files."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_CONTENT_TYPES = (
    f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_PACKAGE}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_ROOT_RELATIONSHIPS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)


def _sheet_relationships(target: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" Target="{target}"/></Relationships>'
    )


def cell(reference: str, text: str) -> str:
    """A cell with an inline string, as ``<c r="A1" t="inlineStr">``."""
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def xlsx(
    path: Path, sheet_data: str, *, dimension: str | None = None, extra: dict[str, str] | None = None
) -> Path:
    """A minimal workbook whose one sheet holds ``sheet_data`` (the inside of ``<sheetData>``)."""
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" xmlns:x="{MAIN}">{declared}'
        f"<sheetData>{sheet_data}</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELATIONSHIPS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _sheet_relationships("worksheets/sheet1.xml"))
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
    return path


def issue_workbook(path: Path) -> Path:
    """The workbook of issue 10: its sheet declares and holds A1 and XFD1048576 (about 1.6 KB)."""
    data = f'<row r="1">{cell("A1", "案号")}</row><row r="1048576">{cell("XFD1048576", "x")}</row>'
    return xlsx(path, data, dimension="A1:XFD1048576")


def zip_bomb(path: Path, megabytes: int) -> Path:
    """A workbook whose sheet unpacks to ``megabytes`` MB of spaces between two rows (packed about 1000 times)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELATIONSHIPS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _sheet_relationships("worksheets/sheet1.xml"))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{cell("A1", "案号")}</row>'.encode()
            )
            block = b" " * (1024 * 1024)
            for _ in range(megabytes):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    return path


def _record(kind: int, data: bytes = b"") -> bytes:
    """One .xlsb record: its type and length in 7-bit groups, then its data."""
    head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    length, size = bytearray(), len(data)
    while True:
        length.append((size & 0x7F) | (0x80 if size >> 7 else 0))
        size >>= 7
        if not size:
            break
    return head + bytes(length) + data


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def xlsb(path: Path, cells: Sequence[tuple[int, int, float]]) -> Path:
    """A minimal binary workbook whose sheet holds numbers at (row, column), counted from 0."""
    book = (
        _record(0x83)
        + _record(0x8F)
        + _record(0x9C, struct.pack("<II", 0, 1) + _wide("rId1") + _wide("Sheet1"))
        + _record(0x90)
        + _record(0x84)
    )
    sheet = _record(0x81) + _record(0x94, bytes(16)) + _record(0x91)
    for row, column, value in cells:
        sheet += _record(0x00, struct.pack("<I", row) + bytes(13))
        sheet += _record(0x05, struct.pack("<IId", column, 0, value))
    sheet += _record(0x92) + _record(0x82)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/_rels/workbook.bin.rels", _sheet_relationships("worksheets/sheet1.bin"))
        archive.writestr("xl/workbook.bin", book)
        archive.writestr("xl/worksheets/sheet1.bin", sheet)
    return path


def _biff(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _workbook_stream(
    cells: Sequence[tuple[int, int, float]], dimensions: tuple[int, int, int, int] | None
) -> bytes:
    """A BIFF8 Workbook stream: globals with one BoundSheet, then the sheet with DIMENSIONS and Number records."""
    begin = _biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0))

    def bound(position: int) -> bytes:
        return _biff(0x0085, struct.pack("<IBB", position, 0, 0) + bytes([6, 0]) + b"Sheet1")

    sheet_at = len(begin) + len(bound(0)) + 4
    rows = max(row for row, _, _ in cells) + 1
    columns = max(column for _, column, _ in cells) + 1
    first_row, last_row, first_column, last_column = dimensions or (0, rows, 0, columns)
    sheet = _biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0))
    sheet += _biff(0x0200, struct.pack("<IIHHH", first_row, last_row, first_column, last_column, 0))
    for row, column, value in cells:
        sheet += _biff(0x0203, struct.pack("<HHHd", row, column, 0, value))
    stream = begin + bound(sheet_at) + _biff(0x000A) + sheet + _biff(0x000A)
    # 4096 bytes or more: kept in ordinary sectors, not the mini stream
    return stream + _biff(0x1234, bytes(max(0, 4096 - len(stream))))


def xls(
    path: Path,
    cells: Sequence[tuple[int, int, float]],
    *,
    dimensions: tuple[int, int, int, int] | None = None,
    looping: bool = False,
) -> Path:
    """A minimal .xls file (a compound file of 512-byte sectors: FAT, directory, Workbook stream) with numbers at
    (row, column), counted from 0; ``looping`` makes the directory's chain of sectors point back at itself."""
    size = 512
    stream = _workbook_stream(cells, dimensions)
    count = -(-len(stream) // size)
    directory_next = 1 if looping else 0xFFFFFFFE
    fat = [0xFFFFFFFD, directory_next, *range(3, 3 + count - 1), 0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (size // 4 - len(fat))

    def entry(name: str, kind: int, start: int, length: int, child: int = 0xFFFFFFFF) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        ids = struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, child)
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + ids
            + bytes(36)
            + struct.pack("<II", start, length)
            + bytes(4)
        )

    directory = (entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1) + entry("Workbook", 2, 2, len(stream))).ljust(
        size, b"\0"
    )
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    header += bytes(6) + struct.pack("<9I", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", 0xFFFFFFFF) * 108
    path.write_bytes(
        header + struct.pack(f"<{size // 4}I", *fat) + directory + stream.ljust(count * size, b"\0")
    )
    return path
