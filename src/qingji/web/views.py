"""The pages: login and the ledger (the homes: home_views.py; one case: case_views.py). Every page needs a
login."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static

from qingji.courts.models import Person
from qingji.web import labels as lb
from qingji.web import throttle
from qingji.web.context import texts
from qingji.web.ledger_rows import compact_warnings, filter_choices
from qingji.web.provisional import provisional_expiries
from qingji.web.queries import LedgerFilters, LedgerRows, courts_of

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
