"""What an Excel workbook is checked for before it is opened (issue 10): nothing in it may crash or exhaust the
process that reads it.

- every workbook: its size (``FileLimits.max_bytes``);
- .xlsx, .xlsm and .xlsb (zip archives): how many parts, their size once unpacked (``max_unpacked_bytes``) and how
  far each is packed (a part packed over :data:`~.limits.MAX_RATIO` times is a zip bomb), all from the archive's
  directory without unpacking anything; then each sheet, unpacked a block at a time and never whole: its declared
  size, its farthest cell and its cells (:mod:`.sheet_xml`, :mod:`.sheet_xlsb`), and the shared strings;
- .xls: its compound file and sheets (:mod:`.sheet_xls`).

Which reader calamine uses depends on the suffix (as long as it is lower case: :func:`qingji.interchange.tables`
sees to that), and the checks follow the same suffix.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from functools import partial
from pathlib import Path

from qingji.interchange.limits import MAX_PARTS, MAX_RATIO, RATIO_FROM, FileLimits
from qingji.interchange.sheet_xls import check_xls
from qingji.interchange.sheet_xlsb import check_xlsb_part
from qingji.interchange.sheet_xml import check_xml_part
from qingji.interchange.table_error import TableError

_TARGET = re.compile(rb"""\bTarget\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_XLSB_RELATIONSHIPS = "xl/_rels/workbook.bin.rels"


def check_workbook(path: Path, limits: FileLimits) -> None:
    """Raise TableError, saying which limit and which setting, when ``path`` is over ``limits`` or damaged in a
    way that would make its reading run away."""
    limits.check_size(path.stat().st_size)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        check_xls(path, limits)
        return
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, limits, binary=suffix == ".xlsb")
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ) as error:
        raise TableError(
            "Excel 文件无法读取（文件损坏或不是 Excel 格式）",
            f"the Excel file cannot be read (damaged or not an Excel file: {error})",
        ) from error


def _check_archive(archive: zipfile.ZipFile, limits: FileLimits, *, binary: bool) -> None:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise TableError(
            f"工作簿由 {len(parts):,} 个部分组成，不是正常的 Excel 文件，未读入",
            f"the workbook is made of {len(parts):,} parts, which no Excel file is; nothing was read",
        )
    limits.check_unpacked(sum(part.file_size for part in parts))
    for part in parts:
        if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            ratio = part.file_size // max(part.compress_size, 1)
            raise TableError(
                f"工作簿中的 {part.filename} 被压缩了 {ratio:,} 倍，是“压缩炸弹”而不是正常的 Excel 文件，未读入",
                f"the workbook's part {part.filename} is packed {ratio:,} times over, a zip bomb rather than an "
                "Excel file; nothing was read",
            )
    if binary:
        for part in _xlsb_sheets(archive, parts):
            check_xlsb_part(partial(archive.open, part), limits)
    else:
        # Every part: calamine reads a sheet wherever the workbook's relationships point, whatever its name.
        for part in parts:
            check_xml_part(partial(archive.open, part), limits)


def _xlsb_sheets(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """The parts the workbook's relationships point to (``xl/`` + target, as calamine finds them), sheets among
    them; a binary part elsewhere (a printer's settings) is not a sheet and not read as one."""
    by_name = {part.filename.lower(): part for part in parts}
    relationships = by_name.get(_XLSB_RELATIONSHIPS)
    if relationships is None:
        return []
    with archive.open(relationships) as stream:
        text = stream.read()
    found = []
    for match in _TARGET.finditer(text):
        target = (match.group(1) or match.group(2) or b"").decode("utf-8", errors="replace")
        part = by_name.get(f"xl/{target}".lower()) or by_name.get(target.lstrip("/").lower())
        if part is not None and part not in found:
            found.append(part)
    return found
