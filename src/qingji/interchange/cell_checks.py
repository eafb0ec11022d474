"""Checks every file gets, whatever its fields: the row's shape (a CSV row with more or fewer cells than its
header) and control characters in a cell (issue 9)."""

from __future__ import annotations

import re
from collections.abc import Mapping

import polars as pl

from qingji.interchange.controls import CONTROL_CHARACTERS, visible
from qingji.interchange.headers import HeaderMatch
from qingji.interchange.ragged import RaggedRow
from qingji.interchange.row_checks import Check, Reason, Row, flag_column, raw_column
from qingji.interchange.tables import ROW, RawTable

WHOLE_ROW = "whole_row"
WHOLE_ROW_ZH = "（整行）"
_CONTROL_RE = re.compile(CONTROL_CHARACTERS)


def cell_check_columns(
    work: pl.DataFrame, match: HeaderMatch, table: RawTable
) -> tuple[pl.DataFrame, list[Check]]:
    """``work`` with the flag columns of the shape and control character checks (on the cells of every column
    read), and the checks."""
    checks: list[Check] = []
    columns: list[pl.Expr] = []
    ragged = table.ragged
    if ragged:
        texts = {row: found.text for row, found in ragged.items()}
        width = len(table.headers)
        columns.append(pl.col(ROW).is_in(list(ragged)).alias(flag_column("ragged")))
        columns.append(
            pl.col(ROW)
            .replace_strict(texts, default=None, return_dtype=pl.String)
            .alias(raw_column(WHOLE_ROW))
        )
        checks.append(
            Check("ragged", WHOLE_ROW, _ragged_reason(ragged, width), column=WHOLE_ROW_ZH, alone=True)
        )
    for key in match.positions if table.may_hold_controls else ():
        columns.append(
            pl.col(raw_column(key)).str.contains(CONTROL_CHARACTERS).alias(flag_column(f"control_{key}"))
        )
        checks.append(Check(f"control_{key}", key, _control_reason(key)))
    return work.with_columns(columns), checks


def _ragged_reason(ragged: Mapping[int, RaggedRow], width: int) -> Reason:
    def reason(row: Row) -> tuple[str, str]:
        cells = ragged[int(row[ROW])].cells
        if cells > width:
            return (
                f"该行有 {cells} 格，表头有 {width} 列：多出的格多半是某格中未加引号的逗号（常见于当事人姓名之间）"
                "把一格分成了两格，整行未读入",
                f"the row has {cells} cells where the header has {width}: an unquoted comma inside a cell "
                "(typically between the parties' names) splits it in two; the row was not read",
            )
        return (
            f"该行只有 {cells} 格，表头有 {width} 列：可能漏了分隔符，或某格中的换行没有加引号，整行未读入",
            f"the row has only {cells} cells where the header has {width}: a separator is missing, or a line "
            "break inside a cell is not quoted; the row was not read",
        )

    return reason


def _control_reason(key: str) -> Reason:
    def reason(row: Row) -> tuple[str, str]:
        found = _CONTROL_RE.search(row[raw_column(key)] or "")
        character = found.group() if found else "\x00"
        code = f"U+{ord(character):04X}"
        return (
            f"含不可见的控制字符 {code}（此处显示为 {visible(character)}），不是录入的文字，多半是导出出错",
            f"contains the control character {code} (shown here as {visible(character)}), which is not typed "
            "text: usually a fault of the export",
        )

    return reason
