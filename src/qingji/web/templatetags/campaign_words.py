"""How the campaign pages write a court's days against its plan and its target: "ahead of plan by N days" rather
than a negative "behind" (web/campaign_labels.py)."""

from __future__ import annotations

from typing import Any

from django import template

from qingji.web import labels as lb
from qingji.web.choice_labels import choice_label

register = template.Library()


def _days_in_words(days: int | None, positive: str, negative: str, zero: str) -> str:
    """A count of days in words by its sign (the label ``positive`` or ``negative`` with the days, or ``zero``);
    "—" when there is none."""
    if days is None:
        return "—"
    if days == 0:
        return lb.text(zero)
    return lb.text(positive if days > 0 else negative).format(days=abs(days))


@register.filter
def plan_days(behind: int | None) -> str:
    """Days behind the countdown plan in words: 落后计划 N 天, 提前计划 N 天, or 按计划."""
    return _days_in_words(behind, "plan_behind_days", "plan_ahead_days", "plan_on_time")


@register.filter
def target_days(days_ahead: int | None) -> str:
    """A finished court's days before the target in words: 提前 N 天, 按期, or 逾期 N 天; "—" when not finished."""
    return _days_in_words(days_ahead, "target_ahead_days", "target_late_days", "target_on_day")


@register.filter
def rank_of(court: Any) -> str:
    """A court's place among the courts ranked with it (第 2 名 / 共 8 院); "—" for a court not ranked (one above
    the basic courts: its divisions are ranked)."""
    if getattr(court, "standing", None) is None:
        return "—"
    return lb.text("rank_of").format(rank=court.standing.rank, count=court.ranked)


@register.filter
def kind_label(code: str) -> str:
    """A kind of supervision in words ("—" when none)."""
    return choice_label("supervision_kind", code) if code else "—"


@register.filter
def reason_label(code: str) -> str:
    """Why a case is unresolved, in words ("" when not given)."""
    return choice_label("reason", code) if code else ""
