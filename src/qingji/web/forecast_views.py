"""The forecast page (积案预测, docs/pages.md "The forecast page"): what backlog is forming. For the cases the reader
may see (qingji.cases.selectors.visible_cases: a court's people their courts, a division head their division, a
judge their own cases), the cases that will pass 6, 10, 12 and 18 months or reach their expiry in the next 30, 60
and 90 days, per court, then per division and judge, each count opening its cases; and the backlog over 6, 12 and
18 months projected month by month with its interval, drawn and tabled, with the inflow against the clearance.

The figures are qingji.forecast's (docs/forecast.md), computed by qingji.cases.forecasts from the stored states on
the snapshot's date and kept in the shared cache until the data changes. Query parameters (each checked: a bad
value is answered 400 naming it, a court the reader does not see 404): ``as_of``, ``court``, and the list of cases
behind a count — ``crossing`` (6, 10, 12, 18 or expiry) with ``within`` (30, 60, 90) and the group (``level``
court, division or judge with ``division``/``judge``; blank for the cases that name none), or ``older`` (6, 12,
18: the cases pending over that many months on the as-of date) — and ``page``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from qingji.cases.forecasts import database_forecast, older_cases
from qingji.cases.selectors import visible_cases
from qingji.cases.snapshot import snapshot_date
from qingji.core.conventions import DEFAULT_CONVENTIONS
from qingji.courts.models import Person
from qingji.courts.selectors import visible_court_codes, whole_courts
from qingji.forecast.ageing import EXPIRY, MONTHS, WINDOWS, Ageing, AgeingGroup, Crossing
from qingji.forecast.days import crossing_day
from qingji.forecast.projection import BANDS, HISTORY_MONTHS, CourtProjection, Projection
from qingji.site.in_force import site_settings
from qingji.site.settings_file import SiteSettingsError
from qingji.web import labels as lb
from qingji.web.forecast_chart import forecast_chart
from qingji.web.params import BadParameter, query_day, query_text
from qingji.web.queries import courts_of
from qingji.web.views import page_context, person_of

PAGE_SIZE = 100  # cases a page of the list
ROWS_SHOWN = 100  # divisions and judges listed, the most about to age first, unless a court is chosen
LEVELS = ("court", "division", "judge")
KEYS = (*(str(months) for months in MONTHS), EXPIRY)
WINDOW_VALUES = tuple(str(days) for days in WINDOWS)
BAND_VALUES = tuple(str(band) for band in BANDS)


def count_text(value: float) -> str:
    """A projected count as the page shows it: a whole number."""
    return f"{value:.0f}"


def rate_text(value: float) -> str:
    return f"{value:.1f}"


def _choice(query: Mapping[str, Any], name: str, label: str, allowed: tuple[str, ...]) -> str:
    value = query_text(query, name, label)
    if value and value not in allowed:
        raise BadParameter(label, value, "not_a_choice")
    return value


@dataclass(frozen=True)
class Choice:
    """The page's parameters, checked."""

    as_of: date | None  # given (else the snapshot's date)
    court: str
    level: str
    division: str
    judge: str
    crossing: str  # a key of the ageing ("6" … "18", "expiry"), for the list of cases
    within: int  # days
    older: int | None  # a band, for the list of cases older than it on the as-of date

    @classmethod
    def read(cls, request: HttpRequest, person: Person | None) -> Choice:
        query = request.GET
        as_of = query_day(query, "as_of", "as_of")
        court = query_text(query, "court", "court")
        if court and (person is None or court not in visible_court_codes(person)):
            raise Http404  # a court the reader does not see: that it exists is not told
        level = _choice(query, "level", "param_forecast_level", LEVELS)
        division = query_text(query, "division", "param_forecast_division")
        judge = query_text(query, "judge", "param_forecast_judge")
        crossing = _choice(query, "crossing", "param_forecast_crossing", KEYS)
        within = _choice(query, "within", "param_forecast_within", WINDOW_VALUES)
        older = _choice(query, "older", "param_forecast_older", BAND_VALUES)
        return cls(as_of, court, level, division, judge, crossing, int(within or max(WINDOWS)),
                   int(older) if older else None)  # fmt: skip


@dataclass(frozen=True)
class Links:
    """The page's own links, on the date shown."""

    as_of: date
    base: str = ""  # the page's path (reverse once, not per link: a page holds thousands)

    def __call__(self, **query: object) -> str:
        chosen = {"as_of": self.as_of.isoformat(), **{k: v for k, v in query.items() if v is not None}}
        anchor = "#cases" if "crossing" in query or "older" in query else ""
        return (self.base or reverse("web:forecast")) + "?" + urlencode(chosen) + anchor

    def group(self, group: AgeingGroup) -> dict[str, str]:
        """The parameters naming a group (a blank division or judge: the cases that name none)."""
        if group.level == "division":
            return {"court": group.court_code, "level": "division", "division": group.division or ""}
        if group.level == "judge":
            return {"court": group.court_code, "level": "judge", "judge": group.judge or ""}
        return {"court": group.court_code, "level": "court"}


def _cells(counts: dict[str, dict[int, int]], windows: tuple[int, ...], link: Links,
           where: dict[str, str]) -> list[tuple[int, str]]:  # fmt: skip
    """Each key's count within each window, with the link to its cases (none for 0)."""
    group = link(**where)  # the group's part of the query, once (a page holds thousands of these links)
    cells = []
    for key in KEYS:
        for days in windows:
            n = counts[key][days]
            cells.append((n, f"{group}&{urlencode({'crossing': key, 'within': days})}#cases" if n else ""))
    return cells


def _group_name(group: AgeingGroup) -> str:
    if group.level == "division":
        return group.division or lb.text("fc_no_division")
    if group.level == "judge":
        return group.judge or lb.text("fc_no_judge")
    return group.court_code


def _group_rows(groups: list[AgeingGroup], windows: tuple[int, ...], link: Links,
                names: dict[str, str]) -> list[dict[str, Any]]:  # fmt: skip
    return [
        {
            "court_code": group.court_code,
            "court": names.get(group.court_code, group.court_code),
            "name": _group_name(group),
            "pending": group.pending,
            "cells": _cells(group.counts, windows, link, link.group(group)),
        }
        for group in groups
    ]


def _most_first(groups: list[AgeingGroup], windows: tuple[int, ...]) -> list[AgeingGroup]:
    """The groups with the most cases about to age within the longest window first, then by court and name."""
    last = max(windows)
    return sorted(
        groups,
        key=lambda g: (-sum(g.counts[key][last] for key in KEYS), g.court_code, _group_name(g)),
    )


def _ageing_context(ageing: Ageing, choice: Choice, link: Links, names: dict[str, str]) -> dict[str, Any]:
    windows = ageing.windows
    courts = ageing.of_level("court")
    one_court = choice.court or (courts[0].court_code if len(courts) == 1 else "")
    parts = {}
    for level in ("division", "judge"):
        groups = ageing.of_level(level)
        if one_court:
            shown = [group for group in groups if group.court_code == one_court]
            note = ""
        else:
            shown = _most_first(groups, windows)
            note = (
                lb.text("fc_first_rows").format(shown=ROWS_SHOWN, total=len(shown))
                if len(shown) > ROWS_SHOWN
                else ""
            )
            shown = shown[:ROWS_SHOWN]
        parts[level] = {"rows": _group_rows(shown, windows, link, names), "note": note}
    return {
        "key_headers": [lb.text(f"fc_key_{key}") for key in KEYS],
        "window_headers": [lb.text("fc_within").format(days=days) for days in windows] * len(KEYS),
        "windows": windows,
        "court_rows": _group_rows(courts, windows, link, names),
        "total_row": {
            "pending": sum(group.pending for group in courts),
            "cells": _cells(ageing.totals, windows, link, {}),
        },
        "division_part": parts["division"],
        "judge_part": parts["judge"],
    }


def crossings_listed(ageing: Ageing, choice: Choice) -> list[Crossing]:
    """The cases behind a count: the crossings of ``choice.crossing`` within ``choice.within`` days, of the chosen
    court and, with ``level``, of its division or judge (blank: the cases that name none)."""
    months = None if choice.crossing == EXPIRY else int(choice.crossing)
    return [
        crossing
        for crossing in ageing.crossings
        if crossing.months == months
        and (crossing.on - ageing.as_of).days <= choice.within
        and (not choice.court or crossing.court_code == choice.court)
        and (choice.level != "division" or crossing.division == (choice.division or None))
        and (choice.level != "judge" or crossing.judge == (choice.judge or None))
    ]


def _list_context(request: HttpRequest, person: Person, ageing: Ageing, choice: Choice,
                  names: dict[str, str]) -> dict[str, Any]:  # fmt: skip
    """The list of the cases behind the count chosen (none chosen: no list)."""
    as_of = ageing.as_of
    page: Page[Any]
    if choice.crossing:
        crossings = crossings_listed(ageing, choice)
        page = Paginator(crossings, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = [
            {"number": c.case_number, "court": names.get(c.court_code, c.court_code), "division": c.division or "",
             "judge": c.judge or "", "on": c.on, "days": (c.on - as_of).days, "filed_on": None}
            for c in page.object_list
        ]  # fmt: skip
        what = f"{lb.text('fc_within').format(days=choice.within)} · {lb.text(f'fc_key_{choice.crossing}')}"
    elif choice.older is not None:
        band = choice.older
        cases = older_cases(visible_cases(person), as_of, band, choice.court)
        page = Paginator(cases.only("case_number", "court_code", "division", "judge", "filed_on"),
                         PAGE_SIZE).get_page(request.GET.get("page"))  # fmt: skip
        rows = []
        for case in page.object_list:
            on = crossing_day(case.filed_on, band)
            rows.append({"number": case.case_number, "court": names.get(case.court_code, case.court_code),
                         "division": case.division, "judge": case.judge, "on": on, "days": (on - as_of).days,
                         "filed_on": case.filed_on})  # fmt: skip
        what = lb.text("fc_list_older").format(band=band)
    else:
        return {"listing": None}
    scope = [names.get(choice.court, choice.court)] if choice.court else [lb.text("fc_all_courts")]
    if choice.crossing and choice.level == "division":
        scope.append(choice.division or lb.text("fc_no_division"))
    elif choice.crossing and choice.level == "judge":
        scope.append(choice.judge or lb.text("fc_no_judge"))
    return {
        "listing": {"title": " · ".join([*scope, what]), "rows": rows, "older": choice.older is not None},
        "page": page,
    }


def _projection_context(projection: Projection, choice: Choice, link: Links, names: dict[str, str],
                        as_of: date) -> dict[str, Any]:  # fmt: skip
    bands = projection.bands
    shown: CourtProjection | None = projection.overall
    if choice.court:
        shown = next((c for c in projection.by_court if c.court_code == choice.court), None)
    if shown is None:
        return {"projection": None}
    where = {"court": choice.court} if choice.court else {}
    months = [
        {
            "month_end": month.month_end,
            "bands": [
                {"value": count_text(b.value), "low": count_text(b.low), "high": count_text(b.high),
                 "inflow": count_text(b.inflow), "cleared": count_text(b.cleared)}
                for b in (month.band(band) for band in bands)
            ],
        }
        for month in shown.months
    ]  # fmt: skip
    now = [(shown.now[band], link(**where, older=band)) for band in bands]
    last = shown.months[-1] if shown.months else None
    courts = [
        {
            "code": court.court_code,
            "name": names.get(court.court_code, court.court_code),
            "url": link(court=court.court_code),
            "now": [(court.now[band], link(court=court.court_code, older=band)) for band in bands],
            "last": [
                {"value": count_text(b.value), "low": count_text(b.low), "high": count_text(b.high)}
                for b in (court.months[-1].band(band) for band in bands)
            ] if court.months else [],
            "filed": rate_text(court.filed_per_month),
            "closed": rate_text(court.closed_per_month),
        }
        for court in projection.by_court
    ]  # fmt: skip
    chart = forecast_chart(shown, as_of, bands, lambda band: lb.text("fc_band").format(band=band))
    return {
        "projection": projection,
        "shown": shown,
        "shown_name": names.get(shown.court_code, shown.court_code),
        "now_label": lb.text("fc_as_of_actual").format(day=as_of.isoformat()),
        "band_headers": [lb.text("fc_band").format(band=band) for band in bands],
        "legend": [(lb.text("fc_band").format(band=line.band), line.colour) for line in chart.bands]
        if chart
        else [],
        "months": months,
        "now": now,
        "chart": chart,
        "projection_note": lb.text("fc_projection_note").format(
            history=HISTORY_MONTHS, level=f"{projection.level:.0%}"
        ),
        "rates": lb.text("fc_rates").format(
            history=HISTORY_MONTHS,
            filed=rate_text(shown.filed_per_month),
            closed=rate_text(shown.closed_per_month),
        ),
        "courts_title": lb.text("fc_courts_projection").format(
            day=last.month_end.isoformat() if last else ""
        ),
        "court_projections": courts,
    }


@require_safe
@login_required
def forecast_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    choice = Choice.read(request, person)
    as_of = choice.as_of or snapshot_date() or timezone.localdate()
    context = page_context(request, person=person, as_of=as_of, choice=choice)
    if person is None:
        return render(request, "web/forecast.html", context)
    try:
        conventions, settings_error = site_settings().conventions, ""
    except SiteSettingsError as error:  # shown on the page; the defaults meanwhile
        conventions, settings_error = DEFAULT_CONVENTIONS, str(error)
    result = database_forecast(visible_cases(person), as_of, conventions)
    names = courts_of(person)
    link = Links(as_of, reverse("web:forecast"))
    context.update(
        result=result,
        settings_error=settings_error,
        partial=whole_courts(person) is None,
        court_choices=list(names.items()),
        **_ageing_context(result.forecast.ageing, choice, link, names),
        **_list_context(request, person, result.forecast.ageing, choice, names),
        **_projection_context(result.forecast.projection, choice, link, names, as_of),
    )
    return render(request, "web/forecast.html", context)
