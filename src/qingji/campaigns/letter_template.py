"""The default supervision letter template (letter_templates/督办函.docx), built by this script so that it can
be made again: ``python -m qingji.campaigns.letter_template [OUT]`` (by default over the shipped file).

The layout follows the usual form of an official letter: A4, the title in a large song typeface, the body in
fangsong 三号 with a two-character first-line indent, the issuer and date at the right; the table of remaining cases
in 五号. A court that wants its own copies this file out (``qingji campaign letter-template --out FILE``), edits it
in Word or WPS and puts it at ``$QINGJI_HOME/templates/督办函.docx``.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from qingji.campaigns.letter import DEFAULT_TEMPLATE

BODY_FONT, TITLE_FONT, HEADING_FONT = "仿宋_GB2312", "方正小标宋简体", "黑体"
BODY_SIZE, TITLE_SIZE, TABLE_SIZE, SMALL_SIZE = Pt(16), Pt(22), Pt(10.5), Pt(9)

BODY = (
    "根据“{{专项行动}}”安排（{{开始日期}}至{{目标日期}}），截至{{日期}}，你院纳入专项行动的积案{{纳入数}}件，"
    "已结{{已结数}}件，未结{{未结数}}件，清积率{{清积率}}，在{{法院数}}个法院中排名第{{排名}}位，"
    "落后倒排工期计划{{落后天数}}天；按当前进度预计{{预计完成}}完成。为确保按期完成清积任务，现予发函督办。"
)
DEMAND = (
    "请你院对下列未结案件逐案落实“四定”（定责任人、定督办领导、定化解方案、定化解期限）和四级包案责任，"
    "按议定事项抓紧办理，并于跟进日期前将办理情况书面报送{{督办人}}。"
)


def _font(run: Run, name: str, size: Pt, *, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = size
    run.font.bold = bold
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _paragraph(
    paragraph: Paragraph, text: str, *, font: str = BODY_FONT, size: Pt = BODY_SIZE, bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None, indent: bool = False,
) -> Paragraph:  # fmt: skip
    _font(paragraph.add_run(text), font, size, bold=bold)
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size.pt * 2)
    return paragraph


def build(path: Path) -> Path:
    """Write the default template to ``path``."""
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

    _paragraph(section.header.paragraphs[0], "{{专项行动}}", size=SMALL_SIZE, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph(section.footer.paragraphs[0], "督办函 {{文号}} · {{法院}}", size=SMALL_SIZE,
               align=WD_ALIGN_PARAGRAPH.CENTER)  # fmt: skip

    add = document.add_paragraph
    _paragraph(add(), "督  办  函", font=TITLE_FONT, size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(add(), "清积督字{{文号}}", align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(add(), "")
    _paragraph(add(), "{{法院}}{{对象}}：")
    _paragraph(add(), BODY, indent=True)
    _paragraph(add(), "一、议定事项", font=HEADING_FONT, indent=True)
    _paragraph(add(), "{{议定事项}}", indent=True)
    _paragraph(add(), "二、工作要求", font=HEADING_FONT, indent=True)
    _paragraph(add(), DEMAND, indent=True)
    _paragraph(add(), "跟进日期：{{跟进日期}}", indent=True)
    _paragraph(add(), "")
    _paragraph(add(), "附：{{法院}}未结案件清单（截至{{日期}}，共{{未结数}}件）", indent=True)
    _paragraph(add(), "{{案件清单}}", size=TABLE_SIZE)
    _paragraph(add(), "")
    _paragraph(add(), "{{督办人}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph(add(), "{{日期}}", align=WD_ALIGN_PARAGRAPH.RIGHT)

    properties = document.core_properties
    properties.title, properties.comments = "督办函", "清积专项行动督办函模板"
    properties.author = properties.last_modified_by = ""
    properties.created = properties.modified = datetime(2023, 1, 1)
    properties.revision = 1
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else DEFAULT_TEMPLATE
    print(build(out))


if __name__ == "__main__":
    main(sys.argv[1:])
