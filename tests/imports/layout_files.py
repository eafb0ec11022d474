"""A synthetic court's export written twice: in the interchange format and in the data centre's layout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qingji.holidays import work_calendar
from qingji.synth import generate
from qingji.synth.layouts import with_cms_expiry, write_data_centre

UNTIL = date(2026, 6, 30)


@dataclass(frozen=True)
class Twins:
    """The same cases and events: ``cases`` (interchange, with 审限届满日期), ``tables`` (the data centre's CSV
    files, one per kind), ``workbook`` (the same tables as the sheets of one workbook) and ``events``."""

    cases: Path
    events: Path
    tables: list[Path]
    workbook: Path


def twins(directory: Path, cases: int = 300, seed: int = 11) -> Twins:
    frame, events = generate(cases, seed, UNTIL)
    frame = with_cms_expiry(frame, events, UNTIL, work_calendar())
    directory.mkdir(parents=True, exist_ok=True)
    cases_path, events_path = directory / "cases.csv", directory / "events.csv"
    frame.write_csv(cases_path, date_format="%Y-%m-%d")
    events.write_csv(events_path, date_format="%Y-%m-%d")
    tables = write_data_centre(directory / "tables", frame, workbook=False)
    (workbook,) = write_data_centre(directory, frame)
    return Twins(cases_path, events_path, tables, workbook)
