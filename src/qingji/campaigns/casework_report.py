"""What the casework pages and commands read on a date: a campaign's referrals with how long they wait, its
appraisals overdue first, and its look-back reviews — over the cases of the campaign the reader may see."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from qingji.campaigns.lookback import qualifying, task_of
from qingji.campaigns.models import Appraisal, Campaign, CampaignCase, LookBack, Referral
from qingji.cases.models import Case
from qingji.core.casework import WaitSummary, days_overdue, referral_open, summarize_waits, waiting_days


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class ReferralRow:
    referral: Referral
    open: bool  # undecided on the as-of date
    waiting_days: int  # to the decision, or to the as-of date while open

    def as_json(self) -> dict[str, object]:
        r = self.referral
        return {"id": r.pk, "case_number": r.entry.case.case_number, "court_code": r.entry.case.court_code,
                "body": r.body, "referred_on": r.referred_on.isoformat(), "referred_by": r.referred_by,
                "scheduled_on": _iso(r.scheduled_on), "held_on": _iso(r.held_on), "outcome": r.outcome,
                "decided_on": _iso(r.decided_on), "open": self.open, "waiting_days": self.waiting_days}  # fmt: skip


def referral_row(referral: Referral, as_of: date) -> ReferralRow | None:
    days = waiting_days(referral.referred_on, referral.decided_on, as_of)
    if days is None:
        return None
    return ReferralRow(referral, referral_open(referral.referred_on, referral.decided_on, as_of), days)


def referral_rows(referrals: Iterable[Referral], as_of: date) -> list[ReferralRow]:
    """The referrals made by ``as_of``: the open ones first, the longest waiting first."""
    rows = [row for row in (referral_row(referral, as_of) for referral in referrals) if row is not None]
    return sorted(rows, key=lambda row: (not row.open, -row.waiting_days, row.referral.referred_on))


def summary_of(rows: Iterable[ReferralRow], as_of: date) -> WaitSummary:
    return summarize_waits(((row.referral.referred_on, row.referral.decided_on) for row in rows), as_of)


def by_court(rows: list[ReferralRow], as_of: date) -> list[tuple[str, WaitSummary]]:
    courts = sorted({row.referral.entry.case.court_code for row in rows})
    return [
        (code, summary_of((row for row in rows if row.referral.entry.case.court_code == code), as_of))
        for code in courts
    ]


@dataclass(frozen=True)
class AppraisalRow:
    appraisal: Appraisal
    overdue_days: int | None  # days past the due date on the as-of date; None when not overdue
    received: bool  # the opinion received by the as-of date

    def as_json(self) -> dict[str, object]:
        a = self.appraisal
        return {"id": a.pk, "case_number": a.entry.case.case_number, "court_code": a.entry.case.court_code,
                "agency": a.agency, "requested_on": a.requested_on.isoformat(), "due_on": a.due_on.isoformat(),
                "received_on": _iso(a.received_on), "note": a.note, "overdue": self.overdue_days is not None,
                "overdue_days": self.overdue_days}  # fmt: skip


def _appraisal_row(a: Appraisal, as_of: date) -> AppraisalRow:
    received = a.received_on is not None and a.received_on <= as_of
    return AppraisalRow(a, days_overdue(a.requested_on, a.due_on, a.received_on, as_of), received)


def appraisal_rows(appraisals: Iterable[Appraisal], as_of: date) -> list[AppraisalRow]:
    """The appraisals requested by ``as_of``: overdue first (the longest overdue first), then the ones still
    outstanding by due date, then those received."""
    rows = [_appraisal_row(a, as_of) for a in appraisals if a.requested_on <= as_of]
    return sorted(rows, key=lambda row: (row.overdue_days is None, row.received, -(row.overdue_days or 0),
                                         row.appraisal.due_on))  # fmt: skip


@dataclass(frozen=True)
class LookBackRow:
    entry: CampaignCase
    task: LookBack | None  # None: due a review, no task opened yet
    done: bool  # the finding recorded by the as-of date

    @property
    def state(self) -> str:
        return "done" if self.done else "open" if self.task is not None else "to_open"

    def as_json(self) -> dict[str, object]:
        case, task = self.entry.case, self.task
        return {"case_number": case.case_number, "court_code": case.court_code, "filed_on": case.filed_on.isoformat(),
                "closed_on": _iso(case.closed_on), "state": self.state,
                "opened_on": _iso(task.opened_on) if task else None,
                "reviewed_on": _iso(task.reviewed_on) if task else None, "reviewer": task.reviewer if task else "",
                "finding": task.finding if task else "", "verdict": task.verdict if task else "",
                "problem": task.problem if task else ""}  # fmt: skip


def lookback_row(entry: CampaignCase, as_of: date) -> LookBackRow:
    task = task_of(entry)
    done = task is not None and task.reviewed_on is not None and task.reviewed_on <= as_of
    return LookBackRow(entry, task, done)


def lookback_rows(campaign: Campaign, as_of: date, cases: QuerySet[Case] | None = None) -> list[LookBackRow]:
    """The campaign's cases due a look-back on ``as_of``: the ones without a task, then the open tasks, then the
    done ones, each by court and closing date."""
    rows = [lookback_row(entry, as_of) for entry in qualifying(campaign, as_of, cases)]
    order = {"to_open": 0, "open": 1, "done": 2}
    return sorted(
        rows, key=lambda row: (order[row.state], row.entry.case.court_code, row.entry.case.closed_on)
    )


def campaign_referrals(campaign: Campaign, cases: QuerySet[Case] | None = None) -> QuerySet[Referral]:
    found = Referral.objects.filter(entry__campaign=campaign).select_related("entry__case")
    return found.filter(entry__case__in=cases) if cases is not None else found


def campaign_appraisals(campaign: Campaign, cases: QuerySet[Case] | None = None) -> QuerySet[Appraisal]:
    found = Appraisal.objects.filter(entry__campaign=campaign).select_related("entry__case")
    return found.filter(entry__case__in=cases) if cases is not None else found
