"""The campaign page's wall chart and files: the battle map printed (A3 landscape: the map, the rankings and the
countdown on one sheet), the four determinations ledger (四定台账) of the cases the page lists, and the ranking, as
Excel files. Each file is written to the audit trail as the ledger's export is (who, which campaign, which
choice, how many rows)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from qingji.audit.deferred import audit_read
from qingji.campaigns.models import Campaign
from qingji.campaigns.workbook import RankingRow, determinations_ledger, ranking_workbook
from qingji.courts.models import Person
from qingji.web import labels as lb
from qingji.web.campaign_view import campaign_view, ranking_rows
from qingji.web.campaign_views import as_of_date, campaign_or_404
from qingji.web.letter_views import attachment
from qingji.web.templatetags.campaign_words import plan_days
from qingji.web.views import page_context, person_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _reader(request: HttpRequest, pk: int) -> tuple[Person, Campaign]:
    person = person_of(request)
    campaign = campaign_or_404(person, pk)
    assert person is not None
    return person, campaign


@login_required
def campaign_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The battle map as a wall chart: one A3 landscape sheet (its own print stylesheet, @page)."""
    person, campaign = _reader(request, pk)
    as_of = as_of_date(request)
    view = campaign_view(request, person, campaign, as_of)
    context = page_context(request, person=person, campaign=campaign, as_of=as_of, **view.context())
    return render(request, "web/campaign_print.html", context)


def _attachment(content: bytes, name: str, fallback: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = attachment(name, fallback)
    return response


@login_required
def determinations_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The four determinations ledger of the cases the page lists with the same parameters."""
    person, campaign = _reader(request, pk)
    as_of = as_of_date(request)
    view = campaign_view(request, person, campaign, as_of)
    entries = view.entries.annotate(step_count=Count("steps"))
    content, rows = determinations_ledger(campaign, entries.iterator(chunk_size=2000), as_of)
    choice = view.choice
    audit_read("campaign_determinations_exported", "campaign", campaign.name, actor=request.user,
               court_code=person.court.code,
               after={"as_of": as_of.isoformat(), "court": choice.court, "missing": choice.missing,
                      "overdue_target": choice.overdue_target, "rows": rows})  # fmt: skip
    return _attachment(
        content, f"四定台账-{campaign.name}-{as_of.isoformat()}.xlsx", f"determinations-{campaign.pk}.xlsx"
    )


@login_required
def ranking_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The rankings the page shows, as an Excel sheet."""
    person, campaign = _reader(request, pk)
    as_of = as_of_date(request)
    view = campaign_view(request, person, campaign, as_of)
    rows = []
    with translation.override("zh-hans"):
        for group in ranking_rows(view.figures):
            for item in group["rows"]:
                standing, progress = item["standing"], item["progress"]
                warning = (
                    lb.text("last_place")
                    if standing.last
                    else lb.text("behind_plan")
                    if standing.lagging
                    else ""
                )
                rows.append(RankingRow(
                    group["title"], standing.rank, item["name"], progress.in_scope, progress.cleared,
                    progress.remaining, progress.clearance_rate,
                    "—" if progress.completed_on else plan_days(standing.behind_plan), progress.completed_on,
                    progress.days_ahead, warning,
                ))  # fmt: skip
    content = ranking_workbook(campaign, rows, as_of)
    audit_read("campaign_ranking_exported", "campaign", campaign.name, actor=request.user,
               court_code=person.court.code, after={"as_of": as_of.isoformat(), "rows": len(rows)})  # fmt: skip
    return _attachment(
        content, f"排名-{campaign.name}-{as_of.isoformat()}.xlsx", f"ranking-{campaign.pk}.xlsx"
    )
