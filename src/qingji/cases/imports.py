"""Importing a court's export into the database: upsert by case number, in one transaction (issue 3 §3).

:func:`do_import` reads the cases file (and the events file, checked against the cases file's numbers) with
:mod:`qingji.interchange`: in the interchange format, or in a court's own layout (a header profile, issue 11), whose
several tables, one per kind of case, are one export. A file with any bad row (or none at all) changes nothing: the outcome carries the
problems and the path of an Excel copy of the input with the bad cells marked (:mod:`qingji.cases.import_report`).
Otherwise, in one transaction: new cases are created, cases whose fields differ are updated (a column the file
lacks leaves its fields as they are; an import emptying fields of many cases waits for a confirmation and is
rolled back meanwhile: :mod:`.import_guard`), the others are left as they are;
with an events file, the events of the file's cases become the file's: added, changed, withdrawn (never deleted)
or reinstated as :mod:`.import_events` says; without one, the events are untouched. Every created or updated case
and every event added, changed, withdrawn or reinstated gets an audit record linked to the
:class:`~qingji.cases.models.ImportRecord`, which holds who, the files and their hashes, and the counts; refused
and unconfirmed imports leave one too. :mod:`.import_action` is the one action the command and the page run.
Importing the same files again changes nothing but writes its own ImportRecord.

No per-row queries: the existing cases of the file's numbers are loaded into Polars (all at once when the file
covers much of the table, else in chunks), compared there, and written with bulk operations (:mod:`.bulk`: COPY on
PostgreSQL). The audit records are made in Polars too (:mod:`.import_audit`), their before and after as JSON
text, and written a block of rows at a time as the cases and events are, so that no Python object per row is kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl
from django.db import transaction
from django.utils import timezone

from qingji.cases.import_audit import Audits
from qingji.cases.import_cases import CASE_FIELDS, case_frame, upsert_cases
from qingji.cases.import_events import EVENT_FIELDS, EVENT_KEY_FIELDS, apply_events, event_frame, event_key
from qingji.cases.import_guard import (
    Blanking,
    confirmed,
    kept_fields,
    kept_where,
    missing_columns,
    missing_event_columns,
    needs_confirmation,
)
from qingji.cases.import_report import default_report_path, write_import_report
from qingji.cases.models import ImportRecord
from qingji.courts.models import Court
from qingji.interchange import Problem, ReadResult
from qingji.interchange.export_reading import TABLE, given_column, read_export
from qingji.interchange.header_profile import HeaderProfile
from qingji.interchange.limits import FileLimits

__all__ = ["CASE_FIELDS", "EVENT_FIELDS", "EVENT_KEY_FIELDS", "ImportOutcome", "do_import", "event_key"]


@dataclass
class ImportOutcome:
    """What an import did, or why it was refused (``problems``, with the marked copy at ``report``)."""

    imported: bool
    rows: int = 0
    event_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    events_added: int = 0
    events_changed: int = 0  # an event corrected: withdrawn and added as one change (import_events)
    events_withdrawn: int = 0
    problems: list[Problem] = field(default_factory=list)
    report: Path | None = None
    record_id: int | None = None
    # The cases file: the expected columns it lacked (their fields were left as they were) and the headers it had
    # that match no column (ignored); whether it had no data row at all (then nothing was imported).
    missing_columns: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    missing_event_columns: list[str] = field(default_factory=list)  # the events file's: read as empty
    empty: bool = False
    # What the import would empty on cases the database has (import_guard), and whether it therefore waits for
    # a confirmation: then nothing was written (the counts above say what it would have done).
    blanking: Blanking = field(default_factory=Blanking)
    unconfirmed: bool = False
    preview_changed: bool = False  # a confirmed preview no longer matched: shown again, not imported
    refreshed: date | None = None  # the snapshot's date when the import action brought it up to date
    files: list[str] = field(default_factory=list)  # the case tables' files, by name
    tables: list[str] = field(default_factory=list)  # the case tables read (a workbook's sheets each one)
    profile: str = ""  # the court's layout the tables were read by; empty for the interchange format

    @property
    def changed(self) -> bool:
        """Whether the import changed a case or an event (then the snapshot is out of date)."""
        return bool(
            self.created or self.updated or self.events_added or self.events_changed or self.events_withdrawn
        )

    @property
    def exit_code(self) -> int:
        """0 when imported, 2 when refused because of bad rows (or no row at all), 3 when it awaits confirmation."""
        return 0 if self.imported else 3 if self.unconfirmed else 2

    @property
    def record_outcome(self) -> str:
        """The outcome as an ImportRecord stores it."""
        if self.imported:
            return ImportRecord.Outcome.IMPORTED
        return ImportRecord.Outcome.UNCONFIRMED if self.unconfirmed else ImportRecord.Outcome.REFUSED


CONFIRM_CASES = 20  # the default of settings.IMPORT_CONFIRM_CASES (qingji.server.settings says why)
NAMES_LENGTH = 255  # ImportRecord.file_name's


class _Unconfirmed(Exception):
    """Raised inside the import's transaction to roll it back: the import waits for a confirmation."""


def do_import(
    cases_path: Path | Sequence[Path],
    events_path: Path | None = None,
    *,
    layout: HeaderProfile | None = None,
    actor: Any = None,
    report_path: Path | None = None,
    allowed_courts: Collection[str] | None = None,
    confirm: bool = False,
    confirm_limit: int = CONFIRM_CASES,
    report_until: datetime | None = None,
    previewed: Sequence[object] | None = None,
    limits: FileLimits | None = None,
) -> ImportOutcome:
    """Import ``cases_path`` (and ``events_path``): all of it in one transaction, or nothing when a row is bad.

    ``cases_path`` may be several case tables of one export (:func:`~qingji.interchange.export_reading.read_export`:
    in a court's own ``layout``, a header profile, each sheet of a workbook is a table too); they are imported as
    one. The files are read within ``limits`` (issue 10; the command line's unless given): one over them is
    refused whole, like an unreadable one.

    With ``allowed_courts`` (the court codes the importing user may change), a case of another court is a bad row.
    Columns the cases file lacks leave the fields they fill as they are (:mod:`.import_guard`). An import that
    would empty a field or reopen a case on more than ``confirm_limit`` cases is computed in full and rolled back
    unless ``confirm`` (and, for the confirmation of a ``previewed`` one, unless it would now do something else:
    ``preview_changed``): the outcome says what it would do (``blanking``, ``unconfirmed``). Every import, refused
    and unconfirmed ones too, leaves an ImportRecord; ``report_until`` is kept on a refused one's record when
    qingji keeps its marked copy (the nightly run removes it then). Raises FileNotFoundError when a file does not
    exist.
    """
    paths = [cases_path] if isinstance(cases_path, Path) else list(cases_path)
    if not paths:
        raise ValueError("没有案件表 / no cases file")
    for path in [*paths, *([events_path] if events_path is not None else [])]:
        if not path.is_file():
            raise FileNotFoundError(f"文件不存在：{path} / no such file: {path}")
    export = read_export(paths, events_path, layout=layout, limits=limits)
    cases, events = export.cases, export.events
    problems = [
        *cases.problems,
        *(_outside_courts(cases, allowed_courts) if allowed_courts is not None else []),
        *(events.problems if events else []),
    ]
    if cases.rows_read == 0 and not problems:
        problems.append(_nothing_to_import(paths[0]))
    outcome = ImportOutcome(
        imported=False,
        rows=cases.rows_read,
        event_rows=events.rows_read if events else 0,
        missing_columns=missing_columns(cases.present_fields, cases.labels, export.lacking()),
        unknown_columns=list(cases.unknown_columns),
        missing_event_columns=missing_event_columns(events.present_fields) if events else [],
        empty=cases.rows_read == 0 and cases.present_fields is not None,  # read, but no row (not unreadable)
        files=[path.name for path in paths],
        tables=[table.file for table in export.tables],
        profile=layout.name if layout is not None else "",
    )
    hashes = [{"name": path.name, "sha256": file_sha256(path)} for path in paths]
    files: dict[str, object] = {
        "file_name": _names(paths),
        "sha256": hashes[0]["sha256"],
        "files": hashes,
        "profile": outcome.profile,
        "events_file_name": events_path.name if events_path else "",
        "events_sha256": file_sha256(events_path) if events_path else "",
    }
    if problems:
        outcome.problems = problems
        outcome.report = write_import_report(
            export.sources, problems, report_path or default_report_path(paths[0]), limits
        )
        kept = {"report": str(outcome.report), "report_until": report_until} if report_until else {}
        outcome.record_id = _record(outcome, actor, files, **kept).pk
        return outcome
    incoming = case_frame(cases.frame)
    incoming_events = event_frame(events.frame) if events else None
    try:
        with transaction.atomic():
            record = _record(outcome, actor, files)
            audits = Audits(record, actor, timezone.now())
            absent = kept_fields(cases.present_fields)
            ids = upsert_cases(incoming, outcome, audits, absent, kept_where(export.partial, given_column))
            apply_events(incoming_events, ids, outcome, audits)
            if needs_confirmation(outcome, confirm_limit) and not confirmed(
                outcome.blanking, confirm, previewed
            ):
                outcome.preview_changed = confirm
                raise _Unconfirmed
            outcome.imported = True
            _stamp_courts(incoming, record)
            for name, value in _counts(outcome).items():
                setattr(record, name, value)
            record.save(update_fields=list(_counts(outcome)))
    except _Unconfirmed:
        # rolled back: nothing of it is kept but the record that it waits for a confirmation
        outcome.unconfirmed = True
        record = _record(outcome, actor, files)
    outcome.record_id = record.pk
    return outcome


def _stamp_courts(incoming: pl.DataFrame, record: ImportRecord) -> None:
    """The courts whose cases the import held were imported now (Court.last_import_at)."""
    codes = incoming.get_column("court_code").unique().to_list()
    Court.objects.filter(code__in=codes).update(last_import_at=record.at)


def _names(paths: Sequence[Path]) -> str:
    """The case tables' file names as the import record's ``file_name`` holds them (at most 255 characters)."""
    names = "、".join(path.name for path in paths)
    return names if len(names) <= NAMES_LENGTH else names[: NAMES_LENGTH - 1] + "…"


def _counts(outcome: ImportOutcome) -> dict[str, Any]:
    """The fields of an ImportRecord that come from the outcome."""
    return {
        "outcome": outcome.record_outcome,
        "rows": outcome.rows,
        "created": outcome.created,
        "updated": outcome.updated,
        "unchanged": outcome.unchanged,
        "events_added": outcome.events_added,
        "events_changed": outcome.events_changed,
        "events_withdrawn": outcome.events_withdrawn,
        "problems": len(outcome.problems),
        "missing_columns": outcome.missing_columns,
        "unknown_columns": outcome.unknown_columns,
    }


def _record(outcome: ImportOutcome, actor: Any, files: dict[str, object], **more: Any) -> ImportRecord:
    return ImportRecord.objects.create(by=actor, **files, **_counts(outcome), **more)


def _nothing_to_import(path: Path) -> Problem:
    return Problem(
        path.name,
        1,
        "",
        "",
        "文件中没有数据行（只有表头），没有可导入的内容",
        "the file has no data rows (only the header): there is nothing to import",
    )


def _outside_courts(cases: ReadResult, allowed: Collection[str]) -> list[Problem]:
    """A problem for every case of a court the importing user may not change."""
    outside = cases.frame.filter(~pl.col("court_code").is_in(list(allowed)))
    column = cases.labels.get("case_number", "案号")
    return [
        Problem(
            row[TABLE],
            row["source_row"],
            column,
            row["case_number"],
            f"法院 {row['court_code']} 不在您可管理的法院之内",
            f"court {row['court_code']} is not one you may change",
            case_number=row["case_number"],
        )
        for row in outside.select(TABLE, "source_row", "case_number", "court_code").iter_rows(named=True)
    ]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
