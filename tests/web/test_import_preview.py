"""The upload page (issue 9): missing columns kept, the preview and its confirmation, uploads and marked copies
not kept forever, an empty file."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from qingji.cases.import_action import remove_old_files, reports_root, uploads_root
from qingji.cases.models import Case, ImportRecord, Snapshot
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db

HEADER = "案号,法院,适用程序,案由,立案日期,结案日期,结案方式,承办法官,审判庭,羁押,当事人\n"
CASES = 25  # more than the default limit of 20


def rows(judge: str = "张伟", closed: str = "2024-06-01") -> str:
    return "".join(
        f"（2024）甘1002民初{n}号,,普通程序,买卖合同纠纷,2024-03-01,{closed},判决,{judge},民一庭,是,甲;乙\n"
        for n in range(1, CASES + 1)
    )


@pytest.fixture(autouse=True)
def people(settings: Any, tmp_path: Path) -> None:
    settings.HOME = tmp_path
    do_ensure_courts()
    do_create_user(
        "office1002", "password-1002", name="西峰审管办", court_code="甘1002", role=Role.TRIAL_MANAGEMENT
    )


@pytest.fixture
def office(client: Client) -> Client:
    assert client.post("/login/", {"username": "office1002", "password": "password-1002"}).status_code == 302
    return client


def upload(client: Client, text: str, name: str = "cases.csv") -> tuple[int, str]:
    response = client.post("/import/", {"cases": SimpleUploadedFile(name, text.encode("utf-8"))})
    return response.status_code, response.content.decode()


def uploads() -> list[Path]:
    root = uploads_root()
    return sorted(root.iterdir()) if root.is_dir() else []


def judges() -> set[str]:
    return set(Case.objects.values_list("judge", flat=True))


def test_a_renamed_or_dropped_column_keeps_what_the_cases_have(office: Client) -> None:
    assert upload(office, HEADER + rows())[0] == 200
    renamed = HEADER.replace("承办法官", "办案法官").replace(",结案日期", "")
    text = "".join(line.replace(",2024-06-01", "", 1) + "\n" for line in rows().splitlines())
    status, page = upload(office, renamed + text)
    assert status == 200 and "已导入" in page
    assert judges() == {"张伟"} and Case.objects.filter(closed_on__isnull=True).count() == 0
    assert "案件表缺少这些列" in page and "结案日期、承办法官" in page and "办案法官" in page
    record = ImportRecord.objects.order_by("-pk").first()
    assert record is not None and record.missing_columns == ["结案日期", "承办法官"]


def test_blanking_many_cases_is_previewed_then_confirmed(office: Client) -> None:
    assert upload(office, HEADER + rows())[0] == 200
    snapshots = Snapshot.objects.count()
    status, page = upload(office, HEADER + rows(judge="", closed=""))
    assert status == 200 and "待确认" in page and 'name="confirm"' in page
    assert "承办法官" in page and "（2024）甘1002民初1号" in page  # the column and an example case
    assert (
        judges() == {"张伟"} and Case.objects.filter(closed_on__isnull=True).count() == 0
    )  # nothing written
    assert ImportRecord.objects.order_by("-pk")[0].outcome == ImportRecord.Outcome.UNCONFIRMED
    [waiting] = uploads()  # the file waits for the confirmation
    token = waiting.name
    assert f'value="{token}"' in page

    confirmed = office.post("/import/", {"token": token, "confirm": "1"})
    page = confirmed.content.decode()
    assert confirmed.status_code == 200 and "已导入" in page and "案件状态已重新计算" in page
    assert judges() == {""} and Case.objects.filter(closed_on__isnull=False).count() == 0
    assert ImportRecord.objects.order_by("-pk")[0].outcome == ImportRecord.Outcome.IMPORTED
    assert Snapshot.objects.count() == snapshots + 1
    assert uploads() == []  # deleted after the import
    again = office.post("/import/", {"token": token, "confirm": "1"})  # a token is used once
    assert again.status_code == 409 and "已过期" in again.content.decode()


def test_a_confirmation_covers_only_what_its_preview_showed(office: Client) -> None:
    """Between the preview and the confirmation the database changed: the import would now do something else, so
    it is shown again, not imported; the new preview's confirmation goes through."""
    assert upload(office, HEADER + rows())[0] == 200
    upload(office, HEADER + rows(judge=""))
    [waiting] = uploads()
    numbers = [f"（2024）甘1002民初{n}号" for n in (1, 2, 3)]
    Case.objects.filter(case_number__in=numbers).update(judge="")  # another import meanwhile
    changed = office.post("/import/", {"token": waiting.name, "confirm": "1"})
    page = changed.content.decode()
    assert changed.status_code == 200 and "与您看到的预览不同" in page and 'name="confirm"' in page
    assert judges() == {"张伟", ""} and Case.objects.filter(judge="张伟").count() == 22  # nothing written
    assert ImportRecord.objects.order_by("-pk")[0].outcome == ImportRecord.Outcome.UNCONFIRMED
    [waiting] = uploads()
    confirmed = office.post("/import/", {"token": waiting.name, "confirm": "1"})
    assert confirmed.status_code == 200 and "已导入" in confirmed.content.decode()
    assert judges() == {""}


def test_a_preview_can_be_discarded(office: Client) -> None:
    assert upload(office, HEADER + rows())[0] == 200
    status, _ = upload(office, HEADER + rows(judge=""))
    assert status == 200
    [waiting] = uploads()
    response = office.post("/import/", {"token": waiting.name, "discard": "1"})
    assert response.status_code == 200 and "已放弃" in response.content.decode()
    assert uploads() == [] and judges() == {"张伟"}


def test_another_sessions_token_confirms_nothing(office: Client) -> None:
    assert upload(office, HEADER + rows())[0] == 200
    upload(office, HEADER + rows(judge=""))
    [waiting] = uploads()
    other = Client()
    assert other.post("/login/", {"username": "office1002", "password": "password-1002"}).status_code == 302
    assert other.post("/import/", {"token": waiting.name, "confirm": "1"}).status_code == 409
    assert judges() == {"张伟"}


def test_uploads_are_kept_the_days_the_setting_says(office: Client, settings: Any) -> None:
    settings.UPLOAD_KEEP_DAYS = 2
    assert upload(office, HEADER + rows())[0] == 200
    [kept] = uploads()
    assert (kept / "cases.csv").is_file()
    assert remove_old_files(timezone.now()) == (0, 0)
    three_days_ago = time.time() - 3 * 86400
    os.utime(kept, (three_days_ago, three_days_ago))
    assert remove_old_files(timezone.now()) == (1, 0) and uploads() == []


def test_a_refused_uploads_marked_copy_is_kept_as_its_record_says(office: Client, settings: Any) -> None:
    settings.IMPORT_REPORT_KEEP_DAYS = 3
    status, _ = upload(office, HEADER + rows().replace("2024-03-01", "2024-13-01", 1))
    assert status == 422 and uploads() == []  # the upload itself is gone at once
    record = ImportRecord.objects.get()
    report = Path(record.report)
    assert report.is_file() and report.is_relative_to(reports_root())
    assert record.report_until is not None
    assert record.report_until - record.at > timedelta(days=2, hours=23)
    assert office.get("/import/report/").status_code == 200
    assert remove_old_files(timezone.now()) == (0, 0) and report.is_file()
    assert remove_old_files(record.report_until + timedelta(seconds=1)) == (0, 1)
    assert not report.exists() and ImportRecord.objects.get().report == ""
    assert office.get("/import/report/").status_code == 404


def test_a_file_with_only_its_header_says_so(office: Client) -> None:
    status, page = upload(office, HEADER)
    assert status == 422 and "没有数据行" in page and "已导入" not in page
    assert ImportRecord.objects.get().outcome == ImportRecord.Outcome.REFUSED
