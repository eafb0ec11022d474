"""A synthetic court system with its labelled anomalies written as files: cases.csv (with 审限届满日期),
events.csv and labels.csv (`qingji synth --anomalies`, `qingji demo`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qingji.core.calendar import WorkCalendar
from qingji.synth.anomalies import inject
from qingji.synth.generator import generate


@dataclass(frozen=True)
class Written:
    cases: Path
    events: Path
    labels: Path
    labelled: int  # rows of the labels file
    case_count: int  # cases written, the new ones of the injected filings included


def write_with_anomalies(
    out_dir: Path,
    cases: int,
    seed: int,
    until: date,
    calendar: WorkCalendar,
    *,
    rate: float,
    events_per_case: float = 0.6,
    labels: Path | None = None,
) -> Written:
    """Generate, inject each check's anomaly into about ``rate`` of the cases, and write the three files (UTF-8,
    header row; the labels to ``labels``, default out_dir/labels.csv)."""
    frame, events = generate(cases, seed, until, events_per_case)
    injected = inject(frame, events, until, calendar, rate=rate, seed=seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    labels_path = labels or out_dir / "labels.csv"
    labels_path.parent.mkdir(parents=True, exist_ok=True)
    cases_path, events_path = out_dir / "cases.csv", out_dir / "events.csv"
    injected.cases.write_csv(cases_path, date_format="%Y-%m-%d")
    injected.events.write_csv(events_path, date_format="%Y-%m-%d")
    injected.labels.write_csv(labels_path)
    return Written(cases_path, events_path, labels_path, injected.labels.height, injected.cases.height)
