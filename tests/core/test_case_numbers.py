"""Case numbers (案号) and court codes (rules/trial-periods.md §6).

Format (§6.1): （year）court code [special-trial code] type code serial 号; before 2016 the court abbreviation and
"字第" before the serial. Court codes for Gansu/Qingyang from §6.2.
"""

from __future__ import annotations

import pytest

from qingji.core.casenumber import CaseNumber, CaseNumberError, normalise_case_number, parse_case_number
from qingji.core.courts import (
    COURTS_BY_CODE,
    CourtLevel,
    court_by_name,
    court_for_old_abbreviation,
    court_level,
    court_name,
    is_valid_court_code,
)
from qingji.core.typecodes import Family, type_code

# --- valid numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "court", "special", "code", "serial"),
    [
        ("（2023）甘1002民初123号", 2023, "甘1002", None, "民初", 123),
        ("(2023)甘1002民初123号", 2023, "甘1002", None, "民初", 123),  # half-width brackets
        ("（２０２３）甘１００２民初１２３号", 2023, "甘1002", None, "民初", 123),  # full-width digits
        ("（2023）甘10民初45号", 2023, "甘10", None, "民初", 45),
        ("（2024）甘10民终7号", 2024, "甘10", None, "民终", 7),
        ("（2023）甘民终1号", 2023, "甘", None, "民终", 1),  # High Court
        ("（2024）甘1021刑初88号", 2024, "甘1021", None, "刑初", 88),
        ("（2024）甘1027执1234号", 2024, "甘1027", None, "执", 1234),
        ("（2024）甘1027执异5号", 2024, "甘1027", None, "执异", 5),
        ("（2024）甘10行赔初3号", 2024, "甘10", None, "行赔初", 3),
        ("（2024）甘10民辖终3号", 2024, "甘10", None, "民辖终", 3),
        ("（2019）最高法知民终123号", 2019, "最高法", "知", "民终", 123),  # SPC, special-trial code 知
        ("（2021）最高法民申100号", 2021, "最高法", None, "民申", 100),
        ("（2020）甘01知民初5号", 2020, "甘01", "知", "民初", 5),
        ("〔2023〕甘1002民初123号", 2023, "甘1002", None, "民初", 123),
        (" （2023） 甘1002 民初 123 号 ", 2023, "甘1002", None, "民初", 123),
        ("（2023）内0102民初1号", 2023, "内0102", None, "民初", 1),
    ],
)
def test_valid_modern_numbers(
    text: str, year: int, court: str, special: str | None, code: str, serial: int
) -> None:
    number = parse_case_number(text)
    assert number == CaseNumber(year, court, code, serial, special)
    assert not number.old_form


def test_modern_number_prints_in_the_canonical_form() -> None:
    assert str(parse_case_number("(2023)甘１００２民初123号")) == "（2023）甘1002民初123号"
    assert str(parse_case_number("（2019）最高法知民终123号")) == "（2019）最高法知民终123号"


def test_pre_2016_number_resolves_the_court() -> None:
    number = parse_case_number("（2014）庆城民初字第833号")
    assert number.old_form
    assert number.year == 2014
    assert number.court_code == "甘1021"  # 庆城县人民法院 (§6.2)
    assert number.old_abbreviation == "庆城"
    assert number.type_code == "民初"
    assert number.serial == 833
    assert str(number) == "（2014）庆城民初字第833号"
    assert court_for_old_abbreviation("庆城") == COURTS_BY_CODE["甘1021"]


def test_pre_2016_number_with_a_modern_court_code() -> None:
    number = parse_case_number("(2015)甘10民终字第12号")
    assert number.old_form
    assert number.court_code == "甘10"
    assert number.old_abbreviation is None


def test_normalise() -> None:
    assert normalise_case_number("（２０２３）甘 1002民初１号") == "(2023)甘1002民初1号"


# --- malformed numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("甘1002民初123号", "must start with the year"),  # missing year
        ("（）甘1002民初123号", "must start with the year"),
        ("（1899）甘1002民初123号", "year 1899 is not plausible"),
        ("（2023）甘100民初123号", "court code '甘100'"),  # 3 digits
        ("（2023）甘10023民初123号", "court code '甘10023'"),
        ("（2023）庆阳民初123号", "court code '庆阳'"),
        ("（2023）民初123号", "court code is missing"),
        ("（2023）甘1002民x123号", "type code is not a known one"),  # unknown type code
        ("（2023）甘1002赔123号", "type code is not a known one"),  # a bare 赔 is not a current code (§6.3)
        ("（2023）甘1002民初号", "serial number before 号 is missing"),
        ("（2023）甘1002民初123", "must end with 号"),
        ("（2023）甘1002民初0号", "serial number must be 1 or more"),
        ("（2017）甘1002民初字第12号", "no longer use 字第"),
        ("（2016）庆城民初字第1号", "no longer use 字第"),
    ],
)
def test_malformed_numbers(text: str, reason: str) -> None:
    with pytest.raises(CaseNumberError) as raised:
        parse_case_number(text)
    assert reason in raised.value.reason_en
    assert raised.value.reason_zh  # a Chinese reason too
    assert raised.value.value == text


def test_error_is_a_value_error_in_both_languages() -> None:
    with pytest.raises(ValueError, match="无法识别"):
        parse_case_number("（2023）甘100民初123号")


# --- courts of §6.2 -------------------------------------------------------------------------------------

QINGYANG = [
    ("甘", "甘肃省高级人民法院", CourtLevel.HIGH, None),
    ("甘10", "甘肃省庆阳市中级人民法院", CourtLevel.INTERMEDIATE, "甘"),
    ("甘1002", "庆阳市西峰区人民法院", CourtLevel.BASIC, "甘10"),
    ("甘1021", "庆城县人民法院", CourtLevel.BASIC, "甘10"),
    ("甘1022", "环县人民法院", CourtLevel.BASIC, "甘10"),
    ("甘1023", "华池县人民法院", CourtLevel.BASIC, "甘10"),
    ("甘1024", "合水县人民法院", CourtLevel.BASIC, "甘10"),
    ("甘1025", "正宁县人民法院", CourtLevel.BASIC, "甘10"),
    ("甘1026", "宁县人民法院", CourtLevel.BASIC, "甘10"),
    ("甘1027", "镇原县人民法院", CourtLevel.BASIC, "甘10"),
]


@pytest.mark.parametrize(("code", "name", "level", "parent"), QINGYANG)
def test_every_court_of_the_table(code: str, name: str, level: CourtLevel, parent: str | None) -> None:
    court = COURTS_BY_CODE[code]
    assert court.name == name
    assert court.level is level
    assert court.parent == parent
    assert court_name(code) == name
    assert court_level(code) is level
    assert is_valid_court_code(code)
    assert court_by_name(name) == court
    number = parse_case_number(f"（2024）{code}民初9号")
    assert number.court_code == code


def test_the_table_has_exactly_the_qingyang_courts() -> None:
    assert set(COURTS_BY_CODE) == {code for code, *_ in QINGYANG}


def test_court_by_name_with_or_without_province() -> None:
    assert court_by_name("庆阳市中级人民法院") == COURTS_BY_CODE["甘10"]
    assert court_by_name(" 甘肃省庆阳市中级人民法院 ") == COURTS_BY_CODE["甘10"]
    assert court_by_name("兰州市中级人民法院") is None


def test_court_levels_by_the_coding_rule() -> None:
    assert court_level("最高法") is CourtLevel.SUPREME
    assert court_level("京") is CourtLevel.HIGH
    assert court_level("甘01") is CourtLevel.INTERMEDIATE
    assert court_level("甘0121") is CourtLevel.BASIC
    with pytest.raises(ValueError):
        court_level("甘100")
    assert not is_valid_court_code("庆城")
    assert not is_valid_court_code("X10")


def test_type_code_families() -> None:
    for code, family in [
        ("民初", Family.CIVIL),
        ("刑初", Family.CRIMINAL),
        ("行初", Family.ADMINISTRATIVE),
        ("执", Family.ENFORCEMENT),
        ("委赔", Family.COMPENSATION),
        ("破申", Family.BANKRUPTCY),
        ("财保", Family.PRESERVATION),
    ]:
        info = type_code(code)
        assert info is not None and info.family is family
    assert type_code("赔") is None
