"""The seven cases the page and browser tests start from, with their states on AS_OF (tests/web, tests/browser).

Ordinary first-instance civil cases (six months), each chosen for a state on 2024-12-31."""

from __future__ import annotations

from datetime import date

from qingji.cases.models import Case
from qingji.cases.snapshot import do_snapshot
from qingji.courts.actions import do_ensure_courts

AS_OF = date(2024, 12, 31)
PASSWORD = "pw-12345678"

# case number, court, judge, filed on, closed on
CASES = [
    ("（2024）甘1002民初1号", "甘1002", "张伟", date(2024, 10, 1), None),  # under 6 m, in time
    ("（2024）甘1002民初2号", "甘1002", "李娜", date(2024, 3, 1), None),  # 6–12 m, overdue
    ("（2023）甘1002民初3号", "甘1002", "张伟", date(2023, 6, 1), None),  # 1–2 y, overdue, over 12 m
    ("（2022）甘1002民初4号", "甘1002", "李娜", date(2022, 6, 1), None),  # over 2 y, overdue, over 12 m
    ("（2024）甘1002民初5号", "甘1002", "张伟", date(2024, 7, 15), None),  # under 6 m, approaching
    ("（2024）甘1002民初6号", "甘1002", "张伟", date(2024, 1, 10), date(2024, 5, 1)),  # closed
    ("（2024）甘1027民初1号", "甘1027", "赵磊", date(2024, 3, 1), None),  # another court: 6–12 m, overdue
]


def create_court_system() -> None:
    """The Qingyang courts and the cases above, with the snapshot of AS_OF."""
    do_ensure_courts()
    for number, court, judge, filed_on, closed_on in CASES:
        Case.objects.create(
            case_number=number, court_code=court, type_code="民初", procedure="ordinary", judge=judge,
            division="民一庭", filed_on=filed_on, closed_on=closed_on,
        )  # fmt: skip
    do_snapshot(AS_OF)
