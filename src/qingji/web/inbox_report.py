"""A monthly report in the inbox (issue 13): its headline figures in the reader's language and the document to open
(the archive's links, qingji.web.document_views)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from qingji.cadence.models import Message
from qingji.web import labels as lb

NONE = "—"


def _percent(value: object) -> str:
    return f"{float(value):.2%}" if isinstance(value, int | float) else NONE


def _days(value: object) -> str:
    return f"{float(value):.1f}" if isinstance(value, int | float) else NONE


def _change(value: object) -> str:
    return f"{float(value):+.2%}" if isinstance(value, int | float) else NONE


def _scope(data: dict[str, Any]) -> str:
    """The courts covered, in the reader's language (the courts' names are data, the words around them ours)."""
    names = (
        ", ".join(data.get("top_courts", [])) if lb.is_english() else "、".join(data.get("top_courts", []))
    )
    return lb.text("report_scope_below").format(courts=names) if data.get("below") else names


def report_headline(message: Message) -> str:
    data = message.data
    return lb.text("report_headline").format(
        month=data.get("month", ""), filed=data.get("filed", 0), closed=data.get("closed", 0),
        ratio=_percent(data.get("closed_to_filed")), pending=data.get("pending", 0),
    )  # fmt: skip


def report_context(message: Message) -> dict[str, Any]:
    data = message.data
    figures = [
        (lb.text("report_filed"), data.get("filed", 0)),
        (lb.text("report_closed"), data.get("closed", 0)),
        (lb.text("report_ratio"), _percent(data.get("closed_to_filed"))),
        (lb.text("report_on_time"), _percent(data.get("on_time_rate"))),
        (lb.text("report_days"), _days(data.get("average_days"))),
        (lb.text("report_pending"), data.get("pending", 0)),
        (lb.text("report_change"), _change(data.get("pending_change"))),
        (lb.text("report_long").format(months=data.get("long_months") or 12), data.get("long_pending") or 0),
        (lb.text("report_overdue"), data.get("overdue", 0)),
    ]
    document = data.get("document")
    return {
        "intro": lb.text("report_scope_intro").format(month=data.get("month", ""), scope=_scope(data)),
        "report_figures": figures,
        "report_links": {fmt: reverse("web:document_file", args=[document, fmt]) for fmt in ("docx", "pdf")}
        if isinstance(document, int)
        else {},
    }
