"""The ten-day bulletin on the schedule (issue 13): made once per running campaign and kept, a message with its
headline figures to each person of the bulletin's roles who may see the campaign, the archive page and its
downloads (real DOCX and PDF) for them and no one else, in both languages (qingji.cadence.bulletins,
web/document_views.py; docs/cadence.md)."""

from __future__ import annotations

import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import docx
import pypdf
import pytest
from django.contrib.auth.models import User
from django.test import Client
from typer.testing import CliRunner

from court_cases import PASSWORD
from home_world import HomeWorld, create_home_world
from qingji.audit.models import AuditRecord
from qingji.cadence.models import Document, Message, Run
from qingji.cadence.runner import run_due
from qingji.cli.app import app
from qingji.courts.actions import do_create_user
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
BULLETIN_DAY = datetime(
    2025, 1, 11, 9, 0, tzinfo=SHANGHAI
)  # a Saturday: bulletins go on their day regardless


@pytest.fixture
def world(cases: None) -> HomeWorld:
    world = create_home_world()
    do_create_user("fuyuanzhang", PASSWORD, name="副院长", court_code="甘1002", role=Role.VICE_PRESIDENT)
    do_create_user(
        "other-yz", PASSWORD, name="院长乙", court_code="甘1027", role=Role.PRESIDENT
    )  # not its court
    return world


def produce() -> Document:
    runs = run_due(BULLETIN_DAY)
    assert [(run.kind, str(run.on)) for run in runs if run.kind == "bulletin"] == [("bulletin", "2025-01-11")]
    return Document.objects.get()


def test_the_bulletin_is_made_once_and_sent_to_its_readers(world: HomeWorld, settings: object) -> None:
    document = produce()
    assert (document.kind, document.campaign, str(document.on), document.number) == (
        "bulletin", world.campaign, "2025-01-11", 10,
    )  # fmt: skip  # after the start on 1 October: Oct 11, 21; Nov 1, 11, 21; Dec 1, 11, 21; Jan 1; then this
    recipients = {m.person.user.username for m in Message.objects.filter(kind="bulletin")}
    # The president and vice-president of the campaign's court, the office above it; not the judge (not a role
    # of the bulletin's), not another court's president (the campaign is not theirs to see).
    assert recipients == {"yuanzhang", "fuyuanzhang", "office"}
    # Its figures are the campaign report's on its day.
    result = CliRunner().invoke(app, ["campaign", "report", "冬季清积", "--as-of", "2025-01-11", "--json"])
    report = json.loads(result.output)
    data = Message.objects.filter(kind="bulletin").first().data  # type: ignore[union-attr]
    assert (data["in_scope"], data["cleared"], data["remaining"], data["clearance_rate"]) == (
        report["in_scope"], report["cleared"], report["remaining"], report["clearance_rate"],
    )  # fmt: skip
    assert data["document"] == document.pk and data["new_backlog"] == report["new_backlog"]
    # Looked at again, or the run taken up again: nothing twice.
    assert run_due(BULLETIN_DAY.replace(hour=10)) == []
    Run.objects.filter(kind="bulletin").update(status="running", started_at=BULLETIN_DAY.replace(hour=8))
    run_due(BULLETIN_DAY.replace(hour=11))
    assert Document.objects.count() == 1 and Message.objects.filter(kind="bulletin").count() == 3
    record = AuditRecord.objects.get(action="document_produced")
    assert (record.object_type, record.object_id, record.court_code) == (
        "cadence_bulletin",
        str(document.pk),
        "甘1002",
    )
    # The stored files are a real Word document and a real PDF, with the report's figures.
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(bytes(document.docx))).paragraphs)
    assert f"纳入积案{report['in_scope']}件" in text
    pdf = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(bytes(document.pdf))).pages)
    assert f"纳入积案{report['in_scope']}件" in pdf.replace("\n", "")


def test_no_bulletin_for_a_campaign_not_running(world: HomeWorld) -> None:
    run_due(datetime(2025, 4, 11, 9, 0, tzinfo=SHANGHAI))  # after its target: nothing
    run_due(datetime(2025, 4, 21, 9, 0, tzinfo=SHANGHAI))
    assert not Document.objects.exists() and not Message.objects.filter(kind="bulletin").exists()


def test_the_archive_and_the_downloads_are_for_its_readers_alone(world: HomeWorld, client: Client) -> None:
    document = produce()
    for username in ("yuanzhang", "office"):
        client.force_login(world_user(username))
        page = client.get("/documents/").content.decode()
        assert document.title in page and f"/documents/{document.pk}/pdf/" in page
        pdf = client.get(f"/documents/{document.pk}/pdf/")
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        assert pdf.content == bytes(document.pdf) and pdf.content.startswith(b"%PDF")
        word = client.get(f"/documents/{document.pk}/docx/")
        assert word.status_code == 200 and word.content.startswith(b"PK")
        assert "filename*=UTF-8''" in word["Content-Disposition"]
        assert client.get(f"/documents/{document.pk}/exe/").status_code == 404
    for username in ("wangfang", "other-yz"):  # a judge; another court's president
        client.force_login(world_user(username))
        assert document.title not in client.get("/documents/").content.decode()
        assert client.get(f"/documents/{document.pk}/pdf/").status_code == 404


def test_the_bulletin_in_the_inbox_in_both_languages(world: HomeWorld, client: Client) -> None:
    document = produce()
    client.force_login(world_user("yuanzhang"))
    message = Message.objects.get(kind="bulletin", person__user__username="yuanzhang")
    listing = client.get("/inbox/").content.decode()
    assert "通报" in listing and f"第{document.number}期：清积率" in listing
    page = client.get(f"/inbox/{message.pk}/").content.decode()
    assert "“冬季清积”截至 2025-01-11 的十日通报" in page and f"/documents/{document.pk}/docx/" in page
    assert "你院在 1 个法院中排第 1 名" in page  # a campaign of one basic court: its place
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get(f"/inbox/{message.pk}/").content.decode()
    assert "The ten-day bulletin of “冬季清积” as of 2025-01-11" in english and "Clearance rate" in english
    assert "Bulletins and reports" in client.get("/documents/").content.decode()


def world_user(username: str) -> User:
    return User.objects.get(username=username)
