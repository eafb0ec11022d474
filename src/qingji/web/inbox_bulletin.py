"""A bulletin in the inbox (issue 13): its headline figures in the reader's language, the reader's court's place,
and the document to open (the archive's links, qingji.web.document_views)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from qingji.cadence.models import Message
from qingji.courts.models import Person
from qingji.web import labels as lb


def rate(value: float) -> str:
    return f"{value:.2%}"


def bulletin_headline(message: Message) -> str:
    data = message.data
    return lb.text("bulletin_headline").format(
        number=data.get("number", ""), rate=rate(float(data.get("clearance_rate", 0))),
        remaining=data.get("remaining", 0), since=data.get("cleared_since", 0),
    )  # fmt: skip


def bulletin_context(message: Message, person: Person) -> dict[str, Any]:
    data = message.data
    place = data.get("places", {}).get(person.court.code)
    notes = []
    if place is not None:
        rank, last, lagging = place
        notes.append(lb.text("bulletin_your_court").format(rank=rank, ranked=data.get("ranked", 0)))
        if last:
            notes.append(lb.text("bulletin_you_last"))
        elif lagging:
            notes.append(lb.text("bulletin_you_behind"))
    if data.get("last_place"):
        separator = ", " if lb.is_english() else "、"
        notes.append(lb.text("bulletin_last_place").format(courts=separator.join(data["last_place"])))
    figures = [
        (lb.text("in_scope"), data.get("in_scope", 0)),
        (lb.text("cleared"), data.get("cleared", 0)),
        (lb.text("remaining"), data.get("remaining", 0)),
        (lb.text("clearance_rate"), rate(float(data.get("clearance_rate", 0)))),
        (lb.text("bulletin_cleared_since"), data.get("cleared_since", 0)),
        (lb.text("bulletin_behind"), data.get("behind", 0)),
        (lb.text("bulletin_overdue"), data.get("overdue", 0)),
        (lb.text("bulletin_ten_month"), data.get("ten_month", 0)),
        (lb.text("bulletin_new_backlog"), data.get("new_backlog", 0)),
    ]
    # the integrity checks' findings (docs/cadence.md): all of them, and the reader's court's
    integrity = data.get("integrity")
    if isinstance(integrity, dict):
        figures.append((lb.text("bulletin_integrity"), integrity.get("total", 0)))
        own = integrity.get("by_court", {}).get(person.court.code)
        if own is not None:
            figures.append((lb.text("bulletin_integrity_yours"), own))
    document = data.get("document")
    return {
        "bulletin_notes": notes,
        "bulletin_figures": figures,
        "bulletin_links": {fmt: reverse("web:document_file", args=[document, fmt]) for fmt in ("docx", "pdf")}
        if isinstance(document, int)
        else {},
        "campaign_url": reverse("web:campaign", args=[data["campaign"]])
        if isinstance(data.get("campaign"), int)
        else "",
    }
