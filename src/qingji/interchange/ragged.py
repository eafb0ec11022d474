"""Rows of a CSV file with more or fewer cells than its header (issue 9: no cell is ever cut off silently).

Polars reads a CSV file quickly but cuts the cells of a long row and fills a short one without telling. So the
file is scanned a second time as plain lines (Polars again, in parallel, keeping only two integers a line) and each
line's separators are counted, quoted text taken out first. When a line's quotes do not pair up (a quoted cell
holding a line break, as Excel writes Alt+Enter, or a stray quote), when a line holds a NUL, or when the lines do
not line up with the rows Polars read, Python's csv module counts the records instead, slower but exact.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import polars as pl

_QUOTED = r'"[^"]*"'  # a quoted text, once its doubled quotes are gone


@dataclass(frozen=True)
class RaggedRow:
    """A record whose number of cells is not the header's: its cells found and its text as written."""

    cells: int
    text: str


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
    """The number of records and the ragged ones (index, text, cells); None when a line holds a NUL, the quotes do
    not pair up or a quoted cell holds a line break (the exact count handles those)."""
    lines = pl.scan_csv(
        source,
        has_header=False,
        separator="\x00",
        quote_char=None,
        new_columns=["text"],
        infer_schema=False,
        truncate_ragged_lines=False,
        raise_if_empty=False,
    )
    text = pl.col("text").fill_null("")
    quotes = text.str.count_matches('"', literal=True)
    naive = text.str.count_matches(separator, literal=True) + 1
    try:
        # The scan runs in parallel over the file's chunks and keeps two integers a line, and the text of the lines
        # that need a closer look: those holding quotes or not of the header's width.
        counts = lines.select(
            quotes.alias("quotes"),
            naive.cast(pl.Int64).alias("cells"),
            pl.when((quotes > 0) | (naive != width)).then(text).alias("text"),
        ).collect()
    except pl.exceptions.ComputeError:
        return None
    if (counts.get_column("quotes") % 2 == 1).any():
        return None  # an odd number of quotes on a line: a quoted line break, or a stray quote
    # Doubled quotes first (an empty quoted cell, or a quote inside a quoted cell: neither holds a separator nor
    # changes which text is quoted), by plain replacement; then quoted text, before counting the separators.
    unquoted = pl.col("text").str.replace_all('""', "", literal=True).str.replace_all(_QUOTED, "")
    ragged = (
        counts.with_row_index("index")
        .filter(pl.col("text").is_not_null())
        .with_columns(
            pl.when(pl.col("quotes") > 0)
            .then(unquoted.str.count_matches(separator, literal=True) + 1)
            .otherwise(pl.col("cells"))
            .cast(pl.Int64)
            .alias("cells")
        )
        .filter(pl.col("cells") != width)
    )
    ragged = ragged.filter(~_blank(pl.col("text"), separator))
    return counts.height, ragged.select(pl.col("index").cast(pl.Int64), "text", "cells")


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
