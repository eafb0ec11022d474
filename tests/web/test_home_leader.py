"""The leaders' home: the campaign tiles (from the campaign report), the headline figures, the ranking and the heat
map — and every number on the page a link that opens the ledger listing exactly that many cases."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from django.test import Client
from django.utils import timezone
from ledger_world import add_more_cases

from qingji.campaigns.actions import do_create_campaign
from qingji.campaigns.report import campaign_report
from qingji.campaigns.selectors import visible_entries
from qingji.cases.models import Case
from qingji.courts.models import Person, Role
from qingji.web.home_leader_data import COURTS, DIVISIONS, JUDGES, standing_kind

pytestmark = pytest.mark.django_db
MakeUser = Callable[..., Person]
NUMBER = re.compile(r"[0-9][0-9,.]*%?")


class Links(HTMLParser):
    """The numbers of a page's main part: each with the link around it (None when it is not inside one)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.numbers: list[tuple[str, str | None]] = []
        self.in_main = False
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.in_main = True
        if tag in ("title", "desc", "option", "script"):
            self.skip += 1
        self.stack.append((tag, dict(attrs).get("href")))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "desc", "option", "script"):
            self.skip -= 1
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        text = data.strip()
        if not self.in_main or self.skip or not NUMBER.fullmatch(text):
            return
        href = next((href for tag, href in reversed(self.stack) if tag == "a"), None)
        self.numbers.append((text, href))


def numbers_of(html: str) -> list[tuple[str, str | None]]:
    parser = Links()
    parser.feed(html)
    return parser.numbers


def ledger_figures(client: Client) -> list[tuple[int, str]]:
    """The page's numbers that open the ledger; every number on it is a link (the as-of date aside)."""
    html = client.get("/").content.decode()
    figures = []
    for text, href in numbers_of(html):
        assert href is not None, f"{text} is not a link"
        if href.startswith("/ledger/"):
            figures.append((int(text), href))
    return figures


def check_figures_open_their_cases(client: Client) -> int:
    """Each ledger figure equals the count the ledger shows for its link and the rows it lists."""
    figures = ledger_figures(client)
    assert figures
    for count, href in figures:
        response = client.get(href)
        assert response.status_code == 200, href
        listed = len(response.context["rows"])
        assert response.context["page"].paginator.count == count == listed, unquote(href)
    return len(figures)


@pytest.fixture
def world(cases: None) -> None:
    add_more_cases()


def log_in(client: Client, make_user: MakeUser, court: str, role: Role, division: str = "") -> Person:
    person = make_user(f"u{Person.objects.count()}", name="领导", court_code=court, role=role)
    if division:
        person.division = person.court.divisions.get_or_create(name=division)[0]
        person.save()
    client.force_login(person.user)
    return person


@pytest.mark.parametrize(
    ("court", "role", "division", "kind"),
    [
        ("甘10", Role.PRESIDENT, "", COURTS),
        ("甘10", Role.VICE_PRESIDENT, "", COURTS),
        ("甘1002", Role.PRESIDENT, "", DIVISIONS),
        ("甘1002", Role.DIVISION_HEAD, "民二庭", JUDGES),
        ("甘1002", Role.DIVISION_HEAD, "民一庭", JUDGES),
        ("甘", Role.HIGHER_COURT_READER, "", COURTS),
        ("甘10", Role.SUPERVISION, "", COURTS),
        ("甘10", Role.ADMINISTRATOR, "", COURTS),
    ],
)
def test_every_figure_opens_a_ledger_listing_that_many_cases(
    world: None, client: Client, make_user: MakeUser, court: str, role: Role, division: str, kind: str
) -> None:
    person = log_in(client, make_user, court, role, division)
    assert standing_kind(person) == kind
    assert check_figures_open_their_cases(client) >= 5


def test_the_headline_figures_of_the_intermediate_court(
    world: None, client: Client, make_user: MakeUser
) -> None:
    log_in(client, make_user, "甘10", Role.PRESIDENT)
    response = client.get("/")
    figures = {label: figure.count for label, figure in response.context["headlines"]}
    pending = Case.objects.filter(closed_on__isnull=True).count()
    assert figures["未结案件"] == pending
    assert figures["本月新增长期未结"] == 2
    assert figures["案龄满10个月"] == 1
    assert figures["临近届满"] == 1
    html = response.content.decode()
    assert "?new_backlog=1" in html and "?warning=age_10_months" in html and "?status=overdue" in html


def test_the_courts_are_ranked_most_overdue_first(world: None, client: Client, make_user: MakeUser) -> None:
    log_in(client, make_user, "甘10", Role.PRESIDENT)
    response = client.get("/")
    rows = response.context["rows"]
    assert rows[0].name == "庆阳市西峰区人民法院"
    overdue = [row.overdue.count for row in rows]
    assert overdue == sorted(overdue, reverse=True)
    html = response.content.decode()
    assert html.count("<svg") >= 2 and "各院超审限案件排名" in html and "各院未结案件案龄分布" in html
    assert 'class="grid ranking"' in html and 'class="grid heat"' in html
    assert "<script" not in html and "style=" not in html


def test_a_division_head_sees_their_judges_by_name(world: None, client: Client, make_user: MakeUser) -> None:
    log_in(client, make_user, "甘1002", Role.DIVISION_HEAD, "民二庭")
    rows = client.get("/").context["rows"]
    assert {row.name for row in rows} == {"王芳", "王芳芳"}
    wang = next(row for row in rows if row.name == "王芳")
    assert wang.pending.count == 1 and "judge=" in wang.pending.url


def test_a_basic_court_president_sees_its_divisions(world: None, client: Client, make_user: MakeUser) -> None:
    log_in(client, make_user, "甘1002", Role.PRESIDENT)
    rows = client.get("/").context["rows"]
    assert {row.name for row in rows} == {"民一庭", "民二庭", "刑庭"}


def test_the_campaign_tile_gives_the_campaign_reports_figures(
    world: None, client: Client, make_user: MakeUser
) -> None:
    today = timezone.localdate()
    campaign = do_create_campaign(
        "年底清积", start=date(2026, 9, 1), target=date(2027, 3, 31), older_than_months=6,
        court_codes=["甘1002", "甘1027"],
    )  # fmt: skip
    Case.objects.filter(case_number="（2024）甘1027民初1号").update(closed_on=date(2026, 10, 1))
    person = log_in(client, make_user, "甘10", Role.PRESIDENT)
    response = client.get("/")
    (tile,) = response.context["tiles"]
    report = campaign_report(campaign, today, list(visible_entries(person, campaign)))
    assert (tile.progress.cleared, tile.progress.in_scope) == (
        report.overall.cleared,
        report.overall.in_scope,
    )
    assert tile.progress.cleared >= 1
    assert tile.days_left == (date(2027, 3, 31) - today).days
    assert tile.last_court == "庆阳市西峰区人民法院"  # 甘1027 cleared its case, 甘1002 none
    html = response.content.decode()
    assert f"{tile.progress.cleared} / {tile.progress.in_scope}" in html
    assert f'href="/campaigns/{campaign.pk}/"' in html
    assert f"/campaigns/{campaign.pk}/?court=%E7%94%981002" in html
    # a division head sees their cases, never named as the court nor ranked
    log_in(client, make_user, "甘1002", Role.DIVISION_HEAD, "民一庭")
    (tile,) = client.get("/").context["tiles"]
    assert tile.partial and tile.last_court == ""


def test_a_campaign_not_started_or_past_its_target_has_no_tile(
    world: None, client: Client, make_user: MakeUser
) -> None:
    do_create_campaign("旧行动", start=date(2025, 1, 1), target=date(2025, 6, 30), older_than_months=6)
    log_in(client, make_user, "甘10", Role.PRESIDENT)
    assert client.get("/").context["tiles"] == []


def test_the_home_says_once_that_a_years_holidays_are_missing(
    world: None, client: Client, make_user: MakeUser
) -> None:
    log_in(client, make_user, "甘10", Role.PRESIDENT)
    html = client.get("/").content.decode()
    assert html.count("2027年的节假日安排尚未载入") == 1


def test_the_home_in_english_shows_no_code(world: None, client: Client, make_user: MakeUser) -> None:
    log_in(client, make_user, "甘10", Role.PRESIDENT)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert "Courts ranked by overdue cases" in html and "under 6 months" in html
    for code in ("under_6m", "6_12m", "home_", "approaching<", "overdue<"):
        assert code not in html.replace("bucket=under_6m", "").replace("bucket=6_12m", ""), code
