"""The built-in profile ``数据中心``: the case tables a court's data centre (数据中心) and trial-management database
export, one per kind of case, with pinyin-initial headers (issue 11; docs/profiles.md lists them).

The layout's columns: AH 案号, FYDM 法院代码, LARQ 立案日期, JARQ 结案日期, JAFSMC 结案方式名称 (JAFS, its code, is not
read), LAAYMC 立案案由名称 or AY 案由, CBSPT 承办审判庭, CBRMC 承办人名称, 审限届满日期 SXJMRQ (trial tables) or
执行期限届满日期 ZXQXJMRQ (enforcement tables); 审限起始日期 SXQSRQ, 执行期限起始日期 ZXQXQSRQ, 法定执行期限 FDZXQX and
案件进展阶段 AJJZJDMC are known and not read. Three columns not every table has are read when there: SYCX 适用程序,
SFJY 是否羁押 (criminal tables) and DSR 当事人. FYDM is read as the 法院 column: a court's code (甘1002) or name.
"""

from __future__ import annotations

from qingji.core.procedures import PROCEDURE_ALIASES, PROCEDURE_LABELS
from qingji.core.typecodes import TYPE_CODES, Family
from qingji.interchange.header_profile import HeaderProfile, TableKind
from qingji.interchange.headers import header_key

DATA_CENTRE = "数据中心"

# 适用程序 as the data centre writes it (the Chinese names and their short forms), onto qingji's procedures.
_PROCEDURES: dict[str, str] = {
    alias: PROCEDURE_LABELS[procedure]
    for alias, procedure in PROCEDURE_ALIASES.items()
    if not alias.isascii()
}
_CUSTODY: dict[str, str] = {"是": "是", "否": "否", "1": "是", "0": "否"}

# One table per case type, named as the type code's name (民初 民事一审, 执 首次执行 …), and 执行 for a table of
# every enforcement type.
_KINDS: tuple[TableKind, ...] = (
    *(TableKind(code.name, (code.code,)) for code in TYPE_CODES),
    TableKind("执行", tuple(code.code for code in TYPE_CODES if code.family is Family.ENFORCEMENT)),
)

DATA_CENTRE_PROFILE = HeaderProfile(
    name=DATA_CENTRE,
    description="法院数据中心、审判管理系统按案件类型导出的案件表（表头为拼音首字母：AH 案号、LARQ 立案日期 …，"
    "每类案件一张表，如 民事一审、民事二审、刑事一审）",
    description_en="the case tables a court's data centre or trial-management database exports, one per kind "
    "of case (民事一审, 民事二审, 刑事一审 …), headed by pinyin initials (AH 案号, LARQ 立案日期 …)",
    cases={
        "case_number": ("AH",),
        "court": ("FYDM",),
        "procedure": ("SYCX",),
        "cause": ("LAAYMC", "AY"),
        "filed_on": ("LARQ",),
        "closed_on": ("JARQ",),
        "closure_method": ("JAFSMC",),
        "judge": ("CBRMC",),
        "division": ("CBSPT",),
        "in_custody": ("SFJY",),
        "parties": ("DSR",),
        "cms_expiry": ("SXJMRQ", "ZXQXJMRQ"),
    },
    values={header_key("SYCX"): _PROCEDURES, header_key("SFJY"): _CUSTODY},
    optional=frozenset({"procedure", "in_custody", "parties"}),
    unused=("JAFS", "SXQSRQ", "ZXQXQSRQ", "FDZXQX", "AJJZJDMC"),
    kinds=_KINDS,
)
