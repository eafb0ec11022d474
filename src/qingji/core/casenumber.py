"""Case numbers (案号): parsing and validation.

Source: rules/trial-periods.md §6.1. Format: （year）court code [special-trial code] type code serial 号, e.g.
（2023）甘10民初123号, in force from 2016-01-01 (法〔2015〕137号, amended by 法〔2018〕335号). Before 2016 courts wrote
（2014）庆城民初字第833号: a court abbreviation and "字第" before the serial. Full- and half-width brackets are both
read. The year in a case number is the acceptance year; deadlines are never computed from it (§6.1 note).

The same regular expression serves the one-case parser here and the columnar engine, so both accept exactly the
same numbers; :func:`parse_case_number` adds a precise reason when a number is rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qingji.core.courts import (
    COURT_CODE_PATTERN,
    court_for_old_abbreviation,
    is_valid_court_code,
)
from qingji.core.typecodes import TYPE_CODE_PATTERN, TYPE_CODES_BY_CODE

# Special-trial codes (专门审判代字), one character, added in 2018 (§6.1, §6.3): 知 intellectual property,
# 金 financial courts.
SPECIAL_TRIAL_CODES: dict[str, str] = {"知": "知识产权", "金": "金融"}

# Characters folded before matching: full-width digits and the bracket forms found in court documents.
NORMALISE_TABLE: dict[str, str] = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "（": "(",
    "）": ")",
    "〔": "(",
    "〕": ")",
    "[": "(",
    "]": ")",
    "【": "(",
    "】": ")",
}
_TRANSLATE = str.maketrans(NORMALISE_TABLE)

_MODERN_YEAR = r"(?:19[5-9]\d|20\d\d)"
_OLD_YEAR = r"(?:19[5-9]\d|200\d|201[0-5])"  # the "字第" form was replaced from 2016-01-01
_SPECIAL = "[" + "".join(SPECIAL_TRIAL_CODES) + "]"
_CJK = r"[\p{Han}]"

# Group names are distinct in the two branches because Polars' regex engine does not allow repeated names.
CASE_NUMBER_PATTERN = (
    r"^\((?:"
    rf"(?P<year>{_MODERN_YEAR})\)(?P<court>{COURT_CODE_PATTERN})(?P<special>{_SPECIAL})?"
    rf"(?P<type>{TYPE_CODE_PATTERN})(?P<serial>\d+)"
    "|"
    rf"(?P<old_year>{_OLD_YEAR})\)(?P<old_court>{COURT_CODE_PATTERN}|{_CJK}{{1,6}}?)"
    rf"(?P<old_type>{TYPE_CODE_PATTERN})字第(?P<old_serial>\d+)"
    r")号$"
)
_PYTHON_PATTERN = CASE_NUMBER_PATTERN.replace(r"[\p{Han}]", "[\u3400-\u9fff]")
_CASE_NUMBER_RE = re.compile(_PYTHON_PATTERN)


class CaseNumberError(ValueError):
    """A case number that cannot be read, with the reason in Chinese and English."""

    def __init__(self, value: str, reason_zh: str, reason_en: str) -> None:
        super().__init__(f"案号 {value!r} 无法识别：{reason_zh} / case number {value!r}: {reason_en}")
        self.value = value
        self.reason_zh = reason_zh
        self.reason_en = reason_en


@dataclass(frozen=True, slots=True)
class CaseNumber:
    year: int
    court_code: str
    type_code: str
    serial: int
    special_code: str | None = None
    # True for the pre-2016 form with 字第.
    old_form: bool = False
    # Pre-2016 form: the abbreviation as written (e.g. 庆城) when it is not a modern court code.
    old_abbreviation: str | None = None

    def __str__(self) -> str:
        special = self.special_code or ""
        if self.old_form:
            court = self.old_abbreviation or self.court_code
            return f"（{self.year}）{court}{special}{self.type_code}字第{self.serial}号"
        return f"（{self.year}）{self.court_code}{special}{self.type_code}{self.serial}号"


def normalise_case_number(value: str) -> str:
    """Fold full-width digits and brackets and drop white space, the form matched by CASE_NUMBER_PATTERN."""
    return "".join(value.translate(_TRANSLATE).split())


def parse_case_number(value: str) -> CaseNumber:
    """Parse a case number, raising :class:`CaseNumberError` with the reason when it is malformed."""
    text = normalise_case_number(value)
    match = _CASE_NUMBER_RE.match(text)
    if match is None:
        raise _diagnose(value, text)
    if match["year"]:
        return CaseNumber(
            year=int(match["year"]),
            court_code=match["court"],
            type_code=match["type"],
            serial=_serial(value, match["serial"]),
            special_code=match["special"],
        )
    court = match["old_court"]
    resolved = court_for_old_abbreviation(court)
    if is_valid_court_code(court):
        code, abbreviation = court, None
    else:
        code, abbreviation = (resolved.code if resolved else court), court
    return CaseNumber(
        year=int(match["old_year"]),
        court_code=code,
        type_code=match["old_type"],
        serial=_serial(value, match["old_serial"]),
        old_form=True,
        old_abbreviation=abbreviation,
    )


def _serial(value: str, digits: str) -> int:
    serial = int(digits)
    if serial < 1:
        raise CaseNumberError(value, "案件编号应从1开始", "the serial number must be 1 or more")
    return serial


def _diagnose(value: str, text: str) -> CaseNumberError:
    """Say what is wrong with a number that did not match."""
    if not text:
        return CaseNumberError(value, "案号为空", "the case number is empty")
    year = re.match(r"^\((\d+)\)", text)
    if year is None:
        return CaseNumberError(
            value,
            "开头应为括号中的年份，如（2023）",
            "it must start with the year in brackets, e.g. （2023）",
        )
    if not re.fullmatch(_MODERN_YEAR, year[1]):
        return CaseNumberError(value, f"年份 {year[1]} 不合理", f"the year {year[1]} is not plausible")
    if not text.endswith("号"):
        return CaseNumberError(value, "应以“号”结尾", "it must end with 号")
    body = text[year.end() : -1]
    serial = re.search(r"(字第)?(\d+)$", body)
    if serial is None:
        return CaseNumberError(
            value, "缺少案件编号（“号”前的数字）", "the serial number before 号 is missing"
        )
    head = body[: serial.start()]
    type_match = re.search(TYPE_CODE_PATTERN + "$", head)
    if type_match is None:
        return CaseNumberError(value, "类型代字无法识别", "the case type code is not a known one")
    court = head[: type_match.start()]
    if serial[1]:
        if int(year[1]) >= 2016:
            return CaseNumberError(
                value, "2016年起的案号不再使用“字第”", "numbers from 2016 on no longer use 字第"
            )
        return CaseNumberError(
            value, f"法院简称 {court!r} 无法识别", f"the court abbreviation {court!r} is not valid"
        )
    if court and court[-1] in SPECIAL_TRIAL_CODES and is_valid_court_code(court[:-1]):
        court = court[:-1]
    if not court:
        return CaseNumberError(value, "缺少法院代字", "the court code is missing")
    return CaseNumberError(
        value,
        f"法院代字 {court!r} 不符合编码规则（省级简称加2位或4位数字）",
        f"the court code {court!r} does not follow the coding rule (province character plus 2 or 4 digits)",
    )


def is_known_type_code(code: str) -> bool:
    return code in TYPE_CODES_BY_CODE
