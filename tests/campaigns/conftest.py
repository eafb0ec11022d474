"""Courts with their people and a few cases around a campaign starting 2022-12-01 (older than six months: filed
before 2022-06-01, C10)."""

from __future__ import annotations

from datetime import date

import pytest

from qingji.cases.models import Case
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Role

START, TARGET = date(2022, 12, 1), date(2023, 5, 31)

# case number, court, judge, division, filed on, closed on
CASES = [
    (
        "（2022）甘1002民初1号",
        "甘1002",
        "张伟",
        "民一庭",
        date(2022, 5, 31),
        None,
    ),  # older than 6 m on the start
    ("（2022）甘1002民初2号", "甘1002", "李娜", "民二庭", date(2022, 6, 1), None),  # exactly 6 m: not older
    (
        "（2021）甘1002民初3号",
        "甘1002",
        "张伟",
        "民一庭",
        date(2021, 3, 1),
        date(2023, 1, 20),
    ),  # in, closed later
    (
        "（2021）甘1002民初4号",
        "甘1002",
        "张伟",
        "民一庭",
        date(2021, 3, 1),
        date(2022, 11, 30),
    ),  # closed before
    (
        "（2021）甘1027民初1号",
        "甘1027",
        "赵磊",
        "民一庭",
        date(2021, 9, 1),
        date(2023, 5, 31),
    ),  # closed on target
    ("（2022）甘1027刑初1号", "甘1027", "赵磊", "刑庭", date(2022, 1, 5), None),  # criminal, older
    ("（2022）甘1021民初1号", "甘1021", "孙丽", "民一庭", date(2022, 2, 1), None),  # a third court
]


@pytest.fixture
def court_system(db: None) -> None:
    do_ensure_courts()
    for username, name, court, role, division in (
        ("xf-yz", "院长甲", "甘1002", Role.PRESIDENT, None),
        ("xf-fy", "副院长乙", "甘1002", Role.VICE_PRESIDENT, None),
        ("xf-tz", "庭长丙", "甘1002", Role.DIVISION_HEAD, "民一庭"),
        ("zn-yz", "院长丁", "甘1027", Role.PRESIDENT, None),
    ):
        do_create_user(username, "pw-12345678", name=name, court_code=court, role=role, division=division)
    for number, court, judge, division, filed_on, closed_on in CASES:
        Case.objects.create(
            case_number=number, court_code=court, type_code=number.split(court)[1][:2], procedure="ordinary",
            judge=judge, division=division, filed_on=filed_on, closed_on=closed_on,
        )  # fmt: skip
