"""The campaign pages: list and create, progress on a date, one case's determinations; each only with what the
user may see and change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import do_create_campaign
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.core.escalation import Standing
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]
START, TARGET = date(2024, 9, 2), date(2024, 12, 31)


@pytest.fixture
def campaign(cases: None) -> Campaign:
    # pending on 2024-09-02 and older than 6 months: 2号 (2024-03-01), 3号, 4号 of 甘1002, 1号 of 甘1027
    return do_create_campaign("年底清积", start=START, target=TARGET, older_than_months=6)


def case_url(campaign: Campaign, number: str) -> str:
    return f"/campaigns/{campaign.pk}/case/{number}/"


def test_the_office_sees_progress_per_court(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    assert "年底清积" in client.get("/campaigns/").content.decode()
    response = client.get(f"/campaigns/{campaign.pk}/?as_of=2024-12-31")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures.total.in_scope == 4 and figures.total.cleared == 0 and figures.whole_campaign
    assert [court.code for court in figures.courts] == ["甘1002", "甘1027"]
    html = response.content.decode()
    assert "倒排工期" in html and "（2023）甘1002民初3号" in html and "责任人" in html


def test_a_judge_sees_only_their_cases_of_the_campaign(login: Login, campaign: Campaign) -> None:
    client = login("甘1002", Role.JUDGE, name="李娜")
    response = client.get(f"/campaigns/{campaign.pk}/?as_of=2024-12-31")
    figures = response.context["figures"]
    assert figures.partial and figures.yours.in_scope == 2  # 2号 and 4号: "your cases"
    assert [court.code for court in figures.courts] == ["甘1002"] and figures.courts[0].progress.in_scope == 3
    assert client.get(case_url(campaign, "（2023）甘1002民初3号")).status_code == 404  # 张伟's
    assert client.get(case_url(campaign, "（2024）甘1002民初2号")).status_code == 200


def test_another_basic_court_does_not_see_the_campaign_of_others(login: Login) -> None:
    campaign = do_create_campaign(
        "西峰", start=START, target=TARGET, court_codes=["甘1002"], older_than_months=6
    )
    client = login("甘1027", Role.PRESIDENT)
    assert "西峰" not in client.get("/campaigns/").content.decode()
    assert client.get(f"/campaigns/{campaign.pk}/").status_code == 404
    assert client.get(case_url(campaign, "（2024）甘1002民初2号")).status_code == 404


def test_the_determinations_are_saved_and_audited(login: Login, campaign: Campaign) -> None:
    client = login("甘1002", Role.DIVISION_HEAD, name="庭长")
    url = case_url(campaign, "（2024）甘1002民初2号")
    form = {"action": "entry", "responsible": "李娜", "supervisor": "庭长", "plan": "调解", "target_on": "2024-11-30",
            "reason": "appraisal", "reason_note": "", "president": "", "vice_president": "", "division_head": "庭长",
            "judge": "李娜"}  # fmt: skip
    response = client.post(url, form)
    assert response.status_code == 302
    entry = CampaignCase.objects.get(case__case_number="（2024）甘1002民初2号")
    assert (entry.responsible, entry.target_on, entry.reason) == ("李娜", date(2024, 11, 30), "appraisal")
    record = AuditRecord.objects.get(action="campaign_case_updated")
    assert record.actor is not None and record.after is not None and record.after["target_on"] == "2024-11-30"
    bad = client.post(url, {**form, "target_on": "not a date"})
    assert bad.status_code == 422 and bad.context["form"].errors  # a refused form comes back with its reasons
    step = client.post(url, {"action": "step", "due_on": "2024-10-15", "description": "委托鉴定"})
    assert step.status_code == 302 and entry.steps.get().description == "委托鉴定"
    done = client.post(url, {"action": "step_done", "step": str(entry.steps.get().pk)})
    assert done.status_code == 302 and entry.steps.get().done_on is not None


def test_readers_cannot_change(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.SUPERVISION)
    url = case_url(campaign, "（2024）甘1002民初2号")
    assert client.get(url).status_code == 200
    assert client.post(url, {"action": "entry", "responsible": "x"}).status_code == 403
    assert client.post("/campaigns/", {"name": "x"}).status_code == 403


def test_the_office_creates_a_campaign_from_a_list_and_a_bad_list_is_refused(login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    good = SimpleUploadedFile("反馈台账.csv", "案号\n（2024）甘1002民初2号\n（2024）甘1027民初1号\n".encode())
    form = {
        "name": "反馈",
        "start": "2024-09-01",
        "target": "2024-12-31",
        "scope": "list",
        "scope_file": good,
    }
    response = client.post("/campaigns/", form)
    assert response.status_code == 302
    campaign = Campaign.objects.get(name="反馈")
    assert campaign.cases.count() == 2 and campaign.scope_file == "反馈台账.csv"
    bad = SimpleUploadedFile("反馈台账.csv", "案号\n（2020）甘1002民初9号\n".encode())
    refused = client.post("/campaigns/", {**form, "name": "反馈二", "scope_file": bad})
    assert refused.status_code == 422
    assert (
        "（2020）甘1002民初9号" in refused.content.decode()
        and not Campaign.objects.filter(name="反馈二").exists()
    )
    repeated = SimpleUploadedFile(
        "反馈台账.csv", "案号\n（2024）甘1002民初2号\n（2024）甘1002民初2号\n".encode()
    )
    refused = client.post("/campaigns/", {**form, "name": "反馈三", "scope_file": repeated})
    page = refused.content.decode()
    # the problems table names the row's case number in its own column (the same table as the upload page's)
    assert refused.status_code == 422 and "<th>案号</th>" in page
    assert "<td>（2024）甘1002民初2号</td>" in page


def test_a_basic_court_office_cannot_create_for_another_court(login: Login) -> None:
    client = login("甘1002", Role.TRIAL_MANAGEMENT)
    form = {"name": "越权", "start": "2024-09-01", "target": "2024-12-31", "scope": "rule", "older_than_months": "6",
            "courts": ["甘1027"]}  # fmt: skip
    response = client.post("/campaigns/", form)
    assert response.status_code == 200 and response.context["form"].errors  # 甘1027 is not among its choices
    assert not Campaign.objects.exists()
    response = client.post("/campaigns/", {**form, "courts": []})
    assert response.status_code == 302
    assert set(Campaign.objects.get().courts.values_list("code", flat=True)) == {"甘1002"}


def test_a_list_cannot_probe_another_courts_case_numbers(login: Login) -> None:
    """A real case of another court and an invented number get the same answer: the list tells nothing of other
    courts' cases (issue 10)."""
    client = login("甘1002", Role.TRIAL_MANAGEMENT)
    form = {"name": "探查", "start": "2024-09-01", "target": "2024-12-31", "scope": "list"}
    answers = []
    for number in ("（2024）甘1027民初1号", "（2024）甘1027民初999号"):  # the first exists, in 甘1027
        upload = SimpleUploadedFile("反馈台账.csv", f"案号\n{number}\n".encode())
        response = client.post("/campaigns/", {**form, "scope_file": upload})
        assert response.status_code == 422
        [problem] = response.context["problems"]
        answers.append((problem.reason_zh, problem.reason_en))
        assert "甘1027" not in problem.reason_zh + problem.reason_en
    assert answers[0] == answers[1]
    assert not Campaign.objects.exists()


def test_the_supervision_team_records_and_sees_the_ladder(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.SUPERVISION, name="督导组")
    url = f"/campaigns/{campaign.pk}/?as_of=2024-12-31"

    def ranked() -> dict[str, tuple[Standing, str]]:
        [basic] = client.get(url).context["figures"].groups
        return {s.court_code: (s, s.next_step or "") for s in basic.standings}

    standings = ranked()
    lagging = [code for code, (s, _) in standings.items() if s.last]
    assert lagging == ["甘1002"]  # 0 of 3 cleared, and more remaining than 甘1027's one
    assert standings["甘1002"][1] == "phone"
    # The proposed step links to the form, filled with its court and kind.
    html = client.get(url).content.decode()
    take = 'href="?as_of=2024-12-31&amp;supervise=%E7%94%981002&amp;kind=phone#supervise"'
    assert take in html
    filled = client.get(url + "&supervise=甘1002&kind=phone").context["supervision_form"]
    assert (filled["court"].value(), filled["kind"].value()) == ("甘1002", "phone")
    form = {
        "court": "甘1002",
        "kind": "phone",
        "on": "2024-12-20",
        "by": "督导组",
        "to": "院长",
        "agreed": "月底前结两件",
    }
    assert client.post(url, form).status_code == 302
    assert ranked()["甘1002"][1] == "letter"
    bad = client.post(url, {**form, "follow_up": "2024-12-01"})
    assert bad.status_code == 200 and "跟进日期早于督办日期" in bad.content.decode()
    judge = login("甘1002", Role.JUDGE, name="李娜")
    assert judge.post(url, form).status_code == 403


def test_the_countdown_is_drawn_per_court_and_the_map_shows_every_court(
    login: Login, campaign: Campaign
) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    url = f"/campaigns/{campaign.pk}/?as_of=2024-10-01"
    whole = client.get(url).context
    assert whole["court"] == "" and whole["schedule"][0].planned == 4  # every court's four cases
    assert [item["court"].code for item in whole["court_map"]] == ["甘1002", "甘1027"]
    assert all(item["chart"] is not None for item in whole["court_map"])
    one = client.get(url + "&court=甘1027")
    context = one.context
    assert context["court"] == "甘1027"
    # 甘1027's own schedule: its one case from the start to the target, none cleared by the as-of date.
    assert (context["schedule"][0].planned, context["schedule"][0].actual) == (1, 1)
    assert context["schedule"][-1].on == TARGET and context["schedule"][-1].planned == 0
    html = one.content.decode()
    assert html.count("<svg") == 3  # the chosen schedule and the two courts' thumbnails
    assert 'class="planned" points="' + context["chart"].planned + '"' in html
    refused = client.get(url + "&court=甘9999")  # not a court of the campaign: said, not ignored
    assert refused.status_code == 400 and "甘9999" in refused.content.decode()
