"""The cases about to age, worked out by hand (qingji.forecast.ageing): as of 30 June 2024, which pending cases
cross 6, 10, 12 and 18 months, or reach their expiry, within 30, 60 and 90 days — per court, division and judge.

A crossing day is add_months(filed_on, N) + 1 (C10, gross; C2, clamped to the month's end); a window of W days is
(as_of, as_of + W] for crossings and [as_of, as_of + W] for expiries (days remaining 0 … W)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from qingji.core.calendar import WorkCalendar
from qingji.core.conventions import Conventions
from qingji.engine.ledger import compute_ledger
from qingji.forecast.ageing import EXPIRY, ageing
from qingji.interchange import read_cases

AS_OF = date(2024, 6, 30)
# case number, court, division, judge, filed, closed, expiry
ROWS = [
    # A: 6 m on add_months(2024-01-31, 6) + 1 = 2024-08-01, day 32; expiry day 31
    ("（2024）甘1002民初1号", "甘1002", "民一庭", "张伟", date(2024, 1, 31), None, date(2024, 7, 31)),
    # B: 10 m on 2024-07-01 (2023-08-31 + 10 m = 2024-06-30, clamped), day 1; 12 m on 2024-09-01, day 63
    ("（2023）甘1002民初2号", "甘1002", "民二庭", "李娜", date(2023, 8, 31), None, None),
    # C: 18 m on 2024-08-29, day 60; its expiry is the as-of date itself, day 0
    ("（2023）甘1027民初3号", "甘1027", "民二庭", "赵磊", date(2023, 2, 28), None, date(2024, 6, 30)),
    # D: closed before the as-of date: it crosses nothing
    (
        "（2024）甘1002民初4号",
        "甘1002",
        "民一庭",
        "张伟",
        date(2024, 1, 1),
        date(2024, 6, 1),
        date(2024, 7, 1),
    ),
    # E: closed after the as-of date, so pending on it: 6 m on 2024-07-01 (2023-12-31 + 6 m = 2024-06-30), day 1;
    # its expiry the day before the as-of date: overdue, not listed
    (
        "（2023）甘1002民初5号",
        "甘1002",
        "民一庭",
        "张伟",
        date(2023, 12, 31),
        date(2024, 7, 15),
        date(2024, 6, 29),
    ),
    # F: 6 m on 2024-07-30, day 30 exactly; expiry on day 90 exactly; no judge
    ("（2024）甘1002民初6号", "甘1002", None, "", date(2024, 1, 29), None, date(2024, 9, 28)),
    # G: crosses nothing within 90 days, its expiry on day 91
    ("（2024）甘1027民初7号", "甘1027", "民二庭", "赵磊", date(2024, 6, 1), None, date(2024, 9, 29)),
]


def ledger(deducted: dict[str, int] | None = None) -> pl.DataFrame:
    columns = ["case_number", "court_code", "division", "judge", "filed_on", "closed_on", "expiry"]
    frame = pl.DataFrame(ROWS, schema=columns, orient="row")
    days = deducted or {}
    return frame.with_columns(
        deducted_days=pl.col("case_number").replace_strict(days, default=0, return_dtype=pl.Int64)
    )


def counts(*windows: int) -> dict[int, int]:
    return dict(zip((30, 60, 90), windows, strict=True))


def test_the_totals_by_hand() -> None:
    result = ageing(ledger(), AS_OF)
    assert result.totals == {
        "6": counts(2, 3, 3),  # E day 1, F day 30, A day 32
        "10": counts(1, 1, 1),  # B day 1
        "12": counts(0, 0, 1),  # B day 63
        "18": counts(0, 1, 1),  # C day 60
        EXPIRY: counts(1, 2, 3),  # C day 0, A day 31, F day 90
    }


def test_per_court_with_the_cases_by_name_and_date() -> None:
    result = ageing(ledger(), AS_OF)
    courts = {group.court_code: group for group in result.of_level("court")}
    assert sorted(courts) == ["甘1002", "甘1027"]
    west = courts["甘1002"]
    assert west.pending == 4  # A, B, E, F: D closed on 1 June
    assert west.counts["6"] == counts(2, 3, 3) and west.counts[EXPIRY] == counts(0, 1, 2)
    assert [(c.case_number, c.on) for c in west.cases("6")] == [
        ("（2023）甘1002民初5号", date(2024, 7, 1)),
        ("（2024）甘1002民初6号", date(2024, 7, 30)),
        ("（2024）甘1002民初1号", date(2024, 8, 1)),
    ]
    assert [(c.case_number, c.on) for c in west.cases("12")] == [("（2023）甘1002民初2号", date(2024, 9, 1))]
    zhenyuan = courts["甘1027"]
    assert zhenyuan.pending == 2 and zhenyuan.counts["18"] == counts(0, 1, 1)
    assert [(c.case_number, c.on) for c in zhenyuan.cases(EXPIRY)] == [("（2023）甘1027民初3号", AS_OF)]
    document = west.as_json(AS_OF)
    assert document["counts"]["6"] == {"30": 2, "60": 3, "90": 3}  # type: ignore[index]
    assert document["cases"]["10"] == [  # type: ignore[index]
        {"case_number": "（2023）甘1002民初2号", "on": "2024-07-01", "days": 1}
    ]


def test_per_division_and_judge() -> None:
    result = ageing(ledger(), AS_OF)
    divisions = {(g.court_code, g.division): g for g in result.of_level("division")}
    assert sorted(divisions, key=str) == sorted(
        [("甘1002", "民一庭"), ("甘1002", "民二庭"), ("甘1002", None), ("甘1027", "民二庭")], key=str
    )
    first = divisions[("甘1002", "民一庭")]  # A and E
    assert (
        first.pending == 2
        and first.counts["6"] == counts(1, 2, 2)
        and first.counts[EXPIRY] == counts(0, 1, 1)
    )
    judges = {(g.court_code, g.judge): g for g in result.of_level("judge")}
    assert judges[("甘1002", "张伟")].counts == first.counts
    assert judges[("甘1002", None)].counts["6"] == counts(1, 1, 1)  # F, whose judge is blank
    assert judges[("甘1027", "赵磊")].pending == 2


def test_a_court_that_counts_age_net_of_deductions_moves_the_day() -> None:
    # A had 10 days deducted: net of them, it crosses 6 months ten days later, on day 42.
    net = ageing(
        ledger({"（2024）甘1002民初1号": 10}), AS_OF, conventions=Conventions(long_pending_gross=False)
    )
    crossing = next(c for c in net.cases("6") if c.case_number == "（2024）甘1002民初1号")
    assert crossing.on == date(2024, 8, 11)
    gross = ageing(ledger({"（2024）甘1002民初1号": 10}), AS_OF)
    assert next(c for c in gross.cases("6") if c.case_number == "（2024）甘1002民初1号").on == date(
        2024, 8, 1
    )


def test_other_windows_and_months() -> None:
    result = ageing(ledger(), AS_OF, months=(6,), windows=(1, 31))
    assert result.totals == {"6": {1: 1, 31: 2}, EXPIRY: {1: 1, 31: 2}}
    with pytest.raises(ValueError, match="at least 1"):
        ageing(ledger(), AS_OF, windows=(0,))


def test_from_a_ledger_the_engine_computes(tmp_path: Path) -> None:
    """The same cases through the interchange and the engine: the crossings are the same, and each listed expiry
    is the ledger's."""
    path = tmp_path / "cases.csv"
    lines = ["案号,适用程序,立案日期,结案日期,承办法官,审判庭"]
    for number, _, division, judge, filed, closed, _ in ROWS:
        lines.append(f"{number},普通程序,{filed},{closed or ''},{judge or ''},{division or ''}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = read_cases(path)
    assert not read.problems
    cases = read.frame
    computed = compute_ledger(cases, None, AS_OF, WorkCalendar.official())
    result = ageing(computed, AS_OF)
    assert {key: result.totals[key] for key in ("6", "10", "12", "18")} == {
        "6": counts(2, 3, 3), "10": counts(1, 1, 1), "12": counts(0, 0, 1), "18": counts(0, 1, 1),
    }  # fmt: skip
    expiries = dict(zip(computed.get_column("case_number"), computed.get_column("expiry"), strict=True))
    listed = result.cases(EXPIRY)
    assert listed and all(expiries[c.case_number] == c.on for c in listed)
    assert all(AS_OF <= c.on <= date(2024, 9, 28) for c in listed)
