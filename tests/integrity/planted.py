"""Small court systems written as interchange files, each with anomalies planted by hand, read back the way
`qingji integrity` reads them."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from qingji.core.calendar import WorkCalendar
from qingji.engine.ledger import compute_ledger
from qingji.integrity.checks import run_checks
from qingji.integrity.findings import IntegrityReport
from qingji.integrity.thresholds import DEFAULT_THRESHOLDS, Thresholds
from qingji.interchange import read_cases, read_events

CASE_HEADERS = (
    "案号",
    "立案日期",
    "结案日期",
    "结案方式",
    "适用程序",
    "案由",
    "承办法官",
    "当事人",
    "审限届满日期",
)
EVENT_HEADERS = ("案号", "事项", "类别", "开始日期", "结束日期", "期间", "批准人", "批准日期")


@dataclass
class Planted:
    cases: list[dict[str, str]]
    events: list[dict[str, str]]

    def case(self, number: str, filed: str, closed: str = "", method: str = "", *, procedure: str = "普通程序",
             cause: str = "买卖合同纠纷", judge: str = "王法官", parties: str = "", cms: str = "") -> None:  # fmt: skip
        self.cases.append(
            {"案号": number, "立案日期": filed, "结案日期": closed, "结案方式": method, "适用程序": procedure,
             "案由": cause, "承办法官": judge, "当事人": parties or f"{number}原告;{number}被告", "审限届满日期": cms}
        )  # fmt: skip

    def event(self, number: str, event: str, kind: str = "", start: str = "", end: str = "", length: str = "",
              by: str = "", on: str = "") -> None:  # fmt: skip
        self.events.append(
            {"案号": number, "事项": event, "类别": kind, "开始日期": start, "结束日期": end, "期间": length,
             "批准人": by, "批准日期": on}
        )  # fmt: skip

    def write(self, folder: Path) -> tuple[Path, Path]:
        paths = folder / "cases.csv", folder / "events.csv"
        for path, headers, rows in (
            (paths[0], CASE_HEADERS, self.cases),
            (paths[1], EVENT_HEADERS, self.events),
        ):
            with path.open("w", encoding="utf-8", newline="") as out:
                writer = csv.DictWriter(out, headers)
                writer.writeheader()
                writer.writerows(rows)
        return paths

    def check(
        self, folder: Path, as_of: date, thresholds: Thresholds = DEFAULT_THRESHOLDS
    ) -> tuple[IntegrityReport, pl.DataFrame]:
        cases_path, events_path = self.write(folder)
        cases = read_cases(cases_path, as_of)
        assert not cases.problems, cases.problems
        event_frame = None
        if self.events:
            events = read_events(events_path, cases.frame.get_column("case_number"))
            assert not events.problems, events.problems
            event_frame = events.frame
        calendar = WorkCalendar.official()
        ledger = compute_ledger(cases.frame, event_frame, as_of, calendar)
        return run_checks(cases.frame, event_frame, ledger, as_of, thresholds, calendar=calendar), ledger


def planted() -> Planted:
    return Planted([], [])
