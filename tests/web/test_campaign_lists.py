"""The campaign page's parameters (court, missing, overdue_target): each count opens exactly its cases, the court
filter narrows the countdown, the figures and the list; a judge's own cases apart from the court's figures; the
fastest court only among those that finished; the print layout; the two Excel files read back."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import quote

import openpyxl
import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import do_create_campaign
from qingji.campaigns.models import Campaign, CampaignCase, PlanStep
from qingji.cases.models import Case
from qingji.courts.actions import do_create_user
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]
START, TARGET, AS_OF = date(2024, 9, 2), date(2024, 12, 31), "2024-12-31"
STATIC = Path(__file__).resolve().parents[2] / "src" / "qingji" / "web" / "static" / "web"


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def campaign(cases: None) -> Campaign:
    """2号 (李娜), 3号 (张伟), 4号 (李娜) of 甘1002 and 1号 of 甘1027; 2号 fully determined, 3号 past its target."""
    do_create_user("tz", "pw-12345678", name="庭长丙", court_code="甘1002", role=Role.DIVISION_HEAD)
    campaign = do_create_campaign("年底清积", start=START, target=TARGET, older_than_months=6)
    done = CampaignCase.objects.get(case__case_number="（2024）甘1002民初2号")
    CampaignCase.objects.filter(pk=done.pk).update(responsible="李娜", supervisor="庭长丙", plan="调解",
                                                   target_on=TARGET)  # fmt: skip
    PlanStep.objects.create(entry=done, due_on=date(2024, 10, 15), description="组织调解")
    CampaignCase.objects.filter(case__case_number="（2023）甘1002民初3号").update(
        plan="判决", target_on=date(2024, 11, 1)
    )
    return campaign


def numbers(response: object) -> set[str]:
    return {row["entry"].case.case_number for row in response.context["rows"]}  # type: ignore[attr-defined]


def test_each_gap_opens_exactly_its_cases(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    url = f"/campaigns/{campaign.pk}/"
    page = client.get(url, {"as_of": AS_OF})
    gaps = {gap["name"]: gap for gap in page.context["gap_links"]}
    assert gaps["determinations"]["count"] == 3  # every case but 2号
    assert gaps["plan"]["count"] == 3  # 3号 has a plan but no step: marked
    html = page.content.decode()
    for gap in gaps.values():
        assert f'href="{gap["query"].replace("&", "&amp;")}#cases">{gap["count"]}</a>' in html
        listed = client.get(url + gap["query"])
        assert listed.status_code == 200
        assert listed.context["page"].paginator.count == gap["count"] == len(listed.context["rows"]), gap[
            "name"
        ]
    plan = client.get(url, {"as_of": AS_OF, "missing": "plan"})
    assert numbers(plan) == {"（2023）甘1002民初3号", "（2022）甘1002民初4号", "（2024）甘1027民初1号"}
    overdue = client.get(url, {"as_of": AS_OF, "overdue_target": "1"})
    assert page.context["overdue_count"] == 1 and numbers(overdue) == {"（2023）甘1002民初3号"}
    both = client.get(url, {"as_of": AS_OF, "court": "甘1027", "missing": "determinations"})
    assert numbers(both) == {"（2024）甘1027民初1号"} and both.context["page"].paginator.count == 1


def test_the_court_filter_narrows_the_countdown_the_figures_and_the_list(
    login: Login, campaign: Campaign
) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = client.get(f"/campaigns/{campaign.pk}/", {"as_of": AS_OF, "court": "甘1027"})
    context = response.context
    assert numbers(response) == {"（2024）甘1027民初1号"}
    assert context["schedule"][0].planned == 1 and context["figures"].gaps["pending"] == 1
    assert "镇原县人民法院" in response.content.decode()  # court names, not only codes


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ({"court": "甘9999"}, "甘9999"),
        ({"missing": "everything"}, "everything"),
        ({"overdue_target": "yes"}, "yes"),
    ],
)
def test_a_bad_parameter_is_answered_with_what_is_wrong(
    login: Login, campaign: Campaign, query: dict[str, str], said: str
) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = client.get(f"/campaigns/{campaign.pk}/", {"as_of": AS_OF, **query})
    assert response.status_code == 400 and said in response.content.decode()


def test_a_judge_sees_their_cases_apart_from_the_courts_figures(login: Login, campaign: Campaign) -> None:
    client = login("甘1002", Role.JUDGE, name="李娜")
    response = client.get(f"/campaigns/{campaign.pk}/", {"as_of": AS_OF})
    figures, html = response.context["figures"], response.content.decode()
    assert figures.partial and "您的案件" in html and "不作为法院排名" in html
    assert (figures.yours.in_scope, figures.yours.remaining) == (2, 2)  # 2号 and 4号
    [court] = figures.courts  # the court's own figures, the whole court's: never the judge's as the court
    assert (court.code, court.progress.in_scope, court.standing.rank, court.ranked) == ("甘1002", 3, 2, 2)
    assert numbers(response) == {"（2024）甘1002民初2号", "（2022）甘1002民初4号"}
    assert figures.gaps["determinations"] == 1 and "全部法院合计" not in html
    # The court filter of a judge: their court only.
    assert client.get(f"/campaigns/{campaign.pk}/", {"court": "甘1027"}).status_code == 400


def test_fastest_only_among_courts_that_finished(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    url = f"/campaigns/{campaign.pk}/"
    assert "尚无法院全部完成" in client.get(url, {"as_of": AS_OF}).content.decode()
    Case.objects.filter(case_number="（2024）甘1027民初1号").update(closed_on=date(2024, 11, 20))
    cache.clear()  # the cases changed outside an import
    response = client.get(url, {"as_of": AS_OF})
    html = response.content.decode()
    assert "最快完成的法院：镇原县人民法院，2024-11-20 完成，提前 41 天" in html
    [court] = [c for c in response.context["figures"].courts if c.code == "甘1027"]
    assert (court.progress.completed_on, court.progress.days_ahead) == (date(2024, 11, 20), 41)
    assert "提前 41 天" in html and "-41" not in html


def test_the_battle_map_prints_as_a_wall_chart(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    page = client.get(f"/campaigns/{campaign.pk}/", {"as_of": AS_OF}).content.decode()
    assert f'href="/campaigns/{campaign.pk}/print/?as_of={AS_OF}"' in page
    response = client.get(f"/campaigns/{campaign.pk}/print/", {"as_of": AS_OF})
    html = response.content.decode()
    assert response.status_code == 200 and "web/campaign_print.css" in html
    assert html.count("<svg") == 3 and 'class="grid standings' in html and 'class="court-map"' in html
    css = (STATIC / "campaign_print.css").read_text()
    assert "@page { size: A3 landscape" in css and "@media print" in css


def _sheet_rows(content: bytes) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def test_the_determinations_ledger_and_the_ranking_as_excel(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = client.get(
        f"/campaigns/{campaign.pk}/determinations.xlsx", {"as_of": AS_OF, "missing": "plan"}
    )
    assert response.status_code == 200 and quote("四定台账") in response["Content-Disposition"]
    rows = _sheet_rows(response.content)
    header, cases = rows[1], rows[2:]
    assert header[:4] == ("案号", "法院", "审判庭", "承办法官") and "缺项" in header
    assert {row[0] for row in cases} == {
        "（2023）甘1002民初3号",
        "（2022）甘1002民初4号",
        "（2024）甘1027民初1号",
    }
    third = next(row for row in cases if row[0] == "（2023）甘1002民初3号")
    assert third[header.index("化解方案")] == "判决" and third[header.index("化解步骤数")] == 0
    assert "化解方案" in str(third[header.index("缺项")])
    record = AuditRecord.objects.get(action="campaign_determinations_exported")
    assert record.after is not None and record.after["rows"] == 3 and record.after["missing"] == "plan"

    ranking = client.get(f"/campaigns/{campaign.pk}/ranking.xlsx", {"as_of": AS_OF})
    rows = _sheet_rows(ranking.content)
    assert rows[1][:3] == ("排名组", "名次", "法院/审判庭")
    ranked = [(row[0], row[1], row[2]) for row in rows[2:]]
    assert ranked == [("基层法院排名", 1, "镇原县人民法院"), ("基层法院排名", 2, "庆阳市西峰区人民法院")]
    assert AuditRecord.objects.get(action="campaign_ranking_exported").after == {"as_of": AS_OF, "rows": 2}


def test_the_campaign_case_page_shows_the_expiry_and_days_over(login: Login, campaign: Campaign) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = client.get(f"/campaigns/{campaign.pk}/case/（2022）甘1002民初4号/")
    state = response.context["state"]
    html = response.content.decode()
    assert state.days_over > 0 and f'<strong class="over">{state.days_over}</strong>' in html
    assert (
        state.expiry.isoformat() in html
        and f'href="{reverse("web:case", args=["（2022）甘1002民初4号"])}"' in html
    )
