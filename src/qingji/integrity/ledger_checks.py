"""The checks read off the ledger and explained by the law for one case: extension_late, extension_over_limit
(rules/trial-periods.md §2; the ledger's warnings, which the engine computes as the core does) and
expiry_mismatch (the court system's 审限届满日期 against qingji's expiry). The flagged cases are few: each is
computed again by the core (qingji.core.deadline) so that its finding carries the whole explanation."""

from __future__ import annotations

from datetime import date

import polars as pl

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.core.deadline import compute_deadline
from qingji.core.vocabulary import Warning
from qingji.engine.facts import facts_from_frames
from qingji.integrity.findings import Check, Finding
from qingji.integrity.thresholds import Thresholds

_LATE = (Warning.EXTENSION_AFTER_EXPIRY.value,)
_OVER = (Warning.EXTENSION_BEYOND_MAXIMUM.value, Warning.EXTENSION_WRONG_LEVEL.value)


def _extensions(
    events: pl.DataFrame | None, numbers: list[str], as_of: date
) -> dict[str, list[dict[str, object]]]:
    if events is None or not numbers:
        return {}
    rows: dict[str, list[dict[str, object]]] = {}
    chosen = events.filter(
        (pl.col("event") == "extension")
        & pl.col("case_number").is_in(numbers)
        & (pl.col("approved_on").is_null() | (pl.col("approved_on") <= as_of))
    )
    for row in chosen.iter_rows(named=True):
        months, days = row["length_months"], row["length_days"]
        length = None if months is None and days is None else f"{months or 0}个月{days or 0}日"
        rows.setdefault(row["case_number"], []).append(
            {
                "length": length,
                "approved_by": row["approved_by"],
                "approved_on": str(row["approved_on"]) if row["approved_on"] else None,
            }
        )
    return rows


def _explanations(
    cases: pl.DataFrame, events: pl.DataFrame | None, numbers: list[str], as_of: date,
    calendar: WorkCalendar, conventions: Conventions,
) -> dict[str, tuple[list[str], list[str]]]:  # fmt: skip
    """Each case's expiry explained step by step by the core, in Chinese and in English."""
    if not numbers:
        return {}
    chosen = cases.filter(pl.col("case_number").is_in(numbers))
    their = events.filter(pl.col("case_number").is_in(numbers)) if events is not None else None
    result = {}
    for facts in facts_from_frames(chosen, their):
        deadline = compute_deadline(facts, as_of, calendar, conventions)
        result[str(facts.case_number)] = (
            [step.line_zh() for step in deadline.steps],
            [step.line_en() for step in deadline.steps],
        )
    return result


def extension_and_expiry(
    cases: pl.DataFrame, events: pl.DataFrame | None, ledger: pl.DataFrame, as_of: date,
    calendar: WorkCalendar, conventions: Conventions, thresholds: Thresholds,
) -> list[Finding]:  # fmt: skip
    warnings = pl.col("warnings")
    has_cms = "cms_expiry" in cases.columns
    frame = ledger.select("case_number", "court_code", "judge", "expiry", "warnings")
    if has_cms:
        frame = frame.join(cases.select("case_number", "cms_expiry"), on="case_number", how="left")
    else:
        frame = frame.with_columns(cms_expiry=pl.lit(None, pl.Date))
    marked = (
        frame.with_columns(
            late=warnings.list.set_intersection(list(_LATE)).list.len() > 0,
            over=warnings.list.set_intersection(list(_OVER)).list.len() > 0,
            gap=(pl.col("cms_expiry") - pl.col("expiry")).dt.total_days(),
        )
        .with_columns(
            mismatch=pl.col("gap").abs().fill_null(0) > thresholds.expiry_tolerance_days,
        )
        .filter(pl.col("late") | pl.col("over") | pl.col("mismatch"))
    )
    numbers = marked.get_column("case_number").to_list()
    explained = _explanations(cases, events, numbers, as_of, calendar, conventions)
    extensions = _extensions(events, numbers, as_of)
    findings = []
    for row in marked.iter_rows(named=True):
        number = row["case_number"]
        steps_zh, steps_en = explained.get(number, ([], []))
        common = {"expiry": str(row["expiry"]) if row["expiry"] else None, "explanation": steps_zh,
                  "explanation_en": steps_en}  # fmt: skip
        judge = row["judge"] or None
        if row["late"]:
            findings.append(Finding(
                Check.EXTENSION_LATE, number, row["court_code"], judge, "CPL 152; 2019-Prov Art. 1; CrPL 208",
                "延长审限在其所延长的审限届满之后才批准，不计入审限（见计算过程）",
                "an extension was approved after the expiry it extends and is not counted (see the explanation)",
                {**common, "extensions": extensions.get(number, [])},
            ))  # fmt: skip
        if row["over"]:
            found = [w for w in row["warnings"] if w in _OVER]
            zh = "；".join(
                {"extension_beyond_maximum": "延长超过法定上限", "extension_wrong_level": "批准人级别不符"}[w]
                for w in found
            )
            en = "; ".join(
                {
                    "extension_beyond_maximum": "beyond the legal maximum",
                    "extension_wrong_level": "approved at the wrong level",
                }[w]
                for w in found
            )
            findings.append(Finding(
                Check.EXTENSION_OVER_LIMIT, number, row["court_code"], judge,
                "CPL 152, 164; CrPL 208, 243; 2000-Prov Art. 2–5", zh, en,
                {**common, "extensions": extensions.get(number, [])},
            ))  # fmt: skip
        if row["mismatch"]:
            gap = row["gap"]
            findings.append(Finding(
                Check.EXPIRY_MISMATCH, number, row["court_code"], judge, "2019-Prov Art. 7; rules §1–§4",
                f"系统审限届满日期{row['cms_expiry']}，依法计算为{row['expiry']}，{'晚' if gap > 0 else '早'}{abs(gap)}日",
                f"the court system says {row['cms_expiry']}, the law gives {row['expiry']}: "
                f"{abs(gap)} days {'later' if gap > 0 else 'earlier'}",
                {**common, "cms_expiry": str(row["cms_expiry"]), "difference_days": gap},
            ))  # fmt: skip
    return findings
