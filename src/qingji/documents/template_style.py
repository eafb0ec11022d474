"""The look of the shipped Word templates (the supervision letter, the bulletin, the monthly report): the usual form
of an official document — A4, the title in a large song typeface, the body in fangsong 三号 with a two-character
first-line indent, headings in heiti, tables in 五号. The scripts that build the templates
(``python -m qingji.campaigns.letter_template`` …) use these, so that they can be built again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

BODY_FONT, TITLE_FONT, HEADING_FONT = "仿宋_GB2312", "方正小标宋简体", "黑体"
BODY_SIZE, TITLE_SIZE, TABLE_SIZE, SMALL_SIZE = Pt(16), Pt(22), Pt(10.5), Pt(9)


def font(run: Run, name: str, size: Pt, *, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = size
    run.font.bold = bold
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def paragraph(
    paragraph: Paragraph, text: str, *, font_name: str = BODY_FONT, size: Pt = BODY_SIZE, bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None, indent: bool = False,
) -> Paragraph:  # fmt: skip
    font(paragraph.add_run(text), font_name, size, bold=bold)
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size.pt * 2)
    return paragraph


def official_document(header: str, footer: str) -> Document:
    """An empty A4 document with the official margins, the body style, and ``header`` and ``footer`` (which may
    hold placeholders) in small type."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)
    paragraph(section.header.paragraphs[0], header, size=SMALL_SIZE, align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph(section.footer.paragraphs[0], footer, size=SMALL_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)
    return document


def save_template(document: Document, path: Path, title: str, comments: str) -> Path:
    """Save with fixed properties (no author, a fixed date), so that building it again gives the same file."""
    properties = document.core_properties
    properties.title, properties.comments = title, comments
    properties.author = properties.last_modified_by = ""
    properties.created = properties.modified = datetime(2023, 1, 1)
    properties.revision = 1
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def build_from_command_line(build: Callable[[Path], Path], default: Path, argv: list[str]) -> None:
    """``python -m <a template module> [OUT]``: build the template to OUT (by default over the shipped file)."""
    print(build(Path(argv[0]) if argv else default))
