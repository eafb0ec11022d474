"""What the campaign page, its print layout and its exports read from a request: the parameters of
docs/pages.md "Campaigns" (``as_of``, ``court``, ``missing``, ``overdue_target``, ``page``), checked (a bad one is
answered 400 with what is wrong), and the figures and cases they choose (qingji.campaigns.overview, .gaps)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.functional import cached_property

from qingji.campaigns.figures import campaign_counts
from qingji.campaigns.gaps import (
    DETERMINATIONS,
    FIELD_OF,
    MISSING,
    OTHERS,
    case_gaps,
    listed_count,
    listed_entries,
)
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.campaigns.overview import Overview, overview, shown_courts
from qingji.campaigns.selectors import visible_entries
from qingji.courts.models import Person
from qingji.web import labels as lb
from qingji.web.charts import Chart, countdown_chart
from qingji.web.params import BadParameter, query_text

PAGE_SIZE = 100


class CountedPaginator(Paginator):  # type: ignore[type-arg]
    """A paginator told its count (read from the grouped counts) instead of counting the list again."""

    def __init__(self, object_list: Any, per_page: int, count: int | None) -> None:
        super().__init__(object_list, per_page)
        self._known = count

    @cached_property
    def count(self) -> int:
        return self._known if self._known is not None else super().count


@dataclass(frozen=True)
class Choice:
    court: str
    missing: str
    overdue_target: bool

    def query(self, as_of: date, **changes: str) -> str:
        """The page's query for this choice with ``changes`` (a blank value drops the parameter)."""
        values = {"as_of": as_of.isoformat(), "court": self.court, "missing": self.missing,
                  "overdue_target": "1" if self.overdue_target else ""}  # fmt: skip
        values.update(changes)
        return "?" + urlencode({key: value for key, value in values.items() if value})


def read_choice(request: HttpRequest, courts: set[str]) -> Choice:
    """``court``, ``missing`` and ``overdue_target`` of the request; a court the reader does not see in this
    campaign, an unknown gap or another value than 1 is BadParameter."""
    court = query_text(request.GET, "court", "court")
    if court and court not in courts:
        raise BadParameter("court", court, "not_a_campaign_court")
    missing = query_text(request.GET, "missing", "missing")
    if missing and missing not in MISSING:
        raise BadParameter("missing", missing, "not_a_gap")
    overdue = query_text(request.GET, "overdue_target", "overdue_target_param")
    if overdue not in ("", "1"):
        raise BadParameter("overdue_target_param", overdue, "not_one")
    return Choice(court, missing, overdue == "1")


def gap_label(name: str) -> str:
    return lb.text("missing_any" if name == "determinations" else FIELD_OF.get(name, name))


@dataclass
class CampaignView:
    campaign: Campaign
    as_of: date
    figures: Overview
    choice: Choice
    entries: QuerySet[CampaignCase]  # the cases listed (all pages)
    count: int | None  # how many, when known without counting

    def page(self, number: str | None) -> Page:  # type: ignore[type-arg]
        return CountedPaginator(self.entries, PAGE_SIZE, self.count).get_page(number)

    def rows(self, page: Page) -> list[dict[str, Any]]:  # type: ignore[type-arg]
        rows = []
        for entry in page.object_list:
            entry.campaign = self.campaign
            state = getattr(entry.case, "state", None)
            rows.append({"entry": entry, "state": state,
                         "missing": [gap_label(name) for name in case_gaps(entry, entry.has_step)]})  # fmt: skip
        return rows

    def gap_links(self) -> list[dict[str, Any]]:
        """Each gap's count with the link to its cases (the chosen court kept)."""
        gaps = self.figures.gaps
        links = []
        for name in ("determinations", *DETERMINATIONS, *OTHERS):
            links.append({"name": name, "label": gap_label(name), "count": gaps.get(name, 0),
                          "chosen": self.choice.missing == name,
                          "query": self.choice.query(self.as_of, missing=name, overdue_target="")})  # fmt: skip
        return links

    def context(self) -> dict[str, Any]:
        figures = self.figures
        chart: Chart | None = countdown_chart(figures.schedule, self.as_of)
        court_map = [
            {
                "court": court,
                "chart": countdown_chart(court.schedule, self.as_of, width=200, height=70, small=True),
            }
            for court in figures.courts
        ]
        return {
            "figures": figures, "choice": self.choice, "court": figures.court, "schedule": figures.schedule,
            "chart": chart, "court_map": court_map, "gap_links": self.gap_links(),
            "overdue_query": self.choice.query(self.as_of, missing="", overdue_target="1"),
            "all_query": self.choice.query(self.as_of, missing="", overdue_target=""),
            "export_query": self.choice.query(self.as_of),
            "overdue_count": figures.gaps.get("overdue_target", 0),
            "ranking_groups": ranking_rows(figures), "fastest_line": fastest_line(figures),
            "court_name": figures.names.get(figures.court, figures.court), "listed_label": self.listed_label(),
        }  # fmt: skip

    def listed_label(self) -> str:
        if self.choice.missing:
            return gap_label(self.choice.missing)
        return lb.text("overdue_target") if self.choice.overdue_target else lb.text("remaining")


def ranking_rows(figures: Overview) -> list[dict[str, Any]]:
    """Each ranking with its title and its rows best first: place, name, progress."""
    groups = []
    for group in figures.groups:
        progress = {row.court_code: row for row in group.report.by_court}
        rows = [{"standing": standing, "progress": progress[standing.court_code],
                 "name": figures.names.get(standing.court_code, standing.court_code)} for standing in group.standings]  # fmt: skip
        if group.court_code:
            title = lb.text("ranking_divisions").format(
                court=figures.names.get(group.court_code, group.court_code)
            )
        else:
            title = lb.text("ranking_basic")
        groups.append({"title": title, "divisions": bool(group.court_code), "rows": rows})
    return groups


def fastest_line(figures: Overview) -> str:
    """The court that finished first, when one has: its name, the day and how many days before the target."""
    row = figures.fastest
    if row is None or row.completed_on is None or row.days_ahead is None:
        return ""
    return lb.text("fastest_line").format(
        name=figures.fastest_name, day=row.completed_on.isoformat(), days=row.days_ahead
    )


def campaign_view(request: HttpRequest, person: Person, campaign: Campaign, as_of: date) -> CampaignView:
    """The figures and the cases the request chooses, for ``person``."""
    shown, _ = shown_courts(person, campaign_counts(campaign))
    choice = read_choice(request, shown)
    own = visible_entries(person, campaign)
    figures = overview(person, campaign, as_of, choice.court, own)
    entries = listed_entries(campaign, own, as_of, court=choice.court, missing=choice.missing,
                             overdue_target=choice.overdue_target)  # fmt: skip
    count = listed_count(figures.gaps, choice.missing, choice.overdue_target)
    return CampaignView(campaign, as_of, figures, choice, entries, count)
