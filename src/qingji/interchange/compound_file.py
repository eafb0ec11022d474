"""The Workbook stream of an old Excel file (.xls), read from its compound file the way calamine reads it, with
every chain checked to end (issue 10).

A compound file is a small file system of 512- or 4096-byte sectors: a table (the FAT, itself listed by the DIFAT)
says which sector follows which, a directory names the streams, and streams under 4096 bytes live in 64-byte mini
sectors of the root's stream. calamine follows these chains as the file says: one that loops is followed until
memory runs out. Here a loop, a chain leaving its table or a count no file of this size can hold is refused as
damage; a sector past the end of the file is what calamine stops at with an error (it then tries the stream's
other names, as here).
"""

from __future__ import annotations

import struct
from collections.abc import Callable

from qingji.interchange.table_error import damaged_workbook as damaged

SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
END_OF_CHAIN = 0xFFFFFFFE
POINTS_AT_SECTOR = 0xFFFFFFFA  # DIFAT chain ids below this are sectors
FAT_SECTOR_IDS = 0xFFFFFFFC  # DIFAT entries below this are sectors
MINI_SECTOR = 64
MINI_CUTOFF = 4096
# calamine reserves 4 bytes for each of (a misreading of) this header field; no real file comes near 2**28 (1 GB).
MAX_RESERVED_ENTRIES = 1 << 28
STREAM_NAMES = ("Workbook", "Book", "WORKBOOK", "BOOK")  # calamine's order


class _PastTheEnd(Exception):
    """A chain reaches a sector past the end of the file: calamine stops there with an error."""


def workbook_stream(data: bytes) -> bytes:
    """The Workbook stream of the compound file ``data``; raises TableError when calamine would run away on the
    file or cannot read it at all."""
    try:
        return _Compound(data).stream()
    except _PastTheEnd:
        raise damaged("a sector past the end of the file") from None
    except struct.error:
        raise damaged("truncated") from None


class _Compound:
    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(SIGNATURE):
            raise damaged("not a compound file")
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise damaged("sector size")
        self.data, self.size = data, 1 << shift
        fat_sectors, directory_start = struct.unpack_from("<II", data, 44)
        mini_fat_start, mini_fat_sectors, difat_start = struct.unpack_from("<III", data, 60)
        (reserved,) = struct.unpack_from("<I", data, 62)
        sectors = len(data) // self.size
        if fat_sectors > sectors or mini_fat_sectors > sectors or reserved > MAX_RESERVED_ENTRIES:
            raise damaged("header counts")
        self.fat = self._fat(difat_start)
        directory = self.chain(directory_start, None, self.fat, self.sector)
        self.entries = [self._entry(directory, at) for at in range(0, len(directory) - 127, 128)]
        if not self.entries:
            raise damaged("no directory")
        self.mini = b""
        self.mini_fat: list[int] = []
        if mini_fat_sectors:
            _, root_start, root_length = self.entries[0]
            self.mini = self.chain(root_start, root_length, self.fat, self.sector)
            self.mini_fat = _numbers(
                self.chain(mini_fat_start, mini_fat_sectors * self.size, self.fat, self.sector)
            )

    def stream(self) -> bytes:
        for name in STREAM_NAMES:
            entry = next((e for e in self.entries if e[0] == name), None)
            if entry is None:
                continue
            _, start, length = entry
            try:
                if length < MINI_CUTOFF:
                    return self.chain(start, length, self.mini_fat, self.mini_sector)
                return self.chain(start, length, self.fat, self.sector)
            except _PastTheEnd:
                continue
        raise damaged("no Workbook stream")

    def sector(self, number: int) -> bytes:
        # calamine reads sectors up to the file's length over their size, the last one short or empty
        if number > len(self.data) // self.size:
            raise _PastTheEnd
        return self.data[(number + 1) * self.size : (number + 2) * self.size]

    def mini_sector(self, number: int) -> bytes:
        # past the root's stream calamine would read whatever follows in the file: refused, it cannot be checked
        if (number + 1) * MINI_SECTOR > len(self.mini):
            raise damaged("a mini sector past the mini stream")
        return self.mini[number * MINI_SECTOR : (number + 1) * MINI_SECTOR]

    def chain(self, start: int, length: int | None, table: list[int], get: Callable[[int], bytes]) -> bytes:
        """Follow ``table`` from ``start`` to the end of the chain or ``length`` bytes; refuse a chain that loops
        (calamine would follow it until memory runs out) or leaves its table (calamine panics)."""
        pieces: list[bytes] = []
        total, visited, number = 0, set(), start
        while number != END_OF_CHAIN:
            if number in visited:
                raise damaged("a sector chain loops")
            visited.add(number)
            pieces.append(get(number))
            total += len(pieces[-1])
            if length is not None and total >= length:
                break
            if number >= len(table):
                raise damaged("a sector chain leaves its table")
            number = table[number]
        whole = b"".join(pieces)
        return whole if length is None else whole[:length]

    def _fat(self, difat_start: int) -> list[int]:
        """The FAT: the sectors the header's DIFAT lists, then those of the DIFAT chain (each sector's last entry
        is the next one), as calamine gathers them."""
        difat = _numbers(self.data[76:512])
        visited: set[int] = set()
        number = difat_start
        while number < POINTS_AT_SECTOR:
            if number in visited:
                raise damaged("the DIFAT chain loops")
            visited.add(number)
            block = _numbers(self.sector(number))
            if not block:
                raise _PastTheEnd
            difat.extend(block[:-1])
            number = block[-1]
        fat: list[int] = []
        for number in difat:
            if number < FAT_SECTOR_IDS:
                fat.extend(_numbers(self.sector(number)))
        return fat

    def _entry(self, directory: bytes, at: int) -> tuple[str, int, int]:
        """A directory entry's name (up to its first NUL), first sector and length."""
        name = directory[at : at + 64].decode("utf-16-le", errors="replace").split("\x00", 1)[0]
        (start,) = struct.unpack_from("<I", directory, at + 116)
        (length,) = struct.unpack_from("<I" if self.size == 512 else "<Q", directory, at + 120)
        return name, start, length


def _numbers(block: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(block) // 4}I", block[: len(block) // 4 * 4]))
