"""Referrals down the green channel and appraisals of a campaign's cases: recorded, audited in the same
transaction, refused with reasons (nothing written), and read on a date — the open referrals with their waits,
the overdue appraisals first."""

from __future__ import annotations

from datetime import date

import pytest

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import CampaignRefused, do_create_campaign
from qingji.campaigns.casework import do_refer, do_request_appraisal, do_update_appraisal, do_update_referral
from qingji.campaigns.casework_report import (
    appraisal_rows,
    by_court,
    campaign_appraisals,
    campaign_referrals,
    referral_rows,
    summary_of,
)
from qingji.campaigns.models import Appraisal, Campaign, CampaignCase, Referral
from qingji.cases.models import Case

from .conftest import START, TARGET

pytestmark = pytest.mark.usefixtures("court_system")
TODAY = date(2023, 6, 30)


@pytest.fixture
def campaign() -> Campaign:
    # in scope: 甘1002民初1号, 民初3号; 甘1027民初1号, 刑初1号; 甘1021民初1号
    return do_create_campaign("半年清积", start=START, target=TARGET, older_than_months=6)


def entry(campaign: Campaign, number: str) -> CampaignCase:
    return campaign.cases.select_related("case", "campaign").get(case__case_number=number)


def test_a_referral_is_made_decided_and_audited(campaign: Campaign) -> None:
    one = entry(campaign, "（2022）甘1002民初1号")
    referral = do_refer(one, body="committee", referred_on=date(2023, 3, 1), referred_by="张伟",
                        scheduled_on=date(2023, 3, 10), today=TODAY)  # fmt: skip
    made = AuditRecord.objects.get(action="referral_made")
    assert (made.object_type, made.object_id, made.court_code) == (
        "campaign_case",
        "（2022）甘1002民初1号",
        "甘1002",
    )
    assert made.after == {"campaign": "半年清积", "referral": referral.pk, "body": "committee",
                          "referred_on": "2023-03-01", "referred_by": "张伟", "scheduled_on": "2023-03-10",
                          "held_on": None, "outcome": "", "decided_on": None}  # fmt: skip
    changed = do_update_referral(referral, {"held_on": date(2023, 3, 14), "outcome": "  改判  ",
                                            "decided_on": date(2023, 3, 14), "scheduled_on": date(2023, 3, 10)},
                                 today=TODAY)  # fmt: skip
    assert changed == ["held_on", "outcome", "decided_on"]
    referral.refresh_from_db()
    assert (referral.outcome, referral.decided_on) == ("改判", date(2023, 3, 14))
    updated = AuditRecord.objects.get(action="referral_updated")
    assert updated.before == {"referral": referral.pk, "held_on": None, "outcome": "", "decided_on": None}
    assert updated.after == {"referral": referral.pk, "held_on": "2023-03-14", "outcome": "改判",
                             "decided_on": "2023-03-14"}  # fmt: skip
    assert do_update_referral(referral, {"outcome": "改判"}, today=TODAY) == []  # no change, no record
    assert AuditRecord.objects.filter(action="referral_updated").count() == 1


def test_bad_referrals_are_refused_and_nothing_is_written(campaign: Campaign) -> None:
    one = entry(campaign, "（2022）甘1002民初1号")
    with pytest.raises(CampaignRefused) as refused:
        do_refer(one, body="council", referred_on=date(2023, 7, 1), referred_by=" ",
                 scheduled_on=date(2023, 6, 1), today=TODAY)  # fmt: skip
    assert [(p.column, p.reason_en) for p in refused.value.problems] == [
        ("body", "not the committee nor the judges' meeting"),
        ("referred_by", "who referred is blank"),
        ("scheduled_on", "before the referral 2023-07-01"),
        ("referred_on", "after today 2023-06-30"),
    ]
    assert not Referral.objects.exists() and not AuditRecord.objects.filter(action="referral_made").exists()
    referral = do_refer(
        one, body="judges_meeting", referred_on=date(2023, 3, 1), referred_by="张伟", today=TODAY
    )
    with pytest.raises(CampaignRefused) as refused:
        do_update_referral(referral, {"decided_on": date(2023, 2, 1)}, today=TODAY)
    assert [p.reason_en for p in refused.value.problems] == [
        "before the referral 2023-03-01",
        "a decision date without an outcome",
    ]
    with pytest.raises(CampaignRefused, match="an outcome without a decision date"):
        do_update_referral(referral, {"outcome": "维持"}, today=TODAY)
    with pytest.raises(ValueError, match="referred_by"):
        do_update_referral(referral, {"referred_by": "李娜"}, today=TODAY)
    referral.refresh_from_db()
    assert (referral.outcome, referral.decided_on) == ("", None)
    assert not AuditRecord.objects.filter(action="referral_updated").exists()


def test_how_long_referrals_wait_on_a_date(campaign: Campaign) -> None:
    refer = [
        ("（2022）甘1002民初1号", date(2023, 3, 1), date(2023, 3, 15)),  # decided after 14 days
        ("（2022）甘1027刑初1号", date(2023, 3, 10), None),  # open: 22 days on 1 April
        (
            "（2022）甘1021民初1号",
            date(2023, 2, 1),
            date(2023, 4, 20),
        ),  # decided after 1 April: open, 59 days
        ("（2021）甘1002民初3号", date(2023, 4, 2), None),  # after 1 April: not yet
    ]
    for number, referred_on, decided_on in refer:
        referral = do_refer(entry(campaign, number), body="committee", referred_on=referred_on,
                            referred_by="庭长", today=TODAY)  # fmt: skip
        if decided_on is not None:
            do_update_referral(referral, {"outcome": "讨论决定", "decided_on": decided_on}, today=TODAY)
    as_of = date(2023, 4, 1)
    rows = referral_rows(campaign_referrals(campaign), as_of)
    assert [(row.referral.entry.case.case_number, row.open, row.waiting_days) for row in rows] == [
        ("（2022）甘1021民初1号", True, 59),
        ("（2022）甘1027刑初1号", True, 22),
        ("（2022）甘1002民初1号", False, 14),
    ]
    summary = summary_of(rows, as_of)
    assert (summary.referrals, summary.open, summary.average_days, summary.longest_days) == (3, 2, 31.7, 59)
    assert [(code, s.open, s.longest_open_days) for code, s in by_court(rows, as_of)] == [
        ("甘1002", 0, None), ("甘1021", 1, 59), ("甘1027", 1, 22),
    ]  # fmt: skip
    # only the cases a reader may see: 甘1002's
    seen = referral_rows(
        campaign_referrals(campaign, Case.objects.filter(court_code="甘1002")), date(2023, 6, 1)
    )
    assert [row.referral.entry.case.case_number for row in seen] == [
        "（2021）甘1002民初3号",
        "（2022）甘1002民初1号",
    ]


def test_appraisals_overdue_first_and_a_late_opinion_ends_it(campaign: Campaign) -> None:
    one = entry(campaign, "（2022）甘1002民初1号")
    late = do_request_appraisal(one, agency="甘肃某司法鉴定所", requested_on=date(2023, 1, 10),
                                due_on=date(2023, 3, 10), note="伤残等级", today=TODAY)  # fmt: skip
    soon = do_request_appraisal(entry(campaign, "（2022）甘1027刑初1号"), agency="省鉴定中心",
                                requested_on=date(2023, 2, 1), due_on=date(2023, 4, 30), today=TODAY)  # fmt: skip
    older = do_request_appraisal(entry(campaign, "（2022）甘1021民初1号"), agency="价格认证中心",
                                 requested_on=date(2022, 12, 5), due_on=date(2023, 2, 5), today=TODAY)  # fmt: skip
    requested = AuditRecord.objects.filter(action="appraisal_requested").order_by("id").first()
    assert requested is not None and requested.after is not None and requested.after["due_on"] == "2023-03-10"
    on = date(2023, 3, 11)
    rows = appraisal_rows(campaign_appraisals(campaign), on)
    assert [(row.appraisal.pk, row.overdue_days) for row in rows] == [
        (older.pk, 34),
        (late.pk, 1),
        (soon.pk, None),
    ]
    assert (
        appraisal_rows(campaign_appraisals(campaign), date(2023, 3, 10))[1].overdue_days is None
    )  # due that day
    do_update_appraisal(late, {"received_on": date(2023, 3, 20)}, today=TODAY)
    record = AuditRecord.objects.get(action="appraisal_updated")
    assert record.before == {"appraisal": late.pk, "received_on": None}
    assert record.after == {"appraisal": late.pk, "received_on": "2023-03-20"}
    assert [r.overdue_days for r in appraisal_rows([late], date(2023, 3, 19))] == [9]  # still overdue then
    [row] = appraisal_rows([late], date(2023, 3, 20))
    assert row.overdue_days is None and row.received
    assert appraisal_rows(campaign_appraisals(campaign), date(2022, 12, 4)) == []  # none requested yet


def test_bad_appraisals_are_refused(campaign: Campaign) -> None:
    one = entry(campaign, "（2022）甘1002民初1号")
    with pytest.raises(CampaignRefused) as refused:
        do_request_appraisal(
            one, agency="", requested_on=date(2023, 3, 1), due_on=date(2023, 2, 1), today=TODAY
        )
    assert [(p.column, p.reason_zh) for p in refused.value.problems] == [
        ("agency", "鉴定机构为空"),
        ("due_on", "早于委托日期 2023-03-01"),
    ]
    assert not Appraisal.objects.exists()
    appraisal = do_request_appraisal(one, agency="某所", requested_on=date(2023, 3, 1), due_on=date(2023, 4, 1),
                                     today=TODAY)  # fmt: skip
    with pytest.raises(CampaignRefused) as refused:
        do_update_appraisal(appraisal, {"received_on": date(2023, 7, 1)}, today=TODAY)
    assert [p.reason_en for p in refused.value.problems] == ["after today 2023-06-30"]
    with pytest.raises(CampaignRefused):
        do_update_appraisal(appraisal, {"received_on": date(2023, 2, 28)}, today=TODAY)
    assert do_update_appraisal(appraisal, {"due_on": date(2023, 5, 1), "note": "延期一个月"}, today=TODAY) == [
        "due_on", "note",
    ]  # fmt: skip
    assert AuditRecord.objects.filter(action="appraisal_updated").count() == 1
