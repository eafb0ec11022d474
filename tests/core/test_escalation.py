"""Ranking and the escalation ladder, checked by hand."""

from __future__ import annotations

from datetime import date

from qingji.core.escalation import LADDER, next_rung, ranking, standings
from qingji.core.progress import Progress

TARGET = date(2023, 5, 31)


def row(code: str, in_scope: int, cleared: int) -> Progress:
    rate = round(cleared / in_scope, 4)
    return Progress(code, in_scope, cleared, in_scope - cleared, rate, None, TARGET, None, None)


def test_ranking_by_rate_then_remaining_then_code() -> None:
    rows = [row("甘1027", 5, 3), row("甘1002", 10, 6), row("甘1021", 5, 4), row("甘1022", 5, 3)]
    assert [r.court_code for r in ranking(rows)] == ["甘1021", "甘1022", "甘1027", "甘1002"]


def test_the_ladder_climbs_one_rung_at_a_time() -> None:
    assert next_rung([]) == "phone"
    assert next_rung(["bulletin", "phone"]) == "letter"
    assert next_rung(["letter"]) == "on_site"  # a rung skipped before still counts as climbed
    assert next_rung(["phone", "letter", "on_site"]) == "interview"
    assert next_rung(list(LADDER)) is None


def test_the_last_court_and_a_court_behind_plan_lag() -> None:
    rows = [row("甘1021", 5, 4), row("甘1022", 5, 3), row("甘1002", 10, 6)]
    result = {s.court_code: s for s in standings(rows, {"甘1022": 9, "甘1021": -4}, {"甘1002": ["phone"]})}
    assert result["甘1002"].rank == 3 and result["甘1002"].last and result["甘1002"].next_step == "letter"
    assert result["甘1022"].lagging and not result["甘1022"].last and result["甘1022"].next_step == "phone"
    assert not result["甘1021"].lagging and result["甘1021"].next_step is None


def test_a_finished_court_never_lags() -> None:
    rows = [row("甘1021", 5, 5), row("甘1022", 4, 4)]
    assert all(not s.lagging for s in standings(rows, {"甘1022": 3}, {}))
