"""The counts the pages read from the snapshot's stored counts equal what the states themselves give.

A court-wide user's summary and ledger counts come from StateCount; a judge's are counted live. Both are
checked here against the states, for every filter the ledger offers.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

import pytest

from qingji.cases.models import Case, CaseState, Snapshot, StateCount
from qingji.cases.snapshot import database_ledger, do_snapshot
from qingji.core.vocabulary import AgeBucket, Status
from qingji.courts.actions import do_grant
from qingji.courts.models import Person, Role
from qingji.engine.summary import summarise
from qingji.web.queries import ALL, CLOSED, PENDING, SUMMARY_KEYS, LedgerFilters, LedgerRows, ledger, summary

pytestmark = pytest.mark.django_db
MakeUser = Callable[..., Person]
AS_OF = date(2024, 12, 31)  # the snapshot date of conftest.py

STATUSES = [PENDING, CLOSED, ALL, *(status.value for status in Status)]
BUCKETS = ["", *(bucket.value for bucket in AgeBucket)]
COURTS = ["", "甘1002", "甘1027", "甘1021"]


def every_filter() -> list[LedgerFilters]:
    return [
        LedgerFilters(court, status, bucket)
        for court, status, bucket in itertools.product(COURTS, STATUSES, BUCKETS)
    ]


def test_stored_counts_equal_the_states(make_user: MakeUser) -> None:
    office = make_user("office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    for filters in every_filter():
        rows = LedgerRows(office, filters)
        assert rows.count() == ledger(office, filters).count(), filters
    assert (
        sum(StateCount.objects.filter(warning="").values_list("cases", flat=True))
        == CaseState.objects.count()
        == 7
    )
    assert Snapshot.objects.get().as_of == AS_OF


def test_a_judges_live_counts_equal_their_states(make_user: MakeUser) -> None:
    judge = make_user("zw", name="张伟", court_code="甘1002", role=Role.JUDGE)
    do_grant("zw", court_code="甘1002", judge="李娜")
    for filters in every_filter():
        states = CaseState.objects.filter(case__court_code="甘1002", case__judge__in=["张伟", "李娜"])
        expected = states.filter(filters.state_filter()).count()
        assert LedgerRows(judge, filters).count() == expected, filters


def test_the_summary_equals_the_engines_summary_of_the_same_ledger(make_user: MakeUser) -> None:
    office = make_user("office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    engine = summarise(database_ledger(AS_OF)).to_dicts()
    by_court = {row["court_code"]: row for row in engine}
    page = summary(office)
    assert [row.code for row in page.rows] == sorted(["甘10", "甘1002", "甘1027"])
    for row in page.rows:
        expected = by_court.get(row.code, dict.fromkeys(SUMMARY_KEYS, 0))
        assert row.counts == [expected[key] for key in SUMMARY_KEYS], row.code
    assert page.total.counts == [by_court["合计"][key] for key in SUMMARY_KEYS]
    assert page.as_of == AS_OF


def test_pages_of_the_ledger_follow_one_another_without_gaps(make_user: MakeUser) -> None:
    Case.objects.bulk_create(
        Case(case_number=f"（2024）甘1002民初{n}号", court_code="甘1002", type_code="民初", judge="王",
             filed_on=date(2024, 1, 1) + (date(2024, 9, 1) - date(2024, 1, 1)) * (n % 7) / 7)
        for n in range(100, 350)
    )  # fmt: skip
    do_snapshot(AS_OF)
    office = make_user("office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    filters = LedgerFilters(status=ALL)
    rows = LedgerRows(office, filters)
    pages = [rows[start : start + 100] for start in range(0, rows.count(), 100)]
    listed = [state.case.case_number for page in pages for state in page]
    assert len(listed) == rows.count() == Case.objects.count() == 257
    expected = CaseState.objects.order_by("ledger_order").values_list("case__case_number", flat=True)
    assert listed == list(expected)
    assert [state.case.case_number for state in rows] == listed  # iterating reads the same order
    assert rows[0].case.case_number == listed[0] and rows[256].case.case_number == listed[-1]
    # pending before closed, each by expiry
    keys = [(state.age_bucket == "", state.expiry or date.max) for page in pages for state in page]
    assert keys == sorted(keys)


def test_counts_of_an_empty_database_are_zero(make_user: MakeUser) -> None:
    office = make_user("office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    CaseState.objects.all().delete()
    StateCount.objects.all().delete()
    assert LedgerRows(office, LedgerFilters()).count() == 0
    assert summary(office).total.counts == [0] * len(SUMMARY_KEYS)


def test_a_live_ledger_read_once_lists_what_counting_and_listing_list(
    make_user: MakeUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A judge's ledger and a searched number have their keys read once (up to LedgerRows.LIVE_KEYS); over that
    they are counted, then listed page by page: both give the same count and the same rows in the same order."""
    Case.objects.bulk_create(
        Case(case_number=f"（2024）甘1002民初{n}号", court_code="甘1002", type_code="民初", judge="张伟",
             filed_on=date(2024, 1, 1) + (date(2024, 9, 1) - date(2024, 1, 1)) * (n % 7) / 7)
        for n in range(100, 330)
    )  # fmt: skip
    do_snapshot(AS_OF)
    judge = make_user("zw", name="张伟", court_code="甘1002", role=Role.JUDGE)
    office = make_user("office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT)
    asked = [(judge, LedgerFilters(status=ALL)), (judge, LedgerFilters()), (office, LedgerFilters(q="民初2")),
             (office, LedgerFilters(status=ALL, q="民初1"))]  # fmt: skip

    def read(person: Person, filters: LedgerFilters) -> tuple[int, list[str], bool]:
        rows = LedgerRows(person, filters)
        pages = [rows[start : start + 100] for start in range(0, rows.count(), 100)]
        return (
            rows.count(),
            [state.case.case_number for page in pages for state in page],
            rows.keys is not None,
        )

    once = [read(person, filters) for person, filters in asked]
    monkeypatch.setattr(LedgerRows, "LIVE_KEYS", 10)
    counted = [read(person, filters) for person, filters in asked]
    assert [found[:2] for found in once] == [found[:2] for found in counted]
    assert [found[2] for found in once] == [True] * 4 and [found[2] for found in counted] == [False] * 4
    for (person, filters), (count, listed, _) in zip(asked, once, strict=True):
        expected = ledger(person, filters).values_list("case__case_number", flat=True)
        assert listed == list(expected) and count == len(listed) > 10, filters


def test_a_judges_ledger_follows_a_case_given_to_another_judge(make_user: MakeUser) -> None:
    """A judge's states are found by the judge the states carry (along their index): once the snapshot that
    follows an import has run, a case given to another judge leaves the first judge's ledger and enters the
    other's."""
    zhang = make_user("zw", name="张伟", court_code="甘1002", role=Role.JUDGE)
    li = make_user("ln", name="李娜", court_code="甘1002", role=Role.JUDGE)
    moved = Case.objects.filter(court_code="甘1002", judge="张伟").order_by("case_number").first()
    assert moved is not None

    def listed(person: Person) -> set[str]:
        rows = LedgerRows(person, LedgerFilters(status=ALL))
        return {state.case.case_number for state in rows}

    assert moved.case_number in listed(zhang) and moved.case_number not in listed(li)
    Case.objects.filter(pk=moved.pk).update(judge="李娜")
    do_snapshot(AS_OF)  # as every import does after changing cases
    assert moved.case_number not in listed(zhang) and moved.case_number in listed(li)
    assert listed(li) == set(
        Case.objects.filter(court_code="甘1002", judge="李娜").values_list("case_number", flat=True)
    )
