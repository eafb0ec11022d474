"""The monthly report (月度报告) on the schedule's day (``[cadence] report_day``), of the month before: one document
per leadership — the whole court system's for the people who see every court whole (the higher court's leaders),
each court's own for the others (the courts they see whole) — made once and kept
(:class:`qingji.cadence.models.Document`, the archive), and a message to each active person of
``[cadence] report_roles``, with the headline figures and the document to open.

A run taken up again finds its documents made and makes only what is missing. A court's own template
($QINGJI_HOME/templates/月度报告.docx) that cannot make the report is logged, and the shipped one is used.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings

from qingji.audit.actions import audit_per_court
from qingji.cadence.models import Document, Message, Run
from qingji.cadence.schedule import Kind, report_month
from qingji.cases.monthly_report import MonthlyReport, month_span, monthly_reports
from qingji.cases.monthly_report_doc import DEFAULT_TEMPLATE, headline, render_docx, template_in_force, title
from qingji.courts.models import Court, Person
from qingji.courts.selectors import whole_courts
from qingji.documents.docx_pdf import docx_to_pdf
from qingji.documents.template import TemplateError

log = logging.getLogger(__name__)


def report_scope(person: Person, every: set[str]) -> str | None:
    """The scope of the report a person reads: "" when they see every court whole, else the courts they see whole
    joined by ","; None when they see no court whole."""
    whole = whole_courts(person)
    if not whole:
        return None
    return "" if whole >= every else ",".join(sorted(whole))


def report_messages(run: Run, roles: tuple[str, ...]) -> list[Message]:
    year, month = report_month(run.on)
    on = month_span(year, month)[1]
    every = set(Court.objects.values_list("code", flat=True))
    people = Person.objects.filter(role__in=roles, user__is_active=True).select_related("court", "division")
    scoped = [
        (person, scope)
        for person in people.order_by("pk")
        if (scope := report_scope(person, every)) is not None
    ]
    scopes = sorted({scope for _, scope in scoped})
    kept = {
        document.scope: document
        for document in Document.objects.filter(kind=Document.DocumentKind.REPORT, on=on, scope__in=scopes)
    }
    missing = [scope for scope in scopes if scope not in kept]
    if missing:
        for report in monthly_reports(year, month, [scope.split(",") if scope else () for scope in missing]):
            document = _kept(report, run, on)
            kept[document.scope] = document
    return [_message(run, person, kept[scope]) for person, scope in scoped]


def _kept(report: MonthlyReport, run: Run, on: object) -> Document:
    scope = ",".join(report.scope)
    content = _render(report)
    document, created = Document.objects.get_or_create(
        kind=Document.DocumentKind.REPORT, campaign=None, on=on, scope=scope,
        defaults={"number": 1, "title": title(report), "run": run, "data": headline(report), "docx": content,
                  "pdf": docx_to_pdf(content, title(report))},
    )  # fmt: skip
    if created:
        codes = report.scope or tuple(code for code in report.court_names if code)
        audit_per_court("document_produced", "cadence_report", str(document.pk),
                        courts={code: {"document": document.title} for code in codes})  # fmt: skip
    return document


def _render(report: MonthlyReport) -> bytes:
    try:
        return render_docx(report, template_in_force(Path(settings.HOME)))
    except TemplateError as error:
        log.error("cadence: the report template cannot be used (%s); the shipped one is used instead", error)
        return render_docx(report, DEFAULT_TEMPLATE)


def _message(run: Run, person: Person, document: Document) -> Message:
    data = {**document.data, "document": document.pk, "scope": document.scope, "title": document.title}
    return Message(
        key=f"{Kind.REPORT.value}:{run.on.isoformat()}:{person.pk}",
        person=person, run=run, kind=Kind.REPORT, on=run.on, data=data,
    )  # fmt: skip
