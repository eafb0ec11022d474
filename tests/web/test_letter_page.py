"""The supervision letter from the campaign page: a download link on each recorded letter, the DOCX with its
Chinese file name, only for those who see the whole court written to, audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import quote

import docx
import pytest
from django.test import Client

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import do_create_campaign, do_record_supervision
from qingji.campaigns.models import SupervisionAction
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]


@pytest.fixture
def letter(cases: None, settings: Any, tmp_path: Path) -> SupervisionAction:
    # in scope from 2024-09-02: 甘1002's 2号, 3号, 4号 and 甘1027's 1号, all pending on 2024-12-20
    settings.HOME = tmp_path
    campaign = do_create_campaign(
        "年底清积", start=date(2024, 9, 2), target=date(2024, 12, 31), older_than_months=6
    )
    do_record_supervision(campaign, court_code="甘1002", kind="phone", on=date(2024, 12, 1), by="督导组")
    return do_record_supervision(campaign, court_code="甘1002", kind="letter", on=date(2024, 12, 20), by="督导组",
                                 to="院长", agreed="月底前结两件", follow_up=date(2024, 12, 27))  # fmt: skip


def url(action: SupervisionAction) -> str:
    return f"/campaigns/{action.campaign.pk}/supervision/{action.pk}/letter.docx"


def test_the_supervision_team_downloads_the_letter(login: Login, letter: SupervisionAction) -> None:
    client = login("甘10", Role.SUPERVISION, name="督导组")
    page = client.get(f"/campaigns/{letter.campaign.pk}/?as_of=2024-12-31").content.decode()
    assert page.count("下载督办函") == 1 and url(letter) in page  # on the letter, not on the phone call
    response = client.get(url(letter))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    name = "督办函-年底清积-甘1002-2024-12-20.docx"
    assert f"filename*=UTF-8''{quote(name)}" in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment;")
    document = docx.Document(BytesIO(response.content))
    text = [paragraph.text for paragraph in document.paragraphs]
    assert "庆阳市西峰区人民法院院长：" in text and "清积督字〔2024〕1号" in text and "月底前结两件" in text
    assert [[cell.text for cell in row.cells] for row in document.tables[0].rows][1:] == [
        ["（2022）甘1002民初4号", "李娜", "2022-06-01", "933", "", ""],
        ["（2023）甘1002民初3号", "张伟", "2023-06-01", "568", "", ""],
        ["（2024）甘1002民初2号", "李娜", "2024-03-01", "294", "", ""],
    ]
    record = AuditRecord.objects.get(action="letter_generated")
    assert record.actor is not None and record.court_code == "甘1002" and record.object_id == str(letter.pk)
    assert record.after is not None and record.after["template"] == "default" and record.after["cases"] == 3


def test_english_link(login: Login, letter: SupervisionAction) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(f"/campaigns/{letter.campaign.pk}/?as_of=2024-12-31").content.decode()
    assert "Download letter" in page


def test_only_those_who_see_the_whole_court(login: Login, letter: SupervisionAction) -> None:
    other = login("甘1027", Role.PRESIDENT)  # sees the campaign (甘1027 is in it), not 甘1002
    assert other.get(url(letter)).status_code == 404
    judge = login("甘1002", Role.JUDGE, name="李娜")  # sees some of 甘1002's cases only
    assert "下载督办函" not in judge.get(f"/campaigns/{letter.campaign.pk}/").content.decode()
    assert judge.get(url(letter)).status_code == 404
    president = login("甘1002", Role.PRESIDENT)
    assert president.get(url(letter)).status_code == 200
    phone = SupervisionAction.objects.get(kind="phone")
    assert president.get(url(phone)).status_code == 404  # not a letter
    wrong = f"/campaigns/{letter.campaign.pk + 1}/supervision/{letter.pk}/letter.docx"
    assert president.get(wrong).status_code == 404  # not that campaign's
    assert AuditRecord.objects.filter(action="letter_generated").count() == 1
    Client().get(url(letter))  # not logged in: sent to log in, nothing made
    assert AuditRecord.objects.filter(action="letter_generated").count() == 1


def test_a_broken_court_template_says_so(login: Login, letter: SupervisionAction, settings: Any) -> None:
    own = Path(settings.HOME) / "templates" / "督办函.docx"
    own.parent.mkdir()
    document = docx.Document()
    document.add_paragraph("{{法院}}{{庭长}}")
    document.save(str(own))
    response = login("甘10", Role.SUPERVISION).get(url(letter))
    assert response.status_code == 500
    body = response.content.decode()
    assert "{{庭长}}" in body and str(own) in body
    assert not AuditRecord.objects.filter(action="letter_generated").exists()
