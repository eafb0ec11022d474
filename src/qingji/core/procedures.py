"""Procedures (适用程序): the flag that, with the type code, fixes a case's trial period.

Source: rules/trial-periods.md §6.3 ("The type code does not tell you the procedure by itself") and §10. Values
are read in Chinese or as code names (DESIGN.md §6).
"""

from __future__ import annotations

from enum import StrEnum


class Procedure(StrEnum):
    ORDINARY = "ordinary"  # 普通程序
    SIMPLE = "simple"  # 简易程序
    SMALL_CLAIMS = "small_claims"  # 小额诉讼程序
    FAST_TRACK = "fast_track"  # 速裁程序
    APPEAL_JUDGMENT = "appeal_judgment"  # 判决上诉 (民终, 行终)
    APPEAL_RULING = "appeal_ruling"  # 裁定上诉 (民终, 民辖终)
    FOREIGN_RELATED = "foreign_related"  # 涉外、涉港澳台: no statutory limit (CPL 287)
    MARITIME = "maritime"  # 海事 (ship collision, general average): 1 year
    PRIVATE_PROSECUTION = "private_prosecution"  # 自诉 (defendant not in custody)
    FIRST_INSTANCE_PROCEDURE = "first_instance_procedure"  # 再审 under first-instance procedure
    SECOND_INSTANCE_PROCEDURE = "second_instance_procedure"  # 再审 under second-instance procedure
    NON_LITIGATION = "non_litigation"  # 非诉执行 (3 months)

    @property
    def label_zh(self) -> str:
        return PROCEDURE_LABELS[self]

    @property
    def label_en(self) -> str:
        """In words, for the English explanation of a deadline (never the code)."""
        return PROCEDURE_LABELS_EN[self]


PROCEDURE_LABELS: dict[Procedure, str] = {
    Procedure.ORDINARY: "普通程序",
    Procedure.SIMPLE: "简易程序",
    Procedure.SMALL_CLAIMS: "小额诉讼程序",
    Procedure.FAST_TRACK: "速裁程序",
    Procedure.APPEAL_JUDGMENT: "判决上诉",
    Procedure.APPEAL_RULING: "裁定上诉",
    Procedure.FOREIGN_RELATED: "涉外",
    Procedure.MARITIME: "海事",
    Procedure.PRIVATE_PROSECUTION: "自诉",
    Procedure.FIRST_INSTANCE_PROCEDURE: "一审程序",
    Procedure.SECOND_INSTANCE_PROCEDURE: "二审程序",
    Procedure.NON_LITIGATION: "非诉执行",
}

PROCEDURE_LABELS_EN: dict[Procedure, str] = {
    Procedure.ORDINARY: "ordinary procedure",
    Procedure.SIMPLE: "simple procedure",
    Procedure.SMALL_CLAIMS: "small claims procedure",
    Procedure.FAST_TRACK: "fast-track procedure",
    Procedure.APPEAL_JUDGMENT: "appeal against a judgment",
    Procedure.APPEAL_RULING: "appeal against a ruling",
    Procedure.FOREIGN_RELATED: "foreign-related",
    Procedure.MARITIME: "maritime",
    Procedure.PRIVATE_PROSECUTION: "private prosecution",
    Procedure.FIRST_INSTANCE_PROCEDURE: "retrial under first-instance procedure",
    Procedure.SECOND_INSTANCE_PROCEDURE: "retrial under second-instance procedure",
    Procedure.NON_LITIGATION: "non-litigation enforcement",
}

# Every spelling read from a court's export, mapped to its procedure. Keys are compared after stripping spaces.
PROCEDURE_ALIASES: dict[str, Procedure] = {
    **{p.value: p for p in Procedure},
    **{label: p for p, label in PROCEDURE_LABELS.items()},
    "普通": Procedure.ORDINARY,
    "简易": Procedure.SIMPLE,
    "小额诉讼": Procedure.SMALL_CLAIMS,
    "小额": Procedure.SMALL_CLAIMS,
    "速裁": Procedure.FAST_TRACK,
    "对判决的上诉": Procedure.APPEAL_JUDGMENT,
    "对裁定的上诉": Procedure.APPEAL_RULING,
    "涉港澳台": Procedure.FOREIGN_RELATED,
    "涉外程序": Procedure.FOREIGN_RELATED,
    "海事程序": Procedure.MARITIME,
    "自诉程序": Procedure.PRIVATE_PROSECUTION,
    "第一审程序": Procedure.FIRST_INSTANCE_PROCEDURE,
    "第二审程序": Procedure.SECOND_INSTANCE_PROCEDURE,
    "非诉": Procedure.NON_LITIGATION,
}


def parse_procedure(value: str | None) -> Procedure | None:
    """The procedure named by ``value`` (Chinese or code name), or None when it is missing or unknown.

    Callers tell "missing" from "unknown" by the input: both fall back to the longest period and are flagged.
    """
    if value is None:
        return None
    key = "".join(value.split())
    if not key:
        return None
    return PROCEDURE_ALIASES.get(key) or PROCEDURE_ALIASES.get(key.lower())
