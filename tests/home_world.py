"""The cases the home pages' tests start from (tests/web/test_home_*.py, tests/browser/test_browser_home_work.py):
the court cases of court_cases.py and a judge, 王芳 of 甘1002, with cases in every state a judge's work lists,
some in a campaign with plan steps, a target date, determinations missing and an appraisal overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from court_cases import AS_OF, PASSWORD
from qingji.campaigns.actions import do_add_step, do_complete_step, do_create_campaign, do_update_entry
from qingji.campaigns.casework import do_refer, do_request_appraisal
from qingji.campaigns.models import Campaign
from qingji.campaigns.scope import ListedNumber
from qingji.cases.models import Case
from qingji.cases.snapshot import do_snapshot
from qingji.courts.actions import do_create_user, do_grant
from qingji.courts.models import Person, Role

JUDGE = "王芳"


def number(n: int) -> str:
    return f"（2024）甘1002民初{n}号"


# case number → filed on; their state on AS_OF (2024-12-31), six months' ordinary civil cases
MINE = {
    number(101): date(2024, 7, 1),  # expires 2025-01-02: within 7 days
    number(100): date(2024, 7, 8),  # expires 2025-01-08: within 15 days
    number(107): date(2024, 7, 20),  # expires 2025-01-20: within 30 days
    number(103): date(2024, 6, 28),  # expired 2024-12-30: overdue 1 day
    number(104): date(2024, 2, 20),  # overdue 133 days, and ten months old (12 months on 2025-02-20)
}
DETERMINED = {"responsible": JUDGE, "supervisor": "院长甲", "plan": "调解", "target_on": date(2025, 3, 1)}


@dataclass
class HomeWorld:
    campaign: Campaign
    judge: Person
    assistant: Person
    office: Person


def create_home_world() -> HomeWorld:
    """The cases above (and the court cases), their snapshot of AS_OF, a campaign and its casework, users."""
    for case_number, filed_on in MINE.items():
        Case.objects.create(
            case_number=case_number, court_code="甘1002", type_code="民初", procedure="ordinary", judge=JUDGE,
            division="民一庭", filed_on=filed_on,
        )  # fmt: skip
    do_snapshot(AS_OF)
    listed = [ListedNumber(i, n) for i, n in enumerate([number(100), number(103), number(5)], start=2)]
    campaign = do_create_campaign("冬季清积", start=date(2024, 10, 1), target=date(2025, 3, 31),
                                  court_codes=["甘1002"], listed=listed)  # fmt: skip
    entries = {entry.case.case_number: entry for entry in campaign.cases.select_related("case")}
    # 100: target date passed 11 days ago; a plan step due in 3 days, one done; supervisor and plan missing
    first = entries[number(100)]
    do_update_entry(first, {"responsible": JUDGE, "target_on": date(2024, 12, 20)})
    do_add_step(first, due_on=date(2025, 1, 3), description="组织第二次调解")
    done = do_add_step(first, due_on=date(2024, 12, 1), description="送达")
    do_complete_step(done, done_on=date(2024, 12, 1))
    # 103: determined; two plan steps overdue; an appraisal overdue since 2024-12-15
    second = entries[number(103)]
    # The supervising leader is one of the court's people in a leader's role (qingji.campaigns.entry_rules).
    do_create_user("yuanzhang", PASSWORD, name="院长甲", court_code="甘1002", role=Role.PRESIDENT)
    do_update_entry(second, DETERMINED)
    do_add_step(second, due_on=date(2024, 12, 28), description="开庭")
    do_add_step(second, due_on=date(2024, 12, 29), description="合议")
    do_request_appraisal(second, agency="甘肃某司法鉴定所", requested_on=date(2024, 11, 1),
                         due_on=date(2024, 12, 15), today=AS_OF)  # fmt: skip
    do_refer(second, body="committee", referred_on=date(2024, 12, 10), referred_by=JUDGE, today=AS_OF)
    # 张伟's case 5: determinations missing, not 王芳's work
    judge = do_create_user("wangfang", PASSWORD, name=JUDGE, court_code="甘1002", role=Role.JUDGE)
    assistant = do_create_user("zhuli", PASSWORD, name="助理", court_code="甘1002", role=Role.ASSISTANT)
    do_grant("zhuli", court_code="甘1002", judge=JUDGE, reason="协助办案")
    office = Person.objects.filter(user__username="office").first() or do_create_user(
        "office", PASSWORD, name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT
    )  # the browser tests' users have one already
    return HomeWorld(campaign, judge, assistant, office)
