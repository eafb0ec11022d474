"""What a supervision letter says, read from the database on the hand-checked court system (conftest.py): the
campaign 2022-12-01 → 2023-05-31 over 甘1002, 甘1021 and 甘1027, cases older than six months, and
（2022）甘1002民初2号 added late, on 2023-02-01.

On 2023-03-01 (90 days after the start, 91 counted; 181 days from the start to the target):

- 甘1002: 1号 (filed 2022-05-31), 3号 (closed 2023-01-20) and 2号 (added 2023-02-01): 3 in scope, 1 cleared,
  2 remaining, 33.33%, first; planned 2 on the start, so on 3-01 the straight line stands at 2 × 91 ÷ 181 and 2
  remaining are 2 × 181 ÷ 2 − 91 = 90 days behind; at one case cleared in 91 days, the 2 left take 182 days:
  2023-08-30. Its remaining cases: 1号 (274 days since filing) and 2号 (273).
- 甘1021: 1 in scope, none cleared: second (0%, one remaining).
- 甘1027: 2 in scope, none cleared (民初1号 closes on the target date): third, last.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import docx
import pytest

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import do_add_cases, do_create_campaign, do_record_supervision, do_update_entry
from qingji.campaigns.letter import DEFAULT_TEMPLATE, render_letter
from qingji.campaigns.letter_data import (
    action_letter,
    custom_template,
    file_name,
    gather,
    generate_letter,
    letter_number,
    template_in_force,
)
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.campaigns.scope import ListedNumber

from .conftest import START, TARGET

pytestmark = pytest.mark.usefixtures("court_system")
ON = date(2023, 3, 1)


@pytest.fixture
def campaign() -> Campaign:
    campaign = do_create_campaign("半年清积", start=START, target=TARGET, court_codes=["甘1002", "甘1021", "甘1027"],
                                  older_than_months=6)  # fmt: skip
    do_add_cases(campaign, [ListedNumber(2, "（2022）甘1002民初2号")], added_on=date(2023, 2, 1))
    entry = CampaignCase.objects.get(case__case_number="（2022）甘1002民初1号")
    do_update_entry(
        entry, {"reason": "appraisal", "reason_note": "等待鉴定意见", "target_on": date(2023, 4, 30)}
    )
    return campaign


def test_the_figures_and_cases_of_a_lagging_court(campaign: Campaign) -> None:
    data = gather(campaign, "甘1002", ON, by="督导组", to="院长", agreed="两周内结案一件")
    assert (data.court_name, data.campaign, data.start, data.target) == (
        "庆阳市西峰区人民法院", "半年清积", START, TARGET,
    )  # fmt: skip
    assert (data.in_scope, data.cleared, data.remaining, data.clearance_rate) == (3, 1, 2, 0.3333)
    assert (data.rank, data.courts, data.days_behind, data.projected) == (1, 3, 90, date(2023, 8, 30))
    assert [
        (r.case_number, r.judge, r.filed_on, r.days_pending, r.reason, r.target_on) for r in data.rows
    ] == [
        ("（2022）甘1002民初1号", "张伟", date(2022, 5, 31), 274, "鉴定：等待鉴定意见", date(2023, 4, 30)),
        ("（2022）甘1002民初2号", "李娜", date(2022, 6, 1), 273, "", None),
    ]
    last = gather(campaign, "甘1027", ON, by="督导组")
    assert (last.in_scope, last.cleared, last.remaining, last.rank, last.projected) == (2, 0, 2, 3, None)
    assert gather(campaign, "甘1021", ON, by="督导组").rank == 2


def listed(campaign: Campaign, court_code: str, on: date) -> list[str]:
    return [row.case_number for row in gather(campaign, court_code, on, by="督导组").rows]


def test_the_boundaries_of_the_cases_listed(campaign: Campaign) -> None:
    # 3号 closed on 2023-01-20: listed the day before, not on that day
    assert listed(campaign, "甘1002", date(2023, 1, 19)) == ["（2021）甘1002民初3号", "（2022）甘1002民初1号"]
    assert listed(campaign, "甘1002", date(2023, 1, 20)) == ["（2022）甘1002民初1号"]
    # the late addition is listed from the day it was added
    assert listed(campaign, "甘1002", date(2023, 1, 31)) == ["（2022）甘1002民初1号"]
    assert listed(campaign, "甘1002", date(2023, 2, 1)) == ["（2022）甘1002民初1号", "（2022）甘1002民初2号"]
    # 甘1027's 民初1号 closed on the target date: listed the day before, not on it
    assert listed(campaign, "甘1027", date(2023, 5, 30)) == ["（2021）甘1027民初1号", "（2022）甘1027刑初1号"]
    assert listed(campaign, "甘1027", TARGET) == ["（2022）甘1027刑初1号"]


def test_the_letter_of_a_recorded_action_and_its_number(campaign: Campaign) -> None:
    do_record_supervision(campaign, court_code="甘1027", kind="letter", on=date(2022, 12, 20), by="督导组")
    do_record_supervision(campaign, court_code="甘1027", kind="letter", on=date(2023, 2, 20), by="督导组")
    do_record_supervision(campaign, court_code="甘1021", kind="phone", on=date(2023, 2, 25), by="督导组")
    action = do_record_supervision(campaign, court_code="甘1002", kind="letter", on=ON, by="督导组", to="院长",
                                   agreed="两周内结案一件", follow_up=date(2023, 3, 15))  # fmt: skip
    assert (
        letter_number(ON, action) == "〔2023〕2号"
    )  # the year's second letter; the phone call does not count
    assert letter_number(date(2023, 3, 2)) == "〔2023〕3号"  # the next one, not recorded
    data = action_letter(action)
    assert (data.number, data.by, data.to, data.agreed, data.follow_up) == (
        "〔2023〕2号", "督导组", "院长", "两周内结案一件", date(2023, 3, 15),
    )  # fmt: skip
    document = docx.Document(BytesIO(render_letter(data, DEFAULT_TEMPLATE)))
    text = [paragraph.text for paragraph in document.paragraphs]
    assert "清积督字〔2023〕2号" in text and "庆阳市西峰区人民法院院长：" in text
    assert any(
        "积案3件，已结1件，未结2件，清积率33.33%，在3个法院中排名第1位，落后倒排工期计划90天；"
        "按当前进度预计2023年8月30日完成" in line
        for line in text
    )
    assert [[cell.text for cell in row.cells] for row in document.tables[0].rows][1:] == [
        ["（2022）甘1002民初1号", "张伟", "2022-05-31", "274", "鉴定：等待鉴定意见", "2023-04-30"],
        ["（2022）甘1002民初2号", "李娜", "2022-06-01", "273", "", ""],
    ]
    assert file_name(data) == "督办函-半年清积-甘1002-2023-03-01.docx"


def test_a_court_template_takes_over_and_the_letter_is_audited(campaign: Campaign, tmp_path: Path) -> None:
    home = tmp_path
    assert template_in_force(home) == DEFAULT_TEMPLATE
    own = custom_template(home)
    own.parent.mkdir()
    document = docx.Document()
    document.add_paragraph("本院自定：{{法院}}{{文号}}")
    document.save(str(own))
    assert template_in_force(home) == own
    action = do_record_supervision(campaign, court_code="甘1027", kind="letter", on=ON, by="督导组")
    letter = generate_letter(action, home)
    assert docx.Document(BytesIO(letter.content)).paragraphs[0].text == "本院自定：镇原县人民法院〔2023〕1号"
    record = AuditRecord.objects.get(action="letter_generated")
    assert record.object_id == str(action.pk) and record.court_code == "甘1027"
    assert record.after is not None and record.after["number"] == "〔2023〕1号" and record.after["cases"] == 2
    assert record.after["template"] == str(own)
