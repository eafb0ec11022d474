"""The look-back review (回头看): a task for every campaign case closed after more than a year pending, opened
once however often it is asked for, and the reviewer's finding; a case closed exactly a year after filing was
pending one year, not over one (C10: over means ``closed_on > add_months(filed_on, 12)``)."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import CampaignRefused, do_add_cases, do_create_campaign
from qingji.campaigns.casework_report import lookback_row, lookback_rows
from qingji.campaigns.lookback import do_open_lookbacks, do_record_finding, open_all_lookbacks, qualifying
from qingji.campaigns.models import Campaign, CampaignCase, LookBack
from qingji.campaigns.scope import ListedNumber
from qingji.cases.models import Case
from qingji.courts.actions import do_create_user
from qingji.courts.models import Role
from qingji.courts.selectors import visible_audit
from qingji.server import nightly

from .conftest import START, TARGET

pytestmark = pytest.mark.usefixtures("court_system")
TODAY = date(2023, 12, 31)
EXACTLY = "（2022）甘1002民初9号"  # filed 2022-03-15, closed 2023-03-15: a year exactly
A_DAY_MORE = "（2022）甘1002民初10号"  # filed 2022-03-15, closed 2023-03-16: over a year


@pytest.fixture
def campaign() -> Campaign:
    # in scope on 1 Dec 2022: 甘1002民初1号 (pending), 民初3号 (2021-03-01 → 2023-01-20), 甘1027民初1号
    # (2021-09-01 → 2023-05-31), 甘1027刑初1号 and 甘1021民初1号 (pending); and two added late from a list
    campaign = do_create_campaign("半年清积", start=START, target=TARGET, older_than_months=6)
    for number, closed_on in ((EXACTLY, date(2023, 3, 15)), (A_DAY_MORE, date(2023, 3, 16))):
        Case.objects.create(case_number=number, court_code="甘1002", type_code="民初", procedure="ordinary",
                            judge="张伟", division="民一庭", filed_on=date(2022, 3, 15), closed_on=closed_on)  # fmt: skip
    do_add_cases(
        campaign, [ListedNumber(2, EXACTLY), ListedNumber(3, A_DAY_MORE)], added_on=date(2022, 12, 5)
    )
    return campaign


def numbers(entries: list[CampaignCase]) -> list[str]:
    return sorted(entry.case.case_number for entry in entries)


def test_the_cases_closed_after_more_than_a_year_qualify(campaign: Campaign) -> None:
    assert numbers(qualifying(campaign, date(2023, 3, 15))) == ["（2021）甘1002民初3号"]
    assert numbers(qualifying(campaign, date(2023, 3, 16))) == ["（2021）甘1002民初3号", A_DAY_MORE]
    assert numbers(qualifying(campaign, date(2023, 5, 31))) == [
        "（2021）甘1002民初3号", "（2021）甘1027民初1号", A_DAY_MORE,
    ]  # fmt: skip
    assert EXACTLY not in numbers(qualifying(campaign, TODAY))  # pending exactly one year: no look-back


def test_tasks_are_opened_once_and_the_opening_is_audited(campaign: Campaign) -> None:
    opened = do_open_lookbacks(campaign, date(2023, 4, 1))
    assert numbers(opened) == ["（2021）甘1002民初3号", A_DAY_MORE]
    assert do_open_lookbacks(campaign, date(2023, 4, 2)) == []  # again: nothing new
    record = AuditRecord.objects.get(action="lookbacks_opened")
    assert record.object_id == "半年清积" and record.after == {
        "opened_on": "2023-04-01", "cases": ["（2021）甘1002民初3号", A_DAY_MORE],
    }  # fmt: skip
    # the nightly run opens the rest, once
    assert open_all_lookbacks(TODAY) == 1 and open_all_lookbacks(TODAY) == 0
    assert LookBack.objects.get(entry__case__case_number="（2021）甘1027民初1号").opened_on == TODAY
    assert AuditRecord.objects.filter(action="lookbacks_opened").count() == 2


def test_each_court_has_its_own_record_of_the_opening_and_sees_no_other_courts_cases(
    campaign: Campaign,
) -> None:
    do_open_lookbacks(campaign, date(2023, 5, 31))
    records = AuditRecord.objects.filter(action="lookbacks_opened")
    assert {record.court_code: record.after["cases"] for record in records if record.after} == {
        "甘1002": ["（2021）甘1002民初3号", A_DAY_MORE], "甘1027": ["（2021）甘1027民初1号"],
    }  # fmt: skip
    auditor = do_create_user("auditor27", "Lantern-Quiet-Ridge", name="审管办", court_code="甘1027",
                             role=Role.TRIAL_MANAGEMENT)  # fmt: skip
    seen = [record for record in visible_audit(auditor) if record.action == "lookbacks_opened"]
    assert [record.court_code for record in seen] == ["甘1027"]
    assert "甘1002" not in json.dumps([record.after for record in seen], ensure_ascii=False)


def test_opening_for_a_reader_limits_to_the_cases_they_may_see(campaign: Campaign) -> None:
    do_open_lookbacks(campaign, TODAY, cases=Case.objects.filter(court_code="甘1027"))
    assert list(LookBack.objects.values_list("entry__case__case_number", flat=True)) == [
        "（2021）甘1027民初1号"
    ]


def test_a_finding_is_recorded_corrected_and_audited(campaign: Campaign) -> None:
    entry = campaign.cases.select_related("case", "campaign").get(case__case_number="（2021）甘1002民初3号")
    task = do_record_finding(entry, reviewed_on=date(2023, 6, 1), reviewer="庭长丙", finding="卷宗齐全，程序合法",
                             verdict="no_problem", today=TODAY)  # fmt: skip
    assert task.opened_on == TODAY  # opened when the finding came first
    assert [r.action for r in AuditRecord.objects.order_by("id")][-2:] == [
        "lookbacks_opened",
        "lookback_recorded",
    ]
    first = AuditRecord.objects.get(action="lookback_recorded")
    assert first.before is None and first.after is not None and first.after["verdict"] == "no_problem"
    do_record_finding(entry, reviewed_on=date(2023, 6, 2), reviewer="庭长丙", finding="发现扣除审限依据不足",
                      verdict="problem", problem_text="鉴定期间扣除无委托书", today=TODAY)  # fmt: skip
    task.refresh_from_db()
    assert (task.verdict, task.problem, task.opened_on) == ("problem", "鉴定期间扣除无委托书", TODAY)
    second = AuditRecord.objects.filter(action="lookback_recorded").first()
    assert second is not None and second.before is not None and second.before["verdict"] == "no_problem"
    assert LookBack.objects.count() == 1
    entry.refresh_from_db()
    assert lookback_row(entry, date(2023, 6, 1)).state == "open"  # found on the 2nd: not done on the 1st
    assert lookback_row(entry, date(2023, 6, 2)).state == "done"


def test_findings_are_refused_with_reasons(campaign: Campaign) -> None:
    pending = campaign.cases.select_related("case").get(case__case_number="（2022）甘1002民初1号")
    exactly = campaign.cases.select_related("case").get(case__case_number=EXACTLY)
    for entry in (pending, exactly):
        with pytest.raises(CampaignRefused, match="no look-back"):
            do_record_finding(entry, reviewed_on=date(2023, 6, 1), reviewer="甲", finding="无", verdict="no_problem",
                              today=TODAY)  # fmt: skip
    entry = campaign.cases.select_related("case").get(case__case_number="（2021）甘1002民初3号")
    with pytest.raises(CampaignRefused) as refused:
        do_record_finding(entry, reviewed_on=date(2023, 1, 19), reviewer=" ", finding="", verdict="problem",
                          today=TODAY)  # fmt: skip
    assert [(p.column, p.reason_en) for p in refused.value.problems] == [
        ("reviewer", "the reviewer is blank"),
        ("finding", "the finding is blank"),
        ("reviewed_on", "before the closure 2023-01-20"),
        ("problem", "the problem is blank"),
    ]
    with pytest.raises(CampaignRefused) as refused:
        do_record_finding(entry, reviewed_on=date(2024, 1, 1), reviewer="甲", finding="好", verdict="fine",
                          today=TODAY)  # fmt: skip
    assert [p.column for p in refused.value.problems] == ["reviewed_on", "verdict"]
    assert (
        not LookBack.objects.exists()
        and not AuditRecord.objects.filter(action__startswith="lookback").exists()
    )


def test_the_list_shows_cases_to_open_then_open_then_done(campaign: Campaign) -> None:
    do_open_lookbacks(campaign, date(2023, 4, 1))
    entry = campaign.cases.select_related("case", "campaign").get(case__case_number=A_DAY_MORE)
    do_record_finding(entry, reviewed_on=date(2023, 5, 1), reviewer="甲", finding="无", verdict="no_problem",
                      today=TODAY)  # fmt: skip
    rows = lookback_rows(campaign, TODAY)
    assert [(row.entry.case.case_number, row.state) for row in rows] == [
        ("（2021）甘1027民初1号", "to_open"), ("（2021）甘1002民初3号", "open"), (A_DAY_MORE, "done"),
    ]  # fmt: skip
    assert rows[2].as_json()["verdict"] == "no_problem" and rows[0].as_json()["opened_on"] is None


class OneNight(threading.Event):
    """A stop event that lets the nightly loop run once and does not wait for the next night."""

    def __init__(self) -> None:
        super().__init__()
        self.nights = 0

    def is_set(self) -> bool:
        self.nights += 1
        return self.nights > 1

    def wait(self, timeout: float | None = None) -> bool:
        return True


def test_the_nightly_run_opens_the_tasks_due(campaign: Campaign, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        nightly, "close_old_connections", lambda: None
    )  # the test's own transaction stays open
    with time_machine.travel(datetime(2023, 12, 31, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        nightly._loop(OneNight())
    assert set(LookBack.objects.values_list("opened_on", flat=True)) == {TODAY}
    assert LookBack.objects.count() == 3
