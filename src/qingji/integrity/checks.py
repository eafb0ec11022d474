"""run_checks: every integrity check over a court system's cases, events and ledger on a date
(docs/integrity.md). The frames are those `qingji ledger` reads and computes: from files
(qingji.interchange) or from the database (qingji.cases.frames)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date

import polars as pl

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import DEFAULT_CONVENTIONS, Conventions
from qingji.integrity.closure_bursts import key_dates, mass_closures
from qingji.integrity.deduction_checks import after_cause, deduction_rows, overlapping, without_ground
from qingji.integrity.filing_checks import keyed, split_filing, withdraw_refile
from qingji.integrity.findings import Check, Finding, IntegrityReport
from qingji.integrity.ledger_checks import extension_and_expiry
from qingji.integrity.shares import outlier_shares
from qingji.integrity.thresholds import DEFAULT_THRESHOLDS, Thresholds

DEFAULT_BULLETIN_DAYS = (1, 11, 21)  # the ten-day bulletin (每10天一通报; qingji.site.cadence_settings)


def run_checks(
    cases: pl.DataFrame,
    events: pl.DataFrame | None,
    ledger: pl.DataFrame,
    as_of: date,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    calendar: WorkCalendar | None = None,
    conventions: Conventions = DEFAULT_CONVENTIONS,
    bulletin_days: Iterable[int] = DEFAULT_BULLETIN_DAYS,
    campaign_dates: Iterable[date] = (),
) -> IntegrityReport:
    """The findings of every check, in the order of :class:`Check`, then by court and case."""
    calendar = calendar or WorkCalendar.official()
    cases = cases.filter(pl.col("filed_on") <= as_of)
    deductions = deduction_rows(cases, events, ledger, as_of)
    parties = keyed(cases, as_of)
    findings: list[Finding] = [
        *without_ground(deductions, conventions, thresholds),
        *overlapping(deductions),
        *after_cause(deductions, as_of, thresholds),
        *extension_and_expiry(cases, events, ledger, as_of, calendar, conventions, thresholds),
        *withdraw_refile(parties, as_of, thresholds),
        *split_filing(parties, thresholds),
        *mass_closures(cases, as_of, thresholds, key_dates(as_of, bulletin_days, campaign_dates)),
        *outlier_shares(ledger, as_of, thresholds),
    ]
    order = {check: n for n, check in enumerate(Check)}
    findings.sort(key=lambda f: (order[f.check], f.court_code or "", f.case_number or "", f.judge or ""))
    return IntegrityReport(as_of, tuple(findings), thresholds_json(thresholds))


def thresholds_json(thresholds: Thresholds) -> dict[str, object]:
    return {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in dataclasses.asdict(thresholds).items()
    }
