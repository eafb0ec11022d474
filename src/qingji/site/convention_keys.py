"""The [conventions] table of the site settings file: each key is a field of
:class:`qingji.core.conventions.Conventions`, with the counting convention it sets (rules/trial-periods.md §4.2)
and what it means, in Chinese and English, for `qingji settings check`, the audit of a change and the docs.

C3 (day arithmetic: end = anchor + n days) is not a setting: no reading of the law counts days otherwise.
"""

from __future__ import annotations

from typing import NamedTuple


class ConventionKey(NamedTuple):
    rule: str  # the convention or rule it sets
    zh: str
    en: str


CONVENTION_KEYS: dict[str, ConventionKey] = {
    "anchor_day_counted": ConventionKey("C1", "起算日计入期间", "the anchor day counts as day one"),
    "criminal_month_end_rule": ConventionKey(
        "C2",
        "刑事案件月末起算的，至届满月末日",
        "criminal periods starting on a month's last day end on a month's last day",
    ),
    "extensions_from_anchor": ConventionKey(
        "C4", "延长期间自起算日累计", "extensions add months counted from the anchor"
    ),
    "deductions_inclusive": ConventionKey(
        "C5", "扣除期间首尾两日均计入", "deductions count their first and last day"
    ),
    "roll_forward_rest_days": ConventionKey(
        "C6",
        "期间届满日为节假日的，顺延至其后第一个工作日",
        "a period ending on a rest day ends on the next working day",
    ),
    "custody_exception": ConventionKey(
        "C6", "被告人在押的刑事案件不顺延", "no roll-forward while a criminal defendant is in custody"
    ),
    "restart_discards_earlier_events": ConventionKey(
        "C7",
        "重新计算审限的，此前的扣除和延长不再计算",
        "a restart discards the deductions and extensions before it",
    ),
    "grace_days": ConventionKey(
        "C8", "届满后仍视为审限内结案的天数", "days after expiry still counted as in time"
    ),
    "elapsed_net_of_deductions": ConventionKey(
        "C9", "审理天数扣除不计入期间", "elapsed days are reported net of deducted days"
    ),
    "long_pending_gross": ConventionKey(
        "C10",
        "长期未结和案龄按立案以来的自然天数计算",
        "long-pending tiers and ages use gross time since filing",
    ),
    "criminal_first_instance_outer_limit": ConventionKey(
        "CrPL 208(1)",
        "刑事一审以三个月为基本审限",
        "criminal first instance: three months as the base period",
    ),
    "count_disallowed_deductions": ConventionKey(
        "§3", "计入法律未允许的扣除类型", "count deduction kinds the law does not allow for the case"
    ),
    "count_late_acts": ConventionKey(
        "docs/rules.md, late acts",
        "计入届满后作出的延长、扣除和程序转换",
        "count extensions, deductions and conversions made after the expiry",
    ),
}
