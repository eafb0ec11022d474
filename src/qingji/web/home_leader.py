"""Leaders' home (president, vice-president, division head, higher-court reader, supervision group,
administrator): how we stand and who lags, in five seconds — the running campaigns' tiles, the headline figures,
the courts (divisions, judges) ranked and pending cases by age band, every number a link to its cases."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from qingji.cases.snapshot import snapshot_date
from qingji.core.vocabulary import AgeBucket
from qingji.courts.models import Person
from qingji.web import labels as lb
from qingji.web.home_leader_campaigns import campaign_tiles
from qingji.web.home_leader_data import COURTS, DIVISIONS, headlines, standing
from qingji.web.leader_charts import bar_chart, heat_map
from qingji.web.provisional import provisional_expiries
from qingji.web.views import page_context

TITLES = {
    COURTS: ("home_ranking_courts", "home_heat_map"),
    DIVISIONS: ("home_ranking_divisions", "home_heat_map_divisions"),
}
JUDGE_TITLES = ("home_ranking_judges", "home_heat_map_judges")


def leader_home(request: HttpRequest, person: Person | None) -> HttpResponse:
    if person is None:
        return render(request, "web/home_leader.html", page_context(request, person=None))
    ranked = standing(person)
    ranking_title, heat_title = TITLES.get(ranked.kind, JUDGE_TITLES)
    bands = [lb.bucket_label(bucket.value) for bucket in AgeBucket]
    context = page_context(
        request, person=person, as_of=snapshot_date(), tiles=campaign_tiles(person, timezone.localdate()),
        headlines=[(lb.text(item.key), item.figure) for item in headlines(person)],
        rows=ranked.rows, bands=bands, bar_chart=bar_chart(ranked.rows), heat_map=heat_map(ranked.rows, bands),
        ranking_title=lb.text(ranking_title), heat_title=lb.text(heat_title),
        provisional=provisional_expiries(person),
    )  # fmt: skip
    return render(request, "web/home_leader.html", context)
