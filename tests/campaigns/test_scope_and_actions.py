"""Creating a campaign draws its scope; the chain is filled from the court's people; changes are audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import (
    CampaignRefused,
    do_add_cases,
    do_add_step,
    do_complete_step,
    do_create_campaign,
    do_update_entry,
)
from qingji.campaigns.gaps import case_gaps, gaps_by_court, total
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.campaigns.scope import ListedNumber, campaign_new_backlog, read_numbers

from .conftest import START, TARGET

pytestmark = pytest.mark.usefixtures("court_system")


def numbers(campaign: Campaign) -> set[str]:
    return set(campaign.cases.values_list("case__case_number", flat=True))


def test_a_rule_takes_the_cases_pending_on_the_start_and_older_than_the_threshold() -> None:
    campaign = do_create_campaign("半年清积", start=START, target=TARGET, court_codes=["甘1002", "甘1027"],
                                  older_than_months=6)  # fmt: skip
    assert numbers(campaign) == {
        "（2022）甘1002民初1号",  # filed 2022-05-31: 2022-11-30 + 1 day old on 12-01
        "（2021）甘1002民初3号",  # closed after the start
        "（2021）甘1027民初1号",
        "（2022）甘1027刑初1号",
    }
    assert set(campaign.courts.values_list("code", flat=True)) == {"甘1002", "甘1027"}
    # one record per court of the scope, each counting that court's cases (issue 10: each court's auditors)
    records = AuditRecord.objects.filter(action="campaign_created")
    assert {record.court_code: record.after["cases"] for record in records if record.after} == {
        "甘1002": 2, "甘1027": 2,
    }  # fmt: skip
    assert all(record.after and record.after["scope"] == "rule" for record in records)


def test_a_rule_may_take_some_case_types_only() -> None:
    campaign = do_create_campaign(
        "刑事清积", start=START, target=TARGET, older_than_months=6, type_codes=["刑初"]
    )
    assert numbers(campaign) == {"（2022）甘1027刑初1号"}


def test_the_chain_is_filled_from_the_courts_people_and_what_is_missing_is_flagged() -> None:
    campaign = do_create_campaign("半年清积", start=START, target=TARGET, older_than_months=6)
    entry = campaign.cases.get(case__case_number="（2022）甘1002民初1号")
    assert (entry.president, entry.vice_president, entry.division_head, entry.judge) == (
        "院长甲", "副院长乙", "庭长丙", "张伟",
    )  # fmt: skip
    assert case_gaps(entry, False) == ["responsible", "supervisor", "plan", "target", "reason"]
    other = campaign.cases.get(case__case_number="（2022）甘1027刑初1号")
    assert case_gaps(other, False) == ["responsible", "supervisor", "plan", "target", "reason", "vice_president",
                                       "division_head"]  # fmt: skip
    closed = campaign.cases.get(case__case_number="（2021）甘1002民初3号")
    assert (
        closed.case.closed_on is not None and case_gaps(closed, False) == []
    )  # nothing asked of a closed case
    changed = do_update_entry(entry, {"responsible": "张伟", "supervisor": "副院长乙", "plan": "先调解，后判决",
                                      "target_on": date(2023, 3, 31), "reason": "appraisal"})  # fmt: skip
    assert changed == ["responsible", "supervisor", "plan", "target_on", "reason"]
    entry.refresh_from_db()
    assert case_gaps(entry, has_step=True) == []  # and with a step to its plan (qingji.campaigns.gaps)
    record = AuditRecord.objects.get(action="campaign_case_updated")
    assert record.before == {"responsible": "", "supervisor": "", "plan": "", "target_on": None, "reason": ""}
    assert record.after is not None and record.after["target_on"] == "2023-03-31"
    assert do_update_entry(entry, {"responsible": "张伟"}) == []  # no change, no record
    assert AuditRecord.objects.filter(action="campaign_case_updated").count() == 1
    counts = total(gaps_by_court(campaign, campaign.cases.all(), date(2023, 6, 1)))
    assert counts["responsible"] == 2 and counts["division_head"] == 2


def test_plan_steps_are_dated_and_done() -> None:
    campaign = do_create_campaign("半年清积", start=START, target=TARGET, older_than_months=6)
    entry = campaign.cases.get(case__case_number="（2022）甘1002民初1号")
    step = do_add_step(entry, due_on=date(2023, 1, 15), description="委托鉴定")
    do_complete_step(step, done_on=date(2023, 1, 10))
    step.refresh_from_db()
    assert step.done_on == date(2023, 1, 10)
    assert [r.action for r in AuditRecord.objects.filter(object_type="campaign_case")] == [
        "plan_step_done", "plan_step_added",
    ]  # fmt: skip


def test_a_list_scope_refuses_unknown_and_repeated_numbers_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "反馈台账.csv"
    path.write_text("序号,案号\n1,（2022）甘1002民初1号\n2,（2022）甘1002民初1号\n3,\n4,（2020）甘1002民初9号\n",
                    encoding="utf-8")  # fmt: skip
    listed, problems = read_numbers(path)
    assert [(p.row, p.reason_en) for p in problems] == [(3, "repeats row 2"), (4, "case number is blank")]
    with pytest.raises(CampaignRefused) as refused:
        do_create_campaign("反馈", start=START, target=TARGET, listed=listed, scope_file=path.name)
    [problem] = refused.value.problems
    assert (problem.file, problem.row, problem.value) == ("反馈台账.csv", 5, "（2020）甘1002民初9号")
    assert (
        not Campaign.objects.exists() and not AuditRecord.objects.filter(action="campaign_created").exists()
    )


def test_a_list_scope_takes_exactly_the_listed_cases_in_half_width_or_full_width_form() -> None:
    listed = [ListedNumber(2, "(2022)甘1002民初2号"), ListedNumber(3, "（2021）甘1027民初1号")]
    canonical = [ListedNumber(n.row, n.number.replace("(", "（").replace(")", "）")) for n in listed]
    campaign = do_create_campaign("反馈", start=START, target=TARGET, listed=canonical)
    assert numbers(campaign) == {"（2022）甘1002民初2号", "（2021）甘1027民初1号"}
    assert set(campaign.courts.values_list("code", flat=True)) == {"甘1002", "甘1027"}
    assert campaign.older_than_months == 6  # the threshold of its new backlog


def test_refusals_name_what_is_wrong() -> None:
    do_create_campaign("半年清积", start=START, target=TARGET, older_than_months=6)
    with pytest.raises(CampaignRefused) as refused:
        do_create_campaign("半年清积", start=TARGET, target=START, court_codes=["甘9999"], older_than_months=6,
                           listed=[])  # fmt: skip
    reasons = [p.reason_en for p in refused.value.problems]
    assert reasons == [
        "a campaign of that name exists",
        "the target is before the start 2023-05-31",
        "the scope is either a rule (older than N months) or a list, not both or neither",
        "no such court",
    ]
    with pytest.raises(CampaignRefused, match="甘1027"):
        do_create_campaign("西峰", start=START, target=TARGET, court_codes=["甘1027"], older_than_months=6,
                           allowed_courts={"甘1002"})  # fmt: skip


def test_a_late_addition_counts_from_its_day_and_the_new_backlog_is_apart() -> None:
    campaign = do_create_campaign(
        "半年清积", start=START, target=TARGET, court_codes=["甘1002"], older_than_months=6
    )
    # 2号 (filed 2022-06-01) ages past six months after the start: new backlog, not in scope
    assert list(campaign_new_backlog(campaign, date(2022, 12, 1)).values_list("case_number", flat=True)) == []
    assert list(campaign_new_backlog(campaign, date(2022, 12, 2)).values_list("case_number", flat=True)) == [
        "（2022）甘1002民初2号"
    ]
    added = do_add_cases(campaign, [ListedNumber(2, "（2022）甘1002民初2号")], added_on=date(2023, 1, 5))
    assert added == 1
    entry = CampaignCase.objects.get(campaign=campaign, case__case_number="（2022）甘1002民初2号")
    assert entry.added_on == date(2023, 1, 5) and entry.division_head == ""  # 民二庭 has no head here
    assert campaign_new_backlog(campaign, date(2023, 1, 6)).count() == 0
    assert do_add_cases(campaign, [ListedNumber(2, "（2022）甘1002民初2号")], added_on=date(2023, 2, 1)) == 0
    with pytest.raises(CampaignRefused, match="甘1027"):
        do_add_cases(campaign, [ListedNumber(2, "（2021）甘1027民初1号")], added_on=date(2023, 2, 1))


def test_a_campaign_that_takes_its_cases_gives_the_planner_their_statistics() -> None:
    """Tens of thousands of campaign cases arrive at once: the planner learns of them (else SQLite reads a judge's
    campaign cases by looking up every case of the campaign: docs/benchmarks.md, "Every page under load")."""
    from django.db import connection

    table = CampaignCase._meta.db_table

    def known() -> bool:
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("ANALYZE sqlite_schema")  # makes sqlite_stat1 where there is none yet
                cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
            else:
                cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
            return bool(cursor.fetchone()[0])

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE sqlite_schema")
            cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = %s", [table])
    assert not known()
    do_create_campaign("半年清积", start=START, target=TARGET, older_than_months=6)
    assert known()
