"""The default supervision letter template (letter_templates/督办函.docx), built by this script so that it can
be made again: ``python -m qingji.campaigns.letter_template [OUT]`` (by default over the shipped file).

The layout follows the usual form of an official letter: A4, the title in a large song typeface, the body in
fangsong 三号 with a two-character first-line indent, the issuer and date at the right; the table of remaining cases
in 五号. A court that wants its own copies this file out (``qingji campaign letter-template --out FILE``), edits it
in Word or WPS and puts it at ``$QINGJI_HOME/templates/督办函.docx``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from qingji.campaigns.letter import DEFAULT_TEMPLATE
from qingji.documents.template_style import (
    HEADING_FONT,
    TABLE_SIZE,
    TITLE_FONT,
    TITLE_SIZE,
    build_from_command_line,
    official_document,
    paragraph,
    save_template,
)

BODY = (
    "根据“{{专项行动}}”安排（{{开始日期}}至{{目标日期}}），截至{{日期}}，你院纳入专项行动的积案{{纳入数}}件，"
    "已结{{已结数}}件，未结{{未结数}}件，清积率{{清积率}}，在{{法院数}}个法院中排名第{{排名}}位，"
    "落后倒排工期计划{{落后天数}}天；按当前进度预计{{预计完成}}完成。为确保按期完成清积任务，现予发函督办。"
)
DEMAND = (
    "请你院对下列未结案件逐案落实“四定”（定责任人、定督办领导、定化解方案、定化解期限）和四级包案责任，"
    "按议定事项抓紧办理，并于跟进日期前将办理情况书面报送{{督办人}}。"
)


def build(path: Path) -> Path:
    """Write the default template to ``path``."""
    document = official_document("{{专项行动}}", "督办函 {{文号}} · {{法院}}")
    add = document.add_paragraph
    paragraph(add(), "督  办  函", font_name=TITLE_FONT, size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(add(), "清积督字{{文号}}", align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(add(), "")
    paragraph(add(), "{{法院}}{{对象}}：")
    paragraph(add(), BODY, indent=True)
    paragraph(add(), "一、议定事项", font_name=HEADING_FONT, indent=True)
    paragraph(add(), "{{议定事项}}", indent=True)
    paragraph(add(), "二、工作要求", font_name=HEADING_FONT, indent=True)
    paragraph(add(), DEMAND, indent=True)
    paragraph(add(), "跟进日期：{{跟进日期}}", indent=True)
    paragraph(add(), "")
    paragraph(add(), "附：{{法院}}未结案件清单（截至{{日期}}，共{{未结数}}件）", indent=True)
    paragraph(add(), "{{案件清单}}", size=TABLE_SIZE)
    paragraph(add(), "")
    paragraph(add(), "{{督办人}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph(add(), "{{日期}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    return save_template(document, path, "督办函", "清积专项行动督办函模板")


if __name__ == "__main__":
    build_from_command_line(build, DEFAULT_TEMPLATE, sys.argv[1:])
