"""The demo's campaign: a half-year clearance begun two months ago, its work under way, so that every campaign
page has something to show on a fresh demo (issue 4; DESIGN.md §1): most cases with their four determinations
and reason, a few referrals and appraisals (one overdue), a phone reminder and a letter to the court that lags
most, and the look-back tasks of the cases closed after more than a year pending.

Every change goes through the campaign's actions, audited as any other, by no user (the demo's setup)."""

from __future__ import annotations

from datetime import date, timedelta

from qingji.audit.actions import audit_per_court
from qingji.campaigns.actions import do_create_campaign, do_record_supervision, numbers_by_court
from qingji.campaigns.casework import do_refer, do_request_appraisal, do_update_referral
from qingji.campaigns.figures import campaign_counts
from qingji.campaigns.lookback import do_open_lookbacks
from qingji.campaigns.models import Campaign, CampaignCase, PlanStep, Reason, Referral, SupervisionAction
from qingji.campaigns.ranking import ranked_groups
from qingji.campaigns.report import campaign_report, entries_of

DEMO_CAMPAIGN = "半年清积（演示）"
UNDETERMINED_EVERY = 5  # one case in five keeps its determinations blank, so that the gaps show too
REASONS = [reason for reason in Reason if reason is not Reason.OTHER]


LAGGING_EVERY = 6  # determined cases of which one lags behind its plan


def ensure_demo_campaign(today: date) -> Campaign:
    """The demo campaign, created on the first run: cases of every court pending two months ago and older than
    six months then, to be cleared four months from today, with its work begun."""
    existing = Campaign.objects.filter(name=DEMO_CAMPAIGN).first()
    if existing is not None:
        return existing
    start = today - timedelta(days=61)
    campaign = do_create_campaign(
        DEMO_CAMPAIGN, start=start, target=start + timedelta(days=182), older_than_months=6
    )
    _determine(campaign, today)
    _casework(campaign, today)
    _supervise(campaign, today)
    do_open_lookbacks(campaign, today)
    return campaign


def _determine(campaign: Campaign, today: date) -> None:
    """The four determinations and a reason for four cases in five (one bulk change, one audit record)."""
    entries = list(entries_of(campaign).order_by("id"))
    chosen = [entry for index, entry in enumerate(entries) if index % UNDETERMINED_EVERY]
    for index, entry in enumerate(chosen):
        entry.responsible = entry.judge or entry.case.judge
        entry.supervisor = entry.division_head or entry.vice_president
        entry.plan = "排期开庭，庭后十日内拟定判决" if index % 2 else "组织调解，调解不成及时判决"
        entry.target_on = min(campaign.target, today + timedelta(days=30 + index % 60))
        entry.reason = REASONS[index % len(REASONS)]
    fields = ["responsible", "supervisor", "plan", "target_on", "reason"]
    CampaignCase.objects.bulk_update(chosen, fields, batch_size=1000)
    # A plan is its dated steps (qingji.campaigns.gaps): each determined case has its first step.
    # One in LAGGING_EVERY lags: a first step (送达) still not done, due days to weeks ago — what the weekly
    # supervision lists (qingji.cadence) put before the leaders.
    PlanStep.objects.bulk_create(
        [PlanStep(entry=entry, due_on=min(campaign.target, today + timedelta(days=14)), description="排期开庭")
         for entry in chosen]
        + [PlanStep(entry=entry, due_on=today - timedelta(days=10 + index % 25), description="送达并组织证据交换")
           for index, entry in enumerate(e for e in chosen if e.case.closed_on is None) if index % LAGGING_EVERY == 0],
        batch_size=1000,
    )  # fmt: skip
    audit_per_court("campaign_demo_determined", "campaign", campaign.name,
                    courts={court: {"cases": len(numbers), "fields": fields}
                            for court, numbers in numbers_by_court(entry.case for entry in chosen).items()})  # fmt: skip


def _casework(campaign: Campaign, today: date) -> None:
    """A referral for each case waiting on the committee (the first decided), an appraisal for each waiting on
    one (the first overdue)."""
    pending = entries_of(campaign).filter(case__closed_on__isnull=True).order_by("id")
    for index, entry in enumerate(pending.filter(reason=Reason.COMMITTEE)[:4]):
        referral = do_refer(entry, body=Referral.Body.COMMITTEE if index % 2 == 0 else Referral.Body.JUDGES_MEETING,
                            referred_on=today - timedelta(days=20 - index * 4), referred_by=entry.responsible or "承办法官",
                            scheduled_on=today + timedelta(days=7), today=today)  # fmt: skip
        if index == 0:
            do_update_referral(referral, {"held_on": today - timedelta(days=3), "decided_on": today - timedelta(days=3),
                                          "outcome": "维持合议庭意见，限期宣判"}, today=today)  # fmt: skip
    for index, entry in enumerate(pending.filter(reason=Reason.APPRAISAL)[:4]):
        requested = today - timedelta(days=70 - index * 20)  # due 10 days ago (overdue), in 10, 30, 50 days
        do_request_appraisal(entry, agency="庆阳市司法鉴定中心", requested_on=requested,
                             due_on=requested + timedelta(days=60), today=today)  # fmt: skip


def _supervise(campaign: Campaign, today: date) -> None:
    """A weekly supervision list to every court with cases in scope; a phone reminder, then a letter, to the court
    that lags most."""
    entries = list(entries_of(campaign))
    report = campaign_report(campaign, today, entries)
    for row in report.by_court:
        do_record_supervision(campaign, court_code=row.court_code, kind=SupervisionAction.Kind.WEEKLY_SUPERVISION,
                              on=today - timedelta(days=7), by="审管办")  # fmt: skip
    # The basic courts' ranking (qingji.campaigns.ranking): the last of them is supervised, never a court by itself.
    groups = ranked_groups(campaign, campaign_counts(campaign), today)
    lagging = [s for group in groups if not group.court_code for s in group.standings if s.next_step]
    if not lagging:
        return
    last = lagging[-1].court_code
    do_record_supervision(campaign, court_code=last, kind=SupervisionAction.Kind.PHONE, on=today - timedelta(days=5),
                          by="审管办", to="分管副院长", agreed="一周内报送未结案件化解计划")  # fmt: skip
    do_record_supervision(campaign, court_code=last, kind=SupervisionAction.Kind.LETTER, on=today - timedelta(days=1),
                          by="审管办", to="院长", agreed="十日内报送整改情况", follow_up=today + timedelta(days=10))  # fmt: skip
