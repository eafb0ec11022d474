"""The trial management office's home: its to-do list (issue 12), the most pressing first, each item a link to
where it is dealt with, and the courts' figures."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from court_cases import AS_OF, PASSWORD
from home_world import HomeWorld, create_home_world, number
from qingji.campaigns.actions import do_record_supervision
from qingji.campaigns.casework import do_refer, do_request_appraisal
from qingji.campaigns.models import LookBack
from qingji.campaigns.office_todo import IMPORT_LATE_DAYS, office_todo
from qingji.cases.imports import do_import
from qingji.courts.models import Court

pytestmark = pytest.mark.django_db
BASIC = ["甘1002", "甘1021", "甘1022", "甘1023", "甘1024", "甘1025", "甘1026", "甘1027"]


@pytest.fixture
def world(cases: None) -> HomeWorld:
    world = create_home_world()
    campaign = world.campaign
    # a look-back task open on case 5 of 张伟; two supervision follow-ups, the first followed by a later act
    LookBack.objects.create(
        entry=campaign.cases.get(case__case_number=number(5)), opened_on=date(2024, 12, 5)
    )
    do_record_supervision(campaign, court_code="甘1002", kind="phone", on=date(2024, 12, 1), by="督导组",
                          follow_up=date(2024, 12, 8))  # fmt: skip
    do_record_supervision(campaign, court_code="甘1002", kind="letter", on=date(2024, 12, 9), by="督导组",
                          follow_up=date(2024, 12, 20))  # fmt: skip
    # every court imported yesterday but two: 甘1027 eight days ago, 甘1026 never
    now = timezone.now()
    Court.objects.update(last_import_at=now - timedelta(days=1))
    Court.objects.filter(code="甘1027").update(last_import_at=now - timedelta(days=IMPORT_LATE_DAYS + 1))
    Court.objects.filter(code="甘1026").update(last_import_at=None)
    return world


def office_page(client: Client) -> Any:
    assert client.login(username="office", password=PASSWORD)
    response = client.get("/")
    assert response.status_code == 200
    return response


def test_the_to_do_list_most_pressing_first(client: Client, world: HomeWorld) -> None:
    response = office_page(client)
    rows = [(row["item"].kind, row["item"].court_code, row["item"].count, row["item"].since)
            for row in response.context["rows"]]  # fmt: skip
    late = timezone.localdate() - timedelta(days=1)  # 甘1027's last import + IMPORT_LATE_DAYS
    assert rows == [
        ("import_late", "甘1026", 1, None),  # never imported
        ("determinations", "甘1002", 2, date(2024, 10, 1)),  # 100 and 张伟's 5; 103 is determined
        ("lookbacks", "甘1002", 1, date(2024, 12, 5)),
        ("referrals", "甘1002", 1, date(2024, 12, 10)),
        ("appraisals", "甘1002", 1, date(2024, 12, 15)),
        ("follow_ups", "甘1002", 1, date(2024, 12, 20)),  # the first was followed on 12-09
        ("import_late", "甘1027", 1, late),
    ]
    page = response.content.decode()
    assert "审管办待办" in page and "从未导入" in page and "最近导入" in page
    assert f"超过{IMPORT_LATE_DAYS}日未导入的法院列入待办。" in page


def test_each_item_opens_where_it_is_dealt_with(client: Client, world: HomeWorld) -> None:
    response = office_page(client)
    urls = {row["item"].kind: row["url"] for row in response.context["rows"]}
    pk = world.campaign.pk
    assert urls["import_late"] == reverse("web:import")
    determinations = urlsplit(urls["determinations"])
    assert determinations.path == reverse("web:campaign", args=[pk])
    assert parse_qs(determinations.query) == {
        "court": ["甘1002"], "missing": ["determinations"], "as_of": ["2024-12-31"]
    }  # fmt: skip
    assert urls["appraisals"] == f"{reverse('web:campaign_appraisals', args=[pk])}?as_of=2024-12-31"
    assert urls["referrals"] == f"{reverse('web:campaign_green_channel', args=[pk])}?as_of=2024-12-31"
    assert urls["lookbacks"] == f"{reverse('web:campaign_lookback', args=[pk])}?as_of=2024-12-31"
    follow = urlsplit(urls["follow_ups"])
    assert parse_qs(follow.query) == {"court": ["甘1002"], "as_of": ["2024-12-31"]}
    for url in urls.values():
        assert client.get(url).status_code == 200, url
    # the appraisals page counts the same overdue appraisals of the court
    appraisals = client.get(urls["appraisals"])
    assert dict(appraisals.context["overdue_by_court"]) == {"甘1002": 1}


def test_a_basic_courts_office_sees_its_own_court_only(client: Client, world: HomeWorld) -> None:
    from qingji.courts.actions import do_create_user
    from qingji.courts.models import Role

    person = do_create_user(
        "office1027", PASSWORD, name="审管办乙", court_code="甘1027", role=Role.TRIAL_MANAGEMENT
    )
    items = office_todo(person, date(2024, 12, 31)).items
    assert [(item.kind, item.court_code) for item in items] == [("import_late", "甘1027")]


def test_the_courts_figures_open_the_ledger(client: Client, world: HomeWorld) -> None:
    response = office_page(client)
    figures = response.context["figures"]
    row = next(row for row in figures["rows"] if row["code"] == "甘1002")
    # 甘1002: 张伟's 1, 3, 5, 李娜's 2, 4, 王芳's five; overdue 3, 2, 4, 103, 104; approaching 5, 100, 101, 107
    assert [cell["n"] for cell in row["cells"]] == [10, 5, 4]
    assert [cell["url"] for cell in row["cells"]] == [
        "/ledger/?court=%E7%94%981002",
        "/ledger/?court=%E7%94%981002&status=overdue",
        "/ledger/?court=%E7%94%981002&status=approaching",
    ]
    for cell in row["cells"]:
        assert client.get(cell["url"]).context["page"].paginator.count == cell["n"]
    for cell in figures["total"]:
        assert client.get(cell["url"]).context["page"].paginator.count == cell["n"]


def test_an_import_stamps_the_courts_it_held(world: HomeWorld, tmp_path: Path) -> None:
    Court.objects.update(last_import_at=None)
    header = "案号,法院代字,类型代字,适用程序,立案日期,结案日期,承办法官\n"
    good = tmp_path / "cases.csv"
    good.write_text(
        header + "（2024）甘1021民初9号,甘1021,民初,普通程序,2024-05-06,,钱明\n", encoding="utf-8"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(header + "（2024）甘1022民初9号,甘1022,民初,普通程序,2024-13-06,,钱明\n", encoding="utf-8")
    assert do_import(bad, report_path=tmp_path / "report.xlsx").imported is False
    assert do_import(good).imported
    stamped = dict(Court.objects.exclude(last_import_at=None).values_list("code", "last_import_at"))
    assert list(stamped) == ["甘1021"]  # the refused file's court is not stamped
    last = stamped["甘1021"]
    assert last is not None and timezone.now() - last < timedelta(minutes=1)


def test_the_office_home_reads_no_case_one_by_one(client: Client, world: HomeWorld) -> None:
    """The number of queries does not grow with the cases, appraisals and referrals: each item is one grouped
    query (or two: the casework rows, then their cases' campaign and court)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.login(username="office", password=PASSWORD)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        return len(captured.captured_queries)

    before = queries()
    for entry in world.campaign.cases.all():
        do_request_appraisal(entry, agency="鉴定所乙", requested_on=date(2024, 11, 1), due_on=date(2024, 12, 1),
                             today=AS_OF)  # fmt: skip
        do_refer(
            entry, body="judges_meeting", referred_on=date(2024, 12, 2), referred_by="审管办", today=AS_OF
        )
    # 25 on SQLite, 26 on PostgreSQL, among them the four of the cache's key of the campaign items (the newest
    # audit record, import, case and campaign case)
    assert queries() == before <= 28


def test_the_campaign_items_are_counted_ahead_and_again_after_a_change(
    client: Client, world: HomeWorld
) -> None:
    """The nightly run counts the campaigns' items ahead (warm_office_todo): the morning's view reads no campaign
    case; a change of the casework (audited) is on the next view."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from qingji.campaigns.due_work import work_day
    from qingji.campaigns.office_todo import REFERRALS, warm_office_todo

    assert warm_office_todo(work_day()) == 1
    assert client.login(username="office", password=PASSWORD)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/")
    assert response.status_code == 200
    read = [query["sql"] for query in captured.captured_queries if "campaigns_campaigncase" in query["sql"]]
    assert read == [
        'SELECT MAX("campaigns_campaigncase"."id") AS "last" FROM "campaigns_campaigncase"'
    ]  # the key

    def referrals(response: Any) -> int:
        return sum(row["item"].count for row in response.context["rows"] if row["item"].kind == REFERRALS)

    before = referrals(response)
    entry = world.campaign.cases.get(case__case_number=number(5))
    do_refer(entry, body="judges_meeting", referred_on=date(2024, 12, 2), referred_by="审管办", today=AS_OF)
    assert referrals(client.get("/")) == before + 1
