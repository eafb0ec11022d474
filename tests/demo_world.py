"""The demo's court system for the words check (tests/web/test_words.py) and the screenshots
(tests/browser/test_screenshots.py): built as `qingji demo` builds it (a synthetic Qingyang court system imported,
a user for every role, the demo campaign with its work under way, the snapshot), smaller, and with every kind of
record a page can show: supervision of every kind, a referral of each body, an appraisal received, a plan step
done, determinations changed, look-back findings of both verdicts, a refused import, and (for the words check) an
audit record of every action."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.utils import timezone

from qingji.audit.actions import audit
from qingji.audit.models import AuditRecord
from qingji.cadence.demo import replay_cadence
from qingji.cadence.models import Delivery
from qingji.campaigns.actions import do_add_step, do_complete_step, do_record_supervision, do_update_entry
from qingji.campaigns.casework import do_refer, do_request_appraisal, do_update_appraisal
from qingji.campaigns.demo import ensure_demo_campaign
from qingji.campaigns.lookback import do_record_finding
from qingji.campaigns.models import Campaign, CampaignCase, LookBack, Reason, Referral, SupervisionAction
from qingji.cases.imports import do_import
from qingji.cases.models import Case
from qingji.cases.selectors import busiest_judge
from qingji.cases.snapshot import do_snapshot
from qingji.courts.actions import do_ensure_courts
from qingji.courts.demo_users import DEMO_COURT, DemoUser, ensure_demo_users
from qingji.synth import write
from qingji.web.labels import AUDIT_ACTION_LABELS

CASES = 1500
SEED = 1


@dataclass(frozen=True)
class WordsWorld:
    today: date
    users: list[DemoUser]
    campaign: Campaign
    campaign_case: str  # a case number of the campaign with casework on it
    closed_case: str  # a campaign case closed after more than a year, with its look-back recorded


def build_words_world(directory: Path, today: date, *, every_action: bool = True) -> WordsWorld:
    """The demo court system of ``today`` in the test database (its files in ``directory``); ``every_action``: with
    an audit record of each action the world did not write by itself."""
    do_ensure_courts()
    cases_path, events_path = write(directory, CASES, SEED, today)
    outcome = do_import(cases_path, events_path, confirm=True)
    assert outcome.imported, outcome.problems[:3]
    users = ensure_demo_users(busiest_judge(DEMO_COURT))
    campaign = ensure_demo_campaign(today)
    do_snapshot(today)
    replay_cadence(today)  # the inboxes as the demo fills them
    entry = _casework(campaign, today)
    closed = _lookbacks(campaign, today)
    _supervision(campaign, today)
    _refused_import(directory)
    _failed_deliveries(today)
    if every_action:
        _every_action()
    return WordsWorld(today, users, campaign, entry.case.case_number, closed)


def _casework(campaign: Campaign, today: date) -> CampaignCase:
    """One pending campaign case of the demo court with everything a campaign case page shows."""
    entry = (
        CampaignCase.objects.filter(
            campaign=campaign, case__closed_on__isnull=True, case__court_code=DEMO_COURT
        )
        .select_related("case")
        .order_by("id")
        .first()
    )
    assert entry is not None, "the demo campaign has no pending case of the demo court"
    do_update_entry(entry, {"reason": Reason.PUBLIC_NOTICE, "target_on": today + timedelta(days=20),
                            "responsible": entry.case.judge, "plan": "公告送达后开庭"})  # fmt: skip
    step = do_add_step(entry, due_on=today + timedelta(days=3), description="公告送达")
    do_add_step(entry, due_on=today - timedelta(days=2), description="调取证据")
    do_complete_step(step, done_on=today)
    for body in Referral.Body:
        do_refer(entry, body=body, referred_on=today - timedelta(days=9), referred_by=entry.case.judge,
                 scheduled_on=today + timedelta(days=2), today=today)  # fmt: skip
    appraisal = do_request_appraisal(entry, agency="庆阳市司法鉴定中心", requested_on=today - timedelta(days=50),
                                     due_on=today - timedelta(days=5), today=today)  # fmt: skip
    do_update_appraisal(
        appraisal, {"received_on": today - timedelta(days=1), "note": "意见已收到"}, today=today
    )
    do_request_appraisal(entry, agency="甘肃司法鉴定所", requested_on=today - timedelta(days=40),
                         due_on=today - timedelta(days=3), today=today)  # fmt: skip
    return entry


def _lookbacks(campaign: Campaign, today: date) -> str:
    """Findings of both verdicts on the look-back tasks the demo opened; the number of the first."""
    tasks = list(
        LookBack.objects.filter(entry__campaign=campaign).select_related("entry__case").order_by("id")
    )
    assert tasks, "the demo campaign opened no look-back task"
    for task, verdict in zip(tasks, LookBack.Verdict, strict=False):
        do_record_finding(task.entry, reviewed_on=today, reviewer="审管办", finding="卷宗齐全", verdict=verdict,
                          problem_text="送达不规范" if verdict == LookBack.Verdict.PROBLEM else "", today=today)  # fmt: skip
    return tasks[0].entry.case.case_number


def _supervision(campaign: Campaign, today: date) -> None:
    court = campaign.courts.filter(code=DEMO_COURT).first()  # a basic court (no court supervises itself)
    assert court is not None
    for kind in SupervisionAction.Kind:
        do_record_supervision(campaign, court_code=court.code, kind=kind, on=today - timedelta(days=3), by="督导组",
                              to="院长", agreed="按期报送", follow_up=today + timedelta(days=7))  # fmt: skip


def _refused_import(directory: Path) -> None:
    """An import refused for a bad row, so that the import records show both outcomes."""
    bad = directory / "bad-cases.csv"
    bad.write_text("案号,法院代码,立案日期\n（2026）甘1002民初99999号,甘1002,不是日期\n", encoding="utf-8")
    outcome = do_import(bad, report_path=directory / "bad-report.xlsx")
    assert not outcome.imported


def _failed_deliveries(today: date) -> None:
    """An e-mail given up and a robot post being tried again, of the demo court: the failures page shows both."""
    due = timezone.make_aware(datetime.combine(today, time(8, 0)))
    for key, channel, recipient, status, error in (
        ("email:demo", "email", "zhangsan@court.local", "failed", "邮件服务器拒收此收件人 / the relay refused the recipient: 550 no such user"),
        ("robot:demo", "dingtalk", "审管办群", "pending", "机器人接口返回 HTTP 500 / the robot answered HTTP 500"),
    ):  # fmt: skip
        Delivery.objects.create(key=key, channel=channel, recipient=recipient, court_code=DEMO_COURT, kind="reminder",
                                on=today, status=status, attempts=3, due_at=due, next_try_at=due + timedelta(hours=1),
                                last_error=error)  # fmt: skip


def _every_action() -> None:
    """An audit record of every action the pages have words for that the world did not write by itself (with a
    before and after as the action writes them, roughly), so that the audit page shows each."""
    written = set(AuditRecord.objects.values_list("action", flat=True).distinct())
    cases = Case.objects.filter(court_code=DEMO_COURT).exclude(judge="").order_by("id")
    one, other = cases[0], cases.exclude(judge=cases[0].judge)[0]
    for action in sorted(set(AUDIT_ACTION_LABELS) - written):
        audit(action, "case", one.case_number, court_code=DEMO_COURT, before={"judge": one.judge, "closed_on": None},
              after={"judge": other.judge, "closed_on": "2026-11-30", "status": "closed_late"})  # fmt: skip
