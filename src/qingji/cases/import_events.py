"""The events half of an import (issue 9, "Corrections in a later export"): an events file is the complete list.

When an events file comes with a cases file, it is the complete list of the events of every case of that cases
file (the reader refuses an event of a case the cases file does not have). Against what the database holds for
those cases, in Polars, with no per-row query:

- an event the file gives and the case has (same key: the SHA-256 of its content fields) is left as it is; a
  changed 备注 (the note is not part of the key) is updated and counted as a change;
- an event the file gives and the case does not have is added;
- an event the file gives that an earlier import withdrew is reinstated (``withdrawn_at`` and ``withdrawn_by``
  cleared), never added a second time;
- an event the case has (not withdrawn) that the file no longer gives is withdrawn: ``withdrawn_at`` is set to
  the import's moment and ``withdrawn_by`` to its ImportRecord. It is never deleted: it stays in the case's
  history and on the case page, and the engine no longer counts it (:mod:`.frames`).

A withdrawn event and an event added (or reinstated) for the same case are **one change** when they are the same
act corrected: the same 事项 and 类别 and, for an extension (延长审限), the same 批准日期 (an extension is the
decision of that day: its length, approver or start was corrected), for a deduction, conversion or restart the
same 开始日期 (its end, length or approval was corrected). When a case has several such events with one
approval or start date, they are paired in the order of their content. A change is audited once as
``event_changed``, its before and after holding the key, 事项 and 类别 and the fields that differ; the rest are
``event_added``, ``event_reinstated`` and ``event_withdrawn``. The counts: events added (new or reinstated
alone), changed (pairs and notes) and withdrawn (alone).

Without an events file the events are untouched: an export of cases alone corrects no event. A row given twice
in the file counts once. Importing the same files again changes nothing.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import polars as pl

from qingji.cases.bulk import db_stamp, insert_frame, update_frame
from qingji.cases.import_audit import Audits, json_changed, json_object, load_rows
from qingji.cases.models import CaseEvent
from qingji.core.events import EventType

if TYPE_CHECKING:
    from qingji.cases.imports import ImportOutcome

# The content of an event that makes its key; the note is not part of it (a changed note is the same event).
EVENT_KEY_FIELDS: tuple[str, ...] = (
    "event", "kind", "procedure", "start", "end", "length_months", "length_days", "approved_by", "approved_on",
)  # fmt: skip
EVENT_FIELDS: tuple[str, ...] = (*EVENT_KEY_FIELDS, "note")
_EVENT_TEXT_FIELDS = ("kind", "procedure", "approved_by", "note")
_SCHEMA: dict[str, pl.DataType] = {
    "case_number": pl.String(), "event": pl.String(), "kind": pl.String(), "procedure": pl.String(),
    "start": pl.Date(), "end": pl.Date(), "length_months": pl.Int32(), "length_days": pl.Int32(),
    "approved_by": pl.String(), "approved_on": pl.Date(), "note": pl.String(),
}  # fmt: skip
# What makes two events the same act, one corrected into the other (besides the case): see the module's text.
_ACT = ("case_id", "event", "kind", "anchor")
_OLD = "_old"  # the suffix of the withdrawn side's columns in a change


def event_frame(frame: pl.DataFrame | None) -> pl.DataFrame:
    """The events read, text null as empty, each with its ``key``; an event given twice for a case once."""
    if frame is None:
        return pl.DataFrame(schema={**_SCHEMA, "key": pl.String()})
    events = frame.select(
        pl.col(name).cast(dtype).fill_null("") if name in _EVENT_TEXT_FIELDS else pl.col(name).cast(dtype)
        for name, dtype in _SCHEMA.items()
    )
    content = events.select(
        pl.concat_str(
            [pl.col(name).cast(pl.String).fill_null("") for name in EVENT_KEY_FIELDS], separator="\x1f"
        )
    ).to_series()
    keys = pl.Series("key", [event_key(text) for text in content.to_list()], dtype=pl.String)
    return events.with_columns(keys).unique(["case_number", "key"], keep="first", maintain_order=True)


def event_key(content: str) -> str:
    """The stable key of an event: the SHA-256 of its content fields joined by U+001F."""
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def apply_events(
    incoming: pl.DataFrame | None, ids: pl.DataFrame, outcome: ImportOutcome, audits: Audits
) -> None:
    """Make the events of the cases ``ids`` (case_number, id, court_code: every case of the cases file) those of
    ``incoming`` (:func:`event_frame`; None when no events file came): add, reinstate, change and withdraw as the
    module says, with their audit records and counts in ``outcome``."""
    if incoming is None:
        return
    cases = ids.select("case_number", pl.col("id").alias("case_id"), "court_code")
    given = incoming.join(cases, on="case_number", how="inner", maintain_order="left")
    held = _held(cases)
    matched = given.join(held.select("case_id", "key", "id", "withdrawn_by_id", pl.col("note").alias("note_db")),
                         on=["case_id", "key"], how="left", maintain_order="left")  # fmt: skip
    known = pl.col("id").is_not_null()
    renoted = matched.filter(
        known & pl.col("withdrawn_by_id").is_null() & (pl.col("note") != pl.col("note_db"))
    )
    appearing = matched.filter(~known | pl.col("withdrawn_by_id").is_not_null()).drop("note_db")
    gone = held.filter(pl.col("withdrawn_by_id").is_null()).join(given, on=["case_id", "key"], how="anti")
    del matched, held, given
    pairs, added, withdrawn = _pair(appearing, gone)

    stamp = db_stamp(audits.now)
    withdrawal = (
        pl.lit(stamp).alias("withdrawn_at"),
        pl.lit(audits.record.pk, dtype=pl.Int64).alias("withdrawn_by_id"),
    )
    update_frame(CaseEvent, gone.select("id", *withdrawal))
    cleared = (
        pl.lit(None, dtype=pl.String).alias("withdrawn_at"),
        pl.lit(None, dtype=pl.Int64).alias("withdrawn_by_id"),
    )
    update_frame(CaseEvent, appearing.filter(known).select("id", *cleared))
    insert_frame(CaseEvent, appearing.filter(~known).select("case_id", "key", *EVENT_FIELDS))
    update_frame(CaseEvent, renoted.select("id", "note"))

    whole = json_object([pl.col("key"), *(pl.col(name) for name in EVENT_FIELDS)])
    audits.write("event_added", "case_event", added.filter(~known), None, whole)
    reinstated = added.filter(known)
    audits.write(
        "event_reinstated", "case_event", reinstated, json_object([pl.col("withdrawn_by_id")]), whole
    )
    audits.write("event_withdrawn", "case_event", withdrawn, whole, None)
    fields = ("key", *EVENT_FIELDS)
    notes = renoted.select(
        "case_number", "court_code", *fields,
        *(pl.col("note_db" if name == "note" else name).alias(f"{name}{_OLD}") for name in fields),
    )  # fmt: skip
    changes = pl.concat([pairs, notes])
    _audit_changes(changes, audits)
    outcome.events_added = added.height
    outcome.events_changed = changes.height
    outcome.blanking.events_changed_cases = changes.get_column("case_number").n_unique()
    outcome.events_withdrawn = withdrawn.height
    outcome.blanking.events_withdrawn_cases = withdrawn.get_column("case_number").n_unique()


def _held(cases: pl.DataFrame) -> pl.DataFrame:
    """The events the database holds for ``cases``, withdrawn or not, with their case's number and court."""
    schema: dict[str, pl.DataType] = {
        "id": pl.Int64(), "case_id": pl.Int64(), "key": pl.String(), "withdrawn_by_id": pl.Int64(),
        **{name: _SCHEMA[name] for name in EVENT_FIELDS},
    }  # fmt: skip
    rows = load_rows(CaseEvent, schema, "case_id", cases.get_column("case_id").to_list())
    # the whole table may have been read: keep this file's cases
    return rows.join(cases, on="case_id", how="inner")


def _pair(appearing: pl.DataFrame, gone: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(pairs, added, withdrawn): the events that appear and those that go, paired when they are the same act
    (``_ACT``, the n-th of a case's same act on either side in the order of their content). A pair has the
    appearing event's columns and the gone one's with the suffix ``_old``."""
    columns = ("case_number", "court_code", "id", "withdrawn_by_id", "key", *EVENT_FIELDS)

    def acts(frame: pl.DataFrame) -> pl.DataFrame:
        anchor = pl.when(pl.col("event") == EventType.EXTENSION.value).then("approved_on").otherwise("start")
        return (
            frame.select(*columns, "case_id", anchor.alias("anchor"))
            .sort(*_ACT, *EVENT_FIELDS, "key", nulls_last=True, maintain_order=True)
            .with_columns(pl.int_range(pl.len()).over(_ACT).alias("nth"))
        )

    new, old = acts(appearing), acts(gone)
    on = [*_ACT, "nth"]
    pairs = new.join(old, on=on, how="inner", suffix=_OLD, nulls_equal=True)
    added = new.join(old, on=on, how="anti", nulls_equal=True).select(*columns)
    withdrawn = old.join(new, on=on, how="anti", nulls_equal=True).select(*columns)
    fields = ("key", *EVENT_FIELDS)
    same = ("event", "kind")  # join columns: one copy, equal on both sides
    paired = pairs.select(
        "case_number", "court_code", *fields,
        *(pl.col(name if name in same else f"{name}{_OLD}").alias(f"{name}{_OLD}") for name in fields),
    )  # fmt: skip
    return paired, added, withdrawn


def _audit_changes(changes: pl.DataFrame, audits: Audits) -> None:
    """``event_changed`` for every change: the key, 事项 and 类别, and the fields that differ, before and after."""
    names = ("key", "event", "kind", *(name for name in EVENT_FIELDS if name not in ("event", "kind")))
    differs = [
        pl.lit(True) if name in ("key", "event", "kind") else pl.col(name).ne_missing(pl.col(f"{name}{_OLD}"))
        for name in names
    ]
    audits.write("event_changed", "case_event", changes, json_changed(names, differs, _OLD),
                 json_changed(names, differs, ""))  # fmt: skip
