"""The inbox (收件箱, issue 13, docs/cadence.md): the reminders and supervision lists the cadence produced for the
person, put into words in the reader's language (the messages keep figures and case numbers, qingji.cadence)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from qingji.cadence.inbox import messages_of, open_message
from qingji.cadence.models import Message
from qingji.cadence.schedule import Kind
from qingji.campaigns.due_work import DueItem
from qingji.campaigns.due_work import conventions_in_force as conventions
from qingji.web import labels as lb
from qingji.web.home_work import kind_label, row
from qingji.web.inbox_bulletin import bulletin_context, bulletin_headline
from qingji.web.inbox_report import report_context, report_headline
from qingji.web.views import page_context, person_of

PAGE_SIZE = 50


def headline(message: Message) -> str:
    """What the message is about, in one line."""
    total = int(message.data.get("total", 0))
    if message.kind == Kind.BULLETIN:
        return bulletin_headline(message)
    if message.kind == Kind.REPORT:
        return report_headline(message)
    if message.kind == Kind.LIST:
        return lb.text("list_headline").format(n=total)
    counts = message.data.get("counts", {})
    parts = [f"{kind_label(kind)} {n}" for kind, n in counts.items()]
    colon = ": " if lb.is_english() else "："
    return f"{lb.text('reminder_headline').format(n=total)}{colon}{' · '.join(parts)}" if parts else ""


@login_required
def inbox_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    messages = messages_of(person) if person is not None else Message.objects.none()
    page = Paginator(messages, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {"message": m, "kind": lb.text(f"cadence_{m.kind}"), "headline": headline(m),
         "url": reverse("web:inbox_message", args=[m.pk])}
        for m in page.object_list
    ]  # fmt: skip
    return render(request, "web/inbox.html", page_context(request, person=person, rows=rows, page=page))


@login_required
def inbox_message(request: HttpRequest, message: int) -> HttpResponse:
    person = person_of(request)
    shown = open_message(person, message) if person is not None else None
    if shown is None:
        raise Http404
    day = shown.on.isoformat()
    data = shown.data
    context: dict[str, Any] = {
        "message": shown,
        "kind": lb.text(f"cadence_{shown.kind}"),
        "intro": lb.text(f"{shown.kind}_intro").format(day=day, campaign=data.get("campaign_name", "")),
        "listed": lb.text("listed_of").format(shown=len(data.get("items", [])), total=data.get("total", 0)),
    }
    if shown.kind == Kind.BULLETIN and person is not None:
        context.update(bulletin_context(shown, person))
    elif shown.kind == Kind.REPORT:
        context.update(report_context(shown))
    elif shown.kind == Kind.REMINDER:
        months = min(conventions().long_pending_tiers)
        context["work_rows"] = [row(_due_item(item), months) for item in data.get("items", [])]
    elif shown.kind == Kind.LIST:
        context["list_rows"] = [_list_row(item) for item in data.get("items", [])]
    return render(request, "web/inbox_message.html", page_context(request, person=person, **context))


def _due_item(item: dict[str, Any]) -> DueItem:
    due = item.get("due_on")
    return DueItem(
        kind=item["kind"], case_number=item["case_number"], due_on=date.fromisoformat(due) if due else None,
        days_left=item["days_left"], campaign_id=item.get("campaign_id"), detail=item.get("detail", ""),
        missing=tuple(item.get("missing", ())), more=item.get("more", 0),
    )  # fmt: skip


def _list_row(item: dict[str, Any]) -> dict[str, Any]:
    return {
        **item,
        "case_url": reverse("web:case", args=[item["case_number"]]),
        "campaign_url": reverse("web:campaign_case", args=[item["campaign_id"], item["case_number"]]),
    }
