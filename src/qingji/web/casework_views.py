"""The casework pages of a campaign: the green channel (referrals and how long they wait), the appraisals (overdue
first) and the look-back reviews, on any date; and the forms of one case's casework, posted here and sent back
to the case's page. Every list starts from the cases the user may see; the readers change nothing
(qingji.courts.roles.CASEWORK_ROLES)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from qingji.campaigns.actions import CampaignRefused
from qingji.campaigns.casework import do_refer, do_request_appraisal, do_update_appraisal, do_update_referral
from qingji.campaigns.casework_report import (
    appraisal_rows,
    by_court,
    campaign_appraisals,
    campaign_referrals,
    lookback_rows,
    referral_rows,
    summary_of,
)
from qingji.campaigns.lookback import do_open_lookbacks, do_record_finding
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.campaigns.selectors import visible_entry
from qingji.cases.selectors import visible_cases
from qingji.courts.models import Person
from qingji.courts.roles import may_change_casework
from qingji.web.campaign_views import as_of_date, campaign_or_404
from qingji.web.casework_forms import (
    AppraisalForm,
    AppraisalUpdateForm,
    FindingForm,
    ReferralForm,
    ReferralUpdateForm,
    add_refusal,
)
from qingji.web.casework_panel import body_label, casework_context, verdict_label
from qingji.web.views import page_context, person_of


def _campaign(request: HttpRequest, pk: int) -> tuple[Person, Campaign]:
    person = person_of(request)
    campaign = campaign_or_404(person, pk)
    assert person is not None  # an account of no court sees no campaign: 404 above
    return person, campaign


def _editable(request: HttpRequest, pk: int, case_number: str) -> tuple[Person, CampaignCase]:
    """The campaign case, if the user may see it (else 404) and change it (else 403)."""
    person, campaign = _campaign(request, pk)
    entry = visible_entry(person, campaign, case_number)
    if entry is None:
        raise Http404
    if not may_change_casework(person):
        raise PermissionDenied
    entry.campaign = campaign
    return person, entry


def _done(entry: CampaignCase) -> HttpResponse:
    url = reverse("web:campaign_case", args=[entry.campaign_id, entry.case.case_number])
    return redirect(f"{url}?saved=1#casework")


def _again(
    request: HttpRequest, person: Person, entry: CampaignCase, key: str, form: forms.Form
) -> HttpResponse:
    """The case's casework again, with the posted form and its errors in place."""
    panel = casework_context(entry, True, bound={key: form}, reviewer=person.name)
    context = page_context(request, person=person, campaign=entry.campaign, entry=entry, **panel)
    return render(request, "web/casework_edit.html", context, status=422)


def _attempt(request: HttpRequest, person: Person, entry: CampaignCase, key: str, form: forms.Form,
             act: Any) -> HttpResponse:  # fmt: skip
    """Run ``act(cleaned_data)`` when the form is valid; back to the case when done, else the form again."""
    if form.is_valid():
        try:
            act(form.cleaned_data)
        except CampaignRefused as refused:
            add_refusal(form, refused)
        else:
            return _done(entry)
    return _again(request, person, entry, key, form)


@login_required
@require_POST
def referral_add(request: HttpRequest, pk: int, case_number: str) -> HttpResponse:
    person, entry = _editable(request, pk, case_number)
    return _attempt(request, person, entry, "referral", ReferralForm(request.POST),
                    lambda data: do_refer(entry, actor=request.user, **data))  # fmt: skip


@login_required
@require_POST
def referral_update(request: HttpRequest, pk: int, case_number: str, item: int) -> HttpResponse:
    person, entry = _editable(request, pk, case_number)
    referral = entry.referrals.filter(pk=item).first()
    if referral is None:
        raise Http404
    key = f"referral-{item}"
    return _attempt(request, person, entry, key, ReferralUpdateForm(request.POST, prefix=key),
                    lambda data: do_update_referral(referral, data, actor=request.user))  # fmt: skip


@login_required
@require_POST
def appraisal_add(request: HttpRequest, pk: int, case_number: str) -> HttpResponse:
    person, entry = _editable(request, pk, case_number)
    return _attempt(request, person, entry, "appraisal", AppraisalForm(request.POST),
                    lambda data: do_request_appraisal(entry, actor=request.user, **data))  # fmt: skip


@login_required
@require_POST
def appraisal_update(request: HttpRequest, pk: int, case_number: str, item: int) -> HttpResponse:
    person, entry = _editable(request, pk, case_number)
    appraisal = entry.appraisals.filter(pk=item).first()
    if appraisal is None:
        raise Http404
    key = f"appraisal-{item}"
    return _attempt(request, person, entry, key, AppraisalUpdateForm(request.POST, prefix=key),
                    lambda data: do_update_appraisal(appraisal, data, actor=request.user))  # fmt: skip


@login_required
@require_POST
def finding_record(request: HttpRequest, pk: int, case_number: str) -> HttpResponse:
    person, entry = _editable(request, pk, case_number)

    def record(data: dict[str, Any]) -> None:
        do_record_finding(entry, reviewed_on=data["reviewed_on"], reviewer=data["reviewer"], finding=data["finding"],
                          verdict=data["verdict"], problem_text=data["problem"], actor=request.user)  # fmt: skip

    return _attempt(request, person, entry, "finding", FindingForm(request.POST), record)


@login_required
def green_channel_page(request: HttpRequest, pk: int) -> HttpResponse:
    person, campaign = _campaign(request, pk)
    as_of = as_of_date(request)
    rows = referral_rows(campaign_referrals(campaign, visible_cases(person)), as_of)
    context = page_context(
        request, person=person, campaign=campaign, as_of=as_of, summary=summary_of(rows, as_of),
        courts=by_court(rows, as_of),
        rows=[{"row": row, "body": body_label(row.referral.body)} for row in rows],
    )  # fmt: skip
    return render(request, "web/campaign_green_channel.html", context)


@login_required
def appraisals_page(request: HttpRequest, pk: int) -> HttpResponse:
    person, campaign = _campaign(request, pk)
    as_of = as_of_date(request)
    rows = appraisal_rows(campaign_appraisals(campaign, visible_cases(person)), as_of)
    overdue = Counter(row.appraisal.entry.case.court_code for row in rows if row.overdue_days is not None)
    context = page_context(request, person=person, campaign=campaign, as_of=as_of, rows=rows,
                           overdue=sum(overdue.values()), overdue_by_court=sorted(overdue.items()))  # fmt: skip
    return render(request, "web/campaign_appraisals.html", context)


@login_required
def lookback_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The look-back reviews due on the as-of date; a user who may change cases opens the missing tasks (POST)."""
    person, campaign = _campaign(request, pk)
    may_edit = may_change_casework(person)
    visible = visible_cases(person)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        do_open_lookbacks(campaign, timezone.localdate(), actor=request.user, cases=visible)
        return redirect(request.get_full_path())
    as_of = as_of_date(request)
    rows = lookback_rows(campaign, as_of, visible)
    states = Counter(row.state for row in rows)
    context = page_context(
        request, person=person, campaign=campaign, as_of=as_of, may_edit=may_edit, states=states,
        rows=[{"row": row, "verdict": verdict_label(row.task.verdict)
               if row.task and row.task.verdict else ""} for row in rows],
    )  # fmt: skip
    return render(request, "web/campaign_lookback.html", context)


CASE = "campaigns/<id:pk>/case/<case:case_number>/"
CASEWORK_URLS = [
    path("campaigns/<id:pk>/green-channel/", green_channel_page, name="campaign_green_channel"),
    path("campaigns/<id:pk>/appraisals/", appraisals_page, name="campaign_appraisals"),
    path("campaigns/<id:pk>/look-back/", lookback_page, name="campaign_lookback"),
    path(f"{CASE}referral/", referral_add, name="case_referral_add"),
    path(f"{CASE}referral/<id:item>/", referral_update, name="case_referral_update"),
    path(f"{CASE}appraisal/", appraisal_add, name="case_appraisal_add"),
    path(f"{CASE}appraisal/<id:item>/", appraisal_update, name="case_appraisal_update"),
    path(f"{CASE}look-back/", finding_record, name="case_lookback"),
]
