"""The pages: login, the summary per court, the ledger, one case; each only with what the user may see."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from qingji.cases.models import Case, CaseEvent, CaseState
from qingji.cases.snapshot import do_snapshot
from qingji.courts.actions import do_grant
from qingji.courts.models import Person, Role

pytestmark = pytest.mark.django_db

Login = Callable[..., Client]
OTHER_COURT_CASE = "（2024）甘1027民初1号"
PASSWORD = "pw-12345678"  # as in conftest.py


def case_url(number: str) -> str:
    return reverse("web:case", args=[number])


def ledger_numbers(client: Client, query: str = "") -> list[str]:
    response = client.get(f"/ledger/{query}")
    assert response.status_code == 200
    return [row["case"].case_number for row in response.context["rows"]]


def test_login_with_a_created_user_reaches_the_home_page(
    client: Client, make_user: Callable[..., Person]
) -> None:
    make_user("office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    page = client.get("/login/")
    assert page.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    response = client.post("/login/", {"username": "office", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_a_wrong_password_is_refused(client: Client, make_user: Callable[..., Person]) -> None:
    make_user("office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    response = client.post("/login/", {"username": "office", "password": "wrong-password"})
    assert response.status_code == 200
    assert "用户名或密码错误" in response.content.decode()
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("url", ["/", "/ledger/", "/ledger/?court=甘1002", case_url(OTHER_COURT_CASE)])
def test_anonymous_users_are_sent_to_login(client: Client, cases: None, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_logout_is_a_post(login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    assert client.get("/logout/").status_code == 405
    assert client.post("/logout/")["Location"] == "/login/"
    assert client.get("/").status_code == 302


def test_the_home_page_counts_a_basic_courts_cases(login: Login) -> None:
    client = login("甘1002", Role.PRESIDENT)
    response = client.get("/")
    figures = {label: figure.count for label, figure in response.context["headlines"]}
    assert (figures["未结案件"], figures["超审限"], figures["临近届满"]) == (5, 3, 1)
    (division,) = response.context["rows"]  # the court's one division, ranked
    assert division.name == "民一庭"
    assert [figure.count for figure in division.buckets] == [2, 1, 1, 1]
    html = response.content.decode()
    assert "截至 2024-12-31" in html
    assert "6个月以内" in html and "6至12个月" in html and "1至2年" in html and "2年以上" in html
    assert f"/ledger/?court={quote('甘1002')}&amp;bucket=under_6m&amp;division={quote('民一庭')}" in html
    assert "甘1027" not in html and "镇原" not in html


def test_the_intermediate_court_sees_its_basic_courts_and_a_total(login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    figures = client.get("/").context[
        "figures"
    ]  # the office's home: its courts' figures below its to-do list
    assert [row["code"] for row in figures["rows"]] == ["甘10", "甘1002", "甘1027"]
    assert [cell["n"] for cell in figures["total"]] == [6, 4, 1]  # pending, overdue, approaching


def test_the_ledger_is_sorted_by_expiry_and_filtered(login: Login) -> None:
    client = login("甘1002", Role.PRESIDENT)
    pending = [
        "（2022）甘1002民初4号",
        "（2023）甘1002民初3号",
        "（2024）甘1002民初2号",
        "（2024）甘1002民初5号",
        "（2024）甘1002民初1号",
    ]
    closed = "（2024）甘1002民初6号"  # expired before 2号, listed after every pending case
    assert ledger_numbers(client) == pending  # pending cases by default
    assert ledger_numbers(client, "?status=all") == [*pending, closed]
    assert ledger_numbers(client, "?status=closed") == [closed]
    assert ledger_numbers(client, "?status=closed_in_time") == [closed]
    assert ledger_numbers(client, "?status=approaching") == ["（2024）甘1002民初5号"]
    assert ledger_numbers(client, "?bucket=under_6m") == ["（2024）甘1002民初5号", "（2024）甘1002民初1号"]
    assert len(ledger_numbers(client, "?judge=李娜")) == 2
    assert (
        len(ledger_numbers(client, "?judge=李")) == 2
    )  # a part of a name finds the judges whose name holds it
    assert client.get("/ledger/").context["judges"] == ["张伟", "李娜"]
    html = client.get("/ledger/?status=approaching").content.decode()
    assert "15日内届满" in html and "临近届满" in html and "2025-01-15" in html


def test_a_basic_court_cannot_see_another_courts_case(login: Login) -> None:
    client = login("甘1002", Role.PRESIDENT)
    assert ledger_numbers(client, "?court=甘1027") == []
    assert OTHER_COURT_CASE not in client.get("/ledger/?court=甘1027").content.decode()
    assert client.get(case_url(OTHER_COURT_CASE)).status_code == 404
    assert client.get(case_url("（2024）甘1002民初2号")).status_code == 200


def home_cases(client: Client) -> list[str]:
    """The cases of a judge's or an assistant's home ("my work"), in its order."""
    return [row["item"].case_number for row in client.get("/").context["rows"]]


def test_a_judge_sees_only_their_cases(login: Login) -> None:
    client = login("甘1002", Role.JUDGE, name="李娜")
    assert sorted(ledger_numbers(client)) == ["（2022）甘1002民初4号", "（2024）甘1002民初2号"]
    assert client.get(case_url("（2024）甘1002民初1号")).status_code == 404
    assert home_cases(client) == [
        "（2022）甘1002民初4号",
        "（2024）甘1002民初2号",
    ]  # both overdue, the longer first


def test_the_case_page_shows_its_fields_events_state_and_basis(login: Login) -> None:
    case = Case.objects.get(case_number="（2024）甘1002民初2号")
    CaseEvent.objects.create(
        case=case, key="e1", event="extension", length_months=6, length_days=0, approved_by="院长",
        approved_on=date(2024, 8, 20),
    )  # fmt: skip
    do_snapshot(date(2024, 12, 31))
    client = login("甘1002", Role.PRESIDENT)
    html = client.get(case_url(case.case_number)).content.decode()
    assert "李娜" in html and "普通程序" in html and "2024-03-01" in html
    assert "延长审限" in html and "院长" in html and "6个月" in html
    assert "审限内" in html and "2025-03-03" in html
    assert CaseState.objects.get(case=case).basis in html


def test_the_ledger_pages_by_one_hundred(login: Login) -> None:
    Case.objects.bulk_create(
        Case(
            case_number=f"（2024）甘1002民初{n}号",
            court_code="甘1002",
            type_code="民初",
            filed_on=date(2024, 5, 1),
        )
        for n in range(100, 200)
    )
    do_snapshot(date(2024, 12, 31))
    client = login("甘1002", Role.PRESIDENT)
    first = client.get("/ledger/")
    assert len(first.context["rows"]) == 100
    assert first.context["page"].paginator.num_pages == 2
    assert len(client.get("/ledger/?page=2").context["rows"]) == 5  # 105 pending
    assert len(client.get("/ledger/?status=all&page=2").context["rows"]) == 6  # and one closed
    numbers = [row["case"].case_number for row in first.context["rows"]]
    assert len(set(numbers)) == 100


def test_chinese_by_default_english_after_the_switch(login: Login) -> None:
    client = login("甘1002", Role.PRESIDENT)
    html = client.get("/").content.decode()
    assert "清积指挥台" in html and 'lang="zh-Hans"' in html
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert "Backlog command centre" in html and 'lang="en"' in html and "under 6 m" in html
    assert "overdue" in client.get("/ledger/?status=overdue").content.decode()
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert "清积指挥台" in client.get("/").content.decode()


def test_the_login_page_switches_language_too(client: Client) -> None:
    assert "用户名" in client.get("/login/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    assert "User name" in client.get("/login/").content.decode()


def test_every_page_has_a_content_security_policy_and_no_script(login: Login) -> None:
    client = login("甘1002", Role.PRESIDENT)
    urls = ["/", "/ledger/", "/ledger/?court=甘1002&status=overdue", case_url("（2024）甘1002民初2号")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Security-Policy"].startswith("default-src 'self'")
        html = response.content.decode().lower()
        assert "<script" not in html and " style=" not in html, url
    client.post("/logout/")
    login_page = client.get("/login/")
    assert login_page["Content-Security-Policy"].startswith("default-src 'self'")
    assert "<script" not in login_page.content.decode().lower()


def test_a_user_without_a_court_sees_nothing(client: Client, cases: None) -> None:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("nobody", password=PASSWORD)
    client.force_login(user)
    assert "该账号未分配法院" in client.get("/").content.decode()
    assert ledger_numbers(client) == []
    assert client.get(case_url(OTHER_COURT_CASE)).status_code == 404


def test_an_assistant_sees_the_cases_of_the_judge_they_are_granted(login: Login) -> None:
    client = login("甘1002", Role.ASSISTANT, name="助理")
    assert ledger_numbers(client, "?status=all") == []
    assert client.get(case_url("（2024）甘1002民初2号")).status_code == 404
    do_grant(Person.objects.get(name="助理").user.get_username(), court_code="甘1002", judge="李娜")
    assert sorted(ledger_numbers(client, "?status=all")) == ["（2022）甘1002民初4号", "（2024）甘1002民初2号"]
    assert client.get(case_url("（2024）甘1002民初2号")).status_code == 200
    assert client.get(case_url("（2024）甘1002民初1号")).status_code == 404  # 张伟's case: not granted
    assert home_cases(client) == ["（2022）甘1002民初4号", "（2024）甘1002民初2号"]


def test_pages_and_exports_are_not_kept_by_the_browser_but_static_files_may_be(login: Login) -> None:
    """Case pages, the ledger and its export carry parties' names: Cache-Control no-store on each; a login lasts a
    working day (QINGJI_SESSION_HOURS, 10 by default)."""
    from django.conf import settings

    client = login("甘1002", Role.PRESIDENT)
    for url in ("/", "/ledger/", case_url("（2024）甘1002民初1号"), "/ledger/export/?format=csv"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "no-store", url
    static = client.get("/static/web/qingji.css")
    assert static.get("Cache-Control", "") != "no-store"
    assert settings.SESSION_COOKIE_AGE == 10 * 3600
