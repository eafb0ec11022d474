"""Loading a year's holiday notice (issue 11): on the holidays page by an administrator who sees every court with
cases, and by `qingji holidays add`; checked, kept, audited, the snapshot recomputed — and the year's expiries
stop being provisional."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from typer.testing import CliRunner

from court_cases import create_court_system
from qingji.audit.models import AuditRecord
from qingji.cases.models import Case, CaseState
from qingji.cases.snapshot import do_snapshot
from qingji.cli.app import app
from qingji.courts.actions import do_create_user
from qingji.courts.models import Role
from qingji.site.models import HolidayNotice

pytestmark = pytest.mark.django_db
NOTICE = (Path(__file__).parent / "test_notice_text.py").read_text(encoding="utf-8")
NOTICE_2027 = NOTICE.split('NOTICE_2027 = """', 1)[1].split('"""', 1)[0]
NUMBER = "（2026）甘1002民初77号"  # filed 2026-07-01: six months end on Friday 2027-01-01, 元旦 in 2027


@pytest.fixture
def court() -> None:
    create_court_system()
    Case.objects.create(case_number=NUMBER, court_code="甘1002", type_code="民初", procedure="ordinary",
                        judge="张伟", division="民一庭", filed_on=date(2026, 7, 1))  # fmt: skip
    do_snapshot(date(2026, 12, 5))


def state() -> CaseState:
    return CaseState.objects.get(case__case_number=NUMBER)


def logged_in(client: Client, court_code: str, role: Role = Role.ADMINISTRATOR) -> Client:
    person = do_create_user(
        f"u{court_code}{role}", "pw-12345678", name="管理员", court_code=court_code, role=role
    )
    client.force_login(person.user)
    return client


@time_machine.travel(datetime(2026, 12, 5, 10, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_an_administrator_loads_the_notice_and_the_years_expiries_are_no_longer_provisional(
    court: None, client: Client
) -> None:
    assert (state().expiry, state().provisional) == (date(2027, 1, 1), True)
    page = logged_in(client, "甘10")
    shown = page.get("/holidays/").content.decode()
    assert "2027年的节假日安排尚未载入" in shown  # today is in 2026 (time_machine, below)
    preview = page.post("/holidays/", {"text": NOTICE_2027})
    assert preview.status_code == 200
    text = preview.content.decode()
    assert "国庆节" in text and "2027-10-01 – 2027-10-07" in text and "2027-02-14" in text
    assert not HolidayNotice.objects.exists()  # shown, not kept
    loaded = page.post("/holidays/", {"text": NOTICE_2027, "confirm": "1"})
    assert loaded.status_code == 200, loaded.content.decode()
    notice = HolidayNotice.objects.get()
    assert notice.year == 2027 and notice.loaded_by is not None and "2027-02-14" in notice.workdays
    assert (state().expiry, state().provisional) == (date(2027, 1, 4), False)  # moved past 元旦, and sure
    audits = AuditRecord.objects.filter(action="holiday_notice_loaded")
    assert {a.court_code for a in audits} >= {"甘1002", "甘1027"} and all(a.actor_id for a in audits)
    after = page.get("/holidays/").content.decode()
    assert "国务院办公厅关于2027年部分节假日安排的通知" in after and "尚未载入" not in after


def test_a_bad_notice_is_refused_with_its_reason_and_nothing_is_kept(court: None, client: Client) -> None:
    page = logged_in(client, "甘10")
    refused = page.post("/holidays/", {"text": NOTICE_2027.replace("2月14日（周日）上班", "2月15日（周一）上班"),
                                       "confirm": "1"})  # fmt: skip
    assert refused.status_code == 400
    assert "2027-02-15" in refused.content.decode()
    assert not HolidayNotice.objects.exists() and state().provisional


def test_only_an_administrator_who_sees_every_court_with_cases_may_load(court: None, client: Client) -> None:
    for court_code, role in (("甘1002", Role.ADMINISTRATOR), ("甘10", Role.TRIAL_MANAGEMENT)):
        page = logged_in(Client(), court_code, role)
        assert page.post("/holidays/", {"text": NOTICE_2027, "confirm": "1"}).status_code == 403
        assert page.get("/holidays/").status_code == 200  # the years and their sources are for everyone
    assert not HolidayNotice.objects.exists()


def test_the_page_in_english(court: None, client: Client) -> None:
    page = logged_in(client, "甘10")
    page.cookies["django_language"] = "en"
    text = page.get("/holidays/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Load a holiday notice" in text and "Shipped with the system" in text


def test_the_command_loads_a_notice_and_refuses_a_bad_one(court: None, tmp_path: Path) -> None:
    good = tmp_path / "通知.txt"
    good.write_text(NOTICE_2027, encoding="utf-8")
    runner = CliRunner()
    dry = runner.invoke(app, ["holidays", "add", str(good), "--dry-run"])
    assert dry.exit_code == 0 and "国庆节" in dry.output and not HolidayNotice.objects.exists()
    bad = tmp_path / "坏.txt"
    bad.write_text(
        NOTICE_2027.replace("10月1日（周五）至7日（周四）放假调休，共7天", "10月2日至7日放假"),
        encoding="utf-8",
    )
    refused = runner.invoke(app, ["holidays", "add", str(bad)])
    assert refused.exit_code == 2 and "10月1日" in refused.output and not HolidayNotice.objects.exists()
    done = runner.invoke(app, ["holidays", "add", str(good)])
    assert done.exit_code == 0, done.output
    assert (state().expiry, state().provisional) == (date(2027, 1, 4), False)
    listed = runner.invoke(app, ["holidays", "list"])
    assert listed.exit_code == 0 and "2027" in listed.output and "国务院办公厅关于2027年" in listed.output


def test_an_uploaded_file_too_large_or_not_text_is_refused_whole(court: None, client: Client) -> None:
    page = logged_in(client, "甘10")
    big = SimpleUploadedFile("通知.txt", NOTICE_2027.encode() + b" " * 200_000)
    assert "200 KB" in page.post("/holidays/", {"file": big}).content.decode()
    latin = SimpleUploadedFile("通知.txt", NOTICE_2027.encode("gb18030"))
    refused = page.post("/holidays/", {"file": latin, "confirm": "1"})
    assert refused.status_code == 400 and "UTF-8" in refused.content.decode()
    good = SimpleUploadedFile("通知.txt", NOTICE_2027.encode())
    assert page.post("/holidays/", {"file": good, "confirm": "1"}).status_code == 200
    assert HolidayNotice.objects.get().year == 2027
