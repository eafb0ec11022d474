"""Text in a Word document's XML, placeholders filled whichever runs Word spread them over.

Word often splits what was typed at once over several runs (spell-check marks, a change of formatting, an edit in
the middle); the text elements a placeholder spans are merged into its first, whose run's formatting the value
keeps. Used by the supervision letter (:mod:`qingji.campaigns.letter`).
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.parts.hdrftr import FooterPart, HeaderPart

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
W_P, W_R, W_T, W_RPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:rPr")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def roots(document: Document) -> list[Any]:
    """The body, then every header and footer (each once, however many sections share it)."""
    roots: list[Any] = [document.element.body]
    for part in document.part.package.iter_parts():
        if isinstance(part, HeaderPart | FooterPart):
            roots.append(part.element)
    return roots


def _owner(element: Any) -> Any:
    """The paragraph an element belongs to (a text box's paragraphs are their own)."""
    parent = element.getparent()
    while parent is not None and parent.tag != W_P:
        parent = parent.getparent()
    return parent


def text_nodes(paragraph: Any) -> list[Any]:
    """The paragraph's own text elements (w:t), in order."""
    return [node for node in paragraph.iter(W_T) if _owner(node) is paragraph]


def paragraph_text(paragraph: Any) -> str:
    return "".join(node.text or "" for node in text_nodes(paragraph))


def fill_paragraph(paragraph: Any, values: dict[str, str]) -> None:
    """Fill a paragraph; one that holds nothing but a placeholder whose value has several lines becomes one
    paragraph per line, each with the paragraph's formatting (its indent for every line, not only the first)."""
    alone = PLACEHOLDER.fullmatch(paragraph_text(paragraph).strip())
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
    nodes = text_nodes(paragraph)
    texts = [node.text or "" for node in nodes]
    matches = list(PLACEHOLDER.finditer("".join(texts)))
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
            set_text(node, text)


def set_text(node: Any, text: str) -> None:
    """Set a text element's text; an empty one is removed (and its run, when nothing else is left in it); line
    breaks in the value become Word's line breaks."""
    if not text:
        run = node.getparent()
        run.remove(node)
        if run.tag == W_R and all(child.tag == W_RPR for child in run):
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
