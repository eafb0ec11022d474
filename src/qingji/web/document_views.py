"""The documents' archive (通报存档, issue 13, docs/cadence.md): the bulletins and monthly reports the cadence
produced, as they were sent, each downloadable as Word and PDF — for whoever was sent them or would be by their
role (qingji.cadence.archive)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from qingji.cadence.archive import readable_document, readable_documents
from qingji.cadence.models import Document
from qingji.web import labels as lb
from qingji.web.letter_views import attachment
from qingji.web.views import page_context, person_of

PAGE_SIZE = 50
FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def file_links(document: Document) -> dict[str, str]:
    return {fmt: reverse("web:document_file", args=[document.pk, fmt]) for fmt in FORMATS}


@require_safe
@login_required
def documents_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    documents = readable_documents(person).select_related("campaign")
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    rows: list[dict[str, Any]] = [
        {
            "document": document,
            "kind": lb.text(f"document_kind_{document.kind}"),
            "links": file_links(document),
        }
        for document in page.object_list
    ]
    return render(request, "web/documents.html", page_context(request, person=person, rows=rows, page=page))


@require_safe
@login_required
def document_file(request: HttpRequest, document: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    person = person_of(request)
    shown = readable_document(person, document)
    if shown is None:
        raise Http404
    content = Document.objects.filter(pk=shown.pk).values_list(fmt, flat=True).get()
    response = HttpResponse(bytes(content), content_type=FORMATS[fmt])
    response["Content-Disposition"] = attachment(
        f"{shown.title}.{fmt}", f"qingji-{shown.kind}-{shown.on}.{fmt}"
    )
    return response
