"""Rows of a CSV file with more or fewer cells than its header (issue 9: no cell is ever cut off silently).

Polars reads a CSV file quickly but cuts the cells of a long row and fills a short one without telling. So the
file is read a second time as plain lines (Polars again, a fraction of the first read's time) and each record's
separators are counted: a line is a record unless an open quote carries it on from the line before (a quoted cell
may hold a line break, as Excel writes Alt+Enter); in a record holding quotes, quoted text is taken out first. When
the records found that way do not line up with the rows Polars read (a stray quote inside an unquoted cell, a NUL
in a line), Python's csv module counts them instead, slower but exact.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import polars as pl

_QUOTED = r'"[^"]*"'  # a quoted text, once its doubled quotes are gone
# Every byte but the C0 controls (other than tab, line feed, carriage return) and DEL. In UTF-8 these bytes are
# never part of another character, so a file holds such a character exactly when deleting these leaves something.
_NOT_CONTROL = bytes([9, 10, 13, *range(0x20, 0x7F), *range(0x80, 0x100)])


@dataclass(frozen=True)
class RaggedRow:
    """A record whose number of cells is not the header's: its cells found and its text as written."""

    cells: int
    text: str


def has_control_characters(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a control character other than tab, line feed and carriage return."""
    return bool(data.translate(None, _NOT_CONTROL))


def ragged_rows(
    source: Path | bytes, separator: str, *, header_index: int, data_rows: int, width: int
) -> dict[int, RaggedRow] | None:
    """The ragged data rows of a CSV file, by spreadsheet row number (record index + 1); None when the file's
    records cannot be lined up with the rows Polars read.

    ``header_index`` is the header's record index, ``data_rows`` the number of rows Polars read below it and
    ``width`` the header's number of cells. Blank records (empty lines, or separators only) are not data and
    never ragged.
    """
    records = header_index + 1 + data_rows
    found = _fast_records(source, separator, width)
    if found is None or found[0] != records:
        found = _exact_records(source, separator, width)
    if found[0] != records:
        return None
    ragged = found[1].filter(pl.col("index") > header_index)
    return {
        int(index) + 1: RaggedRow(int(cells), text)
        for index, text, cells in ragged.select("index", "text", "cells").iter_rows()
    }


def _fast_records(source: Path | bytes, separator: str, width: int) -> tuple[int, pl.DataFrame] | None:
    """The number of records and the ragged ones (index, text, cells); None when a line holds a NUL or the
    quotes do not pair up."""
    try:
        lines = pl.read_csv(
            source,
            has_header=False,
            separator="\x00",
            quote_char=None,
            new_columns=["text"],
            infer_schema=False,
            truncate_ragged_lines=False,
            raise_if_empty=False,
        ).get_column("text")
    except pl.exceptions.ComputeError:
        return None
    text = pl.col("text")
    # Both counts in one select: Polars runs them side by side.
    frame = pl.DataFrame({"text": lines.fill_null("")}).with_columns(
        text.str.count_matches('"', literal=True).alias("quotes"),
        (text.str.count_matches(separator, literal=True) + 1).alias("naive"),
    )
    quotes = frame.get_column("quotes")
    opened = quotes.cum_sum()
    if len(opened) and opened[-1] % 2:
        return None
    starts = (opened - quotes) % 2 == 0
    if not starts.all():  # a quoted cell holds a line break: join the lines of each record
        frame = (
            frame.with_columns(starts.cum_sum().alias("_record"))
            .group_by("_record", maintain_order=True)
            .agg(pl.col("text").str.join("\n"), pl.col("quotes").sum())
            .drop("_record")
            .with_columns((text.str.count_matches(separator, literal=True) + 1).alias("naive"))
        )
    candidates = frame.with_row_index("index").filter((pl.col("quotes") > 0) | (pl.col("naive") != width))
    # Doubled quotes first (an empty quoted cell, or a quote inside a quoted cell: neither holds a separator nor
    # changes which text is quoted), by plain replacement; the pattern then runs on the few records still quoted.
    undoubled = text.str.replace_all('""', "", literal=True)
    unquoted = (
        pl.when(undoubled.str.contains('"', literal=True))
        .then(undoubled.str.replace_all(_QUOTED, ""))
        .otherwise(undoubled)
    )
    cells = unquoted.str.count_matches(separator, literal=True) + 1
    ragged = candidates.with_columns(cells.cast(pl.Int64).alias("cells")).filter(pl.col("cells") != width)
    ragged = ragged.filter(~_blank(text, separator))
    return frame.height, ragged.select(pl.col("index").cast(pl.Int64), "text", "cells")


def _blank(text: pl.Expr, separator: str) -> pl.Expr:
    return text.str.replace_all(f'[\\s"{separator}]', "").str.len_bytes() == 0


def _exact_records(source: Path | bytes, separator: str, width: int) -> tuple[int, pl.DataFrame]:
    data = source.read_bytes() if isinstance(source, Path) else source
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    count = 0
    ragged: list[tuple[int, str, int]] = []
    try:
        for index, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=separator)):
            count = index + 1
            if len(record) != width and any(cell.strip() for cell in record):
                ragged.append((index, separator.join(record), len(record)))
    except csv.Error:
        pass  # counted so far: the caller sees the records do not line up
    schema = {"index": pl.Int64(), "text": pl.String(), "cells": pl.Int64()}
    return count, pl.DataFrame(ragged, schema=schema, orient="row")
