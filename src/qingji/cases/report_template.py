"""The default monthly report template (report_templates/月度报告.docx), built by this script so that it can be
made again: ``python -m qingji.cases.report_template [OUT]`` (by default over the shipped file).

An official document's form (qingji.documents.template_style): the title, the month, a summary of the headline
figures, the measures per court, the trend. A court copies it out (``qingji report template --out FILE``), edits it
in Word or WPS and puts it at ``$QINGJI_HOME/templates/月度报告.docx``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from qingji.cases.monthly_report_doc import DEFAULT_TEMPLATE
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

SUMMARY = (
    "{{月份}}（{{统计期间}}），{{报告单位}}新收案件{{收案数}}件，审结{{结案数}}件，结收比{{结收比}}；"
    "审限内结案率{{审限内结案率}}，平均审理天数{{平均审理天数}}天，旧存案件清结率{{清结率}}。"
    "截至{{截至日期}}，未结案件{{未结数}}件，较上年同日（{{对比日期}}）{{同比}}；"
    "其中超{{长期未结档}}个月未结{{长期未结数}}件，占未结案件的{{长期未结占比}}，超审限未结{{超审限数}}件。"
)
NOTE = (
    "说明：本报告数据与统计页面及 qingji stats 命令在同一截至日期、同一统计期间的口径一致；"
    "结收比为本月结案数除以本月收案数，审限内结案率不含无法定审限的案件，平均审理天数不计立案当日，"
    "长期未结按立案之日起算、不扣除审限。"
)


def build(path: Path) -> Path:
    """Write the default template to ``path``."""
    document = official_document("{{报告单位}}", "月度报告 · {{月份}}")
    add = document.add_paragraph
    paragraph(add(), "{{报告单位}}", font_name=TITLE_FONT, size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(
        add(), "审判执行工作月度报告", font_name=TITLE_FONT, size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER
    )
    paragraph(add(), "（{{月份}}）", align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(add(), "")
    paragraph(add(), "一、总体情况", font_name=HEADING_FONT, indent=True)
    paragraph(add(), SUMMARY, indent=True)
    paragraph(add(), "二、各院收结案情况", font_name=HEADING_FONT, indent=True)
    paragraph(add(), "{{收结案表}}", size=TABLE_SIZE)
    paragraph(add(), "三、各院未结案件情况", font_name=HEADING_FONT, indent=True)
    paragraph(add(), "{{未结案表}}", size=TABLE_SIZE)
    paragraph(add(), "四、近期走势", font_name=HEADING_FONT, indent=True)
    paragraph(add(), "{{趋势表}}", size=TABLE_SIZE)
    paragraph(add(), "{{趋势图}}", size=TABLE_SIZE)
    paragraph(add(), NOTE, size=TABLE_SIZE, indent=True)
    paragraph(add(), "")
    paragraph(add(), "{{报告单位}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph(add(), "{{截至日期}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    return save_template(document, path, "月度报告", "审判执行工作月度报告模板")


if __name__ == "__main__":
    build_from_command_line(build, DEFAULT_TEMPLATE, sys.argv[1:])
