"""The casework of a campaign's cases, on a date (DESIGN.md §1, issue 4 §2): how long referrals to the adjudication
committee (审委会) or the professional judges' meeting (专业法官会议) wait, which appraisals (鉴定) are overdue, and
which closed cases are due a look-back review (回头看). Pure Python.

Boundaries, on a date ``as_of`` (as for a campaign's progress, qingji.core.progress):

- a referral or an appraisal exists from the day it was made (``referred_on``, ``requested_on``); on an earlier
  date it is not counted at all;
- a referral waits from the day it was referred to the day it was decided, or to ``as_of`` while it is undecided
  on that date, counted as elapsed days are (C9: ``end − start`` in calendar days, the first day not counted): a
  referral decided the day it was made waited 0 days; a decision dated after ``as_of`` is ignored for that date;
- an appraisal is overdue on ``as_of`` when its due date is before ``as_of`` and its opinion had not been received
  by ``as_of`` (on its due date it is not yet overdue; received late, it is no longer overdue from that day);
- a case is due a look-back when it closed on or before ``as_of`` after having been pending over a year: gross
  time as for long-pending cases (C10), ``closed_on > add_months(filed_on, 12)``. A case closed exactly one year
  after it was filed (filed 2022-03-15, closed 2023-03-15) was pending one year, not over one year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from qingji.core.dates import add_months, days_between, older_than_cutoff

LOOKBACK_MONTHS = 12  # pending over a year (C10, gross) before closure: the case is reviewed (回头看)


def referral_open(referred_on: date, decided_on: date | None, as_of: date) -> bool:
    """Referred on or before ``as_of`` and not decided by then."""
    return referred_on <= as_of and (decided_on is None or decided_on > as_of)


def waiting_days(referred_on: date, decided_on: date | None, as_of: date) -> int | None:
    """Days from the referral to its decision, or to ``as_of`` while undecided; None before it was made."""
    if referred_on > as_of:
        return None
    end = decided_on if decided_on is not None and decided_on <= as_of else as_of
    return days_between(referred_on, end)


@dataclass(frozen=True)
class WaitSummary:
    """The referrals of a campaign (or of one court) on a date."""

    referrals: int  # made on or before as_of
    open: int  # of those, undecided on as_of
    decided: int  # referrals - open
    average_days: float | None  # the mean of all their waits (decided: to the decision; open: to as_of)
    longest_days: int | None  # the longest of those waits
    longest_open_days: int | None  # the longest wait of the open ones

    def as_json(self) -> dict[str, object]:
        return {
            "referrals": self.referrals,
            "open": self.open,
            "decided": self.decided,
            "average_days": self.average_days,
            "longest_days": self.longest_days,
            "longest_open_days": self.longest_open_days,
        }


def summarize_waits(referrals: Iterable[tuple[date, date | None]], as_of: date) -> WaitSummary:
    """The summary of ``(referred_on, decided_on)`` pairs on ``as_of``."""
    waits: list[int] = []
    open_waits: list[int] = []
    for referred_on, decided_on in referrals:
        days = waiting_days(referred_on, decided_on, as_of)
        if days is None:
            continue
        waits.append(days)
        if referral_open(referred_on, decided_on, as_of):
            open_waits.append(days)
    return WaitSummary(
        referrals=len(waits),
        open=len(open_waits),
        decided=len(waits) - len(open_waits),
        average_days=round(sum(waits) / len(waits), 1) if waits else None,
        longest_days=max(waits, default=None),
        longest_open_days=max(open_waits, default=None),
    )


def appraisal_overdue(requested_on: date, due_on: date, received_on: date | None, as_of: date) -> bool:
    """Requested by ``as_of``, due before it, and its opinion not received by it."""
    received = received_on is not None and received_on <= as_of
    return requested_on <= as_of and due_on < as_of and not received


def days_overdue(requested_on: date, due_on: date, received_on: date | None, as_of: date) -> int | None:
    """Days past the due date on ``as_of`` (the due date itself not counted); None when not overdue."""
    if not appraisal_overdue(requested_on, due_on, received_on, as_of):
        return None
    return days_between(due_on, as_of)


def pending_over_a_year(filed_on: date, closed_on: date) -> bool:
    """Closed after more than a year (C10, gross): ``closed_on > add_months(filed_on, 12)``."""
    return filed_on < older_than_cutoff(closed_on, LOOKBACK_MONTHS)


def lookback_due(filed_on: date, closed_on: date | None, as_of: date) -> bool:
    """Closed on or before ``as_of`` after more than a year pending: the case gets a look-back review."""
    return closed_on is not None and closed_on <= as_of and pending_over_a_year(filed_on, closed_on)


def one_year_after(filed_on: date) -> date:
    """The last closing date that is not yet "over a year" (``add_months(filed_on, 12)``)."""
    return add_months(filed_on, LOOKBACK_MONTHS)
