"""Spreadsheet formula injection (CSV injection) in the CSV files qingji writes.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or a carriage return, which spreadsheets skip
before such a character) is read by Excel and WPS as a formula when the CSV file is opened: a party named
``=HYPERLINK(…)`` in a court's export would run in the office's spreadsheet. As OWASP's "CSV Injection" page
advises, such text cells are written with a single quote in front, which the spreadsheet shows and never runs.
Only text is changed: numbers (a negative number of days remaining) and dates are written as they are. The XLSX
exports write every text as text already (``strings_to_formulas`` off).
"""

from __future__ import annotations

from typing import Any

import polars as pl

FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
_PATTERN = r"^[=+\-@\t\r]"


def neutralised(value: Any) -> Any:
    """``value`` as a CSV cell may hold it: text that a spreadsheet would run gets a leading single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralised_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with :func:`neutralised` applied to every text column (numbers and dates as they are)."""
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(_PATTERN))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name, dtype in frame.schema.items()
        if dtype == pl.String
    )
