"""The delivery failures page (投递失败, issue 13 "Delivery": "the trial management office sees failures on a page";
docs/cadence.md "Delivery"): the e-mails and robot posts of the courts the office sees that fail (tried again
after a wait) or failed (given up), with the error in words; a failed one may be sent again (audited).

Open to the trial management office and administrators (qingji.courts.roles.OUTBOX_ROLES; 403 for the others);
each sees the deliveries to the people and robot posts of the courts they see whole (their court and those below
it); another court's delivery is "not found".
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from qingji.cadence.outbox import do_retry, failing_deliveries
from qingji.cadence.outbox_models import Delivery
from qingji.courts.models import Court, Person
from qingji.courts.roles import may_manage_outbox
from qingji.courts.selectors import whole_courts
from qingji.web import labels as lb
from qingji.web.views import page_context, person_of

PAGE_SIZE = 50


def _courts(request: HttpRequest) -> tuple[Person | None, set[str]]:
    person = person_of(request)
    if person is None or not may_manage_outbox(person):
        raise PermissionDenied
    return person, whole_courts(person) or set()


def _state(delivery: Delivery) -> str:
    if delivery.status == Delivery.Status.FAILED:
        return lb.text("outbox_given_up")
    if delivery.status == Delivery.Status.SENDING:
        return lb.text("outbox_sending")
    at = timezone.localtime(delivery.next_try_at).strftime("%Y-%m-%d %H:%M")
    return lb.text("outbox_next_try").format(at=at)


@require_safe
@login_required
def outbox_page(request: HttpRequest) -> HttpResponse:
    person, courts = _courts(request)
    page = Paginator(failing_deliveries(courts), PAGE_SIZE).get_page(request.GET.get("page"))
    names = dict(Court.objects.filter(code__in=courts).values_list("code", "name"))
    rows: list[dict[str, Any]] = [
        {
            "delivery": delivery,
            "channel": lb.text(f"outbox_channel_{delivery.channel}"),
            "court": names.get(delivery.court_code, delivery.court_code),
            "kind": lb.text(f"cadence_{delivery.kind}"),
            "state": _state(delivery),
            "failed": delivery.status == Delivery.Status.FAILED,
            "retry_url": reverse("web:outbox_retry", args=[delivery.pk]),
        }
        for delivery in page.object_list
    ]
    return render(request, "web/outbox.html", page_context(request, person=person, rows=rows, page=page))


@login_required
@require_POST
def outbox_retry(request: HttpRequest, delivery: int) -> HttpResponse:
    """Send a failed delivery again: pending at once, tried at the clock's next round."""
    _, courts = _courts(request)
    shown = Delivery.objects.filter(pk=delivery, court_code__in=courts).first()
    if shown is None:
        raise Http404
    do_retry(shown, request.user)
    return redirect("web:outbox")
