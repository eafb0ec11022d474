"""The upload page: imports for the trial management office, only for the courts it may see."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from qingji.audit.models import AuditRecord
from qingji.cases.models import Case, ImportRecord, Snapshot
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db

HEADER = "案号,法院,适用程序,案由,立案日期,结案日期,结案方式,承办法官,审判庭,羁押,当事人\n"
XIFENG = "（2024）甘1002民初1号,,普通程序,买卖合同纠纷,2024-03-01,,,张伟,民一庭,,甲;乙\n"
ZHENYUAN = "（2024）甘1027民初1号,,普通程序,买卖合同纠纷,2024-03-01,,,赵磊,民一庭,,丙;丁\n"


@pytest.fixture(autouse=True)
def people(settings: object, tmp_path: Path) -> None:
    settings.HOME = tmp_path  # type: ignore[attr-defined]
    do_ensure_courts()
    do_create_user(
        "office10", "password-10", name="中院审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT
    )
    do_create_user(
        "office1002", "password-1002", name="西峰审管办", court_code="甘1002", role=Role.TRIAL_MANAGEMENT
    )
    do_create_user("judge", "password-judge", name="张伟", court_code="甘1002", role=Role.JUDGE)


def upload(client: Client, text: str, name: str = "cases.csv") -> tuple[int, str]:
    response = client.post("/import/", {"cases": SimpleUploadedFile(name, text.encode("utf-8"))})
    return response.status_code, response.content.decode()


def signed_in(client: Client, username: str, password: str) -> Client:
    assert client.post("/login/", {"username": username, "password": password}).status_code == 302
    return client


def test_the_intermediate_court_imports_its_courts_cases(client: Client) -> None:
    status, page = upload(signed_in(client, "office10", "password-10"), HEADER + XIFENG + ZHENYUAN)
    assert status == 200 and "已导入" in page
    assert Case.objects.count() == 2
    record = ImportRecord.objects.get()
    assert (
        record.by is not None and record.by.get_username() == "office10" and record.file_name == "cases.csv"
    )
    assert AuditRecord.objects.filter(action="case_created").count() == 2
    # the snapshot is brought up to date, so that the ledger lists the new cases at once
    assert "案件状态已重新计算" in page
    ledger = client.get("/ledger/").content.decode()
    assert "（2024）甘1002民初1号" in ledger and "（2024）甘1027民初1号" in ledger
    snapshots = Snapshot.objects.count()
    status, page = upload(client, HEADER + XIFENG + ZHENYUAN)  # the same file again changes nothing
    assert status == 200 and "案件状态已重新计算" not in page and Snapshot.objects.count() == snapshots


def test_a_basic_court_cannot_import_another_courts_case(client: Client) -> None:
    status, page = upload(signed_in(client, "office1002", "password-1002"), HEADER + XIFENG + ZHENYUAN)
    assert status == 422
    assert "甘1027" in page and "未导入" in page
    assert Case.objects.count() == 0
    record = ImportRecord.objects.get()  # a refused upload is recorded: who, which file, how many problems
    assert record.outcome == ImportRecord.Outcome.REFUSED and record.problems == 1
    assert record.by is not None and record.by.get_username() == "office1002"
    # the problems table names the row's case number in its own column, before the column and the value
    assert "<td>3</td><td>（2024）甘1027民初1号</td><td>案号</td>" in page
    report = client.get("/import/report/")
    assert report.status_code == 200
    content = b"".join(report.streaming_content)  # type: ignore[attr-defined]
    workbook = openpyxl.load_workbook(filename=io.BytesIO(content))
    sheet = workbook.worksheets[0]
    texts = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
    assert any("甘1027" in text for text in texts)
    # the list of problems names each row's case number in its own column, after the row
    listing = [[cell.value for cell in row] for row in workbook.worksheets[-1].iter_rows()]
    assert listing[0][:3] == ["文件", "行", "案号"] and listing[1][:3] == [
        "cases.csv",
        3,
        "（2024）甘1027民初1号",
    ]


def test_a_judge_cannot_import(client: Client) -> None:
    status, _ = upload(signed_in(client, "judge", "password-judge"), HEADER + XIFENG)
    assert status == 403
    assert Case.objects.count() == 0


def test_a_file_of_another_kind_is_refused(client: Client) -> None:
    status, _ = upload(signed_in(client, "office10", "password-10"), "hello", name="cases.pdf")
    assert status == 400
    assert Case.objects.count() == 0
