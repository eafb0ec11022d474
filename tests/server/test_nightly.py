"""The nightly snapshot: when it runs, and that it refreshes only a stale snapshot."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from qingji.cases.models import Case, CaseState
from qingji.cases.snapshot import changed_since_snapshot, snapshot_date
from qingji.server.nightly import next_run, refresh_if_stale

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_next_run_is_the_coming_two_oclock() -> None:
    assert next_run(datetime(2026, 11, 27, 1, 59, tzinfo=SHANGHAI)) == datetime(
        2026, 11, 27, 2, 0, tzinfo=SHANGHAI
    )
    assert next_run(datetime(2026, 11, 27, 2, 0, tzinfo=SHANGHAI)) == datetime(
        2026, 11, 28, 2, 0, tzinfo=SHANGHAI
    )
    assert next_run(datetime(2026, 12, 31, 23, 0, tzinfo=SHANGHAI)) == datetime(
        2027, 1, 1, 2, 0, tzinfo=SHANGHAI
    )
    assert next_run(datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI), time(21, 30)) == datetime(
        2026, 11, 27, 21, 30, tzinfo=SHANGHAI
    )


@pytest.mark.django_db
def test_a_stale_snapshot_is_refreshed_once() -> None:
    Case.objects.create(
        case_number="（2024）甘1002民初1号",
        court_code="甘1002",
        type_code="民初",
        procedure="ordinary",
        filed_on=date(2024, 3, 1),
    )
    assert snapshot_date() is None
    assert refresh_if_stale(date(2024, 6, 1)) is True
    assert snapshot_date() == date(2024, 6, 1)
    assert refresh_if_stale(date(2024, 6, 1)) is False  # already today's
    assert refresh_if_stale(date(2024, 6, 2)) is True
    assert CaseState.objects.get().as_of == date(2024, 6, 2)


@pytest.mark.django_db
def test_cases_without_any_snapshot_are_noticed() -> None:
    assert not changed_since_snapshot()  # nothing at all
    Case.objects.create(case_number="（2024）甘1002民初1号", court_code="甘1002", type_code="民初",
                        procedure="ordinary", filed_on=date(2024, 3, 1))  # fmt: skip
    assert changed_since_snapshot()
