"""The campaign pages: the list (and a new campaign), one campaign's progress on a date, and one of its cases
with its four determinations, reason, chain and plan steps. Every list starts from what the user may see."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from qingji.campaigns.actions import (
    CampaignRefused,
    do_add_step,
    do_complete_step,
    do_create_campaign,
    do_record_supervision,
    do_update_entry,
)
from qingji.campaigns.gaps import case_gaps
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.campaigns.scope import read_received_numbers
from qingji.campaigns.selectors import (
    letter_courts,
    supervision_courts,
    visible_campaign,
    visible_campaigns,
    visible_entry,
)
from qingji.cases.models import CaseState
from qingji.courts.models import Person
from qingji.courts.roles import may_change_casework, may_create_campaigns, may_supervise
from qingji.courts.selectors import visible_court_codes
from qingji.interchange.problems import Problem
from qingji.web import labels as lb
from qingji.web.campaign_forms import CampaignForm, EntryForm, StepForm, SupervisionForm
from qingji.web.campaign_view import campaign_view, gap_label
from qingji.web.campaign_whatif import whatif_context
from qingji.web.casework_panel import casework_context
from qingji.web.params import parse_id, query_day
from qingji.web.queries import courts_of
from qingji.web.uploads import refused_upload
from qingji.web.views import page_context, person_of

PAGE_SIZE = 100


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    may_create = may_create_campaigns(person)
    courts = courts_of(person)
    form = CampaignForm(courts=courts)
    problems: list[Problem] = []
    if request.method == "POST":
        if not may_create or person is None:
            return HttpResponse(status=403)
        form = CampaignForm(request.POST, request.FILES, courts=courts)
        too_large = refused_upload(request)  # the list was dropped as it arrived (issue 10)
        if too_large is not None:
            problems = [Problem("", 0, "", "", too_large.reason_zh, too_large.reason_en)]
        elif form.is_valid():
            try:
                campaign = _create(form, request, person)
            except CampaignRefused as refused:
                problems = refused.problems
            else:
                return redirect("web:campaign", pk=campaign.pk)
    context = page_context(request, person=person, campaigns=visible_campaigns(person), form=form,
                           may_create=may_create, problems=problems)  # fmt: skip
    return render(request, "web/campaigns.html", context, status=422 if problems else 200)


def _create(form: CampaignForm, request: HttpRequest, person: Person) -> Campaign:
    data = form.cleaned_data
    listed = None
    file_name = ""
    if data["scope"] == "list":
        received = read_received_numbers(data["scope_file"], settings.UPLOAD_LIMITS)
        if received.problems:
            raise CampaignRefused(received.problems)
        listed, file_name = received.numbers, received.file_name
    return do_create_campaign(
        data["name"], start=data["start"], target=data["target"], court_codes=data["courts"],
        older_than_months=data["older_than_months"] if listed is None else None, type_codes=form.type_code_list(),
        listed=listed, scope_file=file_name, actor=request.user, allowed_courts=visible_court_codes(person),
    )  # fmt: skip


def campaign_or_404(person: Person | None, pk: int) -> Campaign:
    """The campaign, when it holds a court the person may see; else 404."""
    campaign = visible_campaign(person, pk)
    if campaign is None:
        raise Http404
    return campaign


def as_of_date(request: HttpRequest) -> date:
    """The page's ``as_of`` date, today when it is missing; a bad one is answered with what is wrong (400)."""
    return query_day(request.GET, "as_of", "as_of") or timezone.localdate()


@login_required
def campaign_page(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    campaign = campaign_or_404(person, pk)
    assert person is not None
    as_of = as_of_date(request)
    supervising = may_supervise(person)
    courts_supervised = supervision_courts(person, campaign)
    # A proposed step is taken from the standings' link: the form comes filled with its court and kind.
    proposed = {"court": request.GET.get("supervise", ""), "kind": request.GET.get("kind", "")}
    supervision_form = SupervisionForm(
        courts=courts_supervised,
        initial={"on": as_of, "by": person.name, **{k: v for k, v in proposed.items() if v}},
    )
    if request.method == "POST":
        if not supervising:
            return HttpResponse(status=403)
        supervision_form = SupervisionForm(request.POST, courts=courts_supervised)
        if supervision_form.is_valid():
            data = supervision_form.cleaned_data
            try:
                do_record_supervision(campaign, court_code=data["court"], kind=data["kind"], on=data["on"],
                                      by=data["by"], to=data["to"], agreed=data["agreed"], follow_up=data["follow_up"],
                                      actor=request.user, by_court=person.court.code)  # fmt: skip
            except CampaignRefused as refused:
                for problem in refused.problems:
                    supervision_form.add_error(
                        None, problem.reason_en if lb.is_english() else problem.reason_zh
                    )
            else:
                return redirect(f"{request.path}?as_of={as_of.isoformat()}")
    view = campaign_view(request, person, campaign, as_of)
    page = view.page(request.GET.get("page"))
    context = page_context(
        request, person=person, campaign=campaign, as_of=as_of, **view.context(), page=page, rows=view.rows(page),
        **whatif_context(request, person, campaign, as_of, view.figures),
        supervision=campaign.supervision.filter(court__code__in=courts_supervised).select_related("court")[:50],
        supervision_form=supervision_form, may_supervise=supervising and bool(courts_supervised),
        supervision_courts=courts_supervised, letter_courts=letter_courts(person),
    )  # fmt: skip
    return render(request, "web/campaign.html", context)


@login_required
def campaign_case_page(request: HttpRequest, pk: int, case_number: str) -> HttpResponse:
    person = person_of(request)
    campaign = campaign_or_404(person, pk)
    assert person is not None
    entry = visible_entry(person, campaign, case_number)
    if entry is None:
        raise Http404
    may_edit = may_change_casework(person)
    form, step_form = EntryForm(instance=entry, role=person.role), StepForm()
    status = 200
    if request.method == "POST":
        if not may_edit:
            return HttpResponse(status=403)
        response = _change(request, entry, person)
        if isinstance(response, HttpResponse):
            return response
        form, step_form = response
        status = 422
    has_step = entry.steps.exists()
    context = page_context(
        request, person=person, campaign=campaign, entry=entry, form=form, step_form=step_form,
        may_edit=may_edit, missing=[gap_label(name) for name in case_gaps(entry, has_step)], steps=entry.steps.all(),
        state=CaseState.objects.filter(case=entry.case).first(),
        saved=request.GET.get("saved") == "1", **casework_context(entry, may_edit, reviewer=person.name),
    )  # fmt: skip
    return render(request, "web/campaign_case.html", context, status=status)


def _change(
    request: HttpRequest, entry: CampaignCase, person: Person
) -> HttpResponse | tuple[EntryForm, StepForm]:
    """Apply the posted form; a redirect when it is done, else the forms with their errors."""
    done = redirect(f"{request.path}?saved=1")
    action = request.POST.get("action")
    if action == "step":
        step_form = StepForm(request.POST)
        if step_form.is_valid():
            do_add_step(entry, due_on=step_form.cleaned_data["due_on"],
                        description=step_form.cleaned_data["description"], actor=request.user)  # fmt: skip
            return done
        return EntryForm(instance=entry, role=person.role), step_form
    if action == "step_done":
        step = entry.steps.filter(pk=parse_id(request.POST.get("step"), "step")).first()
        if step is None:
            raise Http404
        do_complete_step(step, done_on=timezone.localdate(), actor=request.user)
        return done
    original = {name: getattr(entry, name) for name in EntryForm.Meta.fields}
    form = EntryForm(request.POST, instance=CampaignCase.objects.select_related("case", "campaign").get(pk=entry.pk),
                     role=person.role)  # fmt: skip
    if form.is_valid():
        changes = {name: form.cleaned_data[name] for name in EntryForm.Meta.fields}
        for name, value in original.items():
            setattr(entry, name, value)
        try:
            do_update_entry(entry, changes, actor=request.user, role=person.role)
        except CampaignRefused as refused:
            for problem in refused.problems:
                message = problem.reason_en if lb.is_english() else problem.reason_zh
                form.add_error(problem.column if problem.column in form.fields else None, message)
            return form, StepForm()
        return done
    return form, StepForm()
