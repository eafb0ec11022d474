"""The campaign's two Excel files: the four determinations ledger (四定台账: each case with its four determinations,
reason, chain, plan steps, expiry and what it misses) and the ranking (排名: each ranking with its places and
figures). Written with xlsxwriter (as the ledger is), headers in Chinese as the courts keep them."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import xlsxwriter

from qingji.campaigns.gaps import case_gaps
from qingji.campaigns.models import Campaign, CampaignCase, Reason

LEDGER_HEADERS = (
    "案号", "法院", "审判庭", "承办法官", "立案日期", "纳入日期", "责任人", "督办领导", "化解方案", "化解步骤数",
    "化解期限", "未结原因", "原因说明", "院长", "分管院领导", "庭长", "包案法官", "审限届满日", "超审限天数", "缺项",
)  # fmt: skip
RANKING_HEADERS = (
    "排名组", "名次", "法院/审判庭", "纳入", "已结", "未结", "清积率", "对照倒排工期", "完成日期", "提前天数", "预警",
)  # fmt: skip
GAP_WORDS = {
    "responsible": "责任人", "supervisor": "督办领导", "plan": "化解方案", "target": "化解期限", "reason": "未结原因",
    "president": "院长", "vice_president": "分管院领导", "division_head": "庭长", "judge": "承办法官",
}  # fmt: skip


@dataclass(frozen=True)
class RankingRow:
    group: str  # 基层法院 or a court's name with 各庭
    rank: int
    name: str
    in_scope: int
    cleared: int
    remaining: int
    clearance_rate: float
    plan: str  # 落后计划 N 天 / 提前计划 N 天 / 按计划 / —
    completed_on: date | None
    days_ahead: int | None
    warning: str


def _book(output: io.BytesIO) -> tuple[xlsxwriter.Workbook, dict[str, object]]:
    book = xlsxwriter.Workbook(
        output, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
    )
    formats = {
        "head": book.add_format({"bold": True, "bg_color": "#E8ECF1", "border": 1, "text_wrap": True}),
        "day": book.add_format({"num_format": "yyyy-mm-dd"}),
        "rate": book.add_format({"num_format": "0.00%"}),
        "title": book.add_format({"bold": True, "font_size": 14}),
    }
    return book, formats


def _day(sheet: object, row: int, column: int, value: date | None, fmt: object) -> None:
    if value is None:
        sheet.write_blank(row, column, None)  # type: ignore[attr-defined]
    else:
        sheet.write_datetime(row, column, value, fmt)  # type: ignore[attr-defined]


def determinations_ledger(
    campaign: Campaign, entries: Iterable[CampaignCase], as_of: date
) -> tuple[bytes, int]:
    """The four determinations ledger of ``entries`` (annotated with ``has_step`` and ``steps``, as listed by
    qingji.campaigns.gaps.listed_entries with :func:`with_step_counts`): the file and how many cases it holds."""
    output = io.BytesIO()
    book, formats = _book(output)
    sheet = book.add_worksheet("四定台账")
    sheet.write(0, 0, f"{campaign.name} 四定台账（截至 {as_of.isoformat()}）", formats["title"])
    for column, header in enumerate(LEDGER_HEADERS):
        sheet.write(1, column, header, formats["head"])
    reasons = dict(Reason.choices)
    count = 0
    for row, entry in enumerate(entries, start=2):
        case = entry.case
        state = getattr(case, "state", None)
        entry.campaign = campaign
        values: Sequence[object] = (
            case.case_number, case.court_code, case.division, case.judge, None, None, entry.responsible,
            entry.supervisor, entry.plan, getattr(entry, "step_count", 0), None, str(reasons.get(entry.reason, "")),
            entry.reason_note, entry.president, entry.vice_president, entry.division_head, entry.judge, None,
            state.days_over if state is not None and state.days_over else None,
            "、".join(GAP_WORDS[name] for name in case_gaps(entry, getattr(entry, "has_step", False))),
        )  # fmt: skip
        for column, value in enumerate(values):
            if value is not None:
                sheet.write(row, column, value)
        _day(sheet, row, 4, case.filed_on, formats["day"])
        _day(sheet, row, 5, entry.added_on, formats["day"])
        _day(sheet, row, 10, entry.target_on, formats["day"])
        _day(sheet, row, 17, state.expiry if state is not None else None, formats["day"])
        count += 1
    sheet.freeze_panes(2, 1)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, len(LEDGER_HEADERS) - 1, 12)
    book.close()
    return output.getvalue(), count


def ranking_workbook(campaign: Campaign, rows: Sequence[RankingRow], as_of: date) -> bytes:
    """The rankings as one sheet: each group's places and figures."""
    output = io.BytesIO()
    book, formats = _book(output)
    sheet = book.add_worksheet("排名")
    sheet.write(
        0,
        0,
        f"{campaign.name} 排名（截至 {as_of.isoformat()}，目标 {campaign.target.isoformat()}）",
        formats["title"],
    )
    for column, header in enumerate(RANKING_HEADERS):
        sheet.write(1, column, header, formats["head"])
    for place, item in enumerate(rows, start=2):
        for column, value in enumerate(
            (item.group, item.rank, item.name, item.in_scope, item.cleared, item.remaining)
        ):
            sheet.write(place, column, value)
        sheet.write_number(place, 6, item.clearance_rate, formats["rate"])
        sheet.write(place, 7, item.plan)
        _day(sheet, place, 8, item.completed_on, formats["day"])
        if item.days_ahead is not None:
            sheet.write_number(place, 9, item.days_ahead)
        sheet.write(place, 10, item.warning)
    sheet.set_column(0, 2, 22)
    sheet.set_column(3, len(RANKING_HEADERS) - 1, 12)
    book.close()
    return output.getvalue()
