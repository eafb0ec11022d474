"""The integrity checks over the database (qingji.integrity, docs/integrity.md), stored for the pages: a run reads
every case and event with what the checks read besides (closure method, parties, the court system's expiry),
computes the ledger on the date and runs every check; its findings replace the stored ones, with the run's record
and one audit record per court, in one transaction (:func:`do_integrity_run`).

On a million cases a run takes tens of seconds, so the pages never run the checks: the nightly job runs them
after the snapshot (qingji.server.nightly), on the snapshot's date, and the demo after its import. The ten-day
bulletin reads the stored findings when they are of its day, and runs the checks for its day otherwise (a bulletin
caught up after a stop, or made by hand for a past day: :func:`findings_on`).

The campaigns' start and target dates, which the closure-burst check looks before besides the bulletin days, are
the caller's to give (the campaigns are a layer above the cases: qingji.campaigns.integrity_section).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl
from django.db import transaction
from django.utils import timezone

from qingji.audit.actions import audit_per_court
from qingji.cases.frames import frames_with_ids
from qingji.cases.models import Case, IntegrityFinding, IntegrityRun, Snapshot
from qingji.engine.ledger import compute_ledger
from qingji.integrity.checks import run_checks
from qingji.integrity.findings import Finding, IntegrityReport
from qingji.integrity.thresholds import Thresholds
from qingji.site.in_force import site_settings
from qingji.site.notices import calendar_in_force

BATCH = 2000  # findings written per statement


def thresholds_in_force() -> Thresholds:
    """The checks' thresholds of the site settings in force (``[integrity]``, docs/settings.md)."""
    return site_settings().integrity


def integrity_report(
    as_of: date, campaign_dates: Iterable[date] = ()
) -> tuple[IntegrityReport, pl.DataFrame]:
    """Every check over every case in the database on ``as_of``, with the calendar, conventions, thresholds and
    bulletin days in force; and the cases read (with their database id, ``case_id``)."""
    cases, events = frames_with_ids(integrity=True)
    settings = site_settings()
    calendar = calendar_in_force()
    frame = cases.drop("case_id")
    ledger = compute_ledger(frame, events, as_of, calendar, settings.conventions)
    report = run_checks(
        frame,
        events,
        ledger,
        as_of,
        thresholds_in_force(),
        calendar=calendar,
        conventions=settings.conventions,
        bulletin_days=settings.cadence.bulletin_days,
        campaign_dates=list(campaign_dates),
    )
    return report, cases


def do_integrity_run(as_of: date, *, campaign_dates: Iterable[date] = (), actor: Any = None) -> IntegrityRun:
    """Run every check on ``as_of`` and replace the stored findings with its own, in one transaction with the
    run's record and an audit record per court of the cases read (``integrity_checked``: how many findings)."""
    started = timezone.now()
    report, cases = integrity_report(as_of, campaign_dates)
    read = cases.filter(pl.col("filed_on") <= as_of)
    ids = dict(
        zip(read.get_column("case_number").to_list(), read.get_column("case_id").to_list(), strict=True)
    )
    findings = [_stored(finding, as_of, ids) for finding in report.findings]
    per_court = Counter(finding.court_code or "" for finding in report.findings)
    courts = sorted(set(read.get_column("court_code").drop_nulls().to_list()) | (set(per_court) - {""}))
    with transaction.atomic():
        IntegrityFinding.objects.all().delete()
        IntegrityFinding.objects.bulk_create(findings, batch_size=BATCH)
        run = IntegrityRun.objects.create(
            as_of=as_of,
            started_at=started,
            finished_at=timezone.now(),
            by=actor,
            cases=read.height,
            findings=len(findings),
            by_check=report.by_check(),
            thresholds=report.thresholds,
        )
        audit_per_court(
            "integrity_checked",
            "integrity",
            as_of.isoformat(),
            actor=actor,
            courts={court: {"findings": per_court[court]} for court in courts},
        )
    return run


def _stored(finding: Finding, as_of: date, ids: dict[str, int]) -> IntegrityFinding:
    number = finding.case_number or ""
    return IntegrityFinding(
        as_of=as_of,
        check_code=finding.check.value,
        case_id=ids.get(number) if number else None,
        case_number=number,
        court_code=finding.court_code or "",
        judge=finding.judge or "",
        rule=finding.rule,
        zh=finding.zh,
        en=finding.en,
        evidence=finding.evidence,
    )


def latest_run() -> IntegrityRun | None:
    """The newest run, whose findings are the stored ones (None: the checks have not run yet)."""
    return IntegrityRun.objects.first()


def integrity_date() -> date:
    """The date a run is for: the stored snapshot's, so that the findings agree with the states the pages show
    (today when there is no snapshot)."""
    stored = Snapshot.objects.values_list("as_of", flat=True).first()
    return stored or timezone.localdate()


def integrity_stale(on: date) -> bool:
    """Whether the stored findings are not those of ``on``: none while cases exist, of another date, or older than
    the snapshot (which an import or changed settings made anew)."""
    run = latest_run()
    if run is None:
        return Case.objects.exists()
    if run.as_of != on:
        return True
    computed = Snapshot.objects.values_list("computed_at", flat=True).first()
    return computed is not None and computed > run.started_at


@dataclass(frozen=True)
class Found:
    """A finding as a count or a list reads it: its check (a value of qingji.integrity.findings.Check), its case
    ("" for a judge's or a court's), court and judge."""

    check: str
    case_number: str
    court_code: str
    judge: str


def findings_on(on: date, *, campaign_dates: Iterable[date] = ()) -> list[Found]:
    """The findings of ``on``: the stored ones when the newest run is of that day, else the checks run for that
    day now (nothing is stored)."""
    run = latest_run()
    if run is not None and run.as_of == on:
        rows = IntegrityFinding.objects.order_by("id").values_list(
            "check_code", "case_number", "court_code", "judge"
        )
        return [Found(*row) for row in rows]
    report, _ = integrity_report(on, campaign_dates)
    return [
        Found(f.check.value, f.case_number or "", f.court_code or "", f.judge or "") for f in report.findings
    ]
