"""The upload page in a court's own layout (issue 11): the choice of layout in Chinese and English, several tables
of one export uploaded together, problems naming the court's columns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from qingji.cases.models import Case, ImportRecord
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db

CIVIL = (
    "FYDM,AH,LAAYMC,SYCX,LARQ,SXQSRQ,SXJMRQ,JARQ,JAFSMC,CBSPT,CBRMC,DSR\n"
    "甘1002,（2024）甘1002民初1号,买卖合同纠纷,普通程序,2024-03-01,2024-03-01,2024-09-02,,,民一庭,张伟,甲;乙\n"
)
CRIMINAL = (
    "FYDM,AH,LAAYMC,SYCX,LARQ,SXQSRQ,SXJMRQ,JARQ,JAFSMC,CBSPT,CBRMC,DSR,SFJY\n"
    "甘1002,（2024）甘1002刑初1号,盗窃罪,简易程序,2024-03-04,2024-03-04,2024-05-06,,,刑庭,李娜,张某,是\n"
)


@pytest.fixture
def office(client: Client, settings: object, tmp_path: Path) -> Client:
    settings.HOME = tmp_path  # type: ignore[attr-defined]
    do_ensure_courts()
    person = do_create_user(
        "office", "password-office", name="西峰审管办", court_code="甘1002", role=Role.TRIAL_MANAGEMENT
    )
    client.force_login(person.user)
    return client


def files(*tables: tuple[str, str]) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(name, text.encode("utf-8")) for name, text in tables]


def test_the_layouts_are_offered_in_chinese_and_english(office: Client) -> None:
    page = office.get("/import/").content.decode()
    assert 'name="profile"' in page and "交换格式" in page and 'value="数据中心"' in page
    assert "拼音首字母" in page and "multiple" in page
    office.post("/i18n/setlang/", {"language": "en", "next": "/import/"})
    english = office.get("/import/").content.decode()
    assert "Layout" in english and "Interchange format" in english and "pinyin initials" in english


def test_two_tables_of_the_data_centre_import_as_one(office: Client) -> None:
    response = office.post(
        "/import/",
        {"profile": "数据中心", "cases": files(("民事一审.csv", CIVIL), ("刑事一审.csv", CRIMINAL))},
    )
    page = response.content.decode()
    assert response.status_code == 200, page
    assert "已导入" in page and "按版式读入 数据中心" in page and "民事一审.csv、刑事一审.csv" in page
    stored = {case.case_number: case for case in Case.objects.all()}
    assert set(stored) == {"（2024）甘1002民初1号", "（2024）甘1002刑初1号"}
    assert (
        stored["（2024）甘1002刑初1号"].in_custody and stored["（2024）甘1002刑初1号"].procedure == "simple"
    )
    assert str(stored["（2024）甘1002民初1号"].cms_expiry) == "2024-09-02"
    # the court system's expiry is shown on the case's page, beside qingji's own
    case_page = office.get("/case/（2024）甘1002民初1号/").content.decode()
    assert "审限届满日期（法院系统）" in case_page and '<dd class="cms-expiry">2024-09-02</dd>' in case_page
    record = ImportRecord.objects.get()
    assert record.profile == "数据中心" and record.file_name == "民事一审.csv、刑事一审.csv"
    assert record.by is not None and record.by.get_username() == "office"


def test_a_refused_table_names_the_courts_column(office: Client) -> None:
    bad = CIVIL.replace("普通程序", "普通审理")
    response = office.post("/import/", {"profile": "数据中心", "cases": files(("民事一审.csv", bad))})
    page = response.content.decode()
    assert response.status_code == 422
    assert "<td>SYCX（适用程序）</td><td>普通审理</td>" in page
    assert Case.objects.count() == 0
    # read as the interchange format, the same file has no 案号 column
    plain = office.post("/import/", {"cases": files(("民事一审.csv", CIVIL))})
    assert plain.status_code == 422 and "缺少必需的列：案号" in plain.content.decode()


def test_an_unknown_layout_is_refused(office: Client) -> None:
    response = office.post("/import/", {"profile": "无此版式", "cases": files(("民事一审.csv", CIVIL))})
    assert response.status_code == 400 and "没有这个版式" in response.content.decode()
    assert ImportRecord.objects.count() == 0


def test_a_preview_is_confirmed_in_its_layout(office: Client) -> None:
    rows = [CIVIL.splitlines()[0]] + [
        f"甘1002,（2024）甘1002民初{n}号,买卖合同纠纷,普通程序,2024-03-01,2024-03-01,2024-09-02,,,民一庭,张伟,甲;乙"
        for n in range(1, 26)
    ]
    table = "\n".join(rows) + "\n"
    first = office.post("/import/", {"profile": "数据中心", "cases": files(("民事一审.csv", table))})
    assert first.status_code == 200 and Case.objects.count() == 25
    without_judges = table.replace(",张伟,", ",,")
    preview = office.post(
        "/import/", {"profile": "数据中心", "cases": files(("民事一审.csv", without_judges))}
    )
    page = preview.content.decode()
    assert preview.status_code == 200 and "待确认" in page and "承办法官" in page
    token = page.split('name="token" value="')[1].split('"')[0]
    confirmed = office.post("/import/", {"token": token, "confirm": "1"})
    assert confirmed.status_code == 200 and "已导入" in confirmed.content.decode()
    assert set(Case.objects.values_list("judge", flat=True)) == {""}
    assert ImportRecord.objects.order_by("-id").first().profile == "数据中心"  # type: ignore[union-attr]


def test_a_courts_own_layout_from_the_settings_file(office: Client, site_file: Callable[[str], Path]) -> None:
    site_file(
        '[profiles."庆城审判系统"]\ndescription = "庆城法院审判系统的案件表"\ndescription_en = "Qingcheng tables"\n'
        'base = "数据中心"\n[profiles."庆城审判系统".columns]\njudge = "CBR"\n'
    )
    page = office.get("/import/").content.decode()
    assert 'value="庆城审判系统"' in page and "庆城法院审判系统的案件表" in page
    table = CIVIL.replace(",CBRMC,", ",CBR,")
    response = office.post("/import/", {"profile": "庆城审判系统", "cases": files(("民事一审.csv", table))})
    assert response.status_code == 200, response.content.decode()
    assert Case.objects.get().judge == "张伟"
    assert ImportRecord.objects.get().profile == "庆城审判系统"
