"""A court system for the ledger's filters and the leaders' home: the seven cases of tests/court_cases.py and a
few more of other types, procedures and divisions, with the snapshot of AS_OF — a date in December 2026, so that
expiries in 2027 (whose holidays the calendar does not know) are provisional."""

from __future__ import annotations

from datetime import date

from qingji.cases.models import Case
from qingji.cases.snapshot import do_snapshot

AS_OF = date(2026, 12, 15)

# case number, court, type, procedure, division, judge, filed on, closed on
MORE = [
    # crossed six months on 2026-12-05: new backlog of December
    ("（2026）甘1002民初101号", "甘1002", "民初", "ordinary", "民二庭", "王芳", date(2026, 6, 5), None),
    # filed 2026-10-01: expires in 2027, whose holidays are not known (provisional)
    ("（2026）甘1002民初102号", "甘1002", "民初", "ordinary", "民二庭", "王芳芳", date(2026, 10, 1), None),
    # ten to twelve months old: the ten-month warning
    ("（2026）甘1002刑初103号", "甘1002", "刑初", "simple", "刑庭", "陈静", date(2026, 1, 20), None),
    # crossed six months in November: not new backlog of December
    ("（2026）甘1027民初104号", "甘1027", "民初", "simple", "民一庭", "赵磊", date(2026, 5, 20), None),
    # another court's new backlog
    ("（2026）甘1027民初105号", "甘1027", "民初", "ordinary", "民一庭", "赵磊", date(2026, 6, 10), None),
    # closed this year
    ("（2026）甘1002刑初106号", "甘1002", "刑初", "ordinary", "刑庭", "陈静", date(2026, 3, 1), date(2026, 6, 1)),
    # expires on 2026-12-25: within fifteen days
    ("（2026）甘1002民初108号", "甘1002", "民初", "ordinary", "民一庭", "张伟", date(2026, 6, 25), None),
    # a fresh case of the intermediate court
    ("（2026）甘10民终107号", "甘10", "民终", "appeal_judgment", "民一庭", "孙丽", date(2026, 11, 2), None),
]  # fmt: skip


def add_more_cases(as_of: date = AS_OF) -> None:
    """The cases of MORE (beside the fixture's seven), and the snapshot of ``as_of``."""
    for number, court, type_code, procedure, division, judge, filed_on, closed_on in MORE:
        Case.objects.create(
            case_number=number, court_code=court, type_code=type_code, procedure=procedure, judge=judge,
            division=division, filed_on=filed_on, closed_on=closed_on,
        )  # fmt: skip
    do_snapshot(as_of)
