"""The supervision letter (督办函) from a template: every placeholder filled wherever it stands (paragraphs,
tables, headers, footers, text boxes, links), even spread over runs as Word leaves it; the table of remaining
cases where the marker was; a template with an unknown placeholder refused with nothing made."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from qingji.campaigns.letter import (
    CASE_LIST,
    DEFAULT_TEMPLATE,
    PLACEHOLDERS,
    LetterData,
    LetterRow,
    LetterTemplateError,
    placeholders_in,
    render_letter,
)
from qingji.campaigns.letter_template import build

ROWS = (
    LetterRow(
        "（2021）甘1027民初1号", "赵磊", date(2021, 9, 1), 546, "鉴定：等待鉴定意见", date(2023, 4, 30)
    ),
    LetterRow("（2022）甘1027刑初1号", "赵磊", date(2022, 1, 5), 420, "", None),
)
DATA = LetterData(
    court_code="甘1027", court_name="镇原县人民法院", campaign="半年清积", start=date(2022, 12, 1),
    target=date(2023, 5, 31), on=date(2023, 3, 1), number="〔2023〕2号", by="督导组", to="院长",
    agreed="两周内结案一件\n每周报告进展", follow_up=date(2023, 3, 15), in_scope=2, cleared=0, remaining=2,
    clearance_rate=0.0, rank=3, courts=3, days_behind=90, projected=None, rows=ROWS,
)  # fmt: skip
HEADER = ["案号", "承办法官", "立案日期", "未结天数", "未结原因", "化解期限"]
TABLE = [
    HEADER,
    ["（2021）甘1027民初1号", "赵磊", "2021-09-01", "546", "鉴定：等待鉴定意见", "2023-04-30"],
    ["（2022）甘1027刑初1号", "赵磊", "2022-01-05", "420", "", ""],
]
V = "urn:schemas-microsoft-com:vml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def opened(content: bytes) -> Document:
    return docx.Document(BytesIO(content))


def all_text(document: Document) -> str:
    """Every w:t of the body, headers and footers."""
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element]
    return "".join(node.text or "" for part in parts for node in part.iter(qn("w:t")))


def rows_of(document: Document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in document.tables[-1].rows]


def test_the_default_template_gives_the_letter() -> None:
    document = opened(render_letter(DATA, DEFAULT_TEMPLATE))
    text = [paragraph.text for paragraph in document.paragraphs]
    assert "清积督字〔2023〕2号" in text
    assert "镇原县人民法院院长：" in text
    body = next(line for line in text if line.startswith("根据"))
    assert body == (
        "根据“半年清积”安排（2022年12月1日至2023年5月31日），截至2023年3月1日，你院纳入专项行动的积案2件，"
        "已结0件，未结2件，清积率0.00%，在3个法院中排名第3位，落后倒排工期计划90天；按当前进度预计—完成。"
        "为确保按期完成清积任务，现予发函督办。"
    )
    agreed = text.index("两周内结案一件")  # a paragraph of its own for each line, each indented alike
    assert text[agreed + 1] == "每周报告进展"
    assert document.paragraphs[agreed + 1].paragraph_format.first_line_indent == Pt(32)
    assert "跟进日期：2023年3月15日" in text
    assert text[-2:] == ["督导组", "2023年3月1日"]
    assert rows_of(document) == TABLE
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "半年清积"
    assert section.footer.paragraphs[0].text == "督办函 〔2023〕2号 · 镇原县人民法院"
    assert "{{" not in all_text(document) and "}}" not in all_text(document)
    assert "{{案件清单}}" not in [p.text for p in document.paragraphs]


def test_the_default_template_uses_every_placeholder_and_is_what_the_script_builds(tmp_path: Path) -> None:
    assert set(placeholders_in(DEFAULT_TEMPLATE)) == set(PLACEHOLDERS) - {"法院代字"}
    again = build(tmp_path / "督办函.docx")
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as shipped, zipfile.ZipFile(again) as built:
        assert shipped.namelist() == built.namelist()
        for name in shipped.namelist():
            assert shipped.read(name) == built.read(name), name


def test_a_table_marker_with_no_remaining_case_says_so() -> None:
    document = opened(render_letter(replace(DATA, rows=(), remaining=0), DEFAULT_TEMPLATE))
    assert not document.tables and "（无未结案件）" in [p.text for p in document.paragraphs]


def split(paragraph: Paragraph, *pieces: str, bold_first: bool = False) -> None:
    """Runs as Word leaves them: one placeholder over several runs, each with its own formatting."""
    for index, piece in enumerate(pieces):
        run = paragraph.add_run(piece)
        run.bold = bold_first and index == 0
        run.italic = index > 0


def custom_template(path: Path, extra: str = "") -> Path:
    """A court's own template: placeholders split over runs in the body, a table cell, the header, the footer,
    a text box and a link; the case list marker split too, in 12 pt."""
    document = docx.Document()
    split(document.add_paragraph(), "致", "{{法", "院}}", "：", bold_first=False)
    split(document.add_paragraph(), "{{法院", "代字}}", bold_first=True)
    split(document.add_paragraph(), "专项行动：", "{{", "专项", "行动}}尾", "，截至{{日期}}")
    split(document.add_paragraph(), "议定：{{ 议定事项 }}")
    if extra:
        split(document.add_paragraph(), *extra.split("|"))
    cell = document.add_table(rows=1, cols=2).cell(0, 1)
    split(cell.paragraphs[0], "清积率{{清", "积率}}，第{{排名}}/{{法院数", "}}名")
    marker = document.add_paragraph()
    split(marker, "{{案件", "清单}}")
    for run in marker.runs:
        run.font.size = docx.shared.Pt(12)
    split(document.add_paragraph(), "落款")
    section = document.sections[0]
    split(section.header.paragraphs[0], "{{文", "号}}")
    split(section.footer.paragraphs[0], "第", "{{未结数}", "}件")
    box = (
        f'<w:r xmlns:w="{W}" xmlns:v="{V}"><w:pict><v:shape style="width:100pt;height:40pt"><v:textbox>'
        "<w:txbxContent><w:p><w:r><w:t>{{督办</w:t></w:r><w:r><w:t>人}}</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r>"
    )
    link = f'<w:hyperlink xmlns:w="{W}"><w:r><w:t>{{{{对象}}}}</w:t></w:r></w:hyperlink>'
    last = document.paragraphs[-1]._p
    last.append(parse_xml(box))
    last.append(parse_xml(link))
    document.save(str(path))
    return path


def test_a_custom_template_with_placeholders_split_over_runs(tmp_path: Path) -> None:
    template = custom_template(tmp_path / "mine.docx")
    document = opened(render_letter(DATA, template))
    paragraphs = document.paragraphs
    assert paragraphs[0].text == "致镇原县人民法院："
    # the runs the placeholder spread over are merged: the value in the first one, the emptied ones gone
    assert [run.text for run in paragraphs[0].runs] == ["致", "镇原县人民法院", "："]
    assert paragraphs[1].text == "甘1027" and paragraphs[1].runs[0].bold and len(paragraphs[1].runs) == 1
    assert paragraphs[2].text == "专项行动：半年清积尾，截至2023年3月1日"
    assert [run.text for run in paragraphs[2].runs] == ["专项行动：", "半年清积", "尾", "，截至2023年3月1日"]
    assert paragraphs[3].text == "议定：两周内结案一件\n每周报告进展"  # with other text: a line break
    assert document.tables[0].cell(0, 1).text == "清积率0.00%，第3/3名"
    assert rows_of(document) == TABLE
    cases = document.tables[-1]
    assert cases.rows[1].cells[0].paragraphs[0].runs[0].font.size == docx.shared.Pt(12)  # the marker's size
    assert cases.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert "{{案件清单}}" not in all_text(document)
    assert document.sections[0].header.paragraphs[0].text == "〔2023〕2号"
    assert document.sections[0].footer.paragraphs[0].text == "第2件"
    texts = "".join(node.text or "" for node in document.element.body.iter(qn("w:t")))
    assert "督导组" in texts and "院长" in texts  # the text box and the link
    assert "{{" not in texts and "}}" not in texts


def test_a_marker_in_a_table_cell_keeps_the_cell_whole(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("{{案件清单}}")
    path = tmp_path / "cell.docx"
    document.save(str(path))
    result = opened(render_letter(DATA, path))
    cell = result.tables[0].cell(0, 0)
    assert [[c.text for c in row.cells] for row in cell.tables[0].rows] == TABLE
    assert cell.paragraphs and cell._tc[-1].tag == qn("w:p")  # a cell ends with a paragraph


@pytest.mark.parametrize(
    ("runs", "placeholder", "reason"),
    [
        ("{{承办|人}}", "承办人", "unknown placeholder {{承办人}}"),
        ("见{{法院", "{{", "braces are not closed"),
        (f"附：|{{{{{CASE_LIST}}}}}", CASE_LIST, "must stand alone"),
    ],
)
def test_a_bad_template_is_refused_naming_the_placeholder_and_the_file(
    tmp_path: Path, runs: str, placeholder: str, reason: str
) -> None:
    template = custom_template(tmp_path / "bad.docx", extra=runs)
    with pytest.raises(LetterTemplateError) as refused:
        render_letter(DATA, template)
    message = str(refused.value)
    assert str(template) in message and reason in message
    assert placeholder in refused.value.placeholder and placeholder in refused.value.reason_zh
    with pytest.raises(LetterTemplateError):
        placeholders_in(template)


def test_a_file_that_is_not_a_template(tmp_path: Path) -> None:
    text = tmp_path / "letter.docx"
    text.write_text("not a document", encoding="utf-8")
    with pytest.raises(LetterTemplateError, match="not a valid Word document"):
        render_letter(DATA, text)
    with pytest.raises(LetterTemplateError, match="does not exist"):
        render_letter(DATA, tmp_path / "missing.docx")


def test_every_placeholder_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "campaigns.md").read_text(encoding="utf-8")
    for name in PLACEHOLDERS:
        assert f"`{{{{{name}}}}}`" in doc, name
