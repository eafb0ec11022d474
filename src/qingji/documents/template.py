"""A document from an editable Word template: placeholders (``{{名称}}``) filled with text anywhere (paragraphs,
tables, headers, footers, text boxes, whichever runs Word spread them over: :mod:`.docx_text`), and a paragraph
holding nothing but a block placeholder replaced by its blocks (:mod:`.blocks`: paragraphs of text, tables, charts)
in that paragraph's font and indent.

The template is checked before anything is filled: a placeholder the document does not know, a block placeholder
sharing its paragraph, or braces left open refuse it (:class:`TemplateError`, naming the placeholder and the
template), so that a court's edited template fails with a reason, never with a half-filled document.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from copy import deepcopy
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Cm

from qingji.documents.blocks import BarChart, Block, Table, Text
from qingji.documents.charts import WIDTH_CM, bar_chart_png
from qingji.documents.docx_table import put_table
from qingji.documents.docx_text import (
    PLACEHOLDER,
    W_P,
    fill_paragraph,
    paragraph_text,
    roots,
    set_text,
    text_nodes,
)


class TemplateError(ValueError):
    """The template cannot make the document; nothing was generated."""

    def __init__(self, template: Path | str, reason_zh: str, reason_en: str, placeholder: str = "") -> None:
        self.template, self.placeholder = template, placeholder
        self.reason_zh, self.reason_en = reason_zh, reason_en
        super().__init__(f"{template}: {reason_zh} / {reason_en}")


def open_template(template: Path) -> Document:
    if not template.is_file():
        raise TemplateError(template, "模板文件不存在", "the template file does not exist")
    try:
        return docx.Document(str(template))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise TemplateError(
            template, f"不是有效的 Word 文档（.docx）：{error}", f"not a valid Word document (.docx): {error}"
        ) from None


def check_template(
    template: Path, known: Mapping[str, object], blocks: Sequence[str]
) -> tuple[Document, list[Any], dict[str, list[Any]]]:
    """Open and check ``template`` against the placeholders ``known`` (of which ``blocks`` stand alone in their
    paragraph); the document, its paragraphs and each block placeholder's paragraphs."""
    document = open_template(template)
    paragraphs = [paragraph for root in roots(document) for paragraph in root.iter(W_P)]
    markers: dict[str, list[Any]] = {}
    for paragraph in paragraphs:
        text = paragraph_text(paragraph)
        for match in PLACEHOLDER.finditer(text):
            name = match.group(1)
            if name not in known:
                raise TemplateError(
                    template,
                    f"未知的占位符 {match.group(0)}（可用：{'、'.join(known)}）",
                    f"unknown placeholder {match.group(0)} (known: {', '.join(known)})",
                    placeholder=name,
                )
            if name in blocks:
                if text.strip() != match.group(0):
                    raise TemplateError(
                        template,
                        f"{match.group(0)} 须单独成段，不能与其他文字同段：“{text.strip()}”",
                        f"{match.group(0)} must stand alone in its paragraph: {text.strip()!r}",
                        placeholder=name,
                    )
                markers.setdefault(name, []).append(paragraph)
        rest = PLACEHOLDER.sub("", text)
        if "{{" in rest or "}}" in rest:
            raise TemplateError(
                template,
                f"占位符的花括号不完整：“{text.strip()}”",
                f"a placeholder's braces are not closed: {text.strip()!r}",
                placeholder=rest,
            )
    return document, paragraphs, markers


def fill_template(
    template: Path,
    known: Mapping[str, object],
    values: Mapping[str, str],
    blocks: Mapping[str, Sequence[Block]],
) -> bytes:
    """The document ``template`` makes with ``values`` (text placeholders) and ``blocks`` (block placeholders), as
    the bytes of a .docx."""
    document, paragraphs, markers = check_template(template, known, list(blocks))
    marked = {id(paragraph) for found in markers.values() for paragraph in found}
    texts = dict(values)
    for paragraph in paragraphs:
        if id(paragraph) not in marked:
            fill_paragraph(paragraph, texts)
    for name, found in markers.items():
        for marker in found:
            put_blocks(document, marker, blocks[name])
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def put_blocks(document: Document, marker: Any, blocks: Sequence[Block]) -> None:
    """Put ``blocks`` where the marker paragraph is, in its font and indent; the marker goes."""
    for block in blocks:
        anchor = deepcopy(marker)
        marker.addprevious(anchor)
        if isinstance(block, Table):
            put_table(document, anchor, block.columns, block.rows, empty=block.empty)
        elif isinstance(block, Text):
            lines = block.text.split("\n")
            for line in lines[:-1]:
                copy = deepcopy(marker)
                anchor.addprevious(copy)
                _set_paragraph_text(copy, line)
            _set_paragraph_text(anchor, lines[-1])
        elif isinstance(block, BarChart):
            _put_chart(document, anchor, block)
    marker.getparent().remove(marker)


def _set_paragraph_text(paragraph: Any, text: str) -> None:
    nodes = text_nodes(paragraph)
    for node in nodes[1:]:
        set_text(node, "")
    set_text(nodes[0], text)


def _put_chart(document: Document, paragraph: Any, chart: BarChart) -> None:
    """The chart as a picture alone in the paragraph (no first-line indent), its notes after it in the
    paragraph's font."""
    from docx.text.paragraph import Paragraph

    for note in reversed(chart.notes):
        copy = deepcopy(paragraph)
        paragraph.addnext(copy)
        _set_paragraph_text(copy, note)
    for node in text_nodes(paragraph):
        set_text(node, "")
    holder = Paragraph(paragraph, document._body)
    holder.paragraph_format.first_line_indent = 0
    holder.add_run().add_picture(BytesIO(bar_chart_png(chart)), width=Cm(WIDTH_CM))
