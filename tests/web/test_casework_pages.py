"""The casework pages: a case's referrals, appraisals and look-back on its campaign page, with forms that work
without JavaScript; the campaign's green channel, appraisals (overdue first) and look-back pages on a date; each
only with what the user may see, the readers changing nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from urllib.parse import quote

import pytest
from django.test import Client

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import do_add_cases, do_create_campaign
from qingji.campaigns.casework import do_refer, do_request_appraisal
from qingji.campaigns.models import Appraisal, Campaign, CampaignCase, LookBack, Referral
from qingji.campaigns.scope import ListedNumber
from qingji.cases.models import Case
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]
START, TARGET = date(2024, 9, 2), date(2024, 12, 31)
OVER = "（2023）甘1002民初7号"  # filed 2023-01-10, closed 2024-10-08: over a year
EXACTLY = "（2023）甘1002民初8号"  # filed 2023-10-08, closed 2024-10-08: a year exactly, no look-back


@pytest.fixture
def campaign(cases: None) -> Campaign:
    # pending on 2024-09-02 and older than 6 months: 2号 and 4号 (李娜), 3号 (张伟) of 甘1002, 1号 of 甘1027;
    # and two cases of 张伟's closed in October, added from a list
    campaign = do_create_campaign("年底清积", start=START, target=TARGET, older_than_months=6)
    for number, filed_on in ((OVER, date(2023, 1, 10)), (EXACTLY, date(2023, 10, 8))):
        Case.objects.create(case_number=number, court_code="甘1002", type_code="民初", procedure="ordinary",
                            judge="张伟", division="民一庭", filed_on=filed_on, closed_on=date(2024, 10, 8))  # fmt: skip
    do_add_cases(campaign, [ListedNumber(2, OVER), ListedNumber(3, EXACTLY)], added_on=START)
    return campaign


def entry(campaign: Campaign, number: str) -> CampaignCase:
    return campaign.cases.select_related("case", "campaign").get(case__case_number=number)


def case_url(campaign: Campaign, number: str, tail: str = "") -> str:
    return f"/campaigns/{campaign.pk}/case/{number}/{tail}"


def test_a_referral_is_made_and_decided_from_the_case_page(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT, name="审管办")
    number = "（2024）甘1002民初2号"
    page = client.get(case_url(campaign, number)).content.decode()
    assert (
        "绿色通道" in page
        and 'id="casework"' in page
        and quote(case_url(campaign, number, "referral/")) in page
    )
    form = {
        "body": "committee",
        "referred_on": "2024-11-01",
        "referred_by": "李娜",
        "scheduled_on": "2024-11-20",
    }
    response = client.post(case_url(campaign, number, "referral/"), form)
    assert (
        response.status_code == 302
        and response["Location"] == quote(case_url(campaign, number)) + "?saved=1#casework"
    )
    referral = Referral.objects.get()
    record = AuditRecord.objects.get(action="referral_made")
    assert record.actor is not None and record.court_code == "甘1002"
    assert "审判委员会" in client.get(case_url(campaign, number)).content.decode()
    update = case_url(campaign, number, f"referral/{referral.pk}/")
    prefix = f"referral-{referral.pk}"
    bad = client.post(update, {f"{prefix}-decided_on": "2024-11-20", f"{prefix}-outcome": ""})
    assert bad.status_code == 422 and "有决定日期而无讨论结果" in bad.content.decode()
    referral.refresh_from_db()
    assert referral.decided_on is None
    done = client.post(update, {f"{prefix}-scheduled_on": "2024-11-20", f"{prefix}-held_on": "2024-11-20",
                                f"{prefix}-outcome": "发回重新评估", f"{prefix}-decided_on": "2024-11-20"})  # fmt: skip
    assert done.status_code == 302
    referral.refresh_from_db()
    assert (referral.held_on, referral.outcome) == (date(2024, 11, 20), "发回重新评估")
    assert (
        client.get(case_url(campaign, number, "referral/")).status_code == 405
    )  # a form's target, POST only


def test_the_green_channel_page_shows_how_long_referrals_wait(login: Login, campaign: Campaign) -> None:
    do_refer(entry(campaign, "（2024）甘1002民初2号"), body="committee", referred_on=date(2024, 11, 1),
             referred_by="李娜")  # fmt: skip
    decided = do_refer(entry(campaign, "（2023）甘1002民初3号"), body="judges_meeting",
                       referred_on=date(2024, 10, 1), referred_by="张伟")  # fmt: skip
    decided.outcome, decided.decided_on = "维持", date(2024, 10, 11)
    decided.save()
    do_refer(entry(campaign, "（2024）甘1027民初1号"), body="committee", referred_on=date(2024, 12, 1),
             referred_by="赵磊")  # fmt: skip
    client = login("甘10", Role.SUPERVISION)
    response = client.get(f"/campaigns/{campaign.pk}/green-channel/?as_of=2024-12-31")
    assert response.status_code == 200
    summary = response.context["summary"]
    # open: 2号 60 days, 甘1027 30 days; decided: 3号 10 days → (60 + 30 + 10) / 3
    assert (summary.referrals, summary.open, summary.average_days, summary.longest_open_days) == (
        3,
        2,
        33.3,
        60,
    )
    assert [item["row"].waiting_days for item in response.context["rows"]] == [60, 30, 10]
    assert [code for code, _ in response.context["courts"]] == ["甘1002", "甘1027"]
    judge = login("甘1002", Role.JUDGE, name="李娜")
    mine = judge.get(f"/campaigns/{campaign.pk}/green-channel/?as_of=2024-12-31").context
    assert [item["row"].referral.entry.case.case_number for item in mine["rows"]] == ["（2024）甘1002民初2号"]
    client.cookies["django_language"] = "en"
    html = client.get(f"/campaigns/{campaign.pk}/green-channel/?as_of=2024-12-31").content.decode()
    assert "Green channel" in html and "adjudication committee" in html and "Days waiting" in html


def test_overdue_appraisals_come_first(login: Login, campaign: Campaign) -> None:
    do_request_appraisal(entry(campaign, "（2024）甘1002民初2号"), agency="某司法鉴定所",
                         requested_on=date(2024, 9, 10), due_on=date(2024, 11, 10))  # fmt: skip
    do_request_appraisal(entry(campaign, "（2022）甘1002民初4号"), agency="价格认证中心",
                         requested_on=date(2024, 10, 1), due_on=date(2025, 1, 15))  # fmt: skip
    do_request_appraisal(entry(campaign, "（2024）甘1027民初1号"), agency="省鉴定中心",
                         requested_on=date(2024, 9, 1), due_on=date(2024, 10, 1))  # fmt: skip
    client = login("甘10", Role.HIGHER_COURT_READER)
    response = client.get(f"/campaigns/{campaign.pk}/appraisals/?as_of=2024-12-31")
    rows = response.context["rows"]
    assert [(row.appraisal.agency, row.overdue_days) for row in rows] == [
        ("省鉴定中心", 91), ("某司法鉴定所", 51), ("价格认证中心", None),
    ]  # fmt: skip
    assert response.context["overdue"] == 2 and response.context["overdue_by_court"] == [
        ("甘1002", 1),
        ("甘1027", 1),
    ]
    assert response.content.decode().count('class="status-overdue"') == 2
    # the case page marks it too, and the office records the opinion received
    office = login("甘10", Role.TRIAL_MANAGEMENT)
    number = "（2024）甘1002民初2号"
    appraisal = Appraisal.objects.get(agency="某司法鉴定所")
    assert "status-overdue" in office.get(case_url(campaign, number)).content.decode()
    prefix = f"appraisal-{appraisal.pk}"
    posted = office.post(case_url(campaign, number, f"appraisal/{appraisal.pk}/"),
                         {f"{prefix}-agency": "某司法鉴定所", f"{prefix}-due_on": "2024-11-10",
                          f"{prefix}-received_on": "2024-12-02", f"{prefix}-note": "已收到"})  # fmt: skip
    assert posted.status_code == 302
    assert office.get(f"/campaigns/{campaign.pk}/appraisals/?as_of=2024-12-31").context["overdue"] == 1
    assert office.get(f"/campaigns/{campaign.pk}/appraisals/?as_of=2024-12-01").context["overdue"] == 2
    refused = office.post(case_url(campaign, number, "appraisal/"),
                          {"agency": "某所", "requested_on": "2024-12-01", "due_on": "2024-11-01"})  # fmt: skip
    assert refused.status_code == 422 and "早于委托日期" in refused.content.decode()
    assert Appraisal.objects.count() == 3


def test_readers_and_other_judges_change_nothing(login: Login, campaign: Campaign) -> None:
    number = "（2024）甘1002民初2号"
    form = {"body": "committee", "referred_on": "2024-11-01", "referred_by": "x"}
    for role in (Role.SUPERVISION, Role.HIGHER_COURT_READER):
        client = login("甘10", role)
        page = client.get(case_url(campaign, number))
        assert (
            page.status_code == 200
            and quote(case_url(campaign, number, "referral/")) not in page.content.decode()
        )
        assert client.post(case_url(campaign, number, "referral/"), form).status_code == 403
        assert client.post(f"/campaigns/{campaign.pk}/look-back/").status_code == 403
    judge = login("甘1002", Role.JUDGE, name="李娜")
    assert (
        judge.post(case_url(campaign, "（2023）甘1002民初3号", "referral/"), form).status_code == 404
    )  # 张伟's
    other = login("甘1027", Role.PRESIDENT)
    assert other.post(case_url(campaign, number, "appraisal/"), {"agency": "x"}).status_code == 404
    assert not Referral.objects.exists() and not Appraisal.objects.exists() and not LookBack.objects.exists()
    west = do_create_campaign("西峰", start=START, target=TARGET, court_codes=["甘1002"], older_than_months=6)
    assert other.get(f"/campaigns/{west.pk}/green-channel/").status_code == 404


def test_the_look_back_page_lists_opens_and_the_case_page_records_the_finding(
    login: Login, campaign: Campaign
) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT, name="审管办")
    url = f"/campaigns/{campaign.pk}/look-back/?as_of=2024-12-31"
    rows = client.get(url).context["rows"]
    assert [(item["row"].entry.case.case_number, item["row"].state) for item in rows] == [(OVER, "to_open")]
    assert not LookBack.objects.exists()  # showing the page writes nothing
    assert client.get(f"/campaigns/{campaign.pk}/look-back/?as_of=2024-10-07").context["rows"] == []
    opened = client.post(url)
    assert opened.status_code == 302 and opened["Location"] == url
    assert client.post(url).status_code == 302 and LookBack.objects.count() == 1  # once
    assert AuditRecord.objects.filter(action="lookbacks_opened").count() == 1
    assert "回头看" in client.get(case_url(campaign, EXACTLY)).content.decode()
    assert "无需回头看" in client.get(case_url(campaign, EXACTLY)).content.decode()
    finding = {"reviewed_on": "2024-12-20", "reviewer": "审管办", "finding": "结案文书齐全", "verdict": "problem",
               "problem": ""}  # fmt: skip
    bad = client.post(case_url(campaign, OVER, "look-back/"), finding)
    assert bad.status_code == 422 and "问题说明为空" in bad.content.decode()
    good = client.post(case_url(campaign, OVER, "look-back/"), {**finding, "problem": "未及时归档"})
    assert good.status_code == 302
    task = LookBack.objects.get()
    assert (task.verdict, task.problem, task.reviewer) == ("problem", "未及时归档", "审管办")
    rows = client.get(url).context["rows"]
    assert rows[0]["row"].state == "done" and rows[0]["verdict"] == "有问题"
    page = client.get(case_url(campaign, OVER)).content.decode()
    assert "未及时归档" in page and "已复查" in page
    judge = login("甘1002", Role.JUDGE, name="李娜")  # 张伟's case: not hers
    assert judge.get(url).context["rows"] == []
    assert judge.post(case_url(campaign, OVER, "look-back/"), finding).status_code == 404


def test_the_campaign_page_links_to_the_casework_pages(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    html = client.get(f"/campaigns/{campaign.pk}/?as_of=2024-12-31").content.decode()
    for tail in ("green-channel", "appraisals", "look-back"):
        assert f"/campaigns/{campaign.pk}/{tail}/?as_of=2024-12-31" in html
    client.cookies["django_language"] = "en"
    for tail in ("green-channel", "appraisals", "look-back"):
        html = client.get(f"/campaigns/{campaign.pk}/{tail}/?as_of=2024-12-31").content.decode()
        assert "Appraisals" in html and "Look-back review" in html
        left = [ch for ch in _texts_outside_data(html) if "\u4e00" <= ch <= "\u9fff"]
        assert not left, (tail, "".join(left))
    html = client.get(case_url(campaign, OVER)).content.decode()
    casework = html[html.index('id="casework"') :]
    assert (
        "professional judges&#x27; meeting" in casework
        and "no problem" in casework
        and "Record the finding" in casework
    )
    left = [ch for ch in _texts_outside_data(casework) if "\u4e00" <= ch <= "\u9fff"]
    assert not left, "".join(left)


def _texts_outside_data(html: str) -> str:
    """The page without the campaign's own data (names, case numbers, courts) that stay Chinese."""
    for data in (
        "年底清积",
        "甘1002",
        "甘1027",
        "中文",
        "用户",
        "张伟",
        "李娜",
        "赵磊",
        "民一庭",
        "（",
        "）",
        "民初",
        "号",
    ):
        html = html.replace(data, "")
    return html
