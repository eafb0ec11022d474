"""The column reader of case numbers accepts exactly what parse_case_number accepts, with the same parts."""

from __future__ import annotations

import itertools

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from qingji.core.casenumber import CaseNumberError, normalise_case_number, parse_case_number
from qingji.interchange.case_numbers import (
    WHITESPACE,
    canonical_case_number,
    canonical_text,
    case_number_columns,
    rejection_reason,
)

YEARS = ["1949", "1950", "2014", "2015", "2016", "2023", "2100", "23"]
COURTS = ["甘10", "甘1002", "甘1021", "最高法", "京", "甘1", "甘123", "庆城", "庆阳", "XX", ""]
SPECIALS = ["", "知", "金"]
TYPES = ["民初", "执", "民辖终", "刑", "赔", "行赔初", "执恢"]
SERIALS = ["1", "0", "007", "833", "", "12a"]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def grid() -> list[str]:
    numbers = []
    for year, court, special, type_code, serial in itertools.product(YEARS, COURTS, SPECIALS, TYPES, SERIALS):
        numbers.append(f"（{year}）{court}{special}{type_code}{serial}号")
        if not special:
            numbers.append(f"（{year}）{court}{type_code}字第{serial}号")
    return numbers


def variants(number: str) -> list[str]:
    """The forms court documents give the same number in."""
    return [
        number,
        number.replace("（", "(").replace("）", ")"),
        number.replace("（", "〔").replace("）", "〕"),
        number.replace("（", "[").replace("）", "]"),
        number.replace("（", "【").replace("）", "】"),
        number.translate(FULL_WIDTH),
        " " + number.replace("）", "） ") + "\u3000",
        number.removesuffix("号"),
        number.replace("（", ""),
    ]


def expected(value: str) -> dict[str, object] | None:
    try:
        number = parse_case_number(value)
    except CaseNumberError:
        return None
    return {
        "case_number": normalise_case_number(value).replace("(", "（").replace(")", "）"),
        "court_code": number.court_code,
        "special_code": number.special_code,
        "type_code": number.type_code,
        "year": number.year,
        "serial": number.serial,
    }


def read(values: list[str]) -> list[dict[str, object] | None]:
    frame = pl.DataFrame({"text": values}, schema={"text": pl.String})
    parts = case_number_columns(frame, "text").drop("text")
    return [row if row["case_number"] is not None else None for row in parts.iter_rows(named=True)]


def test_grid_agrees_with_parse_case_number() -> None:
    values = [variant for number in grid() for variant in variants(number)]
    got = read(values)
    want = [expected(value) for value in values]
    disagreements = [(v, g, w) for v, g, w in zip(values, got, want, strict=True) if g != w]
    assert disagreements == []
    accepted = sum(1 for w in want if w is not None)
    assert accepted > 300
    assert len(values) - accepted > 300


def test_reasons_are_parse_case_number_reasons() -> None:
    assert rejection_reason("（2023）甘1002民初号") == (
        "缺少案件编号（“号”前的数字）",
        "the serial number before 号 is missing",
    )
    assert rejection_reason("（2023）甘1002民初0号") == (
        "案件编号应从1开始",
        "the serial number must be 1 or more",
    )
    assert rejection_reason("  ") == ("案号为空", "the case number is empty")
    reason_zh, _ = rejection_reason("（2023）甘1002民初字第5号")
    assert reason_zh == "2016年起的案号不再使用“字第”"


def test_canonical_form() -> None:
    frame = pl.DataFrame({"text": ["(２０２３) 甘10民初１２３号", "〔2014〕庆城民初字第833号", None]})
    got = frame.select(canonical_case_number(pl.col("text"))).to_series().to_list()
    assert got == ["（2023）甘10民初123号", "（2014）庆城民初字第833号", None]
    assert canonical_text("(２０２３) 甘10民初１２３号") == "（2023）甘10民初123号"


def test_old_form_court_code() -> None:
    frame = pl.DataFrame(
        {
            "text": [
                "（2014）庆城民初字第833号",
                "（2014）环县民初字第5号",
                "（2014）环县民初字第6号",
                "（2014）甘10民初字第7号",
            ],
            "court": ["", "环县人民法院", "", "庆阳市中级人民法院"],
        }
    )
    parts = case_number_columns(frame, "text", "court")
    # Known abbreviation; then the 法院 column; else no court (never one named after the abbreviation, issue 9);
    # a modern code as it is.
    assert parts.get_column("court_code").to_list() == ["甘1021", "甘1022", None, "甘10"]
    assert parts.get_column("court_unknown").to_list() == [False, False, True, False]
    assert not parts.get_column("court_conflict").any()
    # Without a 法院 column, the court code is the number's own, as parse_case_number gives it.
    alone = case_number_columns(frame.drop("court"), "text")
    assert alone.get_column("court_code").to_list() == ["甘1021", "环县", "环县", "甘10"]
    assert "court_unknown" not in alone.columns


def test_court_column_contradicting_the_number() -> None:
    frame = pl.DataFrame(
        {
            "text": [
                "（2023）甘1002民初1号",
                "（2014）庆城民初字第2号",
                "（2023）甘1002民初3号",
                "（2023）甘1002民初",
            ],
            "court": ["庆城县人民法院", "甘1021", "西峰法院", "庆城县人民法院"],
        }
    )
    parts = case_number_columns(frame, "text", "court")
    # The number's court stays; a 法院 cell qingji does not know (西峰法院) cannot contradict it; nor can a
    # number that is not accepted.
    assert parts.get_column("court_code").to_list() == ["甘1002", "甘1021", "甘1002", None]
    assert parts.get_column("court_conflict").to_list() == [True, False, False, False]


def test_whitespace_is_what_str_split_splits_on() -> None:
    everything = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    assert everything == WHITESPACE


def test_repeats_are_marked_after_the_first() -> None:
    frame = pl.DataFrame(
        {
            "text": [
                "（2023）甘10民初1号",
                "(2023)甘10民初1号",
                "bad",
                "bad",
                None,
                None,
                "（2023）甘10民初2号",
            ]
        }
    )
    parts = case_number_columns(frame, "text", mark_repeats=True)
    assert parts.get_column("repeated").to_list() == [False, True, False, False, False, False, False]


PIECES = st.sampled_from(
    ["（", "）", "(", ")", "〔", "】", "2023", "２０", "2014", "甘", "10", "02", "庆城", "民", "初", "终", "执",
     "知", "字第", "1", "0", "９", "号", " ", "\u3000", "\t", "x", "最高法"]
)  # fmt: skip


@st.composite
def numbers(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        year = draw(st.sampled_from(YEARS))
        court = draw(st.sampled_from(COURTS))
        middle = draw(st.sampled_from(["", "知", "字第"]))
        type_code = draw(st.sampled_from(TYPES))
        serial = draw(st.sampled_from([*SERIALS, "１２"]))
        return draw(st.sampled_from(variants(f"（{year}）{court}{type_code}{middle}{serial}号")))
    return "".join(draw(st.lists(PIECES, max_size=12)))


@settings(max_examples=60, deadline=None)
@given(st.lists(numbers(), min_size=1, max_size=40))
def test_generated_numbers_agree(values: list[str]) -> None:
    assert read(values) == [expected(value) for value in values]
