"""The ledger page's export: the same filtered, visible cases as an Excel or CSV ledger in the court's layout.

The rows are the page's own query (queries.ledger), so an export never holds a case the page would not list, read
and written by qingji.cases.stored_ledger; each export is written to the audit trail (who, which filters, how many
rows).
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse

from qingji.audit.deferred import audit_read
from qingji.cases.snapshot import snapshot_date
from qingji.cases.stored_ledger import ledger_file, stored_ledger
from qingji.web.params import BadParameter
from qingji.web.queries import LedgerFilters, courts_of, ledger
from qingji.web.views import person_of

FORMATS = ("xlsx", "csv")


@login_required
def ledger_export(request: HttpRequest) -> HttpResponse | FileResponse:
    """``?format=xlsx`` (default) or ``csv``, with the ledger page's filters."""
    person = person_of(request)
    filters = LedgerFilters.from_query(request.GET)
    kind = request.GET.get("format") or "xlsx"
    if kind not in FORMATS:
        raise BadParameter("export_format", kind, "not_a_format")
    frame = stored_ledger(ledger(person, filters), courts_of(person))
    as_of = snapshot_date() or date.today()
    written = ledger_file(frame, kind, as_of)  # CSV when more rows than an Excel sheet holds
    # Written now, or kept on disk and written as soon as an import lets go of the database (audit.deferred).
    audit_read("ledger_exported", "ledger", written.kind, actor=request.user,
               court_code=person.court.code if person is not None else "",
               after={"filters": filters.__dict__, "rows": frame.height, "as_of": as_of.isoformat()})  # fmt: skip
    return FileResponse(written.file, as_attachment=True, filename=written.name)
