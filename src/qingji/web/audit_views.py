"""The audit page and its export: who changed what, when, before and after (issue 3 §2).

Open to the trial management office, the supervision team, court leaders and administrators; each sees the
records of the courts they may see, administrators also the records that belong to no court
(qingji.courts.selectors.visible_audit, qingji.courts.roles.AUDIT_ROLES).
"""

from __future__ import annotations

import csv
import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from qingji.audit.models import AuditRecord
from qingji.audit.selectors import AuditFilters, CountedAtMost, filtered
from qingji.courts.roles import may_read_audit
from qingji.courts.selectors import visible_audit
from qingji.interchange.csv_safety import neutralised
from qingji.web.labels import audit_action_label
from qingji.web.params import query_day, query_text
from qingji.web.views import page_context, person_of

PAGE_SIZE = 100
EXPORT_HEADERS = (
    "时间 at",
    "操作人 actor",
    "操作 action",
    "对象 object",
    "编号 id",
    "法院 court",
    "之前 before",
    "之后 after",
)


def audit_filters(query: QueryDict) -> AuditFilters:
    """The filters of a query; a bad date or a character no database takes is answered with a message."""
    return AuditFilters(
        action=query_text(query, "action", "audit_action"),
        object_id=query_text(query, "object_id", "audit_object", limit=128),
        actor=query_text(query, "actor", "audit_actor", limit=150),
        court=query_text(query, "court", "court"),
        since=query_day(query, "since", "audit_since"),
        until=query_day(query, "until", "audit_until"),
    )


@login_required
def audit_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    filters = audit_filters(request.GET)
    records = filtered(visible_audit(person), filters)
    counted = CountedAtMost(records)
    page = Paginator(counted, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(record, audit_action_label(record.action)) for record in page.object_list]
    codes = sorted(set(visible_audit(person).order_by().values_list("action", flat=True).distinct()))
    actions = [(code, audit_action_label(code)) for code in codes]
    query = request.GET.copy()
    query.pop("page", None)
    context = page_context(request, page=page, rows=rows, filters=filters, actions=actions, query=query.urlencode(),
                       allowed=may_read_audit(person), capped=counted.capped)  # fmt: skip
    # A role that does not read the trail is refused (web/menu.py leaves the page out of its menu).
    return render(request, "web/audit.html", context, status=200 if context["allowed"] else 403)


@login_required
def audit_export(request: HttpRequest) -> HttpResponse:
    """The filtered audit records as CSV (UTF-8 with BOM, so that Excel and WPS open it)."""
    person = person_of(request)
    if not may_read_audit(person):
        raise PermissionDenied
    records = filtered(visible_audit(person), audit_filters(request.GET))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="qingji-audit.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(EXPORT_HEADERS)
    for record in records.iterator(chunk_size=2000):
        writer.writerow([neutralised(cell) for cell in _row(record)])  # no formula runs (csv_safety)
    return response


def _row(record: AuditRecord) -> list[Any]:
    def text(value: Any) -> str:
        return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    actor = record.actor.get_username() if record.actor else ""
    return [record.at.isoformat(timespec="seconds"), actor, record.action, record.object_type, record.object_id,
            record.court_code, text(record.before), text(record.after)]  # fmt: skip
