"""Lengths (期间) over whole columns, read as :func:`qingji.core.events.parse_length` reads one: 6个月, 30日, 30天,
1个月15日, 半个月, 1年, 6m, 30d. White space is ignored, letters compared in lower case, full-width digits folded.
"""

from __future__ import annotations

import polars as pl

from qingji.interchange.case_numbers import WHITESPACE

LENGTH_PATTERN = (
    r"^(?:(?P<years>[0-9]+)(?:年|y))?(?:(?P<months>[0-9]+)(?:个月|月|mo|m))?"
    r"(?:(?P<half>半个月)|(?P<days>[0-9]+)(?:日|天|d))?$"
)
_FULL_WIDTH_DIGITS = [chr(0xFF10 + i) for i in range(10)]


def length_columns(frame: pl.DataFrame, source: str, months: str, days: str) -> list[pl.Expr]:
    """Expressions giving Int32 columns ``months`` and ``days`` from the text column ``source`` of ``frame``.

    Both are null where the text is empty or not understood (tell the two apart by the text). Each distinct
    text is read once.
    """
    distinct = frame.get_column(source).drop_nulls().unique()
    parsed = pl.DataFrame({"text": distinct}).select(_parse(pl.col("text")).alias("length")).unnest("length")
    return [
        pl.col(source).replace_strict(distinct, parsed.get_column("months"), default=None).alias(months),
        pl.col(source).replace_strict(distinct, parsed.get_column("days"), default=None).alias(days),
    ]


def _parse(text: pl.Expr) -> pl.Expr:
    folded = text.str.replace_many(
        [*_FULL_WIDTH_DIGITS, *WHITESPACE], [*(str(i) for i in range(10)), *("" for _ in WHITESPACE)]
    ).str.to_lowercase()
    groups = folded.str.extract_groups(LENGTH_PATTERN)
    number = {
        name: groups.struct.field(name).cast(pl.Int32, strict=False) for name in ("years", "months", "days")
    }
    matched = pl.any_horizontal(
        groups.struct.field(name).is_not_null() for name in ("years", "months", "half", "days")
    )
    total_months = number["years"].fill_null(0) * 12 + number["months"].fill_null(0)
    total_days = (
        pl.when(groups.struct.field("half").is_not_null()).then(15).otherwise(number["days"].fill_null(0))
    )
    # A number too large for Int32 is not understood rather than wrapped.
    overflow = pl.any_horizontal(
        groups.struct.field(name).is_not_null() & number[name].is_null()
        for name in ("years", "months", "days")
    )
    ok = matched & ~overflow
    return pl.struct(
        pl.when(ok).then(total_months).cast(pl.Int32).alias("months"),
        pl.when(ok).then(total_days).cast(pl.Int32).alias("days"),
    )
