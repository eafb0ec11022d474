"""The upload pages within limits (issue 10): the import page and a campaign's list refuse a file over the pages'
limits with the limit and its setting, change nothing and keep serving; a file too large is dropped as it
arrives, before it is written whole."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hostile_files import cell, issue_workbook, xlsx, zip_bomb
from qingji.campaigns.models import Campaign
from qingji.cases.models import Case, ImportRecord
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]

HEADER = "案号,法院,适用程序,案由,立案日期,结案日期,结案方式,承办法官,审判庭,羁押,当事人\n"
ROW = "（2024）甘1002民初{n}号,,普通程序,买卖合同纠纷,2024-03-01,,,张伟,民一庭,,甲;乙\n"


@pytest.fixture(autouse=True)
def home(settings: Any, tmp_path: Path) -> None:
    settings.HOME = tmp_path / "home"


@pytest.fixture
def office(login: Login) -> Client:
    return login("甘10", Role.TRIAL_MANAGEMENT)


def post_file(client: Client, path: Path) -> tuple[int, str]:
    response = client.post("/import/", {"cases": SimpleUploadedFile(path.name, path.read_bytes())})
    return response.status_code, response.content.decode()


def test_the_issues_workbook_is_refused_and_the_site_keeps_serving(office: Client, tmp_path: Path) -> None:
    cases = Case.objects.count()
    status, page = post_file(office, issue_workbook(tmp_path / "台账.xlsx"))
    assert status == 422
    assert "1,048,576 行" in page and "QINGJI_UPLOAD_MAX_ROWS" in page and "未读入" in page
    assert Case.objects.count() == cases
    record = ImportRecord.objects.get()  # the refusal is recorded, like any refused file
    assert record.outcome == ImportRecord.Outcome.REFUSED and record.file_name == "台账.xlsx"
    assert office.get("/ledger/").status_code == 200
    office.post("/i18n/setlang/", {"language": "en", "next": "/import/"})
    status, page = post_file(office, issue_workbook(tmp_path / "ledger.xlsx"))
    assert status == 422 and "1,048,576 rows" in page and "limit of 200,000 rows" in page
    assert "QINGJI_UPLOAD_MAX_ROWS" in page


def test_a_zip_bomb_and_a_sheet_over_the_cells_are_refused(office: Client, tmp_path: Path) -> None:
    status, page = post_file(office, zip_bomb(tmp_path / "bomb.xlsx", 20))
    assert status == 422 and "压缩炸弹" in page
    wide = xlsx(
        tmp_path / "wide.xlsx",
        f'<row r="1">{cell("A1", "案号")}</row><row r="5000">{cell("ZZ5000", "x")}</row>',
    )
    status, page = post_file(office, wide)  # 5,000 rows × 702 columns
    assert status == 422 and "3,510,000" in page and "QINGJI_UPLOAD_MAX_CELLS" in page


def test_the_pages_limits_are_settings(office: Client, tmp_path: Path, settings: Any) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(HEADER + "".join(ROW.format(n=9000 + n) for n in range(5)), encoding="utf-8")
    settings.UPLOAD_LIMITS = replace(settings.UPLOAD_LIMITS, max_rows=5)
    status, page = post_file(office, path)
    assert status == 422 and "6 行" in page and "上限 5 行" in page and "QINGJI_UPLOAD_MAX_ROWS" in page
    settings.UPLOAD_LIMITS = replace(settings.UPLOAD_LIMITS, max_rows=6)
    status, page = post_file(office, path)  # within the limits: imported as before
    assert status == 200 and "已导入" in page
    assert Case.objects.filter(case_number__startswith="（2024）甘1002民初900").count() == 5


def test_a_file_over_the_size_limit_is_dropped_as_it_arrives(
    office: Client, tmp_path: Path, settings: Any
) -> None:
    settings.UPLOAD_LIMITS = replace(settings.UPLOAD_LIMITS, max_bytes=2000)
    path = tmp_path / "大文件.csv"
    path.write_text(HEADER + "".join(ROW.format(n=9000 + n) for n in range(40)), encoding="utf-8")
    assert path.stat().st_size > 2000
    status, page = post_file(office, path)
    assert status == 413
    assert "大文件.csv" in page and "QINGJI_UPLOAD_MAX_MB" in page and "未读入" in page
    assert not ImportRecord.objects.exists()  # nothing was read, nothing kept
    uploads = Path(settings.HOME) / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir())
    small = tmp_path / "小文件.csv"
    small.write_text(HEADER + ROW.format(n=9100), encoding="utf-8")
    assert post_file(office, small)[0] == 200  # the next upload within the limit goes through


def test_a_campaigns_list_over_the_limits_is_refused(office: Client, tmp_path: Path, settings: Any) -> None:
    form = {"name": "反馈", "start": "2024-09-01", "target": "2024-12-31", "scope": "list"}
    bomb = issue_workbook(tmp_path / "反馈台账.xlsx")
    response = office.post(
        "/campaigns/", {**form, "scope_file": SimpleUploadedFile(bomb.name, bomb.read_bytes())}
    )
    page = response.content.decode()
    assert response.status_code == 422 and "QINGJI_UPLOAD_MAX_ROWS" in page and "1,048,576 行" in page
    assert not Campaign.objects.exists()
    settings.UPLOAD_LIMITS = replace(settings.UPLOAD_LIMITS, max_bytes=100)
    big = SimpleUploadedFile("反馈台账.csv", ("案号\n" + "（2024）甘1002民初2号\n" * 20).encode())
    response = office.post("/campaigns/", {**form, "scope_file": big})
    page = response.content.decode()
    assert response.status_code == 422 and "反馈台账.csv" in page and "QINGJI_UPLOAD_MAX_MB" in page
    assert not Campaign.objects.exists()
