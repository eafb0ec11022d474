"""The trial management office's home: its to-do list, the most pressing first (qingji.campaigns.office_todo
gathers it), each item a link to the page where it is dealt with; then the courts' own figures (the stored
counts of the snapshot, as the leaders' summary reads them), each a link to the ledger's cases."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from qingji.campaigns.due_work import work_day
from qingji.campaigns.office_todo import (
    APPRAISALS,
    DETERMINATIONS,
    FOLLOW_UPS,
    IMPORT_LATE,
    LOOKBACKS,
    REFERRALS,
    TodoItem,
    office_todo,
)
from qingji.core.vocabulary import Status
from qingji.courts.models import Person
from qingji.web import labels as lb
from qingji.web.queries import SUMMARY_KEYS, courts_of, summary
from qingji.web.views import page_context

# The leaders' summary, cut to the office's few columns: pending, overdue, approaching (each a ledger status).
# (summary column, ledger status: "" for the ledger's default, the pending cases)
FIGURES = (("pending", ""), (Status.OVERDUE.value, Status.OVERDUE.value),
           (Status.APPROACHING.value, Status.APPROACHING.value))  # fmt: skip


def office_home(request: HttpRequest, person: Person | None) -> HttpResponse:
    if person is None:
        return render(request, "web/home_office.html", page_context(request, person=None))
    todo = office_todo(person, work_day())
    names = courts_of(person)
    rows = [todo_row(item, names, todo.as_of) for item in todo.items]
    context = page_context(
        request, person=person, as_of=todo.as_of, rows=rows, figures=court_figures(person),
        rule=lb.text("todo_import_rule").format(n=todo.late_days),
        figure_headers=[lb.text("figures_pending"), *(lb.status_label(status) for _, status in FIGURES[1:])],
    )  # fmt: skip
    return render(request, "web/home_office.html", context)


def todo_row(item: TodoItem, names: dict[str, str], as_of: Any) -> dict[str, Any]:
    campaign = item.campaign
    note = ""
    if item.kind == IMPORT_LATE:
        url = reverse("web:import")
        if item.last_import is None:
            note = lb.text("todo_import_never")
        else:
            day = timezone.localdate(item.last_import)
            note = lb.text("todo_import_last").format(
                day=day.isoformat(), n=(timezone.localdate() - day).days
            )
    else:
        assert campaign is not None
        url = where(item.kind, campaign.pk, item.court_code, as_of)
    return {
        "item": item,
        "what": lb.text(f"todo_{item.kind}"),
        "court": f"{item.court_code} {names.get(item.court_code, '')}".strip(),
        "campaign": campaign.name if campaign is not None else "",
        "note": note,
        "url": url,
    }


def where(kind: str, campaign: int, court: str, as_of: Any) -> str:
    """The page where an item of the campaign is dealt with (contracts: the campaign page's parameters)."""
    day = as_of.isoformat()
    if kind == DETERMINATIONS:
        query = {"court": court, "missing": "determinations", "as_of": day}
        return f"{reverse('web:campaign', args=[campaign])}?{urlencode(query)}"
    if kind == FOLLOW_UPS:
        return f"{reverse('web:campaign', args=[campaign])}?{urlencode({'court': court, 'as_of': day})}"
    name = {APPRAISALS: "web:campaign_appraisals", REFERRALS: "web:campaign_green_channel",
            LOOKBACKS: "web:campaign_lookback"}[kind]  # fmt: skip
    return f"{reverse(name, args=[campaign])}?{urlencode({'as_of': day})}"


def court_figures(person: Person) -> dict[str, Any]:
    """Per court the pending, overdue and approaching cases from the stored counts, each with its ledger link."""
    figures = summary(person)
    columns = [SUMMARY_KEYS.index(key) for key, _ in FIGURES]
    ledger = reverse("web:ledger")

    def cells(code: str, counts: list[int]) -> list[dict[str, Any]]:
        out = []
        for (_, status), column in zip(FIGURES, columns, strict=True):
            query = {key: value for key, value in (("court", code), ("status", status)) if value}
            out.append({"n": counts[column], "url": f"{ledger}?{urlencode(query)}" if query else ledger})
        return out

    return {
        "as_of": figures.as_of,
        "rows": [
            {"code": row.code, "name": row.name, "cells": cells(row.code, row.counts)} for row in figures.rows
        ],
        "total": cells("", figures.total.counts),
    }
