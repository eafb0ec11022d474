"""Dates in every form courts write them; the column reader and parse_date accept exactly the same texts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import polars as pl
import pytest

from qingji.interchange.dates import date_column, date_columns, date_reason, parse_date

GOOD = {
    "2023-03-15": date(2023, 3, 15),
    "2023/3/5": date(2023, 3, 5),
    "2023/03/05": date(2023, 3, 5),
    "2023-3-5": date(2023, 3, 5),
    "2023.3.5": date(2023, 3, 5),
    "2023.12.31": date(2023, 12, 31),
    "2023年3月5日": date(2023, 3, 5),
    "2023年03月15日": date(2023, 3, 15),
    "2023年3月5": date(2023, 3, 5),
    "2024-02-29": date(2024, 2, 29),
    "2023-03-15 00:00:00": date(2023, 3, 15),
    "2023-03-15 10:30": date(2023, 3, 15),
    "2023-03-15T10:30:00.123": date(2023, 3, 15),
    "1999-12-31": date(1999, 12, 31),
}
BAD = [
    "2023-02-30",
    "2023-02-29",
    "2023-13-01",
    "2023-00-10",
    "2023-04-31",
    "23-03-15",
    "+2023-03-15",
    "02023-03-15",
    "2023-3",
    "2023年3月",
    "15/03/2023",
    "2023/3-5",
    "2023-03-15日",
    "20230315",
    "0000-01-01",
    "1899-12-31",
    "2023-003-15",
    "2023-03-15 abc",
    "三月五日",
    "x",
]


def read(values: Sequence[str | None]) -> list[date | None]:
    frame = pl.DataFrame({"text": values}, schema={"text": pl.String})
    return frame.select(date_column(pl.col("text"), pl.String())).to_series().to_list()


def scalar(value: str) -> date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None


def test_good_dates() -> None:
    assert read(list(GOOD)) == list(GOOD.values())
    assert [parse_date(text) for text in GOOD] == list(GOOD.values())


def test_bad_dates_are_null_and_raise() -> None:
    assert read(list(BAD)) == [None] * len(BAD)
    for text in BAD:
        with pytest.raises(ValueError, match=r"无法识别|不存在"):
            parse_date(text)


def test_column_and_scalar_agree() -> None:
    texts = [*GOOD, *BAD] + [f"{y}{a}{m}{b}{d}{c}" for y in ("2023", "2024") for m in ("2", "02", "13")
                             for d in ("29", "30", "1") for a, b, c in (("-", "-", ""), ("/", "/", ""), ("年", "月", "日"), (".", ".", ""))]  # fmt: skip
    assert read(texts) == [scalar(text) for text in texts]


def test_empty_is_null() -> None:
    assert read([None]) == [None]


def test_date_and_datetime_cells() -> None:
    frame = pl.DataFrame(
        {"d": [date(2023, 3, 15), None], "dt": [datetime(2023, 3, 15, 10, 30), datetime(2024, 1, 1)]}
    )
    got = frame.select(
        date_column(pl.col("d"), pl.Date()).alias("d"),
        date_column(pl.col("dt"), pl.Datetime("us")).alias("dt"),
    )
    assert got.get_column("d").to_list() == [date(2023, 3, 15), None]
    assert got.get_column("dt").to_list() == [date(2023, 3, 15), date(2024, 1, 1)]
    assert parse_date(datetime(2023, 3, 15, 10, 30)) == date(2023, 3, 15)


def test_distinct_reader_agrees() -> None:
    texts = [*GOOD, *BAD, None] * 3
    frame = pl.DataFrame({"text": texts}, schema={"text": pl.String})
    got = frame.select(date_columns(frame, {"on": "text"})).to_series().to_list()
    assert got == read(texts)


def test_messages_are_bilingual() -> None:
    with pytest.raises(ValueError) as caught:
        parse_date("2023-02-30")
    assert "不存在" in str(caught.value) and "does not exist" in str(caught.value)
    assert date_reason("立案日期", "filing date", "15/03/2023") == (
        "立案日期无法识别（应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日）",
        "filing date not understood (expected YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)",
    )
    assert date_reason("立案日期", "filing date", "") == ("缺少立案日期", "the filing date is missing")
