"""The four determinations checked (qingji.campaigns.entry_rules): who sets which field, the leader and the chain
from the court's people of the right role, a target date within the campaign's; the gaps that mark a plan
without steps and a target after the campaign's; the ladder never addressed by a court to itself; the rankings."""

from __future__ import annotations

from datetime import date

import pytest

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import (
    CampaignRefused,
    do_add_step,
    do_create_campaign,
    do_record_supervision,
    do_update_entry,
)
from qingji.campaigns.entry_rules import people_choices
from qingji.campaigns.figures import campaign_counts
from qingji.campaigns.gaps import case_gaps, court_gaps, gaps_by_court, listed_entries
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.campaigns.ranking import ranked_groups
from qingji.cases.models import Case
from qingji.courts.models import Role

from .conftest import START, TARGET

pytestmark = pytest.mark.usefixtures("court_system")
NUMBER = "（2022）甘1002民初1号"  # 张伟's, 民一庭, pending


@pytest.fixture
def campaign() -> Campaign:
    return do_create_campaign("半年清积", start=START, target=TARGET, older_than_months=6)


def entry_of(campaign: Campaign, number: str = NUMBER) -> CampaignCase:
    return campaign.cases.select_related("case", "campaign").get(case__case_number=number)


def refused(entry: CampaignCase, changes: dict[str, object], role: str | None) -> list[tuple[str, str]]:
    with pytest.raises(CampaignRefused) as caught:
        do_update_entry(entry, changes, role=role)
    return [(problem.column, problem.reason_en) for problem in caught.value.problems]


def test_a_target_after_the_campaigns_is_refused_and_nothing_is_written(campaign: Campaign) -> None:
    entry = entry_of(campaign)
    problems = refused(entry, {"target_on": date(2023, 6, 1), "plan": "调解"}, None)
    assert [column for column, _ in problems] == ["target_on"]
    entry.refresh_from_db()
    assert (entry.target_on, entry.plan) == (None, "")
    assert not AuditRecord.objects.filter(action="campaign_case_updated").exists()
    assert do_update_entry(entry, {"target_on": TARGET}) == ["target_on"]  # on the target itself: accepted


def test_the_leader_and_the_chain_are_the_courts_people_of_the_right_role(campaign: Campaign) -> None:
    entry = entry_of(campaign)
    choices = people_choices(entry)
    assert choices["supervisor"] == ["庭长丙", "副院长乙", "院长甲"]  # the case's own division's head first
    assert choices["president"] == ["院长甲"] and choices["vice_president"] == ["副院长乙"]
    assert choices["judge"] == ["张伟"]  # the case's judge as the export names them
    assert [c for c, _ in refused(entry, {"supervisor": "王五"}, None)] == [
        "supervisor"
    ]  # typed, no such person
    assert [c for c, _ in refused(entry, {"president": "副院长乙"}, None)] == ["president"]  # the wrong role
    assert [c for c, _ in refused(entry, {"supervisor": "院长丁"}, None)] == ["supervisor"]  # another court's
    assert do_update_entry(entry, {"supervisor": "副院长乙"}) == ["supervisor"]


def test_who_sets_which_field_follows_the_chain(campaign: Campaign) -> None:
    entry = entry_of(campaign)
    # A judge proposes the plan, its date and the reason; not the responsible person nor the leader.
    assert do_update_entry(entry, {"plan": "先调解", "target_on": date(2023, 4, 30)}, role=Role.JUDGE) == [
        "plan", "target_on",
    ]  # fmt: skip
    problems = refused(entry, {"responsible": "张伟", "supervisor": "庭长丙"}, Role.JUDGE)
    assert problems == [
        ("responsible", "your role does not set this"),
        ("supervisor", "your role does not set this"),
    ]
    # The division head sets the responsible person and the leader, not the court's leaders of the chain.
    assert do_update_entry(entry, {"responsible": "张伟", "supervisor": "庭长丙"}, role=Role.DIVISION_HEAD) == [
        "responsible", "supervisor",
    ]  # fmt: skip
    assert [c for c, _ in refused(entry, {"president": ""}, Role.DIVISION_HEAD)] == ["president"]
    # The office sets everything; an unchanged field is never refused.
    assert do_update_entry(entry, {"president": "", "plan": "先调解"}, role=Role.TRIAL_MANAGEMENT) == [
        "president"
    ]
    records = AuditRecord.objects.filter(action="campaign_case_updated").count()
    assert records == 3  # each accepted change audited, none of the refused ones


def test_a_plan_without_steps_and_a_late_stored_target_are_marked(campaign: Campaign) -> None:
    entry = entry_of(campaign)
    do_update_entry(
        entry, {"responsible": "张伟", "supervisor": "庭长丙", "plan": "先调解", "target_on": TARGET}
    )
    entry.refresh_from_db()
    assert "plan" in case_gaps(entry, has_step=False)
    do_add_step(entry, due_on=date(2023, 1, 15), description="组织调解")
    assert "plan" not in case_gaps(entry, has_step=True)
    as_of = date(2023, 3, 1)
    listed = listed_entries(campaign, campaign.cases.all(), as_of, missing="determinations")
    assert NUMBER not in {e.case.case_number for e in listed}
    # The campaign's target moved earlier: the stored date is now after it, and marked as a missing target.
    Campaign.objects.filter(pk=campaign.pk).update(target=date(2023, 4, 30))
    campaign.refresh_from_db()
    listed = listed_entries(campaign, campaign.cases.all(), as_of, missing="target")
    assert NUMBER in {e.case.case_number for e in listed}
    counts = gaps_by_court(campaign, campaign.cases.all(), as_of)
    assert counts["甘1002"]["target"] == len([e for e in listed if e.case.court_code == "甘1002"])


def test_each_gap_count_is_the_number_of_cases_its_list_holds(campaign: Campaign) -> None:
    as_of = date(2023, 3, 1)
    entry = entry_of(campaign)
    do_update_entry(entry, {"responsible": "张伟", "plan": "先调解", "target_on": date(2023, 2, 1)})
    counts = court_gaps(campaign, as_of)
    for court, by_name in counts.items():
        for name, count in by_name.items():
            if name in ("pending", "overdue_target"):
                continue
            listed = listed_entries(campaign, campaign.cases.all(), as_of, court=court, missing=name)
            assert listed.count() == count, (court, name)
        overdue = listed_entries(campaign, campaign.cases.all(), as_of, court=court, overdue_target=True)
        assert overdue.count() == by_name["overdue_target"]
    assert counts["甘1002"]["overdue_target"] == 1  # its target 1 February passed, still pending on 1 March


def test_no_court_is_sent_the_ladder_by_itself() -> None:
    campaign = do_create_campaign("中院清积", start=START, target=TARGET, court_codes=["甘10", "甘1002", "甘1027"],
                                  older_than_months=6)  # fmt: skip
    # The intermediate court runs the campaign: it supervises the basic courts, never itself.
    with pytest.raises(CampaignRefused):
        do_record_supervision(campaign, court_code="甘10", kind="letter", on=date(2023, 3, 1), by="审管办")
    do_record_supervision(
        campaign, court_code="甘10", kind="weekly_supervision", on=date(2023, 3, 1), by="审管办"
    )
    do_record_supervision(campaign, court_code="甘1002", kind="phone", on=date(2023, 3, 1), by="审管办")
    with pytest.raises(CampaignRefused):  # a basic court's president does not write to their own court
        do_record_supervision(campaign, court_code="甘1002", kind="letter", on=date(2023, 3, 2), by="院长甲",
                              by_court="甘1002")  # fmt: skip


def test_the_basic_courts_and_the_intermediate_courts_divisions_are_ranked_apart() -> None:
    for number, division, closed in (("（2021）甘10民终1号", "民一庭", date(2023, 1, 5)),
                                     ("（2021）甘10民终2号", "民二庭", None)):  # fmt: skip
        Case.objects.create(case_number=number, court_code="甘10", type_code="民终", procedure="second_instance",
                            judge="王法官", division=division, filed_on=date(2021, 6, 1), closed_on=closed)  # fmt: skip
    campaign = do_create_campaign("中院清积", start=START, target=TARGET, court_codes=["甘10", "甘1002", "甘1027"],
                                  older_than_months=6)  # fmt: skip
    groups = ranked_groups(campaign, campaign_counts(campaign), date(2023, 3, 1))
    basic, divisions = groups
    assert basic.court_code == "" and {s.court_code for s in basic.standings} == {"甘1002", "甘1027"}
    assert divisions.court_code == "甘10"
    assert [s.court_code for s in divisions.standings] == ["甘10|民一庭", "甘10|民二庭"]
    assert (
        divisions.standings[1].last and divisions.standings[1].next_step is None
    )  # warned, no letter to itself
    lagging = [s for s in basic.standings if s.lagging]
    assert all(s.next_step == "phone" for s in lagging)
