"""Who sees which campaign, which of its cases and which of its letters (qingji.campaigns.selectors), and a list of
case numbers received from a page (qingji.campaigns.scope.read_received_numbers)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from qingji.campaigns.actions import do_create_campaign, do_record_supervision
from qingji.campaigns.models import Campaign
from qingji.campaigns.scope import read_received_numbers
from qingji.campaigns.selectors import (
    letter_courts,
    supervision_courts,
    visible_campaign,
    visible_campaigns,
    visible_entries,
    visible_entry,
    visible_letter,
)
from qingji.courts.actions import do_create_user
from qingji.courts.models import Person, Role
from qingji.interchange.limits import upload_limits

from .conftest import START, TARGET

pytestmark = pytest.mark.usefixtures("court_system")


@pytest.fixture
def campaign() -> Campaign:
    return do_create_campaign(
        "半年清积", start=START, target=TARGET, court_codes=["甘1002", "甘1027"], older_than_months=6
    )


def person(username: str) -> Person:
    return Person.objects.select_related("court", "division").get(user__username=username)


def judge_zhang() -> Person:
    return do_create_user("zw", "pw-12345678", name="张伟", court_code="甘1002", role=Role.JUDGE)


def test_a_campaign_is_seen_by_the_people_of_its_courts_and_those_above(campaign: Campaign) -> None:
    other = do_create_campaign(
        "正宁", start=START, target=TARGET, court_codes=["甘1027"], older_than_months=6
    )
    xifeng = person("xf-yz")
    assert list(visible_campaigns(xifeng)) == [campaign]
    assert visible_campaign(xifeng, campaign.pk) == campaign
    assert visible_campaign(xifeng, other.pk) is None  # another basic court's campaign
    assert visible_campaign(None, campaign.pk) is None  # an account of no court
    office = do_create_user(
        "office", "pw-12345678", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT
    )
    assert set(visible_campaigns(office)) == {campaign, other}


def test_of_a_campaign_each_sees_the_cases_they_may_see(campaign: Campaign) -> None:
    def numbers(who: Person) -> set[str]:
        return {entry.case.case_number for entry in visible_entries(who, campaign)}

    every = {
        "（2022）甘1002民初1号",
        "（2021）甘1002民初3号",
        "（2022）甘1027刑初1号",
        "（2021）甘1027民初1号",
    }
    assert numbers(person("xf-yz")) == {n for n in every if "甘1002" in n}
    assert numbers(person("zn-yz")) == {n for n in every if "甘1027" in n}
    judge = judge_zhang()
    assert numbers(judge) == {"（2022）甘1002民初1号", "（2021）甘1002民初3号"}
    assert visible_entry(judge, campaign, "（2022）甘1002民初1号") is not None
    assert visible_entry(judge, campaign, "（2022）甘1027刑初1号") is None  # in the campaign, not the judge's


def test_supervision_and_letters_go_to_the_courts_seen_whole(campaign: Campaign) -> None:
    letter = do_record_supervision(campaign, court_code="甘1027", kind="letter", on=START, by="督导组")
    assert supervision_courts(person("xf-yz"), campaign) == ["甘1002"]
    office = do_create_user(
        "office", "pw-12345678", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT
    )
    assert supervision_courts(office, campaign) == ["甘1002", "甘1027"]
    assert visible_letter(office, campaign.pk, letter.pk) == letter
    assert visible_letter(person("zn-yz"), campaign.pk, letter.pk) == letter
    assert visible_letter(person("xf-yz"), campaign.pk, letter.pk) is None  # a letter to another court
    assert visible_letter(office, campaign.pk + 1, letter.pk) is None  # not that campaign's
    # a judge and a division head see some cases of their court, so no letter listing all of them
    assert letter_courts(judge_zhang()) == set() and letter_courts(person("xf-tz")) == set()
    assert letter_courts(None) == set()


@pytest.fixture
def home(tmp_path: Path, settings: object) -> Iterator[Path]:
    settings.HOME = tmp_path  # type: ignore[attr-defined]
    yield tmp_path


def test_a_received_list_is_read_and_its_copy_removed(home: Path) -> None:
    received = read_received_numbers(
        SimpleUploadedFile("反馈台账.csv", "案号\n（2022）甘1002民初1号\n(2021)甘1027民初1号\n".encode()),
        upload_limits(),
    )
    assert received.file_name == "反馈台账.csv" and received.problems == []
    assert [n.number for n in received.numbers] == ["（2022）甘1002民初1号", "（2021）甘1027民初1号"]
    assert list((home / "uploads").iterdir()) == []  # nothing of the file is left behind


def test_a_received_list_s_problems_name_the_file_as_uploaded(home: Path) -> None:
    repeated = read_received_numbers(
        SimpleUploadedFile("清单.csv", "案号\n（2022）甘1002民初1号\n（2022）甘1002民初1号\n".encode()),
        upload_limits(),
    )
    assert [(p.file, p.row, p.reason_en) for p in repeated.problems] == [("清单.csv", 3, "repeats row 2")]
    too_long = read_received_numbers(
        SimpleUploadedFile("长清单.csv", "案号\n（2022）甘1002民初1号\n（2022）甘1002民初2号\n".encode()),
        replace(upload_limits(), max_rows=2),
    )
    assert too_long.numbers == [] and [p.file for p in too_long.problems] == ["长清单.csv"]
    assert "QINGJI_UPLOAD_MAX_ROWS" in too_long.problems[0].reason_en
    assert list((home / "uploads").iterdir()) == []
