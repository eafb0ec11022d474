"""What the checks of a sheet find (issue 10): how far its cells reach and how many there are."""

from __future__ import annotations

from dataclasses import dataclass

from qingji.interchange.limits import FileLimits


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
