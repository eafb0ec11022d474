"""The ledger's filters (the issue's contract: q, type, procedure, division, warning, new_backlog, judge by part of
a name): each lists exactly the cases it names, the count shown equals the rows listed (from the stored counts
for a whole court, live for a division or a judge), and a value the ledger cannot use is answered 400."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from urllib.parse import quote

import pytest
from django.test import Client
from ledger_world import AS_OF, add_more_cases

from qingji.cases.models import CaseState, StateTag
from qingji.courts.models import Person, Role
from qingji.web.ledger_filters import ALL, CLOSED, PENDING, LedgerFilters
from qingji.web.queries import LedgerRows, ledger, ledger_count

pytestmark = pytest.mark.django_db
MakeUser = Callable[..., Person]
Login = Callable[..., Client]
NEW_BACKLOG = {"（2026）甘1002民初101号", "（2026）甘1027民初105号"}


@pytest.fixture
def world(cases: None) -> None:
    add_more_cases()


def expected(
    person_courts: set[str] | None, filters: LedgerFilters, seen: set[str] | None = None
) -> set[str]:
    """The case numbers the filters name, worked out in Python from every state (the oracle)."""
    found = set()
    states = CaseState.objects.select_related("case")
    judges = {state.case.judge for state in states if seen is None or state.case.case_number in seen}
    exact = filters.judge in judges
    for state in states:
        case = state.case
        pending = state.age_bucket != ""
        checks = [
            person_courts is None or case.court_code in person_courts,
            seen is None or case.case_number in seen,
            not filters.court or case.court_code == filters.court,
            filters.status != PENDING or pending,
            filters.status != CLOSED or not pending,
            filters.status in (PENDING, CLOSED, ALL) or state.status == filters.status,
            not filters.bucket or state.age_bucket == filters.bucket,
            not filters.judge or (case.judge == filters.judge if exact else filters.judge in case.judge),
            not filters.q or filters.q in case.case_number,
            not filters.type_code or case.type_code == filters.type_code,
            not filters.procedure or case.procedure == filters.procedure,
            not filters.division or case.division == filters.division,
            not filters.warning or filters.warning in state.warnings,
            not filters.new_backlog or case.case_number in NEW_BACKLOG,
        ]
        if all(checks):
            found.add(case.case_number)
    return found


def listed(person: Person, filters: LedgerFilters) -> list[str]:
    return [state.case.case_number for state in LedgerRows(person, filters)]


SINGLE_FILTERS = [
    LedgerFilters(),
    LedgerFilters(status=ALL),
    LedgerFilters(q="民初10"),
    LedgerFilters(q="（2026）甘1002民初101号"),
    LedgerFilters(type_code="刑初", status=ALL),
    LedgerFilters(type_code="民终"),
    LedgerFilters(procedure="simple"),
    LedgerFilters(division="民二庭"),
    LedgerFilters(division="刑庭", status=CLOSED),
    LedgerFilters(warning="age_10_months"),
    LedgerFilters(warning="overdue"),
    LedgerFilters(warning="approaching_30"),
    LedgerFilters(warning="provisional_calendar", status=ALL),
    LedgerFilters(new_backlog=True),
    LedgerFilters(new_backlog=True, court="甘1027"),
    LedgerFilters(judge="王芳"),  # exactly 王芳, not 王芳芳
    LedgerFilters(judge="芳"),  # both
    LedgerFilters(judge="张", court="甘1002", status=ALL),
    LedgerFilters(warning="overdue", division="民一庭", court="甘1002"),
    LedgerFilters(warning="overdue", new_backlog=True),
    LedgerFilters(new_backlog=True, bucket="6_12m", type_code="民初"),
]


def test_the_new_backlog_is_the_cases_crossing_six_months_this_month(world: None) -> None:
    tagged = StateTag.objects.filter(tag=StateTag.NEW_BACKLOG).values_list("case_id", flat=True)
    numbers = set(CaseState.objects.filter(pk__in=tagged).values_list("case__case_number", flat=True))
    assert numbers == NEW_BACKLOG
    assert (
        set(CaseState.objects.filter(new_backlog=True).values_list("case__case_number", flat=True))
        == NEW_BACKLOG
    )


@pytest.mark.parametrize("filters", SINGLE_FILTERS, ids=lambda f: f.query() or "default")
def test_each_filter_lists_its_cases_and_counts_them(
    world: None, make_user: MakeUser, filters: LedgerFilters
) -> None:
    office = make_user("office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    numbers = listed(office, filters)
    assert len(numbers) == len(set(numbers))
    assert set(numbers) == expected(None, filters)
    assert ledger_count(office, filters) == len(numbers) == ledger(office, filters).count()
    president = make_user("pres", name="院长", court_code="甘1002", role=Role.PRESIDENT)
    assert set(listed(president, filters)) == expected({"甘1002"}, filters)
    assert ledger_count(president, filters) == len(listed(president, filters))


@pytest.mark.parametrize("filters", SINGLE_FILTERS, ids=lambda f: f.query() or "default")
def test_a_division_heads_live_counts_equal_their_rows(
    world: None, make_user: MakeUser, filters: LedgerFilters
) -> None:
    head = make_user("head", name="庭长", court_code="甘1002", role=Role.DIVISION_HEAD)
    head.division = head.court.divisions.get_or_create(name="民二庭")[0]
    head.save()
    seen = {"（2026）甘1002民初101号", "（2026）甘1002民初102号"}
    numbers = listed(head, filters)
    assert set(numbers) == expected(None, filters, seen)
    assert ledger_count(head, filters) == len(numbers)


def test_stored_counts_equal_the_rows_for_every_combination(world: None, make_user: MakeUser) -> None:
    office = make_user("office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    for court, status, warning, division, backlog in itertools.product(
        ["", "甘1002", "甘1027"],
        [PENDING, ALL, CLOSED, "overdue", "approaching"],
        ["", "overdue", "age_10_months", "provisional_calendar", "approaching_15"],
        ["", "民一庭", "刑庭"],
        [False, True],
    ):
        filters = LedgerFilters(court, status, warning=warning, division=division, new_backlog=backlog)
        rows = listed(office, filters)
        assert ledger_count(office, filters) == len(rows), filters
        assert set(rows) == expected(None, filters), filters


def test_pages_of_a_warning_follow_the_ledger_order(world: None, make_user: MakeUser) -> None:
    office = make_user("office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    filters = LedgerFilters(warning="overdue")
    rows = LedgerRows(office, filters)
    assert rows.tags is not None  # read along the tags' index
    numbers = [state.case.case_number for state in rows[0:100]]
    in_order = ledger(office, filters).values_list("case__case_number", flat=True)
    assert numbers == list(in_order)
    assert [state.case.case_number for state in rows[2:4]] == numbers[2:4]


def page_numbers(client: Client, query: str) -> tuple[int, list[str]]:
    response = client.get(f"/ledger/?{query}")
    assert response.status_code == 200, response.content.decode()[:500]
    return response.context["page"].paginator.count, [
        row["case"].case_number for row in response.context["rows"]
    ]


@pytest.mark.parametrize(
    "query",
    [
        "q=" + quote("(2026)甘1002民初101号"),  # half-width brackets, as people type them
        "type=" + quote("刑初") + "&status=all",
        "procedure=simple",
        "division=" + quote("民二庭"),
        "warning=age_10_months",
        "warning=approaching_15",
        "new_backlog=1",
        "new_backlog=0",
        "judge=" + quote("芳"),
        "judge=" + quote("王芳"),
    ],
)
def test_the_page_shows_the_count_of_the_rows_it_lists(world: None, login: Login, query: str) -> None:
    client = login("甘10", Role.PRESIDENT)
    count, numbers = page_numbers(client, query)
    assert count == len(numbers) > 0
    assert f'<p class="count">{count} ' in client.get(f"/ledger/?{query}").content.decode()


def test_case_number_search_finds_the_number_typed_either_way(world: None, login: Login) -> None:
    client = login("甘10", Role.PRESIDENT)
    assert page_numbers(client, "q=" + quote("(2026)甘1002民初101号"))[1] == ["（2026）甘1002民初101号"]
    assert set(page_numbers(client, "q=" + quote("民初10"))[1]) == {
        "（2026）甘1002民初101号", "（2026）甘1002民初102号", "（2026）甘1027民初104号", "（2026）甘1027民初105号",
        "（2026）甘1002民初108号",
    }  # fmt: skip
    assert page_numbers(client, "q=" + quote("甘1027民初1号"))[1] == ["（2024）甘1027民初1号"]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("status=bogus", "状态"),
        ("bucket=3y", "案龄段"),
        ("warning=bogus", "预警"),
        ("procedure=%E6%99%AE%E9%80%9A", "适用程序"),
        ("new_backlog=yes", "本月新增长期未结"),
        ("q=%00", "案号"),
        ("judge=%01", "承办法官"),
    ],
)
def test_a_value_the_ledger_cannot_use_is_answered_400_with_a_message(
    world: None, login: Login, query: str, words: str
) -> None:
    client = login("甘10", Role.PRESIDENT)
    for url in ("/ledger/", "/ledger/export/"):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400, url
        assert words in response.content.decode()


def test_the_filters_are_offered_in_words(world: None, login: Login) -> None:
    client = login("甘10", Role.PRESIDENT)
    html = client.get("/ledger/?court=" + quote("甘1002")).content.decode()
    for words in ("简易程序", "案龄满10个月", "本月新增长期未结", "民二庭", "刑初", "王芳芳"):
        assert words in html, words
    for code in (">simple<", ">age_10_months<", ">ordinary<", ">overdue<", ">under_6m<"):
        assert code not in html, code
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/ledger/").content.decode()
    assert "Simple procedure" in html and "Only new backlog this month" in html


def test_warnings_are_one_line_the_worst_named_first(world: None, login: Login) -> None:
    client = login("甘10", Role.PRESIDENT)
    response = client.get("/ledger/?q=" + quote("刑初103号"))
    (row,) = response.context["rows"]
    assert set(row["state"].warnings) >= {"overdue", "age_10_months"}
    assert row["warnings"].worst == "已超审限" and row["warnings"].more == len(row["state"].warnings) - 1
    html = response.content.decode()
    cell = html[html.index('<td class="warnings">') :]
    cell = cell[: cell.index("</td>")]
    assert cell.count('class="tag') == 1 and f"+{row['warnings'].more}" in cell
    assert "案龄满10个月" in cell  # the rest in the title


def test_a_year_without_holidays_is_said_once_in_a_banner(world: None, login: Login) -> None:
    client = login("甘10", Role.PRESIDENT)
    provisional = CaseState.objects.filter(provisional=True).count()
    assert provisional >= 1
    html = client.get("/ledger/?status=all").content.decode()
    assert html.count("2027年的节假日安排尚未载入") == 1
    assert f"{provisional}件案件" in html
    assert "该年节假日未公布" not in html  # never as a tag on the rows
    assert "国务院办公厅" in html


def test_a_judge_without_provisional_cases_sees_no_banner(
    world: None, make_user: MakeUser, client: Client
) -> None:
    judge = make_user("zw", name="张伟", court_code="甘1002", role=Role.JUDGE)
    client.force_login(judge.user)
    assert "节假日安排尚未载入" not in client.get("/ledger/").content.decode()
    assert AS_OF.year == 2026
