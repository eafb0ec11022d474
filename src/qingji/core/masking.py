"""Parties' names masked as the courts publish them (张三 → 张某某): in anything that leaves the court that owns the
case (issue 13: the ten-day bulletin read by every court of a campaign, the messages sent out of the app).

A natural person's name keeps its surname (a compound surname, 欧阳, whole) and the rest becomes 某某; an
organisation's name (a company, a bank, a committee …) is not a person's and stays as it is, as in the judgments
the courts publish; a name already masked stays as it is. Parties are listed as the interchange format gives them
(DESIGN.md §6: separated by ``;``, ``；``, ``、`` or ``,``); the separators are kept.
"""

from __future__ import annotations

import re

MASK = "某某"
# The compound surnames of the Hundred Family Surnames still in use: the surname a masked name keeps.
COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
    "令狐", "钟离", "闻人", "万俟", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "仲孙", "端木",
    "呼延", "南宫", "西门", "独孤", "百里", "东郭", "第五",
))  # fmt: skip
# Words that make a party an organisation (not a natural person), whose name is not masked: anywhere in the name,
# or, a single character (厂, 局 …), at the end of a name longer than a person's (DESIGN.md: names are 2–4 characters
# but for some minority and foreign names, which have no such word).
ORGANISATION_WORDS = (
    "公司", "银行", "集团", "企业", "工厂", "合作社", "委员会", "村委", "居委", "政府", "中心", "学校", "大学",
    "学院", "医院", "协会", "基金", "商行", "商店", "事务所", "有限", "中学", "小学", "幼儿园", "检察院", "法院",
    "办事处", "分行", "支行", "信用社", "管理局", "研究所", "个体工商户",
)  # fmt: skip
ORGANISATION_ENDINGS = ("厂", "局", "院", "所", "店", "部", "处", "站", "队", "社", "场", "行", "会")
PERSON_LONGEST = 4
SEPARATORS = re.compile(r"([;；、,，])")


def is_organisation(name: str) -> bool:
    return any(word in name for word in ORGANISATION_WORDS) or (
        len(name) > PERSON_LONGEST and name.endswith(ORGANISATION_ENDINGS)
    )


def mask_name(name: str) -> str:
    """One party's name masked: 张三 → 张某某, 欧阳娜娜 → 欧阳某某; an organisation's or an already masked name as
    it is; surrounding spaces kept."""
    core = name.strip()
    if not core or "某" in core or is_organisation(core):
        return name
    surname = core[:2] if core[:2] in COMPOUND_SURNAMES and len(core) > 2 else core[:1]
    return name.replace(core, surname + MASK, 1)


def mask_parties(parties: str) -> str:
    """A case's parties as the interchange format lists them, each natural person's name masked."""
    return "".join(
        part if SEPARATORS.fullmatch(part) else mask_name(part) for part in SEPARATORS.split(parties)
    )
