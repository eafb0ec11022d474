"""The checks across cases of the same parties: withdraw_refile (a case withdrawn and filed again to start its
clock anew, rules/trial-periods.md §5 (d)) and split_filing (one dispute filed as several cases the same day,
§5 (g)). Parties and causes compare in the forms of qingji.integrity.parties."""

from __future__ import annotations

from datetime import date

import polars as pl

from qingji.integrity.findings import Check, Finding
from qingji.integrity.parties import cause_key, identifiable, parties_key
from qingji.integrity.thresholds import Thresholds


def keyed(cases: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """The cases filed by ``as_of`` that name their parties (at least one of them unmasked: parties.identifiable)
    and cause, with their compared keys. Each distinct text is normalised once."""
    if "parties" not in cases.columns or "cause" not in cases.columns:
        return pl.DataFrame()
    known = cases.filter(pl.col("filed_on") <= as_of).select(
        "case_number", "court_code", "judge", "filed_on", "closed_on", "closure_method", "parties", "cause"
    )
    parties = known.get_column("parties").drop_nulls().unique()
    causes = known.get_column("cause").drop_nulls().unique()
    party_keys = {text: key for text in parties.to_list() if identifiable(key := parties_key(text))}
    cause_keys = dict(zip(causes.to_list(), [cause_key(c) for c in causes.to_list()], strict=True))
    return known.with_columns(
        pk=pl.col("parties").replace_strict(party_keys, default=None, return_dtype=pl.String),
        ck=pl.col("cause").replace_strict(cause_keys, default=None, return_dtype=pl.String),
    ).filter(pl.col("pk").is_not_null() & pl.col("ck").is_not_null())


def withdraw_refile(frame: pl.DataFrame, as_of: date, thresholds: Thresholds) -> list[Finding]:
    """Case B filed in the same court with the same parties and cause 0 to ``refile_days`` days after case A was
    closed by withdrawal or the like (``withdrawal_methods``): B is the finding, A its evidence."""
    if frame.is_empty():
        return []
    pattern = "|".join(thresholds.withdrawal_methods)
    withdrawn = frame.filter(
        pl.col("closed_on").is_not_null()
        & (pl.col("closed_on") <= as_of)
        & pl.col("closure_method").str.contains(pattern).fill_null(False)
    ).select("court_code", "pk", "ck", a=pl.col("case_number"), a_closed=pl.col("closed_on"),
             a_method=pl.col("closure_method"), a_filed=pl.col("filed_on"))  # fmt: skip
    pairs = (
        frame.join(withdrawn, on=["court_code", "pk", "ck"], how="inner")
        .with_columns(gap=(pl.col("filed_on") - pl.col("a_closed")).dt.total_days())
        .filter(
            (pl.col("case_number") != pl.col("a"))
            & (pl.col("gap") >= 0)
            & (pl.col("gap") <= thresholds.refile_days)
        )
        .sort("case_number", "gap")
        .unique("case_number", keep="first", maintain_order=True)
    )
    return [
        Finding(
            Check.WITHDRAW_REFILE,
            row["case_number"],
            row["court_code"],
            row["judge"] or None,
            "2019-Prov Art. 8; rules §5 (d)",
            f"{row['a']}于{row['a_closed']}以{row['a_method']}结案，{row['gap']}日后同一当事人、同一案由重新立案"
            f"（{row['filed_on']}）",
            f"{row['a']} closed by {row['a_method']} on {row['a_closed']}; the same parties and cause filed again "
            f"{row['gap']} days later ({row['filed_on']})",
            {
                "earlier_case": row["a"],
                "earlier_filed_on": str(row["a_filed"]),
                "earlier_closed_on": str(row["a_closed"]),
                "earlier_closure_method": row["a_method"],
                "filed_on": str(row["filed_on"]),
                "days_between": row["gap"],
                "parties": row["parties"],
                "cause": row["cause"],
                "limit_days": thresholds.refile_days,
            },
        )
        for row in pairs.iter_rows(named=True)
    ]


def split_filing(frame: pl.DataFrame, thresholds: Thresholds) -> list[Finding]:
    """``split_min_cases`` or more cases of the same court, parties and cause filed the same day: each is a
    finding naming the others."""
    if frame.is_empty():
        return []
    groups = (
        frame.group_by("court_code", "pk", "ck", "filed_on")
        .agg(pl.col("case_number").sort(), n=pl.len())
        .filter(pl.col("n") >= thresholds.split_min_cases)
    )
    judges = dict(zip(frame.get_column("case_number"), frame.get_column("judge"), strict=True))
    causes = dict(zip(frame.get_column("case_number"), frame.get_column("cause"), strict=True))
    findings = []
    for row in groups.sort("court_code", "filed_on").iter_rows(named=True):
        numbers = row["case_number"]
        for number in numbers:
            others = [n for n in numbers if n != number]
            findings.append(
                Finding(
                    Check.SPLIT_FILING,
                    number,
                    row["court_code"],
                    judges.get(number) or None,
                    "rules §5 (g)",
                    f"{row['filed_on']}同日以同一当事人、同一案由（{causes.get(number)}）立案{row['n']}件：{'、'.join(others)}",
                    f"{row['n']} cases of the same parties and cause ({causes.get(number)}) filed on {row['filed_on']}: "
                    + ", ".join(others),
                    {
                        "filed_on": str(row["filed_on"]),
                        "cases": numbers,
                        "count": row["n"],
                        "minimum": thresholds.split_min_cases,
                    },
                )
            )
    return findings
