"""What the halves of an import share (:mod:`.import_cases` for the cases, :mod:`.import_events` for the events):
loading existing rows into Polars without per-row queries, and writing audit records in bulk.

The audit records are made in Polars, their before and after as JSON text, and written a block of rows at a
time, so that no Python object per row is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import polars as pl
from django.db.models import Model

from qingji.audit.models import AuditRecord
from qingji.cases.bulk import db_stamp, insert_frame, table_frame
from qingji.cases.models import ImportRecord

# Values in one ``IN (...)`` list when loading existing rows by chunks (under SQLite's 999 of old versions).
LOOKUP_CHUNK = 900
# Audit records made and written at a time.
AUDIT_ROWS = 100_000


def load_rows(
    model: type[Model], schema: dict[str, pl.DataType], key: str, wanted: Sequence[Any]
) -> pl.DataFrame:
    """The rows of ``model`` whose ``key`` is in ``wanted``, the columns of ``schema`` (attribute names): the whole
    table at once when ``wanted`` covers much of it (the caller keeps the rows it wants), else chunk by chunk."""
    total = model._default_manager.count() if wanted else 0
    if total == 0:
        return pl.DataFrame(schema=schema)
    if total <= 4 * len(wanted):
        return table_frame(model, schema)
    data: list[tuple[Any, ...]] = []
    for start in range(0, len(wanted), LOOKUP_CHUNK):
        chunk = model._default_manager.filter(**{f"{key}__in": wanted[start : start + LOOKUP_CHUNK]})
        data.extend(chunk.values_list(*schema))
    return pl.DataFrame(data, schema=schema, orient="row")


class Audits:
    """The audit records of one import: every one linked to its ImportRecord, by its actor, at one moment."""

    def __init__(self, record: ImportRecord, actor: Any, now: datetime) -> None:
        self.record = record
        self.now = now
        self.columns = (
            pl.lit(db_stamp(now)).alias("at"),
            pl.lit(getattr(actor, "pk", None), dtype=pl.Int64).alias("actor_id"),
            pl.lit(record.pk, dtype=pl.Int64).alias("import_record_id"),
        )

    def write(
        self,
        action: str,
        object_type: str,
        rows: pl.DataFrame,
        before: pl.Expr | None,
        after: pl.Expr | None,
    ) -> None:
        """An audit record per row of ``rows`` (with its ``case_number`` and ``court_code``): ``before`` and
        ``after`` are JSON text expressions over its columns (None: no value). Made and written a block of rows
        at a time."""
        for part in rows.iter_slices(AUDIT_ROWS):
            insert_frame(
                AuditRecord,
                part.select(
                    *self.columns,
                    pl.lit(action).alias("action"),
                    pl.lit(object_type).alias("object_type"),
                    pl.col("case_number").alias("object_id"),
                    pl.col("court_code").fill_null("").alias("court_code"),
                    (pl.lit(None, dtype=pl.String) if before is None else before).alias("before"),
                    (pl.lit(None, dtype=pl.String) if after is None else after).alias("after"),
                ),
            )


def json_object(columns: Sequence[pl.Expr]) -> pl.Expr:
    """A JSON object of ``columns`` (by their names; dates as ISO text)."""
    return pl.struct(*columns).struct.json_encode()


def json_changed(names: Sequence[str], differs: Sequence[pl.Expr], suffix: str) -> pl.Expr:
    """A JSON object of the fields ``names`` whose ``differs`` is true, their values from the columns
    ``name + suffix``: what an update changed, before (suffix ``_db``) or after (no suffix)."""
    members = [
        pl.when(changed).then(
            json_object([pl.col(f"{name}{suffix}").alias(name)]).str.strip_prefix("{").str.strip_suffix("}")
        )
        for name, changed in zip(names, differs, strict=True)
    ]
    return pl.concat_str([pl.lit("{"), pl.concat_str(members, separator=",", ignore_nulls=True), pl.lit("}")])
