"""The statistics page over the seven cases of conftest.py, on the snapshot's date 2024-12-31 (the period from
2024-01-01, compared with 2023-12-31), figures checked by hand:

甘1002: pending 5 (民初1–5号), on 2023-12-31 2 (3号, 4号): +150%; filed in 2024: 1, 2, 5, 6号 = 4; closed 6号 on
2024-05-01 after 112 days, in time: 结收比 25%, 审限内结案率 100%; over the period 2, 3, 4号 = 3; over 12 months
3, 4号 = 2 (over 24 months 4号 only). 甘1027: pending 1, filed 1, closed 0, over the period 1.
Scores (weights 40/30/20/10): 甘1002 = 40×1 + 30×0.25 + 20×(1 − 2/5) + 10×(1 − 3/5) = 63.5; 甘1027 has no on-time
rate, so (30×0 + 20×1 + 10×0) ÷ 60 × 100 = 33.33.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from qingji.cases.models import Case, Snapshot
from qingji.cases.selectors import visible_cases
from qingji.cases.statistics import database_statistics
from qingji.courts.models import Person, Role
from qingji.site.in_force import forget_site_settings

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def test_the_measures_on_the_snapshot_date_are_read_from_the_stored_states(login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    response = client.get("/stats/")
    assert response.status_code == 200
    context = response.context
    assert context["from_snapshot"] is True
    s = context["statistics"]
    assert (s.as_of, s.compare, s.since) == (date(2024, 12, 31), date(2023, 12, 31), date(2024, 1, 1))
    court = {m.court_code: m for m in s.by_court}
    xf = court["甘1002"]
    assert (xf.pending, xf.pending_compare, xf.pending_change) == (5, 2, 1.5)
    assert (xf.filed, xf.closed, xf.closed_to_filed, xf.on_time_rate) == (4, 1, 0.25, 1.0)
    assert (xf.average_days, xf.overdue) == (112.0, 3)
    assert xf.long_pending == {12: 2, 18: 2, 24: 1, 36: 0}
    zn = court["甘1027"]
    assert (zn.pending, zn.filed, zn.closed, zn.closed_to_filed, zn.on_time_rate, zn.overdue) == (
        1,
        1,
        0,
        0.0,
        None,
        1,
    )
    assert (s.overall.pending, s.overall.pending_compare, s.overall.pending_change) == (6, 2, 2.0)
    assert [(score.rank, score.court_code, score.score) for score in s.court_scores] == [
        (1, "甘1002", 63.5),
        (2, "甘1027", 33.33),
    ]
    text = response.content.decode()
    assert (
        "+200.00%" in text and "+150.0%" in text
    )  # the changes, overall and 甘1002's, as signed percentages
    assert "63.50" in text and "33.33" in text
    assert 'name="as_of" value="2024-12-31"' in text  # the date in use is shown in the form
    assert "未结超过 12个月" in text


def test_another_date_is_computed_from_the_cases_and_agrees_with_the_stored_states(login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    stored = client.get("/stats/").context
    other = client.get("/stats/?as_of=2024-06-30").context
    assert other["from_snapshot"] is False
    assert other["statistics"].overall.pending == 4  # 甘1002 2, 3, 4号 (6号 closed on 05-01) and 甘1027 1号
    # Computed afresh on the snapshot's own date, every figure equals those read from the stored states.
    Snapshot.objects.all().delete()
    computed = database_statistics(visible_cases(stored["person"]), date(2024, 12, 31))
    assert computed.from_snapshot is False
    assert computed.statistics == stored["statistics"]


def test_a_case_imported_after_the_snapshot_sends_the_page_to_compute(login: Login) -> None:
    Case.objects.create(case_number="（2024）甘1027民初9号", court_code="甘1027", type_code="民初",
                        procedure="ordinary", judge="赵磊", filed_on=date(2024, 12, 1))  # fmt: skip
    response = login("甘10", Role.TRIAL_MANAGEMENT).get("/stats/")
    assert response.context["from_snapshot"] is False
    assert {m.court_code: m.pending for m in response.context["statistics"].by_court}["甘1027"] == 2


def test_a_court_user_counts_their_court_and_a_judge_their_own_cases(login: Login) -> None:
    court = login("甘1027", Role.PRESIDENT).get("/stats/").context
    assert [m.court_code for m in court["statistics"].by_court] == ["甘1027"]
    assert court["court"] == "甘1027"  # one court: its judges are shown at once
    assert [(s.judge, s.rank) for s in court["judges"]] == [("赵磊", 1)]
    judge = login("甘1002", Role.JUDGE, name="张伟").get("/stats/").context["statistics"]
    assert (judge.overall.pending, judge.overall.filed, judge.overall.closed) == (3, 3, 1)


def test_judges_are_ranked_within_the_chosen_court(login: Login) -> None:
    context = login("甘10", Role.TRIAL_MANAGEMENT).get("/stats/?court=甘1002").context
    # 张伟: 40×1 + 30×(1/3) + 20×(2/3) + 10×(2/3) = 70.0 (inputs rounded to four places);
    # 李娜: no closing, so (30×0 + 20×0.5 + 10×0) ÷ 60 × 100 = 16.67.
    assert [(s.rank, s.judge, s.score) for s in context["judges"]] == [(1, "张伟", 70.0), (2, "李娜", 16.67)]


def test_other_weights_can_be_tried_on_the_page(login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    context = client.get("/stats/?w_on_time_rate=0").context
    scores = {s.court_code: s.score for s in context["statistics"].court_scores}
    # 甘1002 without the on-time rate: (30×0.25 + 20×0.6 + 10×0.4) ÷ 60 × 100 = 39.17; 甘1027 as before.
    assert scores == {"甘1002": 39.17, "甘1027": 33.33}
    refused = client.get(
        "/stats/?w_on_time_rate=0&w_closed_to_filed=0&w_long_pending_share=0&w_overdue_share=0"
    )
    assert refused.status_code == 200
    assert "at least one weight" in refused.content.decode() or "权重不能全为 0" in refused.content.decode()
    negative = client.get("/stats/?w_on_time_rate=-5").context
    assert negative["form"].errors  # the form refuses it; the configured weights are used
    assert {s.court_code: s.score for s in negative["statistics"].court_scores}["甘1002"] == 63.5


def test_the_page_is_complete_in_english(login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    client.cookies["django_language"] = "en"
    text = client.get("/stats/").content.decode()
    assert (
        "Court statistics" in text
        and "Closed within the trial period" in text
        and "Age of active pending" in text
    )
    assert "审限内结案率" not in text


def test_the_page_needs_a_login(client: Client, login: Login) -> None:
    assert client.get("/stats/").status_code == 302


def test_the_nightly_run_computes_the_court_wide_views_ahead(
    login: Login, make_user: Callable[..., Person], monkeypatch: pytest.MonkeyPatch
) -> None:
    from qingji.cases import statistics

    make_user("zn-yz", name="院长", court_code="甘1027", role=Role.PRESIDENT)
    make_user("zn-fy", name="副院长", court_code="甘1027", role=Role.VICE_PRESIDENT)  # the same courts: once
    make_user("xf-fg", name="张伟", court_code="甘1002", role=Role.JUDGE)  # some cases only: not ahead
    office = login("甘10", Role.TRIAL_MANAGEMENT)  # sees 甘10 and the courts below it
    assert statistics.warm_statistics(date(2024, 12, 31)) == 2

    def not_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("computed again")

    monkeypatch.setattr(statistics, "court_statistics", not_again)
    assert office.get("/stats/").context["statistics"].overall.pending == 6  # from the cache
    president = login("甘1027", Role.PRESIDENT)  # another president of 甘1027: the same courts, the same view
    assert president.get("/stats/").context["statistics"].overall.pending == 1
    with pytest.raises(AssertionError, match="computed again"):
        login("甘1002", Role.JUDGE, name="张伟").get("/stats/")


def test_a_bad_settings_file_is_shown_and_the_defaults_used(
    login: Login, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "measures.toml"
    bad.write_text("[weights]\nspeed = 3\n", encoding="utf-8")
    monkeypatch.setenv("QINGJI_MEASURES", str(bad))
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    forget_site_settings()  # read at a process's start: as if the server started with this file
    response = client.get("/stats/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "统计设置文件有误" in text and "weights.speed" in text
    assert {s.court_code: s.score for s in response.context["statistics"].court_scores}["甘1002"] == 63.5
