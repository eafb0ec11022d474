"""The integrity page (审限核查, docs/pages.md "The integrity page"): where is time hidden, and by whom. The stored
findings of the newest integrity run (qingji.cases.integrity_run; the pages never run the checks) that the reader
may see (qingji.cases.integrity_findings), counted per court and check, then per judge; every count opens the
findings behind it, each with its explanation, rule and evidence and a link to its case; and their export.

Everyone has the page, each reading what they may see: a court's leaders, its trial management office, the
supervision team, the higher court's readers and administrators every finding of their courts; a division head of
one division, a judge or an assistant the findings of the cases they see (a judge their own) and of those judges.
A court the reader does not see is "not found"; a check that does not exist is refused with 400.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from qingji.audit.deferred import audit_read
from qingji.cases.integrity_export import FORMATS, findings_file
from qingji.cases.integrity_findings import (
    FindingFilters,
    counts_by_court,
    counts_by_judge,
    hidden_numbers,
    listed,
    visible_findings,
)
from qingji.cases.integrity_run import latest_run
from qingji.cases.integrity_words import check_label, evidence_lines, masked, masked_lines
from qingji.cases.models import IntegrityFinding, IntegrityRun
from qingji.courts.models import Court, Person
from qingji.courts.selectors import visible_court_codes, whole_courts
from qingji.integrity.findings import CHECKS, Check
from qingji.web import labels as lb
from qingji.web.letter_views import attachment
from qingji.web.params import BadParameter, query_text
from qingji.web.views import page_context, person_of

PAGE_SIZE = 50  # findings a page
JUDGES_SHOWN = 100  # judges listed, the most findings first, unless a court is chosen
CHECK_VALUES = tuple(check.value for check in Check)


def _filters(request: HttpRequest, person: Person | None) -> FindingFilters:
    """The page's filters from its query: a check among the checks (else 400), a court the reader sees (else 404:
    that it exists is not told), a judge's name (any printable text)."""
    check = query_text(request.GET, "check", "param_integrity_check")
    if check and check not in CHECK_VALUES:
        raise BadParameter("param_integrity_check", check, "not_a_check")
    court = query_text(request.GET, "court", "param_integrity_court")
    if court and (person is None or court not in visible_court_codes(person)):
        raise Http404
    judge = query_text(request.GET, "judge", "param_integrity_judge")
    return FindingFilters(check, court, judge)


def _link(**query: str) -> str:
    chosen = {key: value for key, value in query.items() if value}
    return reverse("web:integrity") + (f"?{urlencode(chosen)}" if chosen else "") + "#findings"


def _court_rows(
    person: Person | None, counts: dict[str, Counter[str]], names: dict[str, str]
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A row per court (every court a whole-court reader sees; the reader's own and those with findings for
    another), each check's count linking to its findings; and the totals row."""
    courts = whole_courts(person) if person is not None else None
    codes = sorted(courts if courts is not None else {*counts, *([person.court.code] if person else [])})
    rows = []
    for code in codes:
        found = counts.get(code, Counter())
        rows.append(
            {
                "code": code,
                "name": names.get(code, code),
                "cells": [(found[c], _link(court=code, check=c)) for c in CHECK_VALUES],
                "total": sum(found.values()),
                "url": _link(court=code),
            }
        )
    whole = sum(counts.values(), Counter())
    total = {
        "cells": [(whole[c], _link(check=c)) for c in CHECK_VALUES],
        "total": sum(whole.values()),
        "url": _link(),
    }
    return rows, total


def _judge_rows(counts: dict[tuple[str, str], Counter[str]], names: dict[str, str]) -> list[dict[str, Any]]:
    ranked = sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return [
        {
            "court": names.get(court, court),
            "judge": judge,
            "cells": [(found[c], _link(court=court, judge=judge, check=c)) for c in CHECK_VALUES],
            "total": sum(found.values()),
            "url": _link(court=court, judge=judge),
        }
        for (court, judge), found in ranked
    ]


def _finding_row(
    finding: IntegrityFinding, names: dict[str, str], hidden: set[str], english: bool
) -> dict[str, Any]:
    court = names.get(finding.court_code, finding.court_code)
    if finding.case_number:
        unit = finding.case_number
    elif finding.judge:
        unit = lb.text("integrity_judge_unit").format(judge=finding.judge, court=court)
    else:
        unit = lb.text("integrity_court_unit").format(court=court)
    lines = masked_lines(evidence_lines(finding.check_code, finding.evidence, english), hidden, english)
    return {
        "finding": finding,
        "check": check_label(finding.check_code, english),
        "unit": unit,
        "court": court,
        "case_url": reverse("web:case", args=[finding.case_number])
        if finding.case_number and finding.case_number not in hidden
        else "",
        "explanation": masked(finding.en if english else finding.zh, hidden, english),
        "evidence": [
            {"line": line, "links": [(n, reverse("web:case", args=[n])) for n in line.cases]}
            for line in lines
        ],
    }


@require_safe
@login_required
def integrity_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    filters = _filters(request, person)
    english = lb.is_english(getattr(request, "LANGUAGE_CODE", None))
    run = latest_run()
    findings = visible_findings(person)
    names = dict(Court.objects.values_list("code", "name"))
    court_counts = counts_by_court(findings)
    court_rows, total_row = _court_rows(person, court_counts, names)
    judges = _judge_rows(counts_by_judge(_of_court(findings, filters)), names)
    page = Paginator(listed(filters.apply(findings)), PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    hidden = hidden_numbers(person, items)
    cut = not filters.court and len(judges) > JUDGES_SHOWN
    context = page_context(
        request,
        person=person,
        run=run,
        filters=filters,
        page=page,
        run_line=_run_line(run),
        checks=[(c.value, check_label(c.value, english), info.rule) for c, info in CHECKS.items()],
        check_heads=[(check_label(c, english, short=True), check_label(c, english)) for c in CHECK_VALUES],
        court_rows=court_rows,
        total_row=total_row,
        judge_rows=judges[:JUDGES_SHOWN] if cut else judges,
        judges_note=lb.text("integrity_judges_first").format(shown=JUDGES_SHOWN, total=len(judges))
        if cut
        else "",
        court_choices=[(row["code"], row["name"]) for row in court_rows],
        rows=[_finding_row(item, names, hidden, english) for item in items],
        partial=person is not None and whole_courts(person) is None,
        export_query=urlencode(filters.query()),
    )
    return render(request, "web/integrity.html", context)


def _run_line(run: IntegrityRun | None) -> str:
    if run is None:
        return ""
    finished = timezone.localtime(run.finished_at).strftime("%Y-%m-%d %H:%M")
    return lb.text("integrity_run").format(as_of=run.as_of.isoformat(), finished=finished, cases=run.cases)


def _of_court(findings: QuerySet[IntegrityFinding], filters: FindingFilters) -> QuerySet[IntegrityFinding]:
    """The findings the judges' table counts: of the court chosen, or all the reader's."""
    return findings.filter(court_code=filters.court) if filters.court else findings


@require_safe
@login_required
def integrity_export(request: HttpRequest) -> HttpResponse:
    """``?format=xlsx`` (default) or ``csv``, with the page's filters: the findings the page lists."""
    person = person_of(request)
    filters = _filters(request, person)
    kind = request.GET.get("format") or "xlsx"
    if kind not in FORMATS:
        raise BadParameter("export_format", kind, "not_a_format")
    run = latest_run()
    items = list(listed(filters.apply(visible_findings(person))))
    names = dict(Court.objects.values_list("code", "name"))
    written = findings_file(items, kind, run.as_of if run else None, names, hidden_numbers(person, items))
    audit_read(
        "integrity_exported",
        "integrity",
        kind,
        actor=request.user,
        court_code=person.court.code if person is not None else "",
        after={
            "filters": filters.__dict__,
            "rows": written.rows,
            "as_of": run.as_of.isoformat() if run else None,
        },
    )
    response = HttpResponse(written.content, content_type=written.content_type)
    response["Content-Disposition"] = attachment(written.name, written.fallback)
    return response
