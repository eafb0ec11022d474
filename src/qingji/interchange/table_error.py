"""The refusal of a file as a whole, in Chinese and English (here apart so that every check can raise it)."""

from __future__ import annotations


class TableError(ValueError):
    """The file as a whole cannot be read (format, encoding, empty, over a limit)."""

    def __init__(self, reason_zh: str, reason_en: str) -> None:
        super().__init__(f"{reason_zh} / {reason_en}")
        self.reason_zh = reason_zh
        self.reason_en = reason_en


def damaged_workbook(why: str) -> TableError:
    """The refusal of a workbook that is damaged (or crafted) in a way the checks of issue 10 will not pass."""
    return TableError(
        "Excel 文件无法读取（文件损坏或不是 Excel 格式）",
        f"the Excel file cannot be read (damaged or not an Excel file: {why})",
    )
