"""The demo's campaign: a half-year clearance begun two months ago, so that the campaign pages have something
to show on a fresh demo (issue 4; DESIGN.md §1)."""

from __future__ import annotations

from datetime import date, timedelta

from qingji.campaigns.actions import do_create_campaign
from qingji.campaigns.models import Campaign

DEMO_CAMPAIGN = "半年清积（演示）"


def ensure_demo_campaign(today: date) -> Campaign:
    """The demo campaign, created on the first run: cases of every court pending two months ago and older than
    six months then, to be cleared four months from today."""
    existing = Campaign.objects.filter(name=DEMO_CAMPAIGN).first()
    if existing is not None:
        return existing
    start = today - timedelta(days=61)
    return do_create_campaign(
        DEMO_CAMPAIGN, start=start, target=start + timedelta(days=182), older_than_months=6
    )
