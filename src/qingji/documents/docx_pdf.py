"""A filled Word document laid out as PDF (reportlab), so that the court's own template governs both formats: the
page size and margins, the header and footer, each paragraph's size, weight, alignment and first-line indent,
the tables (header rows repeated on every page) and the pictures, in document order, in the shipped Chinese font
(:mod:`.fonts`, embedded). What a template may hold beyond that (columns, floating shapes, other fonts) is laid out
as plain paragraphs in that font: the PDF is the DOCX's content, the DOCX its exact form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.paragraph import Paragraph as DocxParagraph
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate

from qingji.documents.docx_text import W_P
from qingji.documents.fonts import pdf_font

W_TBL, W_TR, W_TC, W_R, W_T, W_BR = qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r"), qn("w:t"), qn("w:br")
A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
WP_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
R_EMBED = qn("r:embed")
EMU_PER_POINT, TWIPS_PER_POINT = 12700, 20
ALIGNMENTS = {
    "center": TA_CENTER,
    "right": TA_RIGHT,
    "end": TA_RIGHT,
    "justify": TA_JUSTIFY,
    "distribute": TA_JUSTIFY,
}
DEFAULT_SIZE = 10.5


@dataclass(frozen=True)
class Look:
    """How a paragraph looks, read from its own properties, else its style's, else the defaults."""

    size: float
    bold: bool
    alignment: int
    first_line: float  # points
    leading: float  # points


def docx_to_pdf(content: bytes, title: str = "") -> bytes:
    """The PDF of a .docx's content (its bytes), with ``title`` as the PDF's title."""
    document = docx.Document(BytesIO(content))
    font = pdf_font()
    section = document.sections[0]
    width = (section.page_width or 0) / EMU_PER_POINT or 595.3
    height = (section.page_height or 0) / EMU_PER_POINT or 841.9
    margins = [(getattr(section, side) or 0) / EMU_PER_POINT or 2.5 * cm for side in
               ("left_margin", "right_margin", "top_margin", "bottom_margin")]  # fmt: skip
    out = BytesIO()
    pdf = SimpleDocTemplate(
        out, pagesize=(width, height), leftMargin=margins[0], rightMargin=margins[1], topMargin=margins[2],
        bottomMargin=margins[3], title=title, author="", creator="qingji", subject=title,
    )  # fmt: skip
    reader = _Reader(document, font, pdf.width)
    story = [
        flowable for element in document.element.body.iterchildren() for flowable in reader.flowables(element)
    ]
    header = " ".join(paragraph.text for paragraph in section.header.paragraphs if paragraph.text.strip())
    footer = " ".join(paragraph.text for paragraph in section.footer.paragraphs if paragraph.text.strip())
    decorate = _decoration(font, header, footer, width, margins)
    pdf.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out.getvalue()


def _decoration(
    font: str, header: str, footer: str, width: float, margins: list[float]
) -> Callable[..., None]:
    def draw(canvas: Any, pdf: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        if header:
            canvas.drawRightString(width - margins[1], pdf.pagesize[1] - margins[2] / 2, header)
        canvas.drawCentredString(width / 2, margins[3] / 2, f"{footer}  — {canvas.getPageNumber()} —".strip())
        canvas.restoreState()

    return draw


class _Reader:
    def __init__(self, document: Document, font: str, width: float) -> None:
        self.document, self.font, self.width = document, font, width
        self.normal = document.styles["Normal"] if "Normal" in [s.name for s in document.styles] else None

    def flowables(self, element: Any) -> list[Flowable]:
        if element.tag == W_P:
            return self.paragraph(element)
        if element.tag == W_TBL:
            return [self.table(element)]
        return []

    def look(self, element: Any) -> Look:
        paragraph = DocxParagraph(element, self.document._body)
        style = paragraph.style if element.pPr is not None and element.pPr.pStyle is not None else None
        style = style or self.normal
        size, bold = DEFAULT_SIZE, False
        alignment, indent, spacing = None, None, None
        while style is not None:  # the paragraph's style, then the styles it is based on
            size = size if size != DEFAULT_SIZE or style.font.size is None else style.font.size.pt
            bold = bold or bool(style.font.bold)
            layout = style.paragraph_format
            alignment = alignment if alignment is not None else layout.alignment
            indent = indent if indent is not None else layout.first_line_indent
            spacing = spacing if spacing is not None else layout.line_spacing
            style = style.base_style
        sized = next((run.font.size.pt for run in paragraph.runs if run.font.size is not None), None)
        size = sized if sized is not None else size
        bold = bold or any(run.bold for run in paragraph.runs)
        own = paragraph.paragraph_format
        alignment = own.alignment if own.alignment is not None else alignment
        indent = own.first_line_indent if own.first_line_indent is not None else indent
        spacing = own.line_spacing if own.line_spacing is not None else spacing
        exact = spacing.pt if isinstance(spacing, Length) else size * 1.3 * float(spacing or 1)
        return Look(
            size, bold, ALIGNMENTS.get(str(alignment).split(" ")[0].lower(), TA_LEFT) if alignment is not None
            else TA_LEFT, indent.pt if indent is not None else 0.0, max(exact, size * 1.15),
        )  # fmt: skip

    def paragraph(self, element: Any) -> list[Flowable]:
        look = self.look(element)
        pictures = [self.picture(blip, element) for blip in element.iter(A_BLIP)]
        text = _text(element)
        out: list[Flowable] = [picture for picture in pictures if picture is not None]
        if text.strip() or not out:
            style = ParagraphStyle(
                "p", fontName=self.font, fontSize=look.size, leading=look.leading, alignment=look.alignment,
                firstLineIndent=look.first_line, wordWrap="CJK",
            )  # fmt: skip
            markup = escape(text).replace("\n", "<br/>") or "&nbsp;"
            out.append(Paragraph(f"<b>{markup}</b>" if look.bold else markup, style))
        return out

    def picture(self, blip: Any, paragraph: Any) -> Flowable | None:
        part = self.document.part.related_parts.get(blip.get(R_EMBED))
        if part is None:
            return None
        extent = next(paragraph.iter(WP_EXTENT), None)
        width = int(extent.get("cx")) / EMU_PER_POINT if extent is not None else self.width
        height = int(extent.get("cy")) / EMU_PER_POINT if extent is not None else self.width / 2
        scale = min(1.0, self.width / width) if width else 1.0
        return Image(BytesIO(part.blob), width=width * scale, height=height * scale)

    def table(self, element: Any) -> Flowable:
        rows = [row for row in element.iterchildren(W_TR)]
        cells = [[cell for cell in row.iterchildren(W_TC)] for row in rows]
        size = next(
            (self.look(p).size for row in cells for cell in row for p in cell.iter(W_P) if _text(p).strip()),
            DEFAULT_SIZE,
        )
        style = ParagraphStyle("cell", fontName=self.font, fontSize=size, leading=size * 1.25, wordWrap="CJK")
        bold = ParagraphStyle("head", parent=style, alignment=TA_CENTER)
        repeat = sum(1 for row in rows if row.find(qn("w:trPr")) is not None
                     and row.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None)  # fmt: skip
        data = [
            [Paragraph((f"<b>{escape(_text(cell))}</b>" if index < repeat else escape(_text(cell))).replace("\n", "<br/>"),
                       bold if index < repeat else style) for cell in row]
            for index, row in enumerate(cells)
        ]  # fmt: skip
        grid = [int(col.get(qn("w:w"))) for col in element.iter(qn("w:gridCol")) if col.get(qn("w:w"))]
        total = sum(grid) or 1
        widths = (
            [self.width * width / total for width in grid]
            if len(grid) == max(map(len, cells), default=0)
            else None
        )
        table = Table(data, colWidths=widths, repeatRows=repeat, spaceBefore=4, spaceAfter=6)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))  # fmt: skip
        return table


def _text(element: Any) -> str:
    """A paragraph's (or a cell's) text, Word's line breaks as newlines, a cell's paragraphs on their own lines."""
    if element.tag == W_TC:
        return "\n".join(_text(p) for p in element.iterchildren(W_P))
    parts: list[str] = []
    for node in element.iter(W_T, W_BR):
        parts.append("\n" if node.tag == W_BR else node.text or "")
    return "".join(parts)
