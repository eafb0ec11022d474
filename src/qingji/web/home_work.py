"""A judge's or an assistant's home: my work, most urgent first (qingji.campaigns.due_work gathers it).

The counts at the top each open exactly the cases behind them: the snapshot's warnings the ledger
(``/ledger/?warning=CODE``, the ledger's own filter), the campaign items this list narrowed to that kind
(``/?show=KIND``); for a person granted a whole court, whose ledger holds more than their work, every count opens
this list."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from qingji.campaigns.due_work import (
    AGE_10_MONTHS,
    APPRAISAL_OVERDUE,
    DETERMINATIONS,
    OVERDUE,
    STEP_DUE,
    STEP_OVERDUE,
    TARGET_DUE,
    TARGET_OVERDUE,
    DueItem,
    conventions_in_force,
    kinds,
    my_work,
    warning_kinds,
)
from qingji.cases.selectors import reads_more_than_work
from qingji.core.vocabulary import APPROACHING_PREFIX
from qingji.courts.models import Person
from qingji.web import labels as lb
from qingji.web.params import BadParameter, query_text
from qingji.web.views import page_context

PAGE_SIZE = 100  # items on a page: a busy judge's week can hold hundreds


def work_home(request: HttpRequest, person: Person | None) -> HttpResponse:
    known = kinds(conventions_in_force())
    show = query_text(request.GET, "show", "my_work_show")
    if show and show not in known:
        raise BadParameter("my_work_show", show, "not_a_kind")
    if person is None:
        return render(request, "web/home_work.html", page_context(request, person=None))
    work = my_work(person)
    # The ledger lists what the person sees: it counts as this list unless they read more than their work.
    ledger_kinds = set() if reads_more_than_work(person) else set(warning_kinds(conventions_in_force()))
    counts = [
        {"kind": kind, "label": kind_label(kind), "n": work.counts[kind], "url": count_url(kind, ledger_kinds),
         "chosen": kind == show}
        for kind in known
    ]  # fmt: skip
    items = [item for item in work.items if not show or item.kind == show]
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))  # the most urgent on the first page
    rows = [row(item, work.months_to_long_pending) for item in page.object_list]
    context = page_context(
        request, person=person, as_of=work.as_of, counts=counts, rows=rows, page=page,
        shown=kind_label(show) if show else "", total=len(work.items),
    )  # fmt: skip
    return render(request, "web/home_work.html", context)


def count_url(kind: str, ledger_kinds: set[str]) -> str:
    """Where a count opens its cases: the ledger for a snapshot warning, else this list narrowed to the kind."""
    if kind in ledger_kinds:
        return f"{reverse('web:ledger')}?{urlencode({'warning': kind})}"
    return f"{reverse('web:home')}?{urlencode({'show': kind})}#work"


def kind_label(kind: str) -> str:
    """What is due, in words: an expiry warning in the ledger's words, the rest in this page's."""
    if kind.startswith(APPROACHING_PREFIX):
        return lb.warning_text(kind)
    return lb.text(f"kind_{kind}")


def next_action(item: DueItem, months: int) -> str:
    """What to do next, in words."""
    if item.kind == OVERDUE:
        return lb.text("act_overdue")
    if item.kind == AGE_10_MONTHS:
        return lb.text("act_age_10_months").format(months=months)
    if item.kind in (STEP_OVERDUE, STEP_DUE):
        return lb.text("act_step").format(step=item.detail)
    if item.kind == TARGET_OVERDUE:
        return lb.text("act_target_overdue")
    if item.kind == TARGET_DUE:
        return lb.text("act_target_due")
    if item.kind == DETERMINATIONS:
        fields = ("、" if not lb.is_english() else ", ").join(lb.text(name) for name in item.missing)
        return lb.text("act_determinations").format(fields=fields)
    if item.kind == APPRAISAL_OVERDUE:
        return lb.text("act_appraisal").format(agency=item.detail)
    return lb.text("act_approaching")


def left_text(days: int) -> str:
    if days < 0:
        return lb.text("overdue_by").format(n=-days)
    if days == 0:
        return lb.text("due_today")
    return lb.text("days_left_n").format(n=days)


def row(item: DueItem, months: int) -> dict[str, Any]:
    campaign_url = (
        reverse("web:campaign_case", args=[item.campaign_id, item.case_number]) if item.campaign_id else ""
    )
    return {
        "item": item,
        "case_url": reverse("web:case", args=[item.case_number]),
        "campaign_url": campaign_url,
        "what": kind_label(item.kind),
        "left": left_text(item.days_left),
        "late": item.days_left < 0,
        "action": next_action(item, months),
        "more": lb.text("and_more").format(n=item.more) if item.more else "",
    }
