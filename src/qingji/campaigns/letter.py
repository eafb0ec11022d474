"""The supervision letter (督办函, DESIGN.md §1: 发函督办) as a DOCX filled in from an editable template.

No Django here: :func:`render_letter` takes a plain :class:`LetterData` (the court, the campaign, its figures on
the letter's date and the court's remaining cases) and a template path, and returns the document's bytes;
``qingji.campaigns.letter_data`` gathers the data from the database.

A template is an ordinary .docx with placeholders such as ``{{法院}}`` in its paragraphs, tables, headers,
footers and text boxes (:data:`PLACEHOLDERS`). Word often splits what was typed at once over several runs
(spell-check marks, a change of formatting, an edit in the middle); the runs a placeholder spans are merged, and
the value takes the formatting of the placeholder's first character. A paragraph holding only ``{{案件清单}}`` is
replaced by the table of remaining cases, in the font of that paragraph. A placeholder the letter does not know,
or braces left open, refuse the template (:class:`LetterTemplateError`, naming both) before anything is filled.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.parts.hdrftr import FooterPart, HeaderPart
from docx.shared import Cm, Emu

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

CELL_MARGIN_TWIPS = 57  # 0.1 cm each side: a case number and a date fit their columns in 五号
_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_W_P, _W_R, _W_T, _W_BR, _W_RPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:br"), qn("w:rPr")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class LetterTemplateError(ValueError):
    """The template cannot make a letter; nothing was generated."""

    def __init__(self, template: Path, reason_zh: str, reason_en: str, placeholder: str = "") -> None:
        self.template, self.placeholder = template, placeholder
        self.reason_zh, self.reason_en = reason_zh, reason_en
        super().__init__(f"{template}: {reason_zh} / {reason_en}")


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
    document = _open(template)
    roots = _roots(document)
    paragraphs = [paragraph for root in roots for paragraph in root.iter(_W_P)]
    markers = _check(paragraphs, template)
    values = data.values()
    for paragraph in paragraphs:
        if paragraph not in markers:
            _fill_paragraph(paragraph, values)
    for marker in markers:
        _case_table(document, marker, data.rows)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def placeholders_in(template: Path) -> list[str]:
    """The placeholders a template uses, in order of first appearance (an unknown one raises)."""
    document = _open(template)
    paragraphs = [paragraph for root in _roots(document) for paragraph in root.iter(_W_P)]
    _check(paragraphs, template)
    names: dict[str, None] = {}
    for paragraph in paragraphs:
        for match in _PLACEHOLDER.finditer(_text(paragraph)):
            names.setdefault(match.group(1), None)
    return list(names)


def _open(template: Path) -> Document:
    if not template.is_file():
        raise LetterTemplateError(template, "模板文件不存在", "the template file does not exist")
    try:
        return docx.Document(str(template))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise LetterTemplateError(
            template, f"不是有效的 Word 文档（.docx）：{error}", f"not a valid Word document (.docx): {error}"
        ) from None


def _roots(document: Document) -> list[Any]:
    """The body, then every header and footer (each once, however many sections share it)."""
    roots: list[Any] = [document.element.body]
    for part in document.part.package.iter_parts():
        if isinstance(part, HeaderPart | FooterPart):
            roots.append(part.element)
    return roots


def _owner(element: Any) -> Any:
    """The paragraph an element belongs to (a text box's paragraphs are their own)."""
    parent = element.getparent()
    while parent is not None and parent.tag != _W_P:
        parent = parent.getparent()
    return parent


def _nodes(paragraph: Any) -> list[Any]:
    """The paragraph's own text elements (w:t), in order."""
    return [node for node in paragraph.iter(_W_T) if _owner(node) is paragraph]


def _text(paragraph: Any) -> str:
    return "".join(node.text or "" for node in _nodes(paragraph))


def _check(paragraphs: Sequence[Any], template: Path) -> list[Any]:
    """Refuse unknown placeholders and open braces; return the paragraphs that hold the case-list marker."""
    markers = []
    for paragraph in paragraphs:
        text = _text(paragraph)
        for match in _PLACEHOLDER.finditer(text):
            name = match.group(1)
            if name not in PLACEHOLDERS:
                raise LetterTemplateError(
                    template,
                    f"未知的占位符 {match.group(0)}（可用：{'、'.join(PLACEHOLDERS)}）",
                    f"unknown placeholder {match.group(0)} (known: {', '.join(PLACEHOLDERS)})",
                    placeholder=name,
                )
            if name == CASE_LIST:
                if text.strip() != match.group(0):
                    raise LetterTemplateError(
                        template,
                        f"{match.group(0)} 须单独成段，不能与其他文字同段：“{text.strip()}”",
                        f"{match.group(0)} must stand alone in its paragraph: {text.strip()!r}",
                        placeholder=name,
                    )
                markers.append(paragraph)
        rest = _PLACEHOLDER.sub("", text)
        if "{{" in rest or "}}" in rest:
            raise LetterTemplateError(
                template,
                f"占位符的花括号不完整：“{text.strip()}”",
                f"a placeholder's braces are not closed: {text.strip()!r}",
                placeholder=rest,
            )
    return markers


def _fill_paragraph(paragraph: Any, values: dict[str, str]) -> None:
    """Fill a paragraph; one that holds nothing but a placeholder whose value has several lines becomes one
    paragraph per line, each with the paragraph's formatting (its indent for every line, not only the first)."""
    alone = _PLACEHOLDER.fullmatch(_text(paragraph).strip())
    lines = values[alone.group(1)].replace("\r\n", "\n").split("\n") if alone else []
    if len(lines) < 2 or alone is None:
        _fill(paragraph, values)
        return
    copies = [deepcopy(paragraph) for _ in lines[1:]]
    _fill(paragraph, {**values, alone.group(1): lines[0]})
    anchor = paragraph
    for copy, line in zip(copies, lines[1:], strict=True):
        _fill(copy, {**values, alone.group(1): line})
        anchor.addnext(copy)
        anchor = copy


def _fill(paragraph: Any, values: dict[str, str]) -> None:
    """Replace the placeholders of a paragraph, whichever runs they are spread over: a placeholder's text
    elements are merged into its first, whose run's formatting the value keeps."""
    nodes = _nodes(paragraph)
    texts = [node.text or "" for node in nodes]
    matches = list(_PLACEHOLDER.finditer("".join(texts)))
    if not matches:
        return
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text)

    def locate(position: int) -> int:
        index = 0
        while index + 1 < len(starts) and starts[index + 1] <= position:
            index += 1
        return index

    for match in reversed(matches):  # right to left: the offsets before a match stay valid
        value = values[match.group(1)]
        first, last = locate(match.start()), locate(match.end() - 1)
        head, tail = match.start() - starts[first], match.end() - starts[last]
        if first == last:
            texts[first] = texts[first][:head] + value + texts[first][tail:]
        else:
            texts[first] = texts[first][:head] + value
            for index in range(first + 1, last):
                texts[index] = ""
            texts[last] = texts[last][tail:]
    for node, text in zip(nodes, texts, strict=True):
        if text != (node.text or ""):
            _set_text(node, text)


def _set_text(node: Any, text: str) -> None:
    """Set a text element's text; an empty one is removed (and its run, when nothing else is left in it); line
    breaks in the value become Word's line breaks."""
    if not text:
        run = node.getparent()
        run.remove(node)
        if run.tag == _W_R and all(child.tag == _W_RPR for child in run):
            run.getparent().remove(run)
        return
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    node.text = lines[0]
    node.set(_XML_SPACE, "preserve")
    anchor = node
    for line in lines[1:]:
        brk = OxmlElement("w:br")
        anchor.addnext(brk)
        anchor = brk
        if line:
            more = OxmlElement("w:t")
            more.text = line
            more.set(_XML_SPACE, "preserve")
            anchor.addnext(more)
            anchor = more


def _case_table(document: Document, marker: Any, rows: Sequence[LetterRow]) -> None:
    """Put the table of remaining cases where the marker paragraph is, in the marker's font."""
    nodes = _nodes(marker)
    run_properties = nodes[0].getparent().find(_W_RPR) if nodes else None
    if not rows:
        for node in nodes[1:]:
            _set_text(node, "")
        _set_text(nodes[0], "（无未结案件）")
        return
    total = sum(share for _, share in COLUMNS)
    widths = [Emu(_usable_width(document) * share // total) for _, share in COLUMNS]
    table = document.add_table(rows=0, cols=len(COLUMNS))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    _borders(table._tbl)
    header = table.add_row()
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on every page
    _fill_row(header.cells, [name for name, _ in COLUMNS], widths, run_properties, bold=True)
    for row in rows:
        cells = [
            row.case_number,
            row.judge,
            row.filed_on.isoformat(),
            str(row.days_pending),
            row.reason,
            row.target_on.isoformat() if row.target_on is not None else "",
        ]
        _fill_row(table.add_row().cells, cells, widths, run_properties, bold=False)
    marker.addprevious(table._tbl)
    parent = marker.getparent()
    if parent.tag == qn("w:tc"):  # a cell must end with a paragraph: keep the marker's, emptied
        for node in nodes:
            _set_text(node, "")
    else:
        parent.remove(marker)


def _usable_width(document: Document) -> int:
    """The width between the margins of the last section (A4 with 2.8 cm and 2.6 cm margins when unset)."""
    section = document.sections[-1]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    if page is None or left is None or right is None:
        return int(Cm(21 - 2.8 - 2.6))
    return int(page - left - right)


def _fill_row(
    cells: Sequence[Any], texts: Sequence[str], widths: Sequence[Emu], rpr: Any, *, bold: bool
) -> None:
    for cell, text, width in zip(cells, texts, widths, strict=True):
        cell.width = width
        paragraph = cell.paragraphs[0]
        layout = paragraph.paragraph_format
        layout.first_line_indent, layout.line_spacing = 0, 1.0
        layout.space_before = layout.space_after = 0
        run = paragraph.add_run(text)
        if rpr is not None:
            run._r.insert(0, deepcopy(rpr))
        if bold:
            run.bold = True


def _borders(tbl: Any) -> None:
    """Single lines around and between the cells and narrow cell margins, whatever table styles the template
    has."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            line.set(qn(key), value)
        borders.append(line)
    tbl.tblPr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
        "w:tblPrChange",
    )  # fmt: skip
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
