"""A bordered table put where a marker paragraph stands in a Word document, in the marker's font: the supervision
letter's table of remaining cases (:mod:`qingji.campaigns.letter`), the bulletin's and the report's tables
(:mod:`qingji.documents.template`)."""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Cm, Emu

from qingji.documents.docx_text import W_RPR, set_text, text_nodes

CELL_MARGIN_TWIPS = 57  # 0.1 cm each side: a case number and a date fit their columns in 五号


def put_table(
    document: Document,
    marker: Any,
    columns: Sequence[tuple[str, int]],
    rows: Sequence[Sequence[str]],
    *,
    empty: str,
) -> None:
    """Put a table where the marker paragraph is, in the marker's font: a header of ``columns`` (name, share of
    the width), repeated on every page, then ``rows``; no rows: the marker's text becomes ``empty``."""
    nodes = text_nodes(marker)
    run_properties = nodes[0].getparent().find(W_RPR) if nodes else None
    if not rows:
        for node in nodes[1:]:
            set_text(node, "")
        set_text(nodes[0], empty)
        return
    total = sum(share for _, share in columns)
    widths = [Emu(_usable_width(document) * share // total) for _, share in columns]
    table = document.add_table(rows=0, cols=len(columns))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    _borders(table._tbl)
    header = table.add_row()
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on every page
    _fill_row(header.cells, [name for name, _ in columns], widths, run_properties, bold=True)
    for row in rows:
        _fill_row(table.add_row().cells, row, widths, run_properties, bold=False)
    marker.addprevious(table._tbl)
    parent = marker.getparent()
    if parent.tag == qn("w:tc"):  # a cell must end with a paragraph: keep the marker's, emptied
        for node in nodes:
            set_text(node, "")
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
