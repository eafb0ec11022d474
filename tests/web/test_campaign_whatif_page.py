"""The what-if on the campaign page (docs/pages.md "What-if on the campaign page"): each court's pace and the pace
that finishes by the target, and the form's finish date and rank, as qingji.campaigns.whatif.campaign_what_if
computes them; the cases behind a pace; nothing written; a reader of another court sees none of it; a bad
parameter is answered 400.

The campaign of the court cases (tests/court_cases.py) from 2024-09-02 to 2024-12-31, older than six months on its
start: 甘1002's 2号, 3号, 4号 and 9号 (added here, closed on 2024-12-10), 甘1027's 1号. On 2024-12-16 甘1002 has
closed one case in the last four weeks (2024-11-19 … 2024-12-16, 28 days): a pace of 7 × 1 ÷ 28 = 0.25 a week;
its three remaining cases need 7 × 3 ÷ 15 days = 1.40 a week by the target. With one more a week 甘1027 closes
its one case in ⌈7 × 1 ÷ 1⌉ = 7 days, on 2024-12-23."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from django.test import Client

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import do_create_campaign
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.campaigns.whatif import campaign_what_if
from qingji.cases.models import Case
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]
START, TARGET, ON = date(2024, 9, 2), date(2024, 12, 31), date(2024, 12, 16)
CLOSED = "（2024）甘1002民初9号"


@pytest.fixture
def campaign(cases: None) -> Campaign:
    Case.objects.create(case_number=CLOSED, court_code="甘1002", type_code="民初", procedure="ordinary",
                        judge="张伟", division="民一庭", filed_on=date(2024, 1, 5), closed_on=date(2024, 12, 10))  # fmt: skip
    return do_create_campaign("年底清积", start=START, target=TARGET, older_than_months=6)


def page(client: Client, campaign: Campaign, **query: str) -> Any:
    response = client.get(f"/campaigns/{campaign.pk}/", {"as_of": ON.isoformat(), **query})
    assert response.status_code == 200, response.content.decode()[:500]
    return response


def test_each_court_has_its_pace_and_the_pace_needed_by_the_target(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = page(client, campaign)
    html = response.content.decode()
    shown = {court.code: pace for court, pace in response.context["court_paces"]}
    assert sorted(shown) == ["甘1002", "甘1027"]
    for code, pace in shown.items():
        direct = campaign_what_if(campaign, code, as_of=ON, per_week=Fraction(0))
        assert pace["pace"] == f"{float(direct.pace_per_week):.2f}"
        assert direct.needed_per_week is not None
        assert pace["needed"] == f"{float(direct.needed_per_week):.2f}"
        assert f">{pace['pace']}</a>" in html and f">{pace['needed']}</a>" in html
    assert (shown["甘1002"]["pace"], shown["甘1002"]["needed"]) == ("0.25", "1.40")
    # the pace opens the cases behind it; the needed pace the court's remaining cases
    behind = client.get(f"/campaigns/{campaign.pk}/{shown['甘1002']['pace_url'].split('#')[0]}")
    assert [entry.case.case_number for entry in behind.context["pace_cases"]] == [CLOSED]
    assert "1 件 × 7 ÷ 28 日 = 每周 0.25 件" in behind.content.decode()
    remaining = client.get(f"/campaigns/{campaign.pk}/{shown['甘1002']['needed_url'].split('#')[0]}")
    assert remaining.context["page"].paginator.count == 3


def test_the_form_gives_the_finish_and_the_rank_and_writes_nothing(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    audited, entries = (
        AuditRecord.objects.count(),
        list(CampaignCase.objects.values_list("id", "responsible")),
    )
    response = page(client, campaign, whatif="甘1027", more="1")
    direct = campaign_what_if(campaign, "甘1027", as_of=ON, per_week=Fraction(1))
    answer = response.context["whatif"]
    assert answer["result"] == direct
    assert direct.finish_on == date(2024, 12, 23) and answer["finish"] == "2024-12-23"
    assert direct.rank is not None and direct.of is not None
    assert answer["rank"] == f"第 {direct.rank} 名 / 共 {direct.of} 院"
    html = response.content.decode()
    assert "2024-12-23" in html and answer["rank"] in html and "每周多结 1 件" in html
    # named cases closed by a date, half-width brackets too
    named = page(client, campaign, whatif="甘1002", more="0.5", close="(2024)甘1002民初2号\n（2023）甘1002民初3号",
                 close_by="2024-12-20")  # fmt: skip
    direct = campaign_what_if(campaign, "甘1002", as_of=ON, per_week=Fraction(1, 2),
                              close=["（2024）甘1002民初2号", "（2023）甘1002民初3号"], close_by=date(2024, 12, 20))  # fmt: skip
    assert named.context["whatif"]["result"] == direct
    assert named.context["whatif"]["named"] == "另结 2 件，2024-12-20 前"
    assert AuditRecord.objects.count() == audited
    assert list(CampaignCase.objects.values_list("id", "responsible")) == entries


def test_a_case_that_is_not_remaining_is_said_on_the_page(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = page(client, campaign, whatif="甘1002", more="1", close=CLOSED)
    assert "whatif" not in response.context
    assert response.context["whatif_problems"] == [f"另结案件“{CLOSED}”无法使用：截至日期时不是未结案件"]


def test_a_reader_of_another_court_sees_none_of_it(login: Login, campaign: Campaign) -> None:
    client = login("甘1027", Role.PRESIDENT)
    response = page(client, campaign)
    assert [court.code for court, _ in response.context["court_paces"]] == ["甘1027"]
    assert "甘1002民初" not in response.content.decode()
    refused = client.get(
        f"/campaigns/{campaign.pk}/", {"as_of": ON.isoformat(), "whatif": "甘1002", "more": "1"}
    )
    assert refused.status_code == 400
    # a case of the other court is answered as a number that does not exist
    other = page(client, campaign, whatif="甘1027", more="1", close="（2024）甘1002民初2号")
    missing = page(client, campaign, whatif="甘1027", more="1", close="（2024）甘1002民初9999号")
    assert [text.replace("2号", "9999号") for text in other.context["whatif_problems"]] == (
        missing.context["whatif_problems"]
    )
    assert other.context["whatif_problems"] == [
        "另结案件“（2024）甘1002民初2号”无法使用：不是该专项行动的案件"
    ]
    assert [entry.case.court_code for entry in other.context["pace_cases"]] == []


def test_a_judge_sees_the_paces_of_their_court_without_the_form(login: Login, campaign: Campaign) -> None:
    client = login("甘1002", Role.JUDGE, name="李娜")
    response = page(client, campaign, whatif="甘1002", more="1")
    assert not response.context["whatif_form"] and "whatif" not in response.context
    ((court, pace),) = response.context["court_paces"]
    assert court.code == "甘1002" and pace["pace"] == "0.25" and not pace["pace_url"]
    assert 'id="whatif"' not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [{"more": "-1"}, {"more": "abc"}, {"more": "1e9"}, {"more": "1001"}, {"more": "0.125"},
     {"close_by": "2024-12-01"}, {"close_by": "2024-02-30"}, {"whatif": "甘9999"}, {"close": "（2024）甘1002\x00"},
     {"close": "\n".join(f"（2024）甘1002民初{n}号" for n in range(201))}],
)  # fmt: skip
def test_a_bad_parameter_is_answered_400(login: Login, campaign: Campaign, query: dict[str, str]) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = client.get(
        f"/campaigns/{campaign.pk}/", {"as_of": ON.isoformat(), "whatif": "甘1002", **query}
    )
    assert response.status_code == 400
    assert "无法使用" in response.content.decode()


def test_the_what_if_in_english(login: Login, campaign: Campaign, settings: Any) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = page(client, campaign, whatif="甘1027", more="1").content.decode()
    assert "What-if" in html and "1 more a week" in html and "Rank on the target date" in html
    assert "Closed a week (last four weeks)" in html and "每周" not in html
