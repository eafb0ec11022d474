"""Lengths (期间) over a column read as parse_length reads one."""

from __future__ import annotations

import polars as pl

from qingji.core.events import parse_length
from qingji.interchange.lengths import length_columns

TEXTS = [
    "6个月", "30日", "30天", "1个月15日", "半个月", "1年", "6m", "30d", "6M", "1Y6M", "1年6个月", "2月", "6mo",
    " 6 个 月 ", "６个月", "1个月半个月", "0个月", "0日", "", "六个月", "6 months", "6个月1年", "15日1个月", "-1日",
    "1.5个月", "1年半", "d", "m", "个月", "99999999999个月",
]  # fmt: skip


def expected(text: str) -> tuple[int | None, int | None]:
    try:
        period = parse_length(text)
    except ValueError:
        return (None, None)
    return (period.months, period.days)


def test_lengths_agree_with_parse_length() -> None:
    values = [t for t in TEXTS if t.strip()]
    frame = pl.DataFrame({"text": values})
    got = frame.select(length_columns(frame, "text", "months", "days"))
    pairs = list(zip(got.get_column("months").to_list(), got.get_column("days").to_list(), strict=True))
    want = [expected(text) for text in values]
    # parse_length reads any number of digits; a column holds 32-bit numbers, so an absurd length is an error.
    want[values.index("99999999999个月")] = (None, None)
    assert pairs == want
    assert got.schema == {"months": pl.Int32(), "days": pl.Int32()}
