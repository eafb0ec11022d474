"""`qingji campaign whatif NAME --court CODE --per-week K [--close CASE_NUMBER …] [--as-of DATE] [--json]` end to
end (names and JSON keys relied on from outside), on the cases of tests/campaigns/conftest.py: a campaign from
1 December 2022 to 31 May 2023 of the cases older than six months on its start.

On 1 February 2023 (119 days before the target): 甘1002 has cleared one of two (50%; it closed （2021）甘1002民初3号
on 20 January, so its pace over the last four weeks is ¼ a week), 甘1021 none of one, 甘1027 none of two (last).
With one more closure a week 甘1027 closes its two in ⌈7 × 2 ÷ 1⌉ = 14 days, by 15 February; on the target 甘1002
has closed its last (⌊¼ × 119 ÷ 7⌋ = 4 ≥ 1), so both are at 100% with none left, 甘1002 first by code: 甘1027 second
of three. The pace that finishes by the target: 7 × 2 ÷ 119 = 0.1176… → 0.12."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner, Result

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import do_create_campaign
from qingji.campaigns.models import CampaignCase, SupervisionAction
from qingji.cli.app import app

from .conftest import START, TARGET

pytestmark = pytest.mark.django_db
NAME = "半年清积"
KEYS = {
    "campaign", "court_code", "as_of", "target", "remaining", "pace_per_week", "per_week_added", "finish_on",
    "rank", "of", "rank_now", "needed_per_week", "on_track",
}  # fmt: skip


@pytest.fixture
def campaign(court_system: None) -> str:
    do_create_campaign(NAME, start=START, target=TARGET, court_codes=["甘1002", "甘1021", "甘1027"],
                       older_than_months=6)  # fmt: skip
    return NAME


def whatif(*options: str) -> Result:
    return CliRunner().invoke(app, ["campaign", "whatif", NAME, *options])


def document(*options: str) -> dict[str, object]:
    result = whatif(*options, "--as-of", "2023-02-01", "--json")
    assert result.exit_code == 0, result.output
    loaded: dict[str, object] = json.loads(result.output)
    return loaded


def test_one_more_closure_a_week_for_the_last_court(campaign: str) -> None:
    found = document("--court", "甘1027", "--per-week", "1")
    assert set(found) >= KEYS
    assert {key: found[key] for key in KEYS} == {
        "campaign": NAME, "court_code": "甘1027", "as_of": "2023-02-01", "target": "2023-05-31", "remaining": 2,
        "pace_per_week": 0.0, "per_week_added": 1.0, "finish_on": "2023-02-15", "rank": 2, "of": 3, "rank_now": 3,
        "needed_per_week": 0.12, "on_track": True,
    }  # fmt: skip
    at_pace = document("--court", "甘1027", "--per-week", "0")
    assert (at_pace["finish_on"], at_pace["rank"], at_pace["on_track"]) == (None, 3, False)


def test_the_pace_of_a_court_that_closed_cases(campaign: str) -> None:
    found = document("--court", "甘1002", "--per-week", "0")
    # One remaining at ¼ a week: ⌈7 × 1 ÷ ¼⌉ = 28 days, 1 March; first now and on the target.
    assert (found["pace_per_week"], found["remaining"], found["finish_on"]) == (0.25, 1, "2023-03-01")
    assert (found["rank"], found["rank_now"], found["of"]) == (1, 1, 3)


def test_named_cases_closed_by_a_date(campaign: str) -> None:
    # Half-width brackets read as the full-width ones stored; closed by 10 February, the other at one a week
    # by 8 February: finished on 10 February.
    found = document("--court", "甘1027", "--per-week", "1", "--close", "(2022)甘1027刑初1号",
                     "--close-by", "2023-02-10")  # fmt: skip
    assert found["finish_on"] == "2023-02-10" and found["close"] == ["（2022）甘1027刑初1号"]
    assert found["close_by"] == "2023-02-10"


def test_the_text_in_chinese_and_english(campaign: str) -> None:
    result = whatif("--court", "甘1027", "--per-week", "1", "--as-of", "2023-02-01")
    assert result.exit_code == 0, result.output
    for words in ("预计完成 finish 2023-02-15", "目标日排名 rank on the target 2/3", "needed", "on track"):
        assert words in result.output


def test_bad_input_is_refused_and_changes_nothing(campaign: str) -> None:
    before = (AuditRecord.objects.count(), CampaignCase.objects.count(), SupervisionAction.objects.count())
    missing = CliRunner().invoke(
        app, ["campaign", "whatif", "no such", "--court", "甘1027", "--per-week", "1"]
    )
    assert missing.exit_code == 1 and "no campaign" in missing.output
    other = whatif("--court", "甘1026", "--per-week", "1", "--as-of", "2023-02-01")
    assert (
        other.exit_code == 2
        and "不是该专项行动的法院" in other.output
        and "not a court of the campaign" in other.output
    )
    negative = whatif("--court", "甘1027", "--per-week", "-1")
    assert negative.exit_code == 2 and "--per-week" in negative.output
    for number, reason in (
        ("（2022）甘1002民初1号", "not a case of 甘1027"),
        ("（2020）甘1027民初999号", "not a case of the campaign"),
        ("（2021）甘1027民初1号", None),  # pending on 1 February: accepted
    ):
        result = whatif("--court", "甘1027", "--per-week", "0", "--close", number, "--as-of", "2023-02-01")
        if reason is None:
            assert result.exit_code == 0, result.output
        else:
            assert result.exit_code == 2 and reason in result.output
    closed = whatif(
        "--court", "甘1027", "--per-week", "0", "--close", "（2021）甘1027民初1号", "--as-of", "2023-06-01"
    )
    assert closed.exit_code == 2 and "not remaining on the as-of date" in closed.output
    early = whatif("--court", "甘1027", "--per-week", "0", "--close", "（2022）甘1027刑初1号", "--close-by",
                   "2023-01-01", "--as-of", "2023-02-01")  # fmt: skip
    assert early.exit_code == 2 and "before the as-of date" in early.output
    assert (
        AuditRecord.objects.count(),
        CampaignCase.objects.count(),
        SupervisionAction.objects.count(),
    ) == before
