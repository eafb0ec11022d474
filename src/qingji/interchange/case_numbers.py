"""Case numbers (案号) over whole columns, accepting exactly what :func:`qingji.core.casenumber.parse_case_number`
accepts.

The canonical form folds full-width digits and every bracket form the way ``normalise_case_number`` does, drops
white space, and writes the year brackets full-width: （2023）甘10民初123号.

Speed: a million numbers share only a few thousand distinct heads (year, court, type code), so the number is cut
into its head and its serial with plain string operations, and ``CASE_NUMBER_PATTERN`` runs on the distinct heads
only (with the serial replaced by 1, which the pattern's ``\\d+`` accepts exactly as it accepts any serial).
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from qingji.core.casenumber import (
    CASE_NUMBER_PATTERN,
    NORMALISE_TABLE,
    CaseNumberError,
    parse_case_number,
)
from qingji.core.courts import (
    COURTS_BY_CODE,
    court_by_name,
    court_for_old_abbreviation,
    is_valid_court_code,
)
from qingji.interchange.values import map_distinct

OPEN, CLOSE = "（", "）"
_CANONICAL_BRACKET = {"(": OPEN, ")": CLOSE}

# Every character ``normalise_case_number`` folds, mapped straight to its canonical form.
FOLD_TABLE: dict[str, str] = {
    source: _CANONICAL_BRACKET.get(target, target)
    for source, target in {**NORMALISE_TABLE, "(": "(", ")": ")"}.items()
    if _CANONICAL_BRACKET.get(target, target) != source
}
_TRANSLATE = str.maketrans(dict[str, str | int | None](FOLD_TABLE))
# The characters ``str.split()`` splits on (none lies above U+3000).
WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())

_DIGITS = "0123456789"
_SERIAL_STANDIN = "1"

# Columns produced by :func:`case_number_columns`.
PARTS_SCHEMA: dict[str, pl.DataType] = {
    "case_number": pl.String(),
    "court_code": pl.String(),
    "special_code": pl.String(),
    "type_code": pl.String(),
    "year": pl.Int32(),
    "serial": pl.Int64(),
}


def canonical_case_number(expr: pl.Expr) -> pl.Expr:
    """Fold full-width digits and brackets to the canonical form and drop white space (null stays null)."""
    # One pass of literal replacements (white space to nothing) is twice as fast as a fold and a regex.
    return expr.str.replace_many(
        [*FOLD_TABLE, *WHITESPACE], [*FOLD_TABLE.values(), *("" for _ in WHITESPACE)]
    )


def canonical_text(value: str) -> str:
    """The canonical form of one number, as :func:`canonical_case_number` gives it."""
    return "".join(value.translate(_TRANSLATE).split())


def case_number_columns(
    frame: pl.DataFrame,
    text: str,
    court_names: str | None = None,
    *,
    alongside: Sequence[pl.Expr] = (),
    mark_repeats: bool = False,
) -> pl.DataFrame:
    """``frame`` with the columns of :data:`PARTS_SCHEMA` added, parsed from its column ``text`` (trimmed text).

    ``court_names`` names a column holding the 法院 text (a court's name or code). With it, a pre-2016 number
    whose abbreviation is not known takes its court from that column, and Boolean columns ``court_unknown`` (no
    court known either way: ``court_code`` null) and ``court_conflict`` (the column names a known court other than
    the number's) are added; without it such a number's ``court_code`` is the abbreviation, as
    ``parse_case_number`` gives it. A number that is not accepted gives nulls in every part column, ``case_number``
    included.
    ``alongside`` are other expressions over ``frame``, computed in the same pass (Polars runs them in parallel
    with the first step here). With ``mark_repeats``, Boolean column ``repeated`` is true on each row whose case
    number was already given on an earlier row.
    """
    court_name = pl.col(court_names).str.strip_chars() if court_names else pl.lit(None, pl.String)
    frame = frame.with_columns(
        canonical_case_number(pl.col(text)).alias("_canon"), court_name.alias("_court_name"), *alongside
    )
    body = pl.col("_canon").str.strip_suffix("号")
    head = body.str.strip_chars_end(_DIGITS)
    # Narrow frames from here on: joining and gathering a wide frame costs more than all the parsing.
    work = frame.lazy().select("_canon", "_court_name", head.alias("_head")).collect()
    work = work.with_columns(
        pl.col("_canon")
        .str.strip_suffix("号")
        .str.slice(pl.col("_head").str.len_chars())
        .alias("_serial_text")
    )
    heads = _parse_heads(work.get_column("_head").drop_nulls().unique())
    work = pl.concat(
        [work, work.select("_head").join(heads, on="_head", how="left", maintain_order="left").drop("_head")],
        how="horizontal",
    )
    by_name = map_distinct(work.get_column("_court_name"), _court_code_by_name)
    serial = pl.col("_serial_text").cast(pl.Int64, strict=False)
    accepted = (
        pl.col("_canon").str.ends_with("号")
        & (pl.col("_serial_text").str.len_bytes() > 0)
        & pl.col("_matched").fill_null(False)
        & (serial >= 1).fill_null(False)
    ).alias("_accepted")
    number_court = pl.coalesce(pl.col("_court"), pl.col("_old_code"))
    named_court = pl.col("_court_name").replace_strict(by_name, default=None, return_dtype=pl.String)
    if court_names:
        # A pre-2016 abbreviation qingji does not know takes the court of the 法院 column, never a court named
        # after the abbreviation; a 法院 column naming another court than the number's is flagged (issue 9).
        court_code = pl.coalesce(number_court, named_court)
        flags = {
            "court_unknown": number_court.is_null() & named_court.is_null(),
            "court_conflict": (number_court != named_court).fill_null(False),
        }
    else:
        court_code = pl.coalesce(number_court, pl.col("_old_court"))
        flags = {}
    parts = {
        "case_number": pl.col("_canon"),
        "court_code": court_code,
        "special_code": pl.col("_special"),
        "type_code": pl.col("_type"),
        "year": pl.col("_year"),
        "serial": serial,
    }
    work = work.with_columns(accepted)
    if work.get_column("_accepted").all():
        columns = [expr.alias(name) for name, expr in parts.items()]
    else:
        columns = [pl.when(pl.col("_accepted")).then(expr).alias(name) for name, expr in parts.items()]
    result = work.select(
        *columns, *((pl.col("_accepted") & flag).alias(name) for name, flag in flags.items())
    )
    if mark_repeats:
        result = result.with_columns(repeats(result.get_column("case_number")).alias("repeated"))
    return pl.concat([frame.drop("_canon", "_court_name"), result], how="horizontal")


def repeats(values: pl.Series) -> pl.Series:
    """True on each non-null value already seen on an earlier row.

    Exact, but hashed first: a file without repeats (the usual case) costs one hash and one count.
    """
    present = values.is_not_null()
    hashes = values.hash()
    result = pl.repeat(False, len(values), eager=True, dtype=pl.Boolean)
    if hashes.filter(present).n_unique() == present.sum():
        return result
    candidates = (hashes.is_duplicated() & present).arg_true()
    again = ~values.gather(candidates).is_first_distinct()
    return result.scatter(candidates, again)


def _parse_heads(heads: pl.Series) -> pl.DataFrame:
    """Match each distinct head, with a stand-in serial, against ``CASE_NUMBER_PATTERN``."""
    frame = pl.DataFrame({"_head": heads})
    half_width = pl.col("_head").str.replace_many([OPEN, CLOSE], ["(", ")"]) + _SERIAL_STANDIN + "号"
    groups = frame.with_columns(half_width.str.extract_groups(CASE_NUMBER_PATTERN).alias("_g")).unnest("_g")
    groups = groups.with_columns(
        pl.coalesce("year", "old_year").is_not_null().alias("_matched"),
        pl.coalesce("year", "old_year").cast(pl.Int32).alias("_year"),
        pl.coalesce("type", "old_type").alias("_type"),
        pl.col("court").alias("_court"),
        pl.col("special").alias("_special"),
        pl.col("old_court").alias("_old_court"),
    )
    old_codes = map_distinct(groups.get_column("_old_court"), _court_code_by_old_abbreviation)
    groups = groups.with_columns(
        pl.col("_old_court")
        .replace_strict(old_codes, default=None, return_dtype=pl.String)
        .alias("_old_code")
    )
    return groups.select(
        "_head", "_matched", "_year", "_type", "_court", "_special", "_old_court", "_old_code"
    )


def _court_code_by_old_abbreviation(abbreviation: str) -> str | None:
    if is_valid_court_code(abbreviation):
        return abbreviation
    court = court_for_old_abbreviation(abbreviation)
    return court.code if court else None


def _court_code_by_name(name: str) -> str | None:
    """The code of the known court a 法院 cell names, by its name or its code."""
    court = court_by_name(name) or COURTS_BY_CODE.get(name.strip())
    return court.code if court else None


def rejection_reason(value: str) -> tuple[str, str]:
    """Why a number was not accepted, in Chinese and English (from ``parse_case_number``)."""
    if not value.strip():
        return ("案号为空", "the case number is empty")
    try:
        parse_case_number(value)
    except CaseNumberError as error:
        return (error.reason_zh, error.reason_en)
    # Accepted one by one but not by the column reader: a serial too long for a 64-bit integer.
    return ("案件编号过长", "the serial number is too long")
