"""The new backlog beside a campaign (新增积案, 边清边积): the cases of its courts that are pending on a date and older
than its threshold but not in it — the list behind the campaign page's figure, counted by the same query
(qingji.campaigns.overview.new_backlog_cases), oldest first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from qingji.campaigns.figures import campaign_counts
from qingji.campaigns.overview import new_backlog_cases, new_backlog_count, shown_courts
from qingji.campaigns.scope import DEFAULT_NEW_BACKLOG_MONTHS
from qingji.web import labels as lb
from qingji.web.campaign_view import CountedPaginator
from qingji.web.campaign_views import as_of_date, campaign_or_404
from qingji.web.params import BadParameter, query_text
from qingji.web.views import page_context, person_of

PAGE_SIZE = 100


@login_required
def new_backlog_page(request: HttpRequest, pk: int) -> HttpResponse:
    """``as_of`` (today by default) and ``court`` (one of the campaign's courts the reader sees) as on the
    campaign page; another court is answered with what is wrong (400)."""
    person = person_of(request)
    campaign = campaign_or_404(person, pk)
    assert person is not None  # an account of no court sees no campaign: 404 above
    as_of = as_of_date(request)
    shown, partial = shown_courts(person, campaign_counts(campaign))
    court = query_text(request.GET, "court", "court")
    if court and court not in shown:
        raise BadParameter("court", court, "not_a_campaign_court")
    courts = {court} if court else shown
    cases = new_backlog_cases(person, campaign, as_of, courts, partial)
    listed = cases.select_related("court", "state").order_by("filed_on", "case_number")
    count = new_backlog_count(
        person, campaign, as_of, courts, partial
    )  # the figure's own count, kept in the cache
    page = CountedPaginator(listed, PAGE_SIZE, count).get_page(request.GET.get("page"))
    rows = [{"case": case, "age": (as_of - case.filed_on).days} for case in page.object_list]
    months = campaign.older_than_months or DEFAULT_NEW_BACKLOG_MONTHS
    context = page_context(request, person=person, campaign=campaign, as_of=as_of, court=court, page=page,
                           rows=rows, partial=partial,
                           note=lb.text("new_backlog_note").format(months=months))  # fmt: skip
    return render(request, "web/campaign_new_backlog.html", context)
