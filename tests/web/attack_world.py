"""The court system the standing attack test (test_attack.py) attacks: the Qingyang courts of court_cases.py and a
second intermediate court outside them (兰州, 甘01 with its basic court 甘0102), cases of several courts, judges
and divisions, and of every kind of object a page names by id: campaigns of one court, of several and of courts
outside; their cases with plan steps, referrals, appraisals and look-back reviews; supervision letters; grants;
an import and the event it withdrew; and users of every court to be changed in the admin site."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.contrib.auth.models import Group

from court_cases import AS_OF, PASSWORD, create_court_system
from qingji.audit.actions import audit
from qingji.cadence.models import Delivery, Document, Message
from qingji.campaigns.actions import do_add_cases, do_add_step, do_create_campaign, do_record_supervision
from qingji.campaigns.casework import do_refer, do_request_appraisal
from qingji.campaigns.lookback import do_open_lookbacks
from qingji.campaigns.models import Campaign
from qingji.campaigns.ranking import supervised_codes
from qingji.campaigns.scope import ListedNumber
from qingji.cases.models import Case, CaseEvent, ImportRecord
from qingji.cases.snapshot import do_snapshot
from qingji.core.courts import CourtLevel
from qingji.courts.actions import do_create_user, do_grant
from qingji.courts.models import Court, Grant, Person, Role

START, TARGET = date(2024, 9, 2), date(2024, 12, 31)
OUTSIDE = ("甘01", "甘0102")  # an intermediate court and its basic court, outside 甘10

# case number, court, judge, division, filed on, closed on (beside court_cases.CASES)
MORE_CASES = [
    ("（2023）甘1002民初11号", "甘1002", "王五", "民二庭", date(2023, 8, 1), None),
    ("（2023）甘1002民初12号", "甘1002", "张伟", "民一庭", date(2023, 1, 10), date(2024, 10, 8)),
    ("（2023）甘1027民初2号", "甘1027", "赵磊", "民一庭", date(2023, 2, 1), date(2024, 10, 9)),
    ("（2024）甘10民终1号", "甘10", "孙八", "民一庭", date(2024, 1, 5), None),
    ("（2024）甘10民终2号", "甘10", "周九", "民二庭", date(2024, 1, 8), None),
    ("（2024）甘01民终1号", "甘01", "吴十", "民一庭", date(2024, 1, 5), None),
    ("（2023）甘0102民初1号", "甘0102", "郑一", "民一庭", date(2023, 5, 1), None),
    ("（2023）甘0102民初2号", "甘0102", "郑一", "民一庭", date(2023, 1, 3), date(2024, 10, 10)),
    ("（2024）甘民终1号", "甘", "冯二", "民一庭", date(2024, 1, 5), None),
]
CLOSED_OVER_A_YEAR = ["（2023）甘1002民初12号", "（2023）甘1027民初2号", "（2023）甘0102民初2号"]
# The attackers' names: the judges own cases by name, the assistants see a judge's by grant.
JUDGES = {"甘1002": "张伟", "甘10": "孙八"}
DIVISIONS = {"甘1002": "民二庭", "甘10": "民一庭"}
ASSISTANT_GRANTS = {"甘1002": ("甘1002", "李娜"), "甘10": ("甘1027", "赵磊")}


@dataclass(frozen=True)
class World:
    campaigns: dict[str, int]  # name → pk
    targets: list[int]  # users of several courts, to be changed in the admin site
    group: int


def _courts_outside() -> None:
    high = Court.objects.get(code="甘")
    middle = Court.objects.create(
        code=OUTSIDE[0], name="兰州市中级人民法院", level=CourtLevel.INTERMEDIATE, parent=high
    )
    Court.objects.create(code=OUTSIDE[1], name="兰州市城关区人民法院", level=CourtLevel.BASIC, parent=middle)


def _cases() -> None:
    for number, court, judge, division, filed_on, closed_on in MORE_CASES:
        Case.objects.create(case_number=number, court_code=court, type_code="民终" if "民终" in number else "民初", procedure="ordinary",
                            judge=judge, division=division, filed_on=filed_on, closed_on=closed_on,
                            parties=f"{judge}案当事人")  # fmt: skip
    for case in Case.objects.all():
        CaseEvent.objects.create(case=case, key="e1", event="extension", kind="院长批准", length_months=6,
                                 approved_by="院长", approved_on=case.filed_on)  # fmt: skip
        audit(
            "case_created", "case", case.case_number, court_code=case.court_code, after={"judge": case.judge}
        )
    outside = Case.objects.get(case_number="（2023）甘0102民初1号")
    importer = do_create_user(
        "lanzhou", PASSWORD, name="兰州审管办", court_code="甘0102", role=Role.TRIAL_MANAGEMENT
    )
    record = ImportRecord.objects.create(
        by=importer.user, file_name="（2023）甘0102民初1号.csv", sha256="0" * 64
    )
    CaseEvent.objects.create(case=outside, key="e2", event="deduction", kind="鉴定", start=date(2023, 6, 1),
                             end=date(2023, 7, 1), withdrawn_at=record.at, withdrawn_by=record)  # fmt: skip


def _campaign(name: str, courts: list[str]) -> Campaign:
    campaign = do_create_campaign(name, start=START, target=TARGET, court_codes=courts, older_than_months=6)
    closed = [n for n in CLOSED_OVER_A_YEAR if Case.objects.get(case_number=n).court_code in courts]
    do_add_cases(campaign, [ListedNumber(i + 2, n) for i, n in enumerate(closed)], added_on=START)
    for entry in campaign.cases.select_related("case"):
        do_refer(entry, body="committee", referred_on=date(2024, 11, 1), referred_by=entry.case.judge)
        do_request_appraisal(entry, agency="鉴定所", requested_on=date(2024, 11, 1), due_on=date(2024, 12, 1))
        do_add_step(entry, due_on=date(2024, 10, 15), description=f"{entry.case.judge}的步骤")
    do_open_lookbacks(campaign, AS_OF)
    for court in sorted(set(courts) & supervised_codes(campaign)):  # never a letter from a court to itself
        do_record_supervision(
            campaign, court_code=court, kind="letter", on=date(2024, 12, 20), by="督导组", to="院长"
        )
    return campaign


def build_world() -> World:
    create_court_system()
    _courts_outside()
    _cases()
    do_snapshot(AS_OF)
    campaigns = [
        _campaign("全省清积", ["甘1002", "甘1027", "甘10", *OUTSIDE]),
        _campaign("镇原清积", ["甘1027"]),
        _campaign("兰州清积", list(OUTSIDE)),
    ]
    targets = [
        do_create_user(f"target{code}", PASSWORD, name=f"{code}院长", court_code=code, role=Role.PRESIDENT)
        for code in ("甘1002", "甘1027", "甘10", "甘0102", "甘")
    ]
    do_grant(targets[1].user.get_username(), court_code="甘1027", judge="赵磊", reason="协助")
    _messages(targets)
    _documents(campaigns)
    _deliveries(targets)
    return World(
        {c.name: c.pk for c in campaigns}, [p.user.pk for p in targets], Group.objects.create(name="组").pk
    )


def _messages(people: list[Person]) -> None:
    """A reminder in each target's inbox naming their court's cases: the inbox shows it to no one else."""
    for person in people:
        numbers = Case.objects.filter(court_code=person.court.code).values_list("case_number", flat=True)[:3]
        items = [{"kind": "overdue", "case_number": n, "due_on": "2024-12-01", "days_left": -30, "campaign_id": None}
                 for n in numbers]  # fmt: skip
        Message.objects.create(key=f"reminder:2024-12-31:{person.pk}", person=person, kind="reminder",
                               on=AS_OF, data={"counts": {"overdue": len(items)}, "items": items, "total": len(items)})  # fmt: skip


def _documents(campaigns: list[Campaign]) -> None:
    """A bulletin of each campaign in the archive (its figures only: the attack is on who may open it)."""
    for campaign in campaigns:
        Document.objects.create(kind="bulletin", campaign=campaign, on=AS_OF, title=f"{campaign.name}通报",
                                docx=campaign.name.encode(), pdf=campaign.name.encode())  # fmt: skip


def _deliveries(people: list[Person]) -> None:
    """A failed e-mail to each target, of their court (the failures page shows it, and retries it, to the office
    of that court alone)."""
    at = datetime(2024, 12, 31, 8, 0, tzinfo=UTC)
    for person in people:
        Delivery.objects.create(key=f"email:reminder:2024-12-31:{person.pk}:{person.court.code}@court.local",
                                channel="email", recipient=f"{person.pk}@court.local", court_code=person.court.code,
                                kind="reminder", on=AS_OF, status="failed", attempts=9, due_at=at, next_try_at=at,
                                last_error="无法通过邮件服务器发送 / cannot send through the relay")  # fmt: skip


def make_attacker(court: str, role: Role) -> Person:
    """A user of ``court`` with ``role``: a judge and an assistant with cases of their own or by grant, a division
    head of a division; an intermediate court's judge also holds a grant outside its courts that must not count."""
    name = JUDGES[court] if role == Role.JUDGE else f"{court}{role.label}"
    division = DIVISIONS[court] if role == Role.DIVISION_HEAD else None
    person = do_create_user(f"attacker-{role.value}", PASSWORD, name=name, court_code=court, role=role,
                            division=division)  # fmt: skip
    if role == Role.ASSISTANT:
        grant_court, judge = ASSISTANT_GRANTS[court]
        do_grant(person.user.get_username(), court_code=grant_court, judge=judge)
    if role == Role.JUDGE and court == "甘10":  # as if the judge had moved from 兰州: selectors ignore it
        Grant.objects.create(person=person, court=Court.objects.get(code=OUTSIDE[1]))
    return person
