"""The supervision letter (督办函, DESIGN.md §1: 发函督办) as a DOCX filled in from an editable template.

No Django here: :func:`render_letter` takes a plain :class:`LetterData` (the court, the campaign, its figures on
the letter's date and the court's remaining cases) and a template path, and returns the document's bytes;
``qingji.campaigns.letter_data`` gathers the data from the database.

A template is an ordinary .docx with placeholders such as ``{{法院}}`` in its paragraphs, tables, headers,
footers and text boxes (:data:`PLACEHOLDERS`). Word often splits what was typed at once over several runs
(spell-check marks, a change of formatting, an edit in the middle); the runs a placeholder spans are merged, and
the value takes the formatting of the placeholder's first character (:mod:`qingji.documents.docx_text`). A paragraph
holding only ``{{案件清单}}`` is replaced by the table of remaining cases, in the font of that paragraph
(:mod:`qingji.documents.docx_table`). A placeholder the letter does not know,
or braces left open, refuse the template (:class:`LetterTemplateError`, naming both) before anything is filled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qingji.documents.blocks import Table
from qingji.documents.docx_text import PLACEHOLDER, paragraph_text
from qingji.documents.template import TemplateError, check_template, fill_template

TEMPLATE_NAME = "督办函.docx"
DEFAULT_TEMPLATE = Path(__file__).resolve().parent / "letter_templates" / TEMPLATE_NAME
CASE_LIST = "案件清单"
NONE = "—"

# name → what it is filled with (Chinese, English); docs/campaigns.md lists the same.
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "法院": ("受督办法院的名称", "the name of the court supervised"),
    "法院代字": ("法院代字，如 甘1002", "the court's code, e.g. 甘1002"),
    "专项行动": ("专项行动名称", "the campaign's name"),
    "开始日期": ("专项行动开始日期", "the campaign's start"),
    "目标日期": ("专项行动目标日期", "the campaign's target date"),
    "日期": ("督办函日期（数据截至该日）", "the letter's date (the figures are as of that day)"),
    "文号": (
        "文号，如 〔2023〕2号：当年第几份督办函",
        "the number, e.g. 〔2023〕2号: the year's n-th letter",
    ),
    "督办人": ("督办人", "who supervises"),
    "对象": ("督办对象（受函人）", "to whom the letter is addressed"),
    "议定事项": ("议定事项", "what was agreed"),
    "跟进日期": ("跟进日期", "the follow-up date"),
    "纳入数": ("该院纳入专项行动的案件数", "the court's cases in scope"),
    "已结数": ("该院已结案件数", "the court's cases cleared"),
    "未结数": ("该院未结案件数", "the court's cases remaining"),
    "清积率": ("该院清积率，如 25.00%", "the court's clearance rate, e.g. 25.00%"),
    "排名": ("该院在各法院中的名次", "the court's place among the campaign's courts"),
    "法院数": ("参与排名的法院数", "how many courts are ranked"),
    "落后天数": ("落后倒排工期计划的天数（未落后为0）", "days behind the countdown plan (0 when not behind)"),
    "预计完成": ("按当前进度预计完成日期", "the completion projected at the current pace"),
    CASE_LIST: (
        "单独成段：替换为未结案件清单表格",
        "alone in a paragraph: replaced by the table of remaining cases",
    ),
}

# The columns of the table of remaining cases, with their share of the width.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("案号", 30),
    ("承办法官", 11),
    ("立案日期", 17),
    ("未结天数", 11),
    ("未结原因", 14),
    ("化解期限", 17),
)


# The template cannot make a letter; nothing was generated.
LetterTemplateError = TemplateError


@dataclass(frozen=True)
class LetterRow:
    """A remaining case of the court on the letter's date."""

    case_number: str
    judge: str
    filed_on: date
    days_pending: int
    reason: str
    target_on: date | None


@dataclass(frozen=True)
class LetterData:
    court_code: str
    court_name: str
    campaign: str
    start: date
    target: date
    on: date
    number: str
    by: str
    to: str
    agreed: str
    follow_up: date | None
    in_scope: int
    cleared: int
    remaining: int
    clearance_rate: float
    rank: int | None
    courts: int
    days_behind: int
    projected: date | None
    rows: tuple[LetterRow, ...]

    def values(self) -> dict[str, str]:
        """The text of every placeholder but the case list."""
        return {
            "法院": self.court_name,
            "法院代字": self.court_code,
            "专项行动": self.campaign,
            "开始日期": chinese_date(self.start),
            "目标日期": chinese_date(self.target),
            "日期": chinese_date(self.on),
            "文号": self.number,
            "督办人": self.by,
            "对象": self.to,
            "议定事项": self.agreed,
            "跟进日期": chinese_date(self.follow_up),
            "纳入数": str(self.in_scope),
            "已结数": str(self.cleared),
            "未结数": str(self.remaining),
            "清积率": f"{self.clearance_rate:.2%}",
            "排名": str(self.rank) if self.rank is not None else NONE,
            "法院数": str(self.courts),
            "落后天数": str(max(self.days_behind, 0)),
            "预计完成": chinese_date(self.projected) or NONE,
        }


def chinese_date(day: date | None) -> str:
    """2023-03-01 → 2023年3月1日; None → ""."""
    return f"{day.year}年{day.month}月{day.day}日" if day is not None else ""


def render_letter(data: LetterData, template: Path) -> bytes:
    """The letter for ``data`` from ``template`` (a .docx), as the bytes of a .docx."""
    cells = [
        [row.case_number, row.judge, row.filed_on.isoformat(), str(row.days_pending), row.reason,
         row.target_on.isoformat() if row.target_on is not None else ""]
        for row in data.rows
    ]  # fmt: skip
    table = Table(COLUMNS, cells, empty="（无未结案件）")
    return fill_template(template, PLACEHOLDERS, data.values(), {CASE_LIST: [table]})


def placeholders_in(template: Path) -> list[str]:
    """The placeholders a template uses, in order of first appearance (an unknown one raises)."""
    _, paragraphs, _ = check_template(template, PLACEHOLDERS, [CASE_LIST])
    names: dict[str, None] = {}
    for paragraph in paragraphs:
        for match in PLACEHOLDER.finditer(paragraph_text(paragraph)):
            names.setdefault(match.group(1), None)
    return list(names)
