"""Frames from :class:`qingji.core.events.CaseFacts`, and back: the bridge between the two paths."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from qingji.core.events import CaseFacts, Conversion, Deduction, Extension, Period, Restart
from qingji.core.procedures import Procedure

CASE_SCHEMA: dict[str, Any] = {
    "case_number": pl.String,
    "court_code": pl.String,
    "type_code": pl.String,
    "procedure": pl.String,
    "filed_on": pl.Date,
    "closed_on": pl.Date,
    "in_custody": pl.Boolean,
}

EVENT_SCHEMA: dict[str, Any] = {
    "case_number": pl.String,
    "event": pl.String,
    "kind": pl.String,
    "procedure": pl.String,
    "start": pl.Date,
    "end": pl.Date,
    "length_months": pl.Int32,
    "length_days": pl.Int32,
    "approved_by": pl.String,
    "approved_on": pl.Date,
    "source_row": pl.Int64,
}


def frames_from_facts(cases: Sequence[CaseFacts]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(cases, events) frames holding the same facts; case numbers are made up where a fact has none."""
    case_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []

    def event(number: str, **values: Any) -> None:
        row = dict.fromkeys(EVENT_SCHEMA)
        row.update(case_number=number, source_row=len(event_rows) + 2, **values)
        event_rows.append(row)

    for index, facts in enumerate(cases):
        number = facts.case_number or f"case-{index}"
        case_rows.append(
            {
                "case_number": number,
                "court_code": facts.court_code,
                "type_code": facts.type_code,
                "procedure": facts.procedure.value if facts.procedure else None,
                "filed_on": facts.filed_on,
                "closed_on": facts.closed_on,
                "in_custody": facts.in_custody,
            }
        )
        for extension in facts.extensions:
            event(
                number,
                event="extension",
                length_months=extension.length.months if extension.length else None,
                length_days=extension.length.days if extension.length else None,
                approved_by=extension.approved_by,
                approved_on=extension.approved_on,
            )
        for deduction in facts.deductions:
            event(number, event="deduction", kind=deduction.kind, start=deduction.start, end=deduction.end)
        for conversion in facts.conversions:
            event(number, event="conversion", procedure=conversion.procedure.value, start=conversion.on)
        for restart in facts.restarts:
            event(number, event="restart", kind=restart.reason or None, start=restart.on)
    return pl.DataFrame(case_rows, schema=CASE_SCHEMA), pl.DataFrame(event_rows, schema=EVENT_SCHEMA)


def facts_from_frames(cases: pl.DataFrame, events: pl.DataFrame | None) -> list[CaseFacts]:
    """The facts of each case in ``cases`` (in order), with its events: the one-case view of a ledger's input."""
    by_case: dict[str, list[dict[str, Any]]] = {}
    if events is not None:
        for row in events.sort("source_row").iter_rows(named=True):
            by_case.setdefault(row["case_number"], []).append(row)
    result = []
    for case in cases.iter_rows(named=True):
        rows = by_case.get(case["case_number"], [])
        result.append(
            CaseFacts(
                type_code=case["type_code"],
                filed_on=case["filed_on"],
                procedure=Procedure(case["procedure"]) if case.get("procedure") else None,
                closed_on=case.get("closed_on"),
                in_custody=bool(case.get("in_custody")),
                extensions=tuple(
                    Extension(_length(r), r["approved_by"], r["approved_on"])
                    for r in rows
                    if r["event"] == "extension"
                ),
                deductions=tuple(
                    Deduction(r["kind"], r["start"], r["end"]) for r in rows if r["event"] == "deduction"
                ),
                conversions=tuple(
                    Conversion(Procedure(r["procedure"]), r["start"])
                    for r in rows
                    if r["event"] == "conversion"
                ),
                restarts=tuple(Restart(r["kind"] or "", r["start"]) for r in rows if r["event"] == "restart"),
                court_code=case.get("court_code"),
                case_number=case["case_number"],
            )
        )
    return result


def _length(row: dict[str, Any]) -> Period | None:
    if row["length_months"] is None and row["length_days"] is None:
        return None
    return Period(row["length_months"] or 0, row["length_days"] or 0)
