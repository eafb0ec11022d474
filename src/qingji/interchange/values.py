"""Small column helpers shared by the readers: cleaned text, yes/no cells, and mapping distinct values."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import polars as pl

T = TypeVar("T")

# 羁押 and other yes/no cells, compared in lower case after trimming.
BOOLEAN_WORDS: dict[str, bool] = {
    "是": True,
    "否": False,
    "y": True,
    "n": False,
    "yes": True,
    "no": False,
    "true": True,
    "false": False,
    "1": True,
    "0": False,
}


def cleaned(expr: pl.Expr) -> pl.Expr:
    """Text with surrounding white space removed; empty text becomes null."""
    return expr.str.strip_chars().replace("", None)


def boolean(expr: pl.Expr) -> pl.Expr:
    """A yes/no cell (cleaned text) as Boolean; null when empty or not understood."""
    return expr.str.to_lowercase().replace_strict(BOOLEAN_WORDS, default=None, return_dtype=pl.Boolean)


def map_distinct(values: pl.Series, function: Callable[[str], T]) -> dict[str, T]:
    """``function`` applied once to each distinct non-null value: for vocabularies with few spellings."""
    return {value: function(value) for value in values.drop_nulls().unique().to_list()}
