"""The forecast page (/forecast/, docs/pages.md "The forecast page") over the cases of tests/court_cases.py and a few
more, on the snapshot's date 2024-12-31: the figures shown are those of qingji.forecast.summary.forecast computed
directly on the ledger of the cases the reader sees, every count opens exactly its cases, a reader of another
court sees none of them, and a bad parameter is answered 400.

By hand, on 2024-12-31: （2024）甘1002民初5号 (filed 2024-07-15) passes 6 months on 2025-01-16 (day 16) and its
trial period runs out on 2025-01-15; （2024）甘1002民初2号 and （2024）甘1027民初1号 (filed 2024-03-01) pass 10 months
on 2025-01-02 (day 2) and 12 months on 2025-03-02 (day 61); （2024）甘1002民初8号 (filed 2024-02-10, no division,
judge 王芳) passes 12 months on 2025-02-11 (day 42)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils.html import escape

from court_cases import AS_OF
from qingji.cases.frames import frames_from_database
from qingji.cases.models import Case
from qingji.cases.selectors import visible_cases
from qingji.cases.snapshot import do_snapshot
from qingji.courts.models import Person, Role
from qingji.engine.ledger import compute_ledger
from qingji.forecast.ageing import EXPIRY
from qingji.forecast.summary import Forecast, forecast
from qingji.site.in_force import site_settings
from qingji.site.notices import calendar_in_force
from qingji.web.forecast_views import count_text

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]
KEYS = ("6", "10", "12", "18", EXPIRY)


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def more_cases(cases: None) -> None:
    """A case of 王芳 with no division, and one closed in the rates' window at 甘1027; the snapshot again."""
    for number, court, judge, division, filed_on, closed_on in (
        ("（2024）甘1002民初8号", "甘1002", "王芳", "", date(2024, 2, 10), None),
        ("（2024）甘1027民初2号", "甘1027", "赵磊", "民一庭", date(2024, 1, 5), date(2024, 6, 30)),
    ):
        Case.objects.create(case_number=number, court_code=court, type_code="民初", procedure="ordinary",
                            judge=judge, division=division, filed_on=filed_on, closed_on=closed_on)  # fmt: skip
    do_snapshot(AS_OF)


def direct(person: Person, as_of: date = AS_OF) -> Forecast:
    """The forecast computed directly: the ledger of every case the person sees, as `qingji forecast` does."""
    frame, events = frames_from_database(visible_cases(person))
    conventions = site_settings().conventions
    ledger = compute_ledger(frame, events, as_of, calendar_in_force(), conventions)
    return forecast(ledger, as_of, conventions=conventions)


def person_of(client: Client) -> Person:
    return Person.objects.get(user_id=client.session["_auth_user_id"])


def listed(client: Client, url: str) -> list[str]:
    """The case numbers a link of the page lists (every page of the list)."""
    numbers: list[str] = []
    page = 1
    while True:
        response = client.get(url.split("#")[0] + f"&page={page}")
        assert response.status_code == 200, url
        numbers += [row["number"] for row in response.context["listing"]["rows"]]
        if not response.context["page"].has_next():
            return numbers
        page += 1


def test_the_office_sees_the_forecast_of_every_court_and_each_count_opens_its_cases(
    login: Login, more_cases: None
) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = client.get("/forecast/")
    assert response.status_code == 200
    html = response.content.decode()
    expected = direct(person_of(client))
    shown: Forecast = response.context["result"].forecast
    assert response.context["result"].from_snapshot
    assert shown.as_json() == expected.as_json()
    ageing = expected.ageing
    # the counts per court, and the totals, as the ageing gives them; each a link opening exactly its cases
    rows = {row["court_code"]: row for row in response.context["court_rows"]}
    assert sorted(rows) == ["甘1002", "甘1027"]
    for group in ageing.of_level("court"):
        row = rows[group.court_code]
        assert row["pending"] == group.pending
        cells = iter(row["cells"])
        for key in KEYS:
            for days in ageing.windows:
                n, url = next(cells)
                assert n == group.counts[key][days]
                if n:
                    assert f'<a href="{escape(url)}">{n}</a>' in html
                    wanted = [c.case_number for c in group.cases(key) if (c.on - AS_OF).days <= days]
                    assert listed(client, url) == wanted
    assert rows["甘1002"]["cells"][0][0] == 1  # 5号 passes 6 months within 30 days
    totals = response.context["total_row"]
    assert [n for n, _ in totals["cells"]] == [ageing.totals[k][d] for k in KEYS for d in ageing.windows]
    ten_months = next(url for n, url in totals["cells"][3:6] if n)  # passing 10 months within 30 days
    assert listed(client, ten_months) == ["（2024）甘1002民初2号", "（2024）甘1027民初1号"]
    # divisions and judges of both courts; the case without a division is its own row, and opens
    divisions = response.context["division_part"]["rows"]
    no_division = next(row for row in divisions if row["name"] == "（未填审判庭）")
    twelve = [url for n, url in no_division["cells"][6:9] if n]  # passing 12 months
    assert twelve and listed(client, twelve[-1]) == ["（2024）甘1002民初8号"]
    judges = {(row["court_code"], row["name"]): row for row in response.context["judge_part"]["rows"]}
    assert judges[("甘1002", "王芳")]["pending"] == 1 and ("甘1027", "赵磊") in judges


def test_the_projection_shown_is_the_forecast_and_its_actual_figures_open_their_cases(
    login: Login, more_cases: None
) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = client.get("/forecast/")
    html = response.content.decode()
    projection = direct(person_of(client)).projection
    overall = projection.overall
    months = response.context["months"]
    assert [row["month_end"] for row in months] == [m.month_end for m in overall.months]
    for row, month in zip(months, overall.months, strict=True):
        for shown, band in zip(row["bands"], projection.bands, strict=True):
            figures = month.band(band)
            assert shown == {"value": count_text(figures.value), "low": count_text(figures.low),
                             "high": count_text(figures.high), "inflow": count_text(figures.inflow),
                             "cleared": count_text(figures.cleared)}  # fmt: skip
            assert f"{shown['value']} ({shown['low']}–{shown['high']})" in html
    # the as-of date's actual counts open the pending cases older than each band
    for (n, url), band in zip(response.context["now"], projection.bands, strict=True):
        assert n == overall.now[band]
        numbers = listed(client, url)
        assert len(numbers) == n
    assert listed(client, response.context["now"][1][1]) == [
        "（2022）甘1002民初4号",
        "（2023）甘1002民初3号",
    ]  # over 12 months, the oldest first
    # the chart draws every band with its interval, and the court table one row per court
    chart = response.context["chart"]
    assert [line.band for line in chart.bands] == [6, 12, 18]
    assert html.count('<polygon class="interval"') == 3
    courts = {row["code"]: row for row in response.context["court_projections"]}
    for court in projection.by_court:
        assert [n for n, _ in courts[court.court_code]["now"]] == [court.now[b] for b in projection.bands]
    # narrowed to one court: its own projection
    one = client.get("/forecast/?court=甘1027")
    court = next(c for c in projection.by_court if c.court_code == "甘1027")
    assert [r["bands"][0]["value"] for r in one.context["months"]] == [
        count_text(m.band(6).value) for m in court.months
    ]


def test_a_reader_of_another_court_sees_none_of_it(login: Login, more_cases: None) -> None:
    client = login("甘1027", Role.PRESIDENT)
    response = client.get("/forecast/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "甘1002民初" not in html and [row["court_code"] for row in response.context["court_rows"]] == [
        "甘1027"
    ]
    assert response.context["result"].forecast.as_json() == direct(person_of(client)).as_json()
    assert client.get("/forecast/?court=甘1002").status_code == 404  # a court it does not see: not found
    assert client.get("/forecast/?court=甘9999").status_code == 404
    # a list naming the other court's judge or division lists nothing
    for query in ("level=judge&judge=王芳", "level=division&division=", "older=6"):
        other = client.get(f"/forecast/?crossing=12&{query}")
        assert other.status_code == 200 and "甘1002民初" not in other.content.decode()


def test_a_judge_sees_their_own_cases(login: Login, more_cases: None) -> None:
    client = login("甘1002", Role.JUDGE, name="李娜")
    response = client.get("/forecast/")
    html = response.content.decode()
    assert response.context["partial"]
    assert response.context["result"].forecast.as_json() == direct(person_of(client)).as_json()
    assert [row["pending"] for row in response.context["court_rows"]] == [2]  # 2号 and 4号
    assert "（2024）甘1002民初5号" not in listed(client, "/forecast/?crossing=6&within=90")
    assert listed(client, "/forecast/?crossing=10&within=30") == ["（2024）甘1002民初2号"]
    assert "张伟" not in html and "王芳" not in html


def test_another_date_is_computed_and_kept(login: Login, more_cases: None) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    on = date(2024, 11, 30)
    response = client.get("/forecast/?as_of=2024-11-30")
    assert not response.context["result"].from_snapshot
    assert response.context["result"].forecast.as_json() == direct(person_of(client), on).as_json()
    assert "该日期没有案件状态快照" in response.content.decode()
    # the second view is read from the cache: nothing is computed again
    with mock.patch("qingji.cases.forecasts.forecast", side_effect=AssertionError("computed again")):
        again = client.get("/forecast/?as_of=2024-11-30&court=甘1027")
    assert again.status_code == 200


@pytest.mark.parametrize(
    "query",
    ["crossing=7", "crossing=expiry&within=45", "level=court_of_appeal", "older=3", "as_of=2024-02-30",
     "as_of=9999-12-31", "judge=%00", "division=%00", "court=%00", "crossing=%FF"],
)  # fmt: skip
def test_a_bad_parameter_is_answered_400(login: Login, query: str) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = client.get(f"/forecast/?{query}")
    assert response.status_code == 400
    assert "无法使用" in response.content.decode()


def test_the_page_in_english_shows_words_not_codes(login: Login, more_cases: None, settings: Any) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/forecast/?crossing=expiry&within=30").content.decode()
    assert "Cases about to age" in html and "Trial period runs out" in html and "Over 12 months" in html
    assert "within 30 days · Trial period runs out" in html
    for code in ("expiry", "crossing", "level", "division_part"):
        assert f">{code}<" not in html


def test_an_account_of_no_court_is_told_so(db: None, client: Client) -> None:
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("clerk", password="pw-12345678"))
    response = client.get("/forecast/")
    assert response.status_code == 200 and "该账号未分配法院" in response.content.decode()


def test_the_nightly_run_computes_the_court_wide_views_ahead(login: Login, more_cases: None) -> None:
    from qingji.cases.forecasts import warm_forecasts

    client = login("甘10", Role.TRIAL_MANAGEMENT)
    login("甘1027", Role.PRESIDENT)
    login("甘1002", Role.JUDGE, name="李娜")  # sees part of a court: counted when asked
    assert warm_forecasts(AS_OF) == 2  # 甘10 and its courts; 甘1027
    client.force_login(Person.objects.get(court__code="甘10").user)
    with mock.patch("qingji.cases.forecasts.forecast", side_effect=AssertionError("computed again")):
        assert client.get("/forecast/").status_code == 200
