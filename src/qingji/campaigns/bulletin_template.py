"""The default bulletin template (bulletin_templates/通报.docx), built by this script so that it can be made again:
``python -m qingji.campaigns.bulletin_template [OUT]`` (by default over the shipped file). The placeholders are
:data:`qingji.campaigns.bulletin_doc.PLACEHOLDERS`; the look is the official one of
:mod:`qingji.documents.template_style`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from qingji.campaigns.bulletin_doc import DEFAULT_TEMPLATE
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
    "截至{{日期}}，“{{专项行动}}”（{{开始日期}}至{{目标日期}}）纳入积案{{纳入数}}件，已结{{已结数}}件，"
    "未结{{未结数}}件，清积率{{清积率}}；自上期通报（{{上期日期}}）以来清结{{本期清结数}}件。按倒排工期计划，"
    "当日应余未结{{计划未结数}}件，总体落后计划{{落后天数}}天（负数为提前），按当前进度预计{{预计完成}}完成。"
    "未结案件中超审限{{超审限数}}件、审理满10个月{{十个月数}}件；另有未纳入专项行动的新增积案{{新增积案数}}件。"
)
INTEGRITY = (
    "截至{{核查日期}}，对各院案件的扣除审限、延长审限、撤诉后重新立案、同日拆分立案、通报前集中结案和系统届满日期"
    "进行审限核查（隐形超审限），共发现问题{{核查发现数}}项，分布如下（逐项说明和证据见系统“审限核查”页面）："
)
DEMAND = (
    "各院要对照排名和倒排工期计划，逐案落实“四定”和四级包案责任，优先清结超审限和即将满12个月的案件，"
    "严防边清边积；对审限核查发现的问题逐项核实、纠正，杜绝隐形超审限；被末位警示和落后于计划的法院，要在下期通报前"
    "书面报告整改措施。"
)


def build(path: Path) -> Path:
    """Write the default template to ``path``."""
    document = official_document("{{专项行动}}", "通报 第{{期数}}期 · {{发布单位}}")
    add = document.add_paragraph

    def heading(text: str) -> None:
        paragraph(add(), text, font_name=HEADING_FONT, indent=True)

    def block(name: str) -> None:  # a table or a chart: in 五号
        paragraph(add(), "{{" + name + "}}", size=TABLE_SIZE)

    def lines(name: str) -> None:  # sentences: in the body's size and indent
        paragraph(add(), "{{" + name + "}}", indent=True)

    paragraph(add(), "清积工作通报", font_name=TITLE_FONT, size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(add(), "第{{期数}}期", align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(add(), "{{发布单位}}　　　　{{日期}}", align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(add(), "")
    heading("一、总体进展")
    paragraph(add(), SUMMARY, indent=True)
    block("进度图")
    heading("二、各院进展")
    block("进度表")
    heading("三、排名及末位警示")
    paragraph(
        add(), "基层法院按清积率排名（清积率相同的，未结少者在前）；末位法院：{{末位法院}}。", indent=True
    )
    block("排名表")
    block("庭室排名")
    heading("四、督办建议")
    lines("督办建议")
    heading("五、进退情况")
    lines("进退情况")
    heading("六、超审限、满10个月案件和新增积案")
    block("超期统计")
    block("超期案件")
    heading("七、审限核查发现")
    paragraph(add(), INTEGRITY, indent=True)
    block("核查情况")
    heading("八、本期督办情况")
    block("督办情况")
    heading("九、工作要求")
    paragraph(add(), DEMAND, indent=True)
    paragraph(add(), "")
    paragraph(add(), "{{发布单位}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph(add(), "{{日期}}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    return save_template(document, path, "清积工作通报", "清积专项行动十日通报模板")


if __name__ == "__main__":
    build_from_command_line(build, DEFAULT_TEMPLATE, sys.argv[1:])
