"""Case type codes (类型代字) and the family of trial period each belongs to.

Source: rules/trial-periods.md §6.3 (2015 case-number standard and later additions). The type code gives the
family of the period; the procedure (适用程序) decides the number (§6.3, "Mapping rule for the software").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Family(StrEnum):
    CIVIL = "civil"  # 民事
    CRIMINAL = "criminal"  # 刑事
    ADMINISTRATIVE = "administrative"  # 行政
    COMPENSATION = "compensation"  # 国家赔偿
    ENFORCEMENT = "enforcement"  # 执行
    BANKRUPTCY = "bankruptcy"  # 破产与清算
    PRESERVATION = "preservation"  # 非诉保全
    OTHER = "other"  # 司法制裁、司法救助、司法协助等

    @property
    def label_zh(self) -> str:
        return _FAMILY_LABELS[self]


_FAMILY_LABELS = {
    Family.CIVIL: "民事",
    Family.CRIMINAL: "刑事",
    Family.ADMINISTRATIVE: "行政",
    Family.COMPENSATION: "国家赔偿",
    Family.ENFORCEMENT: "执行",
    Family.BANKRUPTCY: "破产",
    Family.PRESERVATION: "保全",
    Family.OTHER: "其他",
}


@dataclass(frozen=True, slots=True)
class TypeCode:
    code: str
    name: str
    family: Family


def _codes(family: Family, pairs: str) -> tuple[TypeCode, ...]:
    result = []
    for item in pairs.split():
        code, name = item.split(":")
        result.append(TypeCode(code, name, family))
    return tuple(result)


TYPE_CODES: tuple[TypeCode, ...] = (
    *_codes(
        Family.CRIMINAL,
        "刑初:刑事一审 刑终:刑事二审 刑监:刑事审判监督 刑申:刑事申诉审查 刑抗:刑事抗诉审查 刑再:刑事再审 "
        "刑没:违法所得没收 刑核:刑事复核 刑医:强制医疗 刑更:减刑假释 刑辖:刑事管辖 刑他:刑事其他 刑教:刑事教育",
    ),
    *_codes(
        Family.CIVIL,
        "民初:民事一审 民终:民事二审 民监:民事审判监督 民申:民事申请再审审查 民抗:民事抗诉审查 民再:民事再审 "
        "民撤:第三人撤销之诉 民特:特别程序 民催:公示催告 民督:督促程序 民辖:民事管辖 民辖终:民事管辖上诉 "
        "民辖监:民事管辖监督 民他:民事其他 民保令:人身安全保护令",
    ),
    *_codes(
        Family.ADMINISTRATIVE,
        "行初:行政一审 行终:行政二审 行监:行政审判监督 行申:行政申请再审审查 行抗:行政抗诉审查 行再:行政再审 "
        "行审:非诉行政执行审查 行审复:非诉行政执行审查复议 行辖:行政管辖 行他:行政其他",
    ),
    *_codes(
        Family.COMPENSATION,
        "行赔初:行政赔偿一审 行赔终:行政赔偿二审 行赔申:行政赔偿申请再审审查 行赔再:行政赔偿再审 "
        "法赔:法院作为赔偿义务机关 委赔:赔偿委员会审理 委赔监:赔偿委员会申诉审查 委赔提:赔偿委员会提审 "
        "委赔再:赔偿委员会重新审理 赔确监:确认申诉审查 赔他:国家赔偿其他",
    ),
    *_codes(Family.PRESERVATION, "财保:诉前财产保全 行保:行为保全 行保复:行为保全复议 证保:证据保全"),
    *_codes(
        Family.ENFORCEMENT,
        "执:首次执行 执恢:恢复执行 执保:财产保全执行 执异:执行异议 执复:执行复议 执监:执行监督 "
        "执协:执行协调 执他:执行其他",
    ),
    *_codes(
        Family.BANKRUPTCY,
        "破申:破产申请审查 破终:破产上诉 破监:破产监督 破:破产 清申:强制清算申请审查 清终:强制清算上诉 "
        "清监:强制清算监督 强清:强制清算",
    ),
    *_codes(
        Family.OTHER,
        "司惩:司法制裁审查 司惩复:司法制裁复议 司救刑:刑事司法救助 司救民:民事司法救助 司救行:行政司法救助 "
        "司救赔:国家赔偿司法救助 司救执:执行司法救助 司救访:涉诉信访司法救助 司救他:其他司法救助 "
        "认港:认可香港判决 认澳:认可澳门判决 认台:认可台湾判决 协外认:外国判决承认",
    ),
)

TYPE_CODES_BY_CODE: dict[str, TypeCode] = {t.code: t for t in TYPE_CODES}

# Alternation of every type code, longest first, for the case-number pattern (shared by the one-case parser and
# the columnar engine, so both read a number the same way).
TYPE_CODE_PATTERN = "(?:" + "|".join(sorted(TYPE_CODES_BY_CODE, key=lambda c: (-len(c), c))) + ")"


def type_code(code: str) -> TypeCode | None:
    return TYPE_CODES_BY_CODE.get(code)
