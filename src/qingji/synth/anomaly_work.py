"""The court system being given its anomalies: its rows case by case, what has been touched, and its labels.

Each injection reads a case's rows, writes new ones, and keeps them only when the case then fires its own check and
no other (:func:`qingji.synth.anomaly_rules.case_checks`); a case touched once is not touched again. At the end the
rows become the interchange frames again, in the generator's order: cases by filing date, court, type code and
serial (a new case takes its place among them), events case by case and by date.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from qingji.core.calendar import WorkCalendar
from qingji.core.casenumber import parse_case_number
from qingji.core.typecodes import Family, type_code
from qingji.engine.ledger import compute_ledger
from qingji.interchange import read_cases, read_events
from qingji.interchange.case_numbers import case_number_columns
from qingji.synth.anomaly_oracle import findings, keyed_cases
from qingji.synth.anomaly_rules import Row, case_checks
from qingji.synth.cases import TYPE_CODES
from qingji.synth.people import COURTS

COURT_ORDER = {court.code: i for i, court in enumerate(COURTS)}
TYPE_ORDER = {code: i for i, code in enumerate(TYPE_CODES)}
EVENT_RANK = {"扣除审限": 0, "延长审限": 1, "程序转换": 2, "重新计算": 2}  # events.py's order on one day


@dataclass(frozen=True)
class Label:
    check: str
    case_number: str | None
    court_code: str
    judge: str | None
    source: str  # "injected" or "generator"
    note: str


def read_back(
    cases: pl.DataFrame, events: pl.DataFrame, until: date
) -> tuple[pl.DataFrame, pl.DataFrame | None]:
    """The frames as :mod:`qingji.interchange` reads the files written from them (as qingji would see them); no
    events frame when there are none (a file of headers only is refused)."""
    with tempfile.TemporaryDirectory(prefix="qingji-anomalies-") as folder:
        cases_path, events_path = Path(folder) / "cases.csv", Path(folder) / "events.csv"
        cases.write_csv(cases_path, date_format="%Y-%m-%d")
        events.write_csv(events_path, date_format="%Y-%m-%d")
        read = read_cases(cases_path, until)
        read_evts = read_events(events_path, read.frame.get_column("case_number")) if events.height else None
    problems = read.problems + (read_evts.problems if read_evts else [])
    if problems:
        raise ValueError(f"the synthetic files do not read back: {problems[:3]}")
    return read.frame, read_evts.frame if read_evts else None


def ledger_of(cases: pl.DataFrame, events: pl.DataFrame, until: date, calendar: WorkCalendar) -> pl.DataFrame:
    """The ledger on ``until`` of the files written from the frames, as qingji reads them back."""
    return compute_ledger(*read_back(cases, events, until), until, calendar)


def family_of(code: str) -> Family | None:
    kind = type_code(code)
    return kind.family if kind else None


@dataclass
class Work:
    until: date
    calendar: WorkCalendar
    rng: np.random.Generator
    case_schema: pl.Schema
    event_schema: pl.Schema
    original: pl.DataFrame  # the cases as given
    original_events: pl.DataFrame
    # Per case: 案号 … as given, court_code, type_code, parties_key, and the ledger's expiry, status, warnings.
    info: pl.DataFrame
    rows: dict[str, Row]
    events: dict[str, list[Row]]
    used: set[str] = field(default_factory=set)
    changed: dict[str, None] = field(default_factory=dict)  # ordered set
    added: list[str] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    serials: dict[tuple[str, str, int], int] = field(default_factory=dict)
    disputes_taken: set[tuple[str, str, str]] = field(default_factory=set)
    _info_rows: dict[str, Row] = field(default_factory=dict)
    _filings: dict[tuple[str, str, str], list[date]] = field(default_factory=dict)

    @classmethod
    def start(
        cls, cases: pl.DataFrame, events: pl.DataFrame, until: date, calendar: WorkCalendar, seed: int
    ) -> Work:
        ledger = ledger_of(cases, events, until, calendar)
        clean = findings(cases, events, ledger, until)
        numbers = case_number_columns(cases.select("案号"), "案号")
        info = keyed_cases(cases).join(
            ledger.select(
                pl.col("case_number").alias("案号"),
                "expiry",
                "status",
                "warnings",
                "age_days",
                "deducted_days",
            ),
            on="案号",
            how="left",
            maintain_order="left",
        )
        serials: dict[tuple[str, str, int], int] = {}
        for court, kind, year, serial in numbers.select(
            "court_code", "type_code", "year", "serial"
        ).iter_rows():
            key = (court, kind, year)
            serials[key] = max(serials.get(key, 0), serial)
        by_case: dict[str, list[Row]] = {}
        for row in events.iter_rows(named=True):
            by_case.setdefault(row["案号"], []).append(row)
        work = cls(
            until=until, calendar=calendar, rng=np.random.default_rng(seed), case_schema=cases.schema,
            event_schema=events.schema, original=cases, original_events=events, info=info,
            rows={row["案号"]: row for row in cases.iter_rows(named=True)}, events=by_case,
            serials=serials,
        )  # fmt: skip
        # A case the checks already find carries the generator's anomaly: it gets no other.
        work.used.update(n for n in clean.get_column("case_number").to_list() if n is not None)
        return work

    # Reading and writing cases.

    def case(self, number: str) -> Row:
        return dict(self.rows[number])

    def case_events(self, number: str) -> list[Row]:
        return [dict(e) for e in self.events.get(number, [])]

    def info_row(self, number: str) -> Row:
        """The case as given, with court_code, type_code, parties_key and its ledger's expiry and status."""
        if not self._info_rows:
            columns = ("案号", "court_code", "type_code", "parties_key", "案由", "status", "expiry")
            self._info_rows = {row["案号"]: row for row in self.info.select(columns).iter_rows(named=True)}
        return self._info_rows[number]

    def refiled_after(self, number: str, closed: date, within: int = 90) -> bool:
        """Another case of the same dispute (court, parties, cause) is filed 0–``within`` days after ``closed``:
        closed by withdrawal on that day, ``number`` would look like the first half of a withdraw-and-refile."""
        if not self._filings:
            frame = self.info.filter(pl.col("parties_key").is_not_null() & pl.col("案由").is_not_null())
            for court, key, cause, filed in frame.select(
                "court_code", "parties_key", "案由", "立案日期"
            ).rows():
                self._filings.setdefault((court, key, cause), []).append(filed)
        row = self.info_row(number)
        filed = self._filings.get((row["court_code"], row["parties_key"], row["案由"]), [])
        return any(0 <= (day - closed).days <= within for day in filed)

    def free(self, number: str) -> bool:
        return number not in self.used

    def checks(self, case: Row, events: Sequence[Row]) -> set[str]:
        return case_checks(case, events, self.until, self.calendar)

    def fits(self, case: Row, events: Sequence[Row], check: str | None) -> bool:
        """The case fires exactly ``check`` among checks 1–5 (None: none of them)."""
        return self.checks(case, events) == ({check} if check else set())

    def keep(self, number: str, case: Row, events: list[Row], check: str | None) -> bool:
        """Write ``case`` and ``events`` when they fire exactly ``check`` (None: no check); True if kept."""
        if not self.fits(case, events, check):
            return False
        self.put(number, case, events)
        return True

    def put(self, number: str, case: Row, events: list[Row]) -> None:
        self.rows[number] = case
        self.events[number] = events
        self.changed[number] = None
        self.used.add(number)

    def add_case(self, case: Row, events: list[Row]) -> None:
        number = case["案号"]
        self.rows[number] = case
        self.events[number] = events
        self.added.append(number)
        self.used.add(number)

    def next_number(self, court: str, kind: str, year: int, *, take: bool = True) -> str:
        """The next free case number of the court, type code and year (rules §6.1: serials run from 1 a year);
        with ``take`` False it stays free."""
        key = (court, kind, year)
        serial = self.serials.get(key, 0) + 1
        if take:
            self.serials[key] = serial
        return f"（{year}）{court}{kind}{serial}号"

    def shuffled(self, numbers: Sequence[str]) -> Iterator[str]:
        """``numbers`` (in file order) in an order drawn from the generator, skipping cases already touched."""
        for index in self.rng.permutation(len(numbers)).tolist():
            if numbers[index] not in self.used:
                yield numbers[index]

    def label(self, check: str, number: str, note: str, source: str = "injected") -> None:
        case = self.rows[number]
        court = parse_case_number(number).court_code
        self.labels.append(Label(check, number, court, case["承办法官"], source, note))

    def label_judge(self, check: str, court: str, judge: str, note: str) -> None:
        self.labels.append(Label(check, None, court, judge, "injected", note))

    def wanted(self, rate: float) -> int:
        """Cases to give one check's anomaly: ``rate`` of them, at least one when the rate is above 0."""
        return max(1, round(rate * self.original.height)) if rate > 0 else 0

    # The frames again.

    def frames(self) -> tuple[pl.DataFrame, pl.DataFrame]:
        """The cases and events frames with every change, in the generator's order."""
        changed = list(self.changed)
        touched = [*changed, *self.added]
        kept = self.original.filter(~pl.col("案号").is_in(changed))
        rows = pl.DataFrame([self.rows[n] for n in touched], schema=self.case_schema, orient="row")
        cases = pl.concat([kept, rows])
        parts = case_number_columns(cases.select("案号"), "案号")
        order = pl.DataFrame(
            {
                "court": parts.get_column("court_code").replace_strict(COURT_ORDER, return_dtype=pl.Int32),
                "type": parts.get_column("type_code").replace_strict(TYPE_ORDER, return_dtype=pl.Int32),
                "serial": parts.get_column("serial"),
            }
        )
        cases = (
            pl.concat([cases, order], how="horizontal")
            .sort("立案日期", "court", "type", "serial", maintain_order=True)
            .drop("court", "type", "serial")
        )
        new_events = [e for n in touched for e in self.events.get(n, [])]
        events = pl.concat(
            [
                self.original_events.filter(~pl.col("案号").is_in(touched)),
                pl.DataFrame(new_events, schema=self.event_schema, orient="row"),
            ]
        )
        position = cases.select("案号").with_row_index("position")
        events = (
            events.join(position, on="案号", how="left", maintain_order="left")
            .with_columns(
                on=pl.coalesce("开始日期", "批准日期"),
                rank=pl.col("事项").replace_strict(EVENT_RANK, default=3, return_dtype=pl.Int32),
            )
            .sort("position", "on", "rank", maintain_order=True)
            .drop("position", "on", "rank")
        )
        return cases, events
