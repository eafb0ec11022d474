"""The new backlog beside a campaign (新增积案, 边清边积): the campaign page's figure opens the list of those cases,
which counts exactly as many, narrowed to the court chosen and to the cases the reader sees."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from urllib.parse import unquote

import pytest
from django.test import Client

from qingji.campaigns.actions import do_create_campaign
from qingji.campaigns.models import Campaign
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]

# In scope on 2024-09-02 (pending, older than six months): 2号, 3号, 4号 of 甘1002 and 1号 of 甘1027. Beside it by
# 2025-04-30, when both have passed six months: 张伟's 5号 (filed 2024-07-15) and 1号 (filed 2024-10-01).
LATER = "2025-04-30"
BESIDE = ["（2024）甘1002民初5号", "（2024）甘1002民初1号"]  # oldest first


@pytest.fixture
def campaign(cases: None) -> Campaign:
    return do_create_campaign(
        "年底清积", start=date(2024, 9, 2), target=date(2024, 12, 31), older_than_months=6
    )


def figure_link(client: Client, campaign: Campaign, query: str) -> tuple[int, str]:
    """The campaign page's new-backlog figure and where it links."""
    html = client.get(f"/campaigns/{campaign.pk}/{query}").content.decode()
    match = re.search(
        r'<p class="new-backlog">.*?<a class="figure" href="([^"]+)"><strong>(\d+)</strong>', html
    )
    assert match is not None
    return int(match.group(2)), match.group(1).replace("&amp;", "&")


def listed(client: Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [case.case_number for case in response.context["page"].object_list]


def test_the_figure_opens_exactly_its_cases_oldest_first(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    count, url = figure_link(client, campaign, f"?as_of={LATER}")
    assert url == f"/campaigns/{campaign.pk}/new-backlog/?as_of={LATER}"
    assert listed(client, url) == BESIDE and count == 2
    html = client.get(url).content.decode()
    assert "2 件" in html and "超过6个月" in html and "年底清积" in html
    # on the campaign's target nothing had aged past six months outside it yet
    count, url = figure_link(client, campaign, "?as_of=2024-12-31")
    assert count == 0 and listed(client, url) == []
    assert "没有符合条件的案件" in client.get(url).content.decode()


def test_the_chosen_court_is_kept(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    for court, expected in (("甘1002", BESIDE), ("甘1027", [])):
        count, url = figure_link(client, campaign, f"?as_of={LATER}&court={court}")
        assert unquote(url).endswith(f"&court={court}")
        assert listed(client, url) == expected and count == len(expected)


def test_a_judge_sees_only_their_own_cases_beside_it(login: Login, campaign: Campaign) -> None:
    for name, expected in (("张伟", BESIDE), ("李娜", [])):
        client = login("甘1002", Role.JUDGE, name=name)
        count, url = figure_link(client, campaign, f"?as_of={LATER}")
        assert listed(client, url) == expected and count == len(expected)


def test_a_court_outside_the_campaign_or_the_reader_is_refused(login: Login, campaign: Campaign) -> None:
    client = login("甘1002", Role.PRESIDENT)
    response = client.get(f"/campaigns/{campaign.pk}/new-backlog/?court=甘1027")
    assert response.status_code == 400
    assert "不是本专项行动中您可查看的法院" in response.content.decode()
    own = do_create_campaign("镇原", start=date(2024, 9, 2), target=date(2024, 12, 31), court_codes=["甘1027"],
                             older_than_months=6)  # fmt: skip
    assert client.get(f"/campaigns/{own.pk}/new-backlog/").status_code == 404
