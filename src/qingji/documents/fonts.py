"""The Chinese font of every document: WenQuanYi Micro Hei 0.2.0-beta (Apache-2.0; fonts/…/COPYRIGHT), shipped
with qingji so that a PDF or chart made on any machine, offline, shows its Chinese (the PDF embeds the glyphs it
uses)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_FILE = Path(__file__).resolve().parent / "fonts" / "wqy-microhei-0.2.0-beta" / "wqy-microhei.ttc"
FONT_NAME = "WenQuanYi Micro Hei"
PDF_FONT = "wqy-microhei"  # the name it is registered under in reportlab


@cache
def pdf_font() -> str:
    """Register the font with reportlab (once); its name there."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(PDF_FONT, str(FONT_FILE), subfontIndex=0))
    pdfmetrics.registerFontFamily(
        PDF_FONT, normal=PDF_FONT, bold=PDF_FONT, italic=PDF_FONT, boldItalic=PDF_FONT
    )
    return PDF_FONT


@cache
def chart_font() -> str:
    """Add the font to matplotlib's (once); its family name there."""
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(FONT_FILE))
    return font_manager.FontProperties(fname=str(FONT_FILE)).get_name()
