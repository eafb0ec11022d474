"""The monthly report on the schedule (issue 13): on its day, one document per leadership — the whole court system's
for those who see every court, a court's own for its people — kept once, whatever runs again, and a message to each
active person of the report's roles with the headline figures of `qingji stats` for the month."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

import docx
import pytest
from django.test import Client
from typer.testing import CliRunner

from qingji.cadence.models import Document, Message, Run
from qingji.cadence.reports import report_messages
from qingji.cadence.runner import run_due
from qingji.cadence.schedule import Kind
from qingji.cases.models import Case
from qingji.cli.app import app
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
PASSWORD = "pw-12345678"
COURTS = ["甘10", "甘1002", "甘1027"]


@pytest.fixture
def world(settings: Any, tmp_path: Any) -> None:
    settings.HOME = tmp_path / "home"
    do_ensure_courts()
    for n in range(60):
        court = COURTS[n % 3]
        filed = date(2022, 6, 1) + timedelta(days=5 * n)
        closed = filed + timedelta(days=30 + (n * 13) % 200) if n % 3 else None
        Case.objects.create(case_number=f"（{filed.year}）{court}民初{n + 1}号", court_code=court, type_code="民初",
                            procedure="ordinary", judge="法官", division="民一庭", filed_on=filed,
                            closed_on=closed, parties=f"王{n}五")  # fmt: skip
    for username, court, role in (
        ("gy-yz", "甘", Role.PRESIDENT),  # the higher court: every court
        ("zy-yz", "甘10", Role.PRESIDENT),  # the intermediate court: itself and the courts below it
        ("zy-sg", "甘10", Role.TRIAL_MANAGEMENT),
        ("xf-yz", "甘1002", Role.PRESIDENT),  # a basic court: its own
        ("zn-fyz", "甘1027", Role.VICE_PRESIDENT),
        ("xf-fg", "甘1002", Role.JUDGE),  # not of the report's roles
        ("gone", "甘1027", Role.PRESIDENT),  # no longer active
    ):
        do_create_user(username, PASSWORD, name=username, court_code=court, role=role)
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="gone").update(is_active=False)


def at(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def stats(as_of: str, since: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["stats", "--as-of", as_of, "--since", since, "--json"])
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_one_report_per_leadership_once(world: None) -> None:
    assert run_due(at(2023, 4, 1, 9, 29), kinds=(Kind.REPORT,)) == []
    [run] = run_due(at(2023, 4, 1, 9, 30), kinds=(Kind.REPORT,))
    assert (run.kind, run.on, run.status) == ("report", date(2023, 4, 1), "done")
    documents = {d.scope: d for d in Document.objects.filter(kind="report")}
    city = ",".join(
        sorted(["甘10", "甘1002", "甘1021", "甘1022", "甘1023", "甘1024", "甘1025", "甘1026", "甘1027"])
    )
    assert set(documents) == {"", city, "甘1002", "甘1027"}
    assert all(d.on == date(2023, 3, 31) and d.campaign is None and d.number == 1 for d in documents.values())
    messages = {
        m.person.user.username: m
        for m in Message.objects.filter(kind="report").select_related("person__user")
    }
    assert set(messages) == {"gy-yz", "zy-yz", "zy-sg", "xf-yz", "zn-fyz"}
    assert messages["gy-yz"].data["document"] == documents[""].pk
    assert messages["zy-yz"].data["document"] == messages["zy-sg"].data["document"] == documents[city].pk
    assert messages["xf-yz"].data["document"] == documents["甘1002"].pk
    # The headline figures are `qingji stats`'s for March, overall and for the court.
    march = stats("2023-03-31", "2023-03-01")
    own = next(row for row in march["by_court"] if row["court_code"] == "甘1002")
    for key in ("filed", "closed", "closed_to_filed", "on_time_rate", "average_days", "pending", "overdue"):
        assert messages["gy-yz"].data[key] == messages["zy-yz"].data[key] == march[key], key
        assert messages["xf-yz"].data[key] == own[key], key
    assert messages["zy-yz"].data["month"] == "2023-03"
    text = "".join(p.text for p in docx.Document(BytesIO(bytes(documents["甘1002"].docx))).paragraphs)
    assert f"新收案件{own['filed']}件，审结{own['closed']}件" in text
    assert bytes(documents[""].pdf).startswith(b"%PDF")
    # Looked at again, or taken up again: no second document, no second message.
    assert run_due(at(2023, 4, 1, 10, 0), kinds=(Kind.REPORT,)) == []
    again = report_messages(
        Run.objects.get(kind="report"), ("president", "vice_president", "trial_management")
    )
    assert {m.key for m in again} == set(Message.objects.filter(kind="report").values_list("key", flat=True))
    assert Document.objects.filter(kind="report").count() == 4
    # Next month's, once.
    [later] = run_due(at(2023, 5, 1, 9, 30), kinds=(Kind.REPORT,))
    assert later.on == date(2023, 5, 1)
    assert set(Document.objects.filter(kind="report").values_list("on", flat=True)) == {
        date(2023, 3, 31),
        date(2023, 4, 30),
    }


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_inbox_puts_the_report_in_words(world: None, language: str) -> None:
    run_due(at(2023, 4, 1, 9, 30), kinds=(Kind.REPORT,))
    client = Client()
    assert client.login(username="xf-yz", password=PASSWORD)
    message = Message.objects.get(person__user__username="xf-yz")
    client.cookies["django_language"] = language
    listing = client.get("/inbox/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert "2023-03" in listing
    page = client.get(f"/inbox/{message.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    assert page.status_code == 200
    body = page.content.decode()
    document = message.data["document"]
    assert f"/documents/{document}/docx/" in body and f"/documents/{document}/pdf/" in body
    assert ("收案" in body) == (language == "zh-hans")
    assert "Monthly report" in body or "月度报告" in body
    assert client.get(f"/documents/{document}/pdf/").status_code == 200
