"""The database's cases and events as Polars frames, as the engine reads them (the snapshot, `qingji ledger`).

A million rows through Django's value conversions take about ten seconds; read through the cursor and typed by
Polars they take about three. The queries are Django's own (``sql_with_params``), so table and column names stay
the models'. Events withdrawn by a later export (:mod:`.import_events`) are not read: they are no longer counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import polars as pl
from django.db import connection, transaction
from django.db.models import QuerySet

from qingji.cases.models import Case, CaseEvent
from qingji.engine.facts import CASE_SCHEMA, EVENT_SCHEMA

_CASE_FIELDS = ("case_number", "court_code", "type_code", "procedure", "filed_on", "closed_on", "in_custody")
_PASSTHROUGH = ("cause", "judge", "division")
# What the integrity checks read besides (qingji.integrity): how a case was closed, its parties, the court
# system's own expiry.
_INTEGRITY_FIELDS = {"closure_method": pl.String, "parties": pl.String, "cms_expiry": pl.Date}
_EVENT_FIELDS = (
    "case__case_number", "event", "kind", "procedure", "start", "end", "length_months", "length_days",
    "approved_by", "approved_on", "id",
)  # fmt: skip
CHUNK_ROWS = 100_000


def frames_from_database(
    chosen: QuerySet[Case] | None = None, *, integrity: bool = False
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(cases, events) as the engine reads them, from the database: every case, or the ``chosen`` ones; with
    ``integrity``, the cases also with what the integrity checks read (closure method, parties, the court
    system's expiry)."""
    cases, events = frames_with_ids(chosen, integrity=integrity)
    return cases.drop("case_id"), events


def frames_with_ids(
    chosen: QuerySet[Case] | None = None, *, integrity: bool = False
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(cases, events), the cases in id order with their database id as ``case_id``: every case, or the
    ``chosen`` ones and their events (with ``integrity``, the columns the integrity checks read as well)."""
    extra = _INTEGRITY_FIELDS if integrity else {}
    case_schema = {**CASE_SCHEMA, **dict.fromkeys(_PASSTHROUGH, pl.String), **extra, "case_id": pl.Int64}
    selection = Case.objects.all() if chosen is None else chosen
    # An event a later export withdrew is kept for the case's history but no longer counted (import_events).
    counted = CaseEvent.objects.filter(withdrawn_at__isnull=True)
    events = counted if chosen is None else counted.filter(case__in=chosen)
    with consistent_read():  # an import between the two reads must not give events without their case
        cases = read_frame(
            selection.order_by("id").values_list(*_CASE_FIELDS, *_PASSTHROUGH, *extra, "id"), case_schema
        ).with_columns(pl.col("procedure", *(k for k in extra if k != "cms_expiry")).replace("", None))
        event_frame = read_frame(
            events.order_by("id").values_list(*_EVENT_FIELDS), EVENT_SCHEMA
        ).with_columns(pl.col("kind", "procedure", "approved_by").replace("", None))
    return cases, event_frame


@contextmanager
def consistent_read() -> Iterator[None]:
    """Reads that see the database as it was at their first query, whatever commits meanwhile: at REPEATABLE READ
    on PostgreSQL (whose default, READ COMMITTED, sees every commit between two queries); in one deferred read
    transaction on SQLite, which in WAL mode reads one snapshot and, unlike the database's IMMEDIATE transactions,
    holds no write lock (an import or a page's audit record is not kept waiting). Within a transaction already
    begun, its own isolation holds."""
    if connection.in_atomic_block:
        yield
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
            try:
                yield
            finally:
                cursor.execute("COMMIT")  # nothing was written: this ends the read
    else:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield


def read_frame(queryset: QuerySet[Any, Any], schema: dict[str, Any]) -> pl.DataFrame:
    """The rows of a ``values_list`` queryset as a frame with ``schema`` (column names in the same order)."""
    sql, params = queryset.query.sql_with_params()
    chunks = []
    with connection.cursor() as cursor:  # dates and booleans arrive typed (Django's SQLite converters too)
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK_ROWS):
            chunks.append(pl.DataFrame(rows, schema=schema, orient="row"))
    return pl.concat(chunks) if chunks else pl.DataFrame(schema=schema)
