"""What an integrity check found: one finding per case (per judge or court for ``outlier_share``), with its rule,
its evidence and the numbers that fired it, and the report that gathers them (docs/integrity.md)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Check(StrEnum):
    """The checks. Their values are a contract (`qingji integrity --json`, the pages' links)."""

    DEDUCTION_WITHOUT_GROUND = "deduction_without_ground"
    DEDUCTION_OVERLAP = "deduction_overlap"
    DEDUCTION_AFTER_CAUSE = "deduction_after_cause"
    EXTENSION_LATE = "extension_late"
    EXTENSION_OVER_LIMIT = "extension_over_limit"
    WITHDRAW_REFILE = "withdraw_refile"
    SPLIT_FILING = "split_filing"
    MASS_CLOSURE = "mass_closure"
    EXPIRY_MISMATCH = "expiry_mismatch"
    OUTLIER_SHARE = "outlier_share"


@dataclass(frozen=True)
class CheckInfo:
    zh: str  # what it finds, as a page or a bulletin names it
    en: str
    rule: str  # the rule it applies, cited
    practice: str  # rules/trial-periods.md §5: the hidden over-deadline practice it uncovers
    short_zh: str = ""  # a table's column head, the name in full beside it
    short_en: str = ""


CHECKS: dict[Check, CheckInfo] = {
    Check.DEDUCTION_WITHOUT_GROUND: CheckInfo(
        "扣除审限无依据", "deduction without ground",
        "2000-Prov Art. 9; CPL-Interp 243; ALL-Interp 50; Exec-Interp 13; Exec-Work-Prov item 77", "§5 (b)",
        short_zh="无据扣除", short_en="No ground",
    ),
    Check.DEDUCTION_OVERLAP: CheckInfo(
        "扣除期间重叠或超出案件存续期间", "deductions overlapping or outside the case's life", "C5", "§5 (b)",
        short_zh="扣除重叠", short_en="Overlap",
    ),
    Check.DEDUCTION_AFTER_CAUSE: CheckInfo(
        "扣除事由消灭后未结束扣除", "deduction kept open after its cause ended",
        "2000-Prov Art. 9(5); CrPL-Interp 313; CPL 95", "§5 (b), (c)",
        short_zh="事由已消", short_en="Kept open",
    ),
    Check.EXTENSION_LATE: CheckInfo(
        "审限届满后才批准延长", "extension approved after the expiry it extends",
        "CPL 152; 2019-Prov Art. 1; CrPL 208", "§5 (a)",
        short_zh="逾期延长", short_en="Late extension",
    ),
    Check.EXTENSION_OVER_LIMIT: CheckInfo(
        "延长审限超过上限或批准层级不符", "extension beyond the maximum or approved at the wrong level",
        "CPL 152, 164; CrPL 208, 243; 2000-Prov Art. 2–5", "§5 (a)",
        short_zh="超限延长", short_en="Over the limit",
    ),
    Check.WITHDRAW_REFILE: CheckInfo(
        "撤诉后重新立案", "withdrawn and filed again", "2019-Prov Art. 8; rules §5 (d)", "§5 (d)",
        short_zh="撤诉再立", short_en="Refiled",
    ),
    Check.SPLIT_FILING: CheckInfo(
        "同日拆分立案", "one dispute filed as several cases the same day", "rules §5 (g)", "§5 (g)",
        short_zh="拆分立案", short_en="Split",
    ),
    Check.MASS_CLOSURE: CheckInfo(
        "通报前集中结案", "a burst of closures before a bulletin", "rules §5 (d), (e)", "§5 (d), (e)",
        short_zh="集中结案", short_en="Burst",
    ),
    Check.EXPIRY_MISMATCH: CheckInfo(
        "系统届满日与依法计算不一致", "the court system's expiry differs from the law's",
        "2019-Prov Art. 7; rules §1–§4", "§5 (a)–(c)",
        short_zh="届满日不符", short_en="Expiry differs",
    ),
    Check.OUTLIER_SHARE: CheckInfo(
        "扣除、延长占比远高于同侪", "share of deducted and extended time far above peers",
        "2019-Prov Art. 8; rules §5", "§5 (a)–(c)",
        short_zh="占比畸高", short_en="Outlier share",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Finding:
    check: Check
    case_number: str | None  # None for a judge or a court (outlier_share)
    court_code: str | None
    judge: str | None
    rule: str  # the rule applied, cited
    zh: str  # the finding in a sentence, with the numbers that fired it
    en: str
    evidence: dict[str, object] = field(default_factory=dict)  # JSON values: dates as ISO text

    def as_json(self) -> dict[str, object]:
        return {
            "check": self.check.value,
            "case_number": self.case_number,
            "court_code": self.court_code,
            "judge": self.judge,
            "rule": self.rule,
            "explanation": {"zh": self.zh, "en": self.en},
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class IntegrityReport:
    as_of: date
    findings: tuple[Finding, ...]
    thresholds: dict[str, object]  # the thresholds in force, as they were applied

    def by_check(self) -> dict[str, int]:
        counts = Counter(f.check.value for f in self.findings)
        return {check.value: counts.get(check.value, 0) for check in Check}

    def by_court(self) -> dict[str, dict[str, int]]:
        courts: dict[str, Counter[str]] = {}
        for finding in self.findings:
            courts.setdefault(finding.court_code or "", Counter())[finding.check.value] += 1
        return {
            court: {check.value: counts[check.value] for check in Check if counts[check.value]}
            for court, counts in sorted(courts.items())
        }

    def by_judge(self) -> dict[str, dict[str, int]]:
        """Findings per ``court_code/judge``."""
        judges: dict[str, Counter[str]] = {}
        for finding in self.findings:
            if finding.judge:
                key = f"{finding.court_code or ''}/{finding.judge}"
                judges.setdefault(key, Counter())[finding.check.value] += 1
        return {key: dict(counts) for key, counts in sorted(judges.items())}

    def as_json(self) -> dict[str, object]:
        return {
            "as_of": self.as_of.isoformat(),
            "checks": {
                check.value: {"zh": info.zh, "en": info.en, "rule": info.rule, "practice": info.practice}
                for check, info in CHECKS.items()
            },
            "thresholds": self.thresholds,
            "by_check": self.by_check(),
            "by_court": self.by_court(),
            "by_judge": self.by_judge(),
            "findings": [finding.as_json() for finding in self.findings],
        }
