"""How large a file qingji reads (issue 10): a file over a limit is refused whole, with the limit and its setting.

Two sets, each from environment variables (a whole number of at least 1; docs/access.md lists them):

| setting | page | command line | what |
|---|---|---|---|
| ``…_MB`` | 50 | 2000 | the file's size, in MB |
| ``…_ROWS`` | 200,000 | 3,000,000 | a sheet's rows (a CSV file's lines of data, with its header) |
| ``…_CELLS`` | 3,000,000 | 60,000,000 | a sheet's cells: its rows times its columns, as far as its farthest cell |
| ``…_UNPACKED_MB`` | 200 | 3000 | an Excel workbook's parts once unpacked, in MB |

``QINGJI_UPLOAD_MAX_…`` are the upload pages' (the import page and a campaign's list), which keep the server
answering everyone while one file is read; ``QINGJI_CLI_MAX_…`` are the commands' (``qingji import``, ``ledger``,
``stats``, ``campaign``), which run alone on the server and read a whole court system's export (1.5 million cases
of 20 columns). Nothing here imports Django: the server's settings build :func:`upload_limits` once, the
commands call :func:`command_limits`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from qingji.interchange.table_error import TableError

MB = 1024 * 1024
UPLOAD_SETTINGS = "QINGJI_UPLOAD_MAX"
COMMAND_SETTINGS = "QINGJI_CLI_MAX"
# What one setting's name ends with, and its default on the page and on the command line (MB for sizes).
_DEFAULTS = {
    "MB": (50, 2000),
    "ROWS": (200_000, 3_000_000),
    "CELLS": (3_000_000, 60_000_000),
    "UNPACKED_MB": (200, 3000),
}
# Not settings: no legitimate export comes near them. Excel's own widest sheet has 16,384 columns; a worksheet's
# XML packs 5 to 20 times (200 for the same row over and over without references), so a part packed 500 times is
# made to unpack (a zip bomb: deflate packs at most about 1,000 times); no workbook needs more parts.
MAX_COLUMNS = 16_384
MAX_RATIO = 500
RATIO_FROM = MB  # parts smaller than this unpacked are not judged by their ratio
MAX_PARTS = 10_000
_ADVICE_ZH = "请拆分文件，或请管理员调高该设置"
_ADVICE_EN = "split the file, or ask the administrator to raise the setting"


@dataclass(frozen=True)
class FileLimits:
    """The limits one reading honours, and the prefix of the settings that set them (named in messages)."""

    max_bytes: int
    max_rows: int
    max_cells: int
    max_unpacked_bytes: int
    settings: str = COMMAND_SETTINGS

    def setting(self, name: str) -> str:
        """The environment variable of one limit: ``MB``, ``ROWS``, ``CELLS`` or ``UNPACKED_MB``."""
        return f"{self.settings}_{name}"

    def check_size(self, size: int) -> None:
        """Refuse a file of ``size`` bytes over :attr:`max_bytes`."""
        if size > self.max_bytes:
            raise over_limit(
                self, "MB", f"文件有 {_mb(size)} MB", f"the file is {_mb(size)} MB", _mb(self.max_bytes)
            )

    def check_sheet(self, rows: int, columns: int, *, declared: bool = False) -> None:
        """Refuse a sheet of ``rows`` rows reaching to column ``columns`` (or a sheet declaring so)."""
        said_zh, said_en = (
            ("工作表声明的范围", "the sheet declares") if declared else ("工作表", "the sheet has")
        )
        if rows > self.max_rows:
            raise over_limit(
                self, "ROWS", f"{said_zh}有 {rows:,} 行", f"{said_en} {rows:,} rows", f"{self.max_rows:,}"
            )
        cells = rows * columns
        if cells > self.max_cells or columns > MAX_COLUMNS:
            raise over_limit(
                self,
                "CELLS",
                f"{said_zh}有 {rows:,} 行 × {columns:,} 列 = {cells:,} 个单元格",
                f"{said_en} {rows:,} rows × {columns:,} columns = {cells:,} cells",
                f"{self.max_cells:,}",
            )

    def check_cells(self, cells: int, what_zh: str, what_en: str) -> None:
        """Refuse ``cells`` filled cells (or strings) over :attr:`max_cells`."""
        if cells > self.max_cells:
            raise over_limit(
                self, "CELLS", f"{what_zh}有 {cells:,} 个", f"{what_en}: {cells:,}", f"{self.max_cells:,}"
            )

    def check_unpacked(self, size: int) -> None:
        """Refuse a workbook whose parts unpack to ``size`` bytes over :attr:`max_unpacked_bytes`."""
        if size > self.max_unpacked_bytes:
            raise over_limit(
                self,
                "UNPACKED_MB",
                f"工作簿解压后有 {_mb(size)} MB",
                f"the workbook unpacks to {_mb(size)} MB",
                _mb(self.max_unpacked_bytes),
            )


def over_limit(limits: FileLimits, name: str, found_zh: str, found_en: str, limit: str) -> TableError:
    """The refusal of a file over one limit: what it has, the limit, and the setting that sets it."""
    unit_zh, unit_en = {"MB": ("MB", "MB"), "UNPACKED_MB": ("MB", "MB"), "ROWS": ("行", "rows")}.get(
        name, ("个单元格", "cells")
    )
    setting = limits.setting(name)
    return TableError(
        f"{found_zh}，超过上限 {limit} {unit_zh}（设置 {setting}），未读入：{_ADVICE_ZH}",
        f"{found_en}, over the limit of {limit} {unit_en} (setting {setting}); nothing was read: {_ADVICE_EN}",
    )


def upload_too_large(limits: FileLimits, name: str) -> TableError:
    """The refusal of an uploaded file that passed the size limit while it arrived (the rest was not kept)."""
    setting, limit = limits.setting("MB"), _mb(limits.max_bytes)
    return TableError(
        f"上传的文件 {name} 超过大小上限 {limit} MB（设置 {setting}），未读入：{_ADVICE_ZH}",
        f"the uploaded file {name} is over the size limit of {limit} MB (setting {setting}); nothing was read: "
        f"{_ADVICE_EN}",
    )


def _mb(size: int) -> str:
    return f"{size / MB:,.1f}".removesuffix(".0")


def upload_limits() -> FileLimits:
    """The upload pages' limits, from ``QINGJI_UPLOAD_MAX_…`` or the defaults."""
    return limits_from_environment(UPLOAD_SETTINGS, page=True)


def command_limits() -> FileLimits:
    """The commands' limits, from ``QINGJI_CLI_MAX_…`` or the defaults."""
    return limits_from_environment(COMMAND_SETTINGS, page=False)


def limits_from_environment(prefix: str, *, page: bool) -> FileLimits:
    """The limits set by ``<prefix>_MB``, ``_ROWS``, ``_CELLS`` and ``_UNPACKED_MB``; raises ValueError, naming
    the variable, for a value that is not a whole number of at least 1."""
    values = {
        name: _positive(f"{prefix}_{name}", defaults[0 if page else 1])
        for name, defaults in _DEFAULTS.items()
    }
    return FileLimits(
        max_bytes=values["MB"] * MB,
        max_rows=values["ROWS"],
        max_cells=values["CELLS"],
        max_unpacked_bytes=values["UNPACKED_MB"] * MB,
        settings=prefix,
    )


def _positive(name: str, default: int) -> int:
    text = os.environ.get(name, "").strip().replace("_", "").replace(",", "")
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise ValueError(
            f"{name}={text!r}：应为不小于 1 的整数 / {name}={text!r}: expected a whole number, 1 or more"
        )
    return int(text)
