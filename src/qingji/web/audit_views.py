"""The audit page and its export: who changed what, when, before and after (issue 3 §2), the actions and the
changes in words, field by field (web/audit_changes.py; docs/pages.md "The audit trail").

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
from django.utils.translation import get_language

from qingji.audit.models import AuditRecord
from qingji.audit.selectors import AuditFilters, CountedAtMost, filtered
from qingji.courts.models import Court
from qingji.courts.roles import may_read_audit
from qingji.courts.selectors import visible_audit
from qingji.interchange.csv_safety import neutralised
from qingji.web.audit_changes import AuditWords, changes
from qingji.web.audit_labels import OBJECT_TYPE_LABELS
from qingji.web.labels import AUDIT_ACTION_LABELS, audit_action_label
from qingji.web.params import query_day, query_text
from qingji.web.views import page_context, person_of

PAGE_SIZE = 100
# The export's columns: the first eight are relied on as they are (their order, the action and object as codes,
# before and after as JSON: docs/access.md); the last three tell the same in words, in the reader's language.
EXPORT_HEADERS = (
    "时间 at",
    "操作人 actor",
    "操作 action",
    "对象 object",
    "编号 id",
    "法院 court",
    "之前 before",
    "之后 after",
    "操作（文字） action in words",
    "对象（文字） object in words",
    "变更内容 what changed",
)
# The columns that hold codes and JSON for machines (the words check leaves them out).
EXPORT_CODE_COLUMNS = ("操作 action", "对象 object", "之前 before", "之后 after")


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


def audit_words(request: HttpRequest) -> AuditWords:
    courts = list(Court.objects.values_list("id", "code", "name"))
    return AuditWords(
        language=getattr(request, "LANGUAGE_CODE", None) or get_language() or "",
        courts={code: name for _, code, name in courts},
        court_ids={pk: code for pk, code, _ in courts},
    )


def action_choices(chosen: str) -> list[tuple[str, str]]:
    """Every action the trail records, in words (not read from the records: a court's trail holds millions)."""
    codes = {*AUDIT_ACTION_LABELS, *([chosen] if chosen else [])}
    return sorted(((code, audit_action_label(code)) for code in codes), key=lambda pair: pair[1])


@login_required
def audit_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    filters = audit_filters(request.GET)
    records = filtered(visible_audit(person), filters).select_related("actor__person")
    counted = CountedAtMost(records)
    page = Paginator(counted, PAGE_SIZE).get_page(request.GET.get("page"))
    words = audit_words(request)
    rows = [
        {
            "record": record,
            "action": audit_action_label(record.action),
            "object": object_label(record.object_type, words),
            "actor": actor_label(record),
            "court": words.court(record.court_code) if record.court_code else "",
            "changes": changes(record.action, record.before, record.after, words),
        }
        for record in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = page_context(request, page=page, rows=rows, filters=filters, actions=action_choices(filters.action),
                           query=query.urlencode(), allowed=may_read_audit(person), capped=counted.capped)  # fmt: skip
    # A role that does not read the trail is refused (web/menu.py leaves the page out of its menu).
    return render(request, "web/audit.html", context, status=200 if context["allowed"] else 403)


def object_label(object_type: str, words: AuditWords) -> str:
    pair = OBJECT_TYPE_LABELS.get(object_type)
    return words.pick(pair) if pair else object_type


def actor_label(record: AuditRecord) -> str:
    """Who: the person's name and user name; none for the system's own runs (an import by command, the demo)."""
    user = record.actor
    if user is None:
        return ""
    person = getattr(user, "person", None)
    name = person.name if person is not None else ""
    return f"{name}（{user.get_username()}）" if name else user.get_username()


@login_required
def audit_export(request: HttpRequest) -> HttpResponse:
    """The filtered audit records as CSV (UTF-8 with BOM, so that Excel and WPS open it)."""
    person = person_of(request)
    if not may_read_audit(person):
        raise PermissionDenied
    records = filtered(visible_audit(person), audit_filters(request.GET))
    words = audit_words(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="qingji-audit.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(EXPORT_HEADERS)
    for record in records.iterator(chunk_size=2000):
        writer.writerow([neutralised(cell) for cell in _row(record, words)])  # no formula runs (csv_safety)
    return response


def _row(record: AuditRecord, words: AuditWords) -> list[Any]:
    def text(value: Any) -> str:
        return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    actor = record.actor.get_username() if record.actor else ""
    told = "; ".join(change.text() for change in changes(record.action, record.before, record.after, words))
    return [record.at.isoformat(timespec="seconds"), actor, record.action, record.object_type, record.object_id,
            record.court_code, text(record.before), text(record.after), audit_action_label(record.action),
            object_label(record.object_type, words), told]  # fmt: skip
