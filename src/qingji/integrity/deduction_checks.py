"""The deduction checks over whole columns: deduction_without_ground, deduction_overlap, deduction_after_cause
(rules/trial-periods.md §3; §5 (b), (c)). Each deduction row known on the date is looked at once; a case gets one
finding per check, naming every deduction row that fired it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import polars as pl

from qingji.core.conventions import Conventions
from qingji.core.deductions import deduction_list_source, deduction_source
from qingji.core.typecodes import type_code
from qingji.core.vocabulary import Warning
from qingji.integrity.findings import Check, Finding
from qingji.integrity.thresholds import Thresholds

_STAY = "暂缓执行"
_NOTICE = "公告"
_SPECIAL = "民特"


def deduction_rows(
    cases: pl.DataFrame, events: pl.DataFrame | None, ledger: pl.DataFrame, as_of: date
) -> pl.DataFrame:
    """The deductions known on ``as_of`` of the cases with a statutory period, with their case's facts, the
    ledger's expiry and warnings, and ``until`` (the end, or the date for a running one) and ``days``."""
    if events is None or events.is_empty():
        return pl.DataFrame()
    facts = cases.select("case_number", "court_code", "type_code", "judge", "filed_on", "closed_on")
    states = ledger.select("case_number", "expiry", "warnings").filter(pl.col("expiry").is_not_null())
    return (
        events.filter((pl.col("event") == "deduction") & (pl.col("start") <= as_of))
        .select("case_number", "kind", "start", "end", "approved_by", "approved_on")
        .join(facts, on="case_number", how="inner")
        .join(states, on="case_number", how="inner")
        .with_columns(until=pl.coalesce("end", pl.lit(as_of)))
        .with_columns(days=(pl.col("until") - pl.col("start")).dt.total_days() + 1)
        .sort("case_number", "start", "until")
    )


def _described(row: dict[str, object]) -> dict[str, object]:
    end = row["end"]
    return {
        "kind": row["kind"],
        "start": str(row["start"]),
        "end": str(end) if end is not None else None,
        "days": row["days"],
        "approved_by": row["approved_by"],
    }


def _finding(check: Check, rule: str, rows: list[dict[str, object]], zh: list[str], en: list[str],
             extra: dict[str, object] | None = None) -> Finding:  # fmt: skip
    first = rows[0]
    return Finding(
        check,
        str(first["case_number"]),
        first["court_code"],  # type: ignore[arg-type]
        first["judge"] or None,  # type: ignore[arg-type]
        rule,
        "；".join(zh),
        "; ".join(en),
        {"deductions": [_described(row) for row in rows], **(extra or {})},
    )


def _grouped(frame: pl.DataFrame) -> Iterator[list[dict[str, object]]]:
    """The rows of ``frame`` (sorted by case) gathered per case."""
    rows: list[dict[str, object]] = []
    for row in frame.iter_rows(named=True):
        if rows and rows[0]["case_number"] != row["case_number"]:
            yield rows
            rows = []
        rows.append(row)
    if rows:
        yield rows


def without_ground(rows: pl.DataFrame, conventions: Conventions, thresholds: Thresholds) -> list[Finding]:
    """A kind the rules do not allow for the case (the ledger's deduction_not_allowed: 2000-Prov Art. 9 and the
    lists of §3.2; local kinds only where the court switched them on, §3.4), a blank kind, a stay of enforcement
    beyond three months with no approver (Exec-Work-Prov item 77), or a deduction begun after the expiry it would
    move (the ledger's deduction_after_expiry: time deducted from a period already over)."""
    if rows.is_empty():
        return []
    combos = rows.select("kind", "type_code").unique()
    allowed = [
        kind is not None
        and deduction_source(
            kind, t.family if (t := type_code(code)) else None, code, conventions.local_deduction_kinds
        )
        is not None
        for kind, code in combos.iter_rows()
    ]
    table = combos.with_columns(allowed=pl.Series(allowed, dtype=pl.Boolean))
    months = thresholds.stay_months_without_approval
    flagged = (
        rows.join(table, on=["kind", "type_code"], how="left", nulls_equal=True)
        .with_columns(
            stay_over=(pl.col("kind") == _STAY)
            & pl.col("approved_by").is_null()
            # three months from 03-01 end on 05-31 (C2, C5): longer is on or after 06-01
            & (pl.col("until") >= pl.col("start").dt.offset_by(f"{months}mo")),
            late=pl.col("warnings").list.contains(Warning.DEDUCTION_AFTER_EXPIRY.value)
            & (pl.col("start") > pl.col("expiry"))
            & pl.lit(not conventions.count_late_acts),
        )
        .filter(~pl.col("allowed") | pl.col("stay_over") | pl.col("late"))
    )
    findings = []
    for case in _grouped(flagged):
        zh, en, rules = [], [], []
        for row in case:
            kind = row["kind"] or "（空白）"
            family = t.family if (t := type_code(str(row["type_code"]))) else None
            if not row["allowed"]:
                zh.append(f"{kind} {row['start']}起：{row['type_code']}案件不得扣除此类期间")
                en.append(
                    f"{row['kind'] or 'blank kind'} from {row['start']}: not deductible in a {row['type_code']} case"
                )
                rules.append(deduction_list_source(family))
            if row["stay_over"]:
                zh.append(f"暂缓执行 {row['start']}起{row['days']}日，超过{months}个月而无批准人")
                en.append(
                    f"stay of enforcement from {row['start']}, {row['days']} days: over {months} months, no approver"
                )
                rules.append("Exec-Work-Prov item 77")
            if row["late"]:
                zh.append(f"{kind} {row['start']}起，始于审限届满日{row['expiry']}之后")
                en.append(f"{row['kind']} from {row['start']} begins after the expiry {row['expiry']}")
                rules.append("2019-Prov Art. 7; rules §5 (b)")
        findings.append(
            _finding(
                Check.DEDUCTION_WITHOUT_GROUND,
                "; ".join(dict.fromkeys(rules)),
                case,
                zh,
                en,
                {"expiry": str(case[0]["expiry"])},
            )
        )
    return findings


def overlapping(rows: pl.DataFrame) -> list[Finding]:
    """Deductions of one case that share a day (both ends counted, C5: the days are counted once), or one that
    begins before the filing or lies after the closing (outside the case's life)."""
    if rows.is_empty():
        return []
    marked = rows.with_columns(
        overlap=(pl.col("start") <= pl.col("until").cum_max().shift(1).over("case_number")).fill_null(False),
        before=pl.col("start") < pl.col("filed_on"),
        after=pl.col("closed_on").is_not_null()
        & (pl.max_horizontal("start", pl.coalesce("end", "start")) > pl.col("closed_on")),
    )
    # the row another one overlaps is named too: it is the earlier of the pair
    marked = marked.with_columns(overlapped=pl.col("overlap").shift(-1).over("case_number").fill_null(False))
    flagged = marked.filter(pl.col("overlap") | pl.col("overlapped") | pl.col("before") | pl.col("after"))
    findings = []
    for case in _grouped(flagged):
        zh, en = [], []
        pair = [row for row in case if row["overlap"] or row["overlapped"]]
        if pair:
            zh.append(
                "扣除期间重叠：" + "、".join(f"{r['kind']} {r['start']}至{r['end'] or '今'}" for r in pair)
            )
            en.append(
                "overlapping deductions: "
                + ", ".join(f"{r['kind']} {r['start']}..{r['end'] or 'open'}" for r in pair)
            )
        for row in case:
            if row["before"]:
                zh.append(f"{row['kind']} {row['start']}起，早于立案日期{row['filed_on']}")
                en.append(f"{row['kind']} from {row['start']}, before the filing on {row['filed_on']}")
            if row["after"]:
                zh.append(f"{row['kind']} {row['start']}至{row['end']}，晚于结案日期{row['closed_on']}")
                en.append(
                    f"{row['kind']} {row['start']}..{row['end']}, after the closing on {row['closed_on']}"
                )
        findings.append(_finding(Check.DEDUCTION_OVERLAP, "C5; 2000-Prov Art. 9", case, zh, en))
    return findings


def after_cause(rows: pl.DataFrame, as_of: date, thresholds: Thresholds) -> list[Finding]:
    """A deduction kept after its cause ended: still open on a closed case; longer than its kind's legal end
    (延期审理 one month, 2000-Prov Art. 9(5); 更换辩护人 15 days, CrPL-Interp 313; 公告 90 days, a 民特 notice
    a year: CPL 95, 192, 198); or open for longer than the site's limit (中止 apart: it ends with resumption)."""
    if rows.is_empty():
        return []
    caps = pl.DataFrame(
        {"kind": list(thresholds.deduction_max_days), "cap": list(thresholds.deduction_max_days.values())},
        schema={"kind": pl.String, "cap": pl.Int64},
    )
    marked = (
        rows.join(caps, on="kind", how="left")
        .with_columns(
            cap=pl.when((pl.col("kind") == _NOTICE) & (pl.col("type_code") == _SPECIAL))
            .then(pl.lit(thresholds.special_notice_days, pl.Int64))
            .otherwise(pl.col("cap"))
        )
        .with_columns(
            open_closed=pl.col("end").is_null()
            & pl.col("closed_on").is_not_null()
            & (pl.col("closed_on") <= as_of),
            over_cap=pl.col("cap").is_not_null() & (pl.col("days") > pl.col("cap")),
            long_open=pl.col("end").is_null()
            & (pl.col("days") > thresholds.open_deduction_days)
            & ~pl.col("kind").is_in(list(thresholds.open_exempt_kinds)).fill_null(False),
        )
        .filter(pl.col("open_closed") | pl.col("over_cap") | pl.col("long_open"))
    )
    findings = []
    for case in _grouped(marked):
        zh, en = [], []
        for row in case:
            if row["open_closed"]:
                zh.append(f"{row['kind']} {row['start']}起的扣除在{row['closed_on']}结案后仍未结束")
                en.append(
                    f"{row['kind']} from {row['start']} still open after the closing on {row['closed_on']}"
                )
            if row["over_cap"]:
                zh.append(f"{row['kind']} {row['start']}起{row['days']}日，超过该事由的{row['cap']}日")
                en.append(
                    f"{row['kind']} from {row['start']}: {row['days']} days, over its cause's {row['cap']}"
                )
            if row["long_open"]:
                zh.append(
                    f"{row['kind']} {row['start']}起至今{row['days']}日仍未结束（上限{thresholds.open_deduction_days}日）"
                )
                en.append(
                    f"{row['kind']} open since {row['start']}: {row['days']} days (limit {thresholds.open_deduction_days})"
                )
        findings.append(
            _finding(
                Check.DEDUCTION_AFTER_CAUSE,
                "2000-Prov Art. 9(5); CrPL-Interp 313; CPL 95, 192, 198",
                case,
                zh,
                en,
            )
        )
    return findings
