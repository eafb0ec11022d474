"""The audit page and its export: who changed what, when, before and after (issue 3 §2).

Open to the trial management office, the supervision team, court leaders and administrators; each sees the
records of the courts they may see (administrators also the records that belong to no court).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from qingji.audit.models import AuditRecord
from qingji.courts.models import Person, Role
from qingji.courts.selectors import visible_court_codes
from qingji.interchange.csv_safety import neutralised
from qingji.web.labels import audit_action_label
from qingji.web.params import query_day, query_text
from qingji.web.views import page_context, person_of

AUDIT_ROLES = frozenset(
    {Role.ADMINISTRATOR, Role.TRIAL_MANAGEMENT, Role.SUPERVISION, Role.PRESIDENT, Role.VICE_PRESIDENT}
)
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


@dataclass(frozen=True)
class AuditFilters:
    action: str = ""
    object_id: str = ""
    actor: str = ""
    court: str = ""
    since: date | None = None
    until: date | None = None

    @classmethod
    def from_query(cls, query: QueryDict) -> AuditFilters:
        """The filters of a query; a bad date or a character no database takes is answered with a message."""
        return cls(
            action=query_text(query, "action", "audit_action"),
            object_id=query_text(query, "object_id", "audit_object", limit=128),
            actor=query_text(query, "actor", "audit_actor", limit=150),
            court=query_text(query, "court", "court"),
            since=query_day(query, "since", "audit_since"),
            until=query_day(query, "until", "audit_until"),
        )


def visible_audit(person: Person | None) -> QuerySet[AuditRecord]:
    """The audit records a person may read (none for roles outside AUDIT_ROLES)."""
    if person is None or person.role not in AUDIT_ROLES:
        return AuditRecord.objects.none()
    records = AuditRecord.objects.select_related("actor")
    codes = visible_court_codes(person)
    if person.role == Role.ADMINISTRATOR:
        return records.filter(court_code__in=[*codes, ""])
    return records.filter(court_code__in=codes)


def filtered(person: Person | None, filters: AuditFilters) -> QuerySet[AuditRecord]:
    records = visible_audit(person)
    if filters.action:
        records = records.filter(action=filters.action)
    if filters.object_id:
        records = records.filter(object_id__contains=filters.object_id)
    if filters.actor:
        records = records.filter(actor__username=filters.actor)
    if filters.court:
        records = records.filter(court_code=filters.court)  # within what the person may see
    if filters.since:
        records = records.filter(at__date__gte=filters.since)
    if filters.until:
        records = records.filter(at__date__lte=filters.until)
    return records.order_by("-at", "-id")


@login_required
def audit_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    filters = AuditFilters.from_query(request.GET)
    records = filtered(person, filters)
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(record, audit_action_label(record.action)) for record in page.object_list]
    codes = sorted(set(visible_audit(person).values_list("action", flat=True).distinct()))
    actions = [(code, audit_action_label(code)) for code in codes]
    query = request.GET.copy()
    query.pop("page", None)
    context = page_context(request, page=page, rows=rows, filters=filters, actions=actions, query=query.urlencode(),
                       allowed=person is not None and person.role in AUDIT_ROLES)  # fmt: skip
    return render(request, "web/audit.html", context)


@login_required
def audit_export(request: HttpRequest) -> HttpResponse:
    """The filtered audit records as CSV (UTF-8 with BOM, so that Excel and WPS open it)."""
    records = filtered(person_of(request), AuditFilters.from_query(request.GET))
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
