"""Formula injection in the CSV files qingji writes (OWASP "CSV Injection"): text a spreadsheet would run is
written behind a single quote; numbers, dates and other text as they are."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from qingji.interchange.csv_safety import FORMULA_STARTS, neutralised, neutralised_frame
from qingji.interchange.problems import Problem, write_problems


def test_each_formula_start_is_quoted_and_nothing_else() -> None:
    for start in FORMULA_STARTS:
        assert neutralised(f'{start}HYPERLINK("http://x")') == f'\'{start}HYPERLINK("http://x")'
    assert neutralised("张某=李某") == "张某=李某" and neutralised("") == ""
    assert neutralised(-5) == -5 and neutralised(None) is None


@given(st.lists(st.one_of(st.none(), st.text(max_size=6)), max_size=20))
def test_the_frame_form_equals_the_cell_form(texts: list[str | None]) -> None:
    frame = pl.DataFrame(
        {"text": texts, "number": list(range(-len(texts), 0))}, schema={"text": pl.String, "number": pl.Int64}
    )
    done = neutralised_frame(frame)
    assert done.get_column("text").to_list() == [neutralised(t) for t in texts]
    assert done.get_column("number").to_list() == frame.get_column("number").to_list()


def test_the_problems_csv_quotes_a_formula_value(tmp_path: Path) -> None:
    path = tmp_path / "问题.csv"
    problem = Problem(
        "cases.csv", 3, "当事人", "=cmd|' /C calc'!A0", "示例", "example", "（2024）甘1002民初1号"
    )
    write_problems([problem], path)
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert "'=cmd|' /C calc'!A0" in rows[1] and "=cmd|' /C calc'!A0" not in rows[1]
