"""The integrity page (/integrity/, docs/pages.md "The integrity page") and its export: a planted finding shown to
its court's president and to no other court's reader; every count opens as many findings as it says; a judge sees
their own findings and another judge's case as "another case"; the export reads back with Chinese headers; bad
parameters answered with a message; no code on the page in either language; the export audited in words."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from html import unescape

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from court_cases import AS_OF
from integrity_world import (
    AUCTION,
    MISMATCH,
    OTHER_COURT,
    PLANTED,
    REFILED,
    SPLIT,
    WITHDRAWN,
    plant_integrity_cases,
)
from qingji.audit.models import AuditRecord
from qingji.cases.integrity_run import do_integrity_run
from qingji.cases.models import IntegrityFinding
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]
COUNT = re.compile(r'<p class="count">(\d+) ')
TABLE = re.compile(r'<table class="grid (integrity-courts|integrity-judges)">(.*?)</table>', re.S)
LINK = re.compile(r'<a href="(/integrity/[^"#]*)#findings">(\d+)</a>')
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


@pytest.fixture
def findings(cases: None) -> None:
    plant_integrity_cases()
    do_integrity_run(AS_OF)


def visible_text(html: str) -> str:
    """The text a reader sees (the menu and form values left out; links' targets are not text)."""
    body = html.split("<main>", 1)[1]
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def listed(client: Client, url: str) -> int:
    page = client.get(url)
    assert page.status_code == 200, url
    found = COUNT.search(page.content.decode())
    assert found is not None, url
    return int(found.group(1))


def test_the_president_of_its_court_sees_the_finding_and_another_court_does_not(
    findings: None, login: Login
) -> None:
    page = login("甘1002", Role.PRESIDENT).get("/integrity/").content.decode()
    assert "撤诉后重新立案" in page and REFILED in page and WITHDRAWN in page
    assert f'href="{reverse("web:case", args=[REFILED])}"' in page  # the finding opens its case
    assert "22日后同一当事人、同一案由重新立案" in page and "2019-Prov Art. 8" in page  # explanation and rule
    assert "前案结案方式" in page and "张三;甲公司" in page  # the evidence in words
    assert OTHER_COURT not in page and "赵磊" not in page
    other = login("甘1027", Role.PRESIDENT).get("/integrity/").content.decode()
    assert OTHER_COURT in other
    for number in (REFILED, WITHDRAWN, AUCTION, MISMATCH, *SPLIT):
        assert number not in other
    # another court asked for by name is not found
    assert login("甘1027", Role.PRESIDENT).get("/integrity/", {"court": "甘1002"}).status_code == 404


def test_every_count_opens_as_many_findings(findings: None, login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    page = client.get("/integrity/").content.decode()
    links = [
        (table, url, int(n)) for table, body in TABLE.findall(page) for url, n in LINK.findall(unescape(body))
    ]
    assert {table for table, _, _ in links} == {"integrity-courts", "integrity-judges"}
    assert len(links) > 10
    for _, url, n in links:
        assert listed(client, url) == n, url
    assert listed(client, "/integrity/") == len(PLANTED)
    # the courts' table: 甘1002's withdraw-and-refile, and the total of split filings
    assert listed(client, "/integrity/?court=%E7%94%981002&check=withdraw_refile") == 1
    assert ("/integrity/?check=split_filing", 2) in [(url, n) for _, url, n in links]


def test_a_judge_sees_their_own_findings_and_not_another_judges_case(findings: None, login: Login) -> None:
    page = login("甘1002", Role.JUDGE, name="李娜").get("/integrity/").content.decode()
    assert REFILED in page and listed(login("甘1002", Role.JUDGE, name="李娜"), "/integrity/") == 1
    assert WITHDRAWN not in page and "另一案件（不在您的查看范围内）" in page
    assert AUCTION not in page and "您看到的是您可以查看的案件的发现" in page
    zhang = login("甘1002", Role.JUDGE, name="张伟")
    assert listed(zhang, "/integrity/") == 4
    assert REFILED not in zhang.get("/integrity/").content.decode()


def test_the_export_reads_back(findings: None, login: Login) -> None:
    client = login("甘1002", Role.PRESIDENT)
    sheet = client.get("/integrity/export/", {"check": "split_filing"})
    assert sheet.status_code == 200 and "attachment" in sheet["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(sheet.content), read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("核查项目", "案号", "法院", "法院代字", "承办法官", "说明", "依据", "证据", "截至")
    assert sorted(row[1] for row in rows[1:]) == sorted(SPLIT)
    assert {row[0] for row in rows[1:]} == {"同日拆分立案"} and rows[1][8] == AS_OF.isoformat()
    assert "同日立案的案件：" in rows[1][7]
    text = client.get("/integrity/export/", {"format": "csv"}).content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert len(table) == 1 + 5 and table[0][0] == "核查项目"
    assert sorted(row[1] for row in table[1:]) == sorted(n for _, n, court, _ in PLANTED if court == "甘1002")
    assert not SNAKE.search(text)  # no code: the evidence in words
    # each export is audited, and the audit page tells it in words
    record = AuditRecord.objects.filter(action="integrity_exported").order_by("pk").first()
    assert record is not None and record.after is not None
    assert record.after["filters"]["check"] == "split_filing" and record.after["rows"] == 2
    audit = client.get("/audit/").content.decode()
    assert "导出审限核查发现" in audit and "同日拆分立案" in audit.split("<tbody>")[1]
    assert "审限核查" in audit and "split_filing" not in audit.split("<tbody>")[1]
    # a judge's export tells another judge's case as another case, as the page does
    judge = login("甘1002", Role.JUDGE, name="李娜").get("/integrity/export/", {"format": "csv"})
    assert WITHDRAWN not in judge.content.decode("utf-8-sig") and REFILED in judge.content.decode("utf-8-sig")


def test_bad_parameters_are_refused_with_a_message(findings: None, login: Login) -> None:
    client = login("甘1002", Role.PRESIDENT)
    bad = client.get("/integrity/", {"check": "no_such_check"})
    assert bad.status_code == 400 and "没有这一核查项目" in bad.content.decode()
    assert client.get("/integrity/", {"judge": "\x00"}).status_code == 400
    assert client.get("/integrity/export/", {"format": "pdf"}).status_code == 400
    assert client.get("/integrity/", {"court": "甘9999"}).status_code == 404
    assert client.get("/integrity/", {"page": "x"}).status_code == 200


def test_no_code_shows_in_either_language(findings: None, login: Login) -> None:
    # a judge's and a court's finding too (outlier_share), with every evidence key the check writes
    IntegrityFinding.objects.create(
        as_of=AS_OF,
        check_code="outlier_share",
        court_code="甘1002",
        judge="张伟",
        rule="2019-Prov Art. 8; rules §5",
        zh="甘1002 张伟扣除、延长的时间占审理时间的40%",
        en="甘1002 张伟: deducted and extended time is 40%",
        evidence={
            "share": 0.4,
            "peer_median": 0.05,
            "peers": 3,
            "cases": 25,
            "moved_days": 900,
            "gross_days": 2250,
            "top_cases": [AUCTION],
            "factor": 3.0,
            "min_gap": 0.1,
        },
    )
    IntegrityFinding.objects.create(
        as_of=AS_OF,
        check_code="mass_closure",
        case_number=AUCTION,
        court_code="甘1002",
        judge="张伟",
        rule="rules §5 (d), (e)",
        zh="集中结案",
        en="a burst",
        evidence={
            "key_date": "2024-12-21",
            "window_start": "2024-12-16",
            "closures": 12,
            "usual": 1.5,
            "by_method": {"撤诉": 10, "判决": 2},
            "unit": "judge",
            "closed_on": "2024-12-18",
            "closure_method": "撤诉",
        },
    )
    IntegrityFinding.objects.create(
        as_of=AS_OF,
        check_code="extension_late",
        case_number=MISMATCH,
        court_code="甘1002",
        judge="张伟",
        rule="CPL 152",
        zh="延长审限在届满之后才批准",
        en="an extension approved after the expiry",
        evidence={
            "expiry": "2025-01-02",
            "explanation": ["第一步"],
            "explanation_en": ["the first step"],
            "extensions": [{"length": "3个月0日", "approved_by": "院长", "approved_on": "2025-02-01"}],
        },
    )
    client = login("甘1002", Role.PRESIDENT)
    chinese = visible_text(client.get("/integrity/").content.decode())
    assert "法官 张伟（庆阳市西峰区人民法院）" in chinese and "40.0%" in chinese and "3倍" in chinese
    assert "法官" in chinese and "撤诉 10、判决 2" in chinese and "3个月" in chinese
    assert not SNAKE.findall(chinese), SNAKE.findall(chinese)
    client.cookies["django_language"] = "en"
    english = visible_text(client.get("/integrity/").content.decode())
    assert "Integrity checks: hidden over-deadline time" in english and "Withdrawn and filed again" in english
    assert "3 months" in english and "the judge" in english and "the first step" in english
    assert "第一步" not in english and "延长审限在届满之后才批准" not in english
    assert not SNAKE.findall(english), SNAKE.findall(english)
    # the Chinese left on the English page is data: names, case numbers, causes, kinds and methods as exported
    data = {
        "庆阳市西峰区人民法院",
        "张伟",
        "李娜",
        "撤诉",
        "判决",
        "拍卖变卖",
        "张三;甲公司",
        "买卖合同纠纷",
        "借款合同纠纷",
        "院长",
        "民初",
        "甘1002",
        "（2024）甘1002民初",
    }
    left = re.sub(r"（2024）甘1002民初\d+号", "", english)
    for word in data:
        left = left.replace(word, "")
    assert not re.findall(r"[\u4e00-\u9fff]+", left), re.findall(r"[\u4e00-\u9fff]+", left)


def test_before_the_first_run_the_page_says_when_it_comes(cases: None, login: Login) -> None:
    page = login("甘1002", Role.PRESIDENT).get("/integrity/").content.decode()
    assert "尚未进行审限核查" in page


def test_the_menu_opens_the_page(findings: None, login: Login) -> None:
    page = login("甘1002", Role.JUDGE, name="张伟").get("/ledger/").content.decode()
    assert '<a href="/integrity/">审限核查</a>' in page
