"""The pages: login, home (the summary per court), the ledger and one case. Every page needs a login."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static

from qingji.cases.models import Case, CaseState
from qingji.core.vocabulary import warning_order
from qingji.courts.models import Person
from qingji.web import labels as lb
from qingji.web import throttle
from qingji.web.context import texts
from qingji.web.ledger_rows import compact_warnings, filter_choices
from qingji.web.provisional import provisional_expiries
from qingji.web.queries import SUMMARY_KEYS, LedgerFilters, LedgerRows, cases_of, courts_of, summary

PAGE_SIZE = 100


def person_of(request: HttpRequest) -> Person | None:
    """The person behind the logged-in user; None for an account that belongs to no court."""
    if request.user.pk is None:
        return None
    return Person.objects.select_related("court", "division").filter(user_id=request.user.pk).first()


def page_context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    return {**texts(request), **extra}


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico by themselves; the icon is a static file."""
    return redirect(static("web/favicon.svg"), permanent=True)


class QingjiLoginView(LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **page_context(self.request)}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Refuse a locked user name before checking the password (throttle.FAILURES_ALLOWED in a window)."""
        username = str(request.POST.get("username", ""))
        if throttle.refused(request, username):  # logged
            # An unbound form: the password is not even checked while the name is locked.
            form = self.get_form_class()(request)
            return self.render_to_response(self.get_context_data(form=form, locked=True), status=429)
        return super().post(request, *args, **kwargs)  # failures are counted by throttle.ThrottledBackend


def _warnings(state: CaseState | None) -> list[str]:
    if state is None:
        return []
    return [lb.warning_text(code) for code in sorted(state.warnings, key=warning_order)]


def _state(case: Case) -> CaseState | None:
    try:
        return case.state
    except CaseState.DoesNotExist:
        return None


def summary_home(request: HttpRequest, person: Person | None) -> HttpResponse:
    """The summary per court (pending by age band, overdue, approaching, over 12 months)."""
    headers = [lb.summary_label(key) for key in SUMMARY_KEYS]
    return render(
        request,
        "web/home.html",
        page_context(request, person=person, summary=summary(person), headers=headers),
    )


@login_required
def ledger_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    filters = LedgerFilters.from_query(request.GET)
    page = Paginator(LedgerRows(person, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "case": state.case,
            "state": state,
            "status": lb.status_label(state.status),
            "bucket": lb.bucket_label(state.age_bucket) if state.age_bucket else "",
            "warnings": compact_warnings(state.warnings),
        }
        for state in page.object_list
    ]
    courts = courts_of(person)
    court = filters.court or (next(iter(courts)) if len(courts) == 1 else "")
    context = page_context(
        request, person=person, page=page, rows=rows, filters=filters,
        provisional=provisional_expiries(person), **filter_choices(person, court, filters.warning),
    )  # fmt: skip
    return render(request, "web/ledger.html", context)


@login_required
def case_page(request: HttpRequest, case_number: str) -> HttpResponse:
    """One case, if the person may see it; otherwise 404, so that the page does not tell that it exists."""
    case = cases_of(person_of(request)).filter(case_number=case_number).select_related("state").first()
    if case is None:
        raise Http404
    state = _state(case)
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
    context = page_context(
        request,
        case=case,
        state=state,
        events=events,
        withdrawn=withdrawn,
        procedure=lb.procedure_label(case.procedure),
        status=lb.status_label(state.status) if state else "",
        bucket=lb.bucket_label(state.age_bucket) if state and state.age_bucket else "",
        warnings=_warnings(state),
    )
    return render(request, "web/case.html", context)
