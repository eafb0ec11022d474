"""The engine's read of the database (cases, then events) sees one moment: what an import commits between the
two queries is not half seen (cases.frames.consistent_read)."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import polars as pl
import pytest
from django.db import connection, connections

from qingji.cases import frames
from qingji.cases.frames import frames_from_database
from qingji.cases.models import Case, CaseEvent


def case(number: str) -> Case:
    return Case.objects.create(case_number=number, court_code="甘1002", type_code="民初", procedure="ordinary",
                               filed_on=date(2024, 3, 1))  # fmt: skip


def interrupted(monkeypatch: pytest.MonkeyPatch, between: Any) -> None:
    """Run ``between`` in another thread (its own connection, committing) after the first of the two reads."""
    original = frames.read_frame
    calls: list[bool] = []

    def read(queryset: Any, schema: dict[str, Any]) -> pl.DataFrame:
        frame = original(queryset, schema)
        if not calls:
            calls.append(connection.in_atomic_block)

            def write() -> None:
                try:
                    between()
                finally:
                    connections.close_all()

            writer = threading.Thread(target=write)
            writer.start()
            writer.join()
        return frame

    monkeypatch.setattr(frames, "read_frame", read)


@pytest.mark.django_db(transaction=True)
def test_an_import_between_the_two_reads_is_not_half_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite's test database is in memory with a shared cache, where a writer waits for the reader"
        )
    first = case("（2024）甘1002民初1号")

    def import_more() -> None:
        case("（2024）甘1002民初2号")
        CaseEvent.objects.create(case=first, key="a", event="deduction", kind="鉴定", start=date(2024, 4, 1),
                                 end=date(2024, 4, 30))  # fmt: skip

    interrupted(monkeypatch, import_more)
    cases, events = frames_from_database()
    # Neither the new case nor the new event of the old one: the database as at the first read.
    assert cases.get_column("case_number").to_list() == ["（2024）甘1002民初1号"]
    assert events.height == 0
    monkeypatch.undo()
    cases, events = frames_from_database()
    assert (cases.height, events.height) == (2, 1)  # both, read again afterwards


@pytest.mark.django_db(transaction=True)
def test_both_reads_are_one_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    case("（2024）甘1002民初1号")
    seen: list[bool] = []
    original = frames.read_frame

    def read(queryset: Any, schema: dict[str, Any]) -> pl.DataFrame:
        if connection.vendor == "sqlite":  # a deferred transaction of its own, outside Django's atomic blocks
            seen.append(connection.connection.in_transaction and not connection.in_atomic_block)
        else:
            seen.append(connection.in_atomic_block)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW transaction_isolation")
                assert cursor.fetchone() == ("repeatable read",)
        return original(queryset, schema)

    monkeypatch.setattr(frames, "read_frame", read)
    frames_from_database()
    assert seen == [True, True]
    if connection.vendor == "sqlite":
        assert not connection.connection.in_transaction  # ended after the reads
