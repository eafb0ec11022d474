"""One case (/case/<case number>/): its fields and events, its state, its expiry explained step by step (as
`qingji deadline` does) and drawn on a timeline, its warnings in words and the campaigns that hold it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from qingji.campaigns.selectors import visible_campaigns
from qingji.cases.explanation import explain_case
from qingji.cases.models import Case, CaseState
from qingji.core.vocabulary import warning_order
from qingji.courts.models import Court
from qingji.web import labels as lb
from qingji.web.case_explain import case_timeline, step_rows
from qingji.web.queries import cases_of
from qingji.web.views import page_context, person_of


def _state(case: Case) -> CaseState | None:
    try:
        return case.state
    except CaseState.DoesNotExist:
        return None


@login_required
def case_page(request: HttpRequest, case_number: str) -> HttpResponse:
    """One case, if the person may see it; otherwise 404, so that the page does not tell that it exists."""
    person = person_of(request)
    case = cases_of(person).filter(case_number=case_number).select_related("state").first()
    if case is None:
        raise Http404
    stored = _state(case)
    today = timezone.localdate()
    english = lb.is_english()
    # The explanation is computed on the stored state's date, so that it ends on the stored expiry; a case
    # imported after the snapshot is explained as of today.
    explained = explain_case(case, stored.as_of if stored is not None else today)
    computed = explained.state if explained is not None else None
    # Events a later export withdrew are shown apart, with when and by which import: kept, not counted.
    rows = list(case.events.select_related("withdrawn_by__by").order_by("id"))
    events, withdrawn = (
        [
            {
                "row": event,
                "event": lb.event_label(event.event),
                "procedure": lb.procedure_label(event.procedure),
            }
            for event in rows
            if (event.withdrawn_at is not None) == gone
        ]
        for gone in (False, True)
    )
    campaigns = visible_campaigns(person).filter(cases__case=case).order_by("-start", "pk")
    context = page_context(
        request,
        case=case,
        court_name=case.court_code and _court_name(case.court_code),
        state=stored,
        computed=computed,
        differs=stored is not None and computed is not None and stored.expiry != computed.expiry,
        steps=step_rows(computed, english=english) if computed else [],
        timeline=case_timeline(explained.facts, computed, today=today, english=english)
        if explained is not None and computed is not None
        else None,
        events=events,
        withdrawn=withdrawn,
        campaigns=list(campaigns),
        procedure=lb.procedure_label(case.procedure),
        status=lb.status_label(stored.status) if stored else "",
        bucket=lb.bucket_label(stored.age_bucket) if stored and stored.age_bucket else "",
        warnings=[lb.warning_text(code) for code in sorted(stored.warnings, key=warning_order)]
        if stored
        else [],
    )
    return render(request, "web/case.html", context)


def _court_name(code: str) -> str:
    return Court.objects.filter(code=code).values_list("name", flat=True).first() or ""
