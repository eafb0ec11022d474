"""Courts and court codes (法院代字).

Source: rules/trial-periods.md §6.1 (coding rule, 法〔2015〕137号 Art. 4–5) and §6.2 (Gansu and Qingyang table).
A court code is the High Court's one-character province code, followed by nothing (the High Court itself), two
digits (an intermediate court: digits 3–4 of the administrative-division code, 71–99 for special intermediate
courts) or four digits (a basic court: digits 3–6). The Supreme People's Court is "最高法".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum


class CourtLevel(IntEnum):
    """Level of a court in the hierarchy; a larger number is a higher court."""

    BASIC = 1  # 基层人民法院
    INTERMEDIATE = 2  # 中级人民法院
    HIGH = 3  # 高级人民法院
    SUPREME = 4  # 最高人民法院

    @property
    def label_zh(self) -> str:
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    CourtLevel.BASIC: "基层人民法院",
    CourtLevel.INTERMEDIATE: "中级人民法院",
    CourtLevel.HIGH: "高级人民法院",
    CourtLevel.SUPREME: "最高人民法院",
}


@dataclass(frozen=True, slots=True)
class Court:
    code: str
    name: str
    level: CourtLevel
    parent: str | None
    # Abbreviations used in case numbers before 2016 (e.g. 庆城 in （2014）庆城民初字第833号).
    old_abbreviations: tuple[str, ...] = ()


# Province codes used by High Courts in case numbers (§6.1: province abbreviations, with 内 for Inner Mongolia,
# 军 for the PLA Military Court and 兵 for the Xinjiang Production and Construction Corps branch).
PROVINCE_CODES: dict[str, str] = {
    "京": "北京", "津": "天津", "冀": "河北", "晋": "山西", "内": "内蒙古", "辽": "辽宁", "吉": "吉林",
    "黑": "黑龙江", "沪": "上海", "苏": "江苏", "浙": "浙江", "皖": "安徽", "闽": "福建", "赣": "江西",
    "鲁": "山东", "豫": "河南", "鄂": "湖北", "湘": "湖南", "粤": "广东", "桂": "广西", "琼": "海南",
    "渝": "重庆", "川": "四川", "黔": "贵州", "云": "云南", "藏": "西藏", "陕": "陕西", "甘": "甘肃",
    "青": "青海", "宁": "宁夏", "新": "新疆", "兵": "新疆生产建设兵团", "军": "军事法院",
}  # fmt: skip

SUPREME_COURT_CODE = "最高法"

# §6.2: Gansu High Court, Qingyang Intermediate Court and its eight basic courts. The numeric codes are derived
# from the administrative-division codes 6210xx (UNCONFIRMED by a real Qingyang case number).
QINGYANG_COURTS: tuple[Court, ...] = (
    Court("甘", "甘肃省高级人民法院", CourtLevel.HIGH, None),
    Court("甘10", "甘肃省庆阳市中级人民法院", CourtLevel.INTERMEDIATE, "甘"),
    Court("甘1002", "庆阳市西峰区人民法院", CourtLevel.BASIC, "甘10"),
    Court("甘1021", "庆城县人民法院", CourtLevel.BASIC, "甘10", ("庆城",)),
    Court("甘1022", "环县人民法院", CourtLevel.BASIC, "甘10"),
    Court("甘1023", "华池县人民法院", CourtLevel.BASIC, "甘10"),
    Court("甘1024", "合水县人民法院", CourtLevel.BASIC, "甘10"),
    Court("甘1025", "正宁县人民法院", CourtLevel.BASIC, "甘10"),
    Court("甘1026", "宁县人民法院", CourtLevel.BASIC, "甘10"),
    Court("甘1027", "镇原县人民法院", CourtLevel.BASIC, "甘10"),
)

COURTS_BY_CODE: dict[str, Court] = {court.code: court for court in QINGYANG_COURTS}

# Court code by the coding rule: province character, then 0, 2 or 4 digits; or the SPC.
COURT_CODE_PATTERN = "(?:最高法|[" + "".join(PROVINCE_CODES) + r"](?:\d{4}|\d{2})?)"
_COURT_CODE_RE = re.compile(f"^{COURT_CODE_PATTERN}$")


def is_valid_court_code(code: str) -> bool:
    """True when ``code`` follows the national coding rule (§6.1)."""
    return bool(_COURT_CODE_RE.match(code))


def court_level(code: str) -> CourtLevel:
    """Level implied by a court code under the coding rule. Raises ValueError for a malformed code."""
    if code == SUPREME_COURT_CODE:
        return CourtLevel.SUPREME
    if not is_valid_court_code(code):
        raise ValueError(f"法院代字不符合编码规则: {code!r} / court code does not follow the coding rule")
    digits = len(code) - 1
    return {0: CourtLevel.HIGH, 2: CourtLevel.INTERMEDIATE, 4: CourtLevel.BASIC}[digits]


def court_name(code: str) -> str | None:
    court = COURTS_BY_CODE.get(code)
    return court.name if court else None


def court_for_old_abbreviation(abbreviation: str) -> Court | None:
    """The court that used ``abbreviation`` in pre-2016 case numbers, if known."""
    for court in QINGYANG_COURTS:
        if abbreviation in court.old_abbreviations:
            return court
    return None


def court_by_name(name: str) -> Court | None:
    """A known court by its full name (as written in the 法院 column or an approver field)."""
    cleaned = name.strip().removeprefix("甘肃省")
    for court in QINGYANG_COURTS:
        if court.name.removeprefix("甘肃省") == cleaned:
            return court
    return None
