"""Hypothesis strategies for cases as the rules read them: every procedure, event and month end."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from qingji.core.conventions import Conventions
from qingji.core.dates import add_period, last_day_of_month
from qingji.core.events import (
    DEDUCTION_KINDS,
    LOCAL_DEDUCTION_KINDS,
    RESTART_REASONS,
    CaseFacts,
    Conversion,
    Deduction,
    Extension,
    Period,
    Restart,
)
from qingji.core.periods import RULES
from qingji.core.procedures import Procedure

TYPE_CODES = sorted({rule.type_code for rule in RULES} | {"刑他", "民辖"})
COURTS = ["甘10", "甘1002", "甘1021", "甘1027", "甘", None]
APPROVERS = [
    "院长",
    "副院长",
    "庭长",
    "庆阳市中级人民法院",
    "甘肃省高级人民法院",
    "最高人民法院",
    "上级法院",
    "",
    None,
    "某某",
]


@st.composite
def days(draw: st.DrawFn, low: date = date(2014, 1, 1), high: date = date(2028, 12, 31)) -> date:
    """Dates with month ends, leap days and year ends drawn often."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        year = draw(st.integers(low.year, high.year))
        month = draw(st.integers(1, 12))
        return date(year, month, last_day_of_month(year, month))
    if kind == 1:
        year = draw(st.sampled_from([y for y in range(low.year, high.year + 1) if y % 4 == 0]))
        return date(year, 2, draw(st.sampled_from([28, 29])))
    return draw(st.dates(low, high))


def near(anchor: date, spread: int = 500) -> st.SearchStrategy[date]:
    return st.integers(-30, spread).map(lambda offset: anchor + timedelta(days=offset))


def around_expiry(anchor: date) -> st.SearchStrategy[date]:
    """Days a week either side of the ends of common periods (15 days to 15 months): acts just before, on and
    after an expiry, on the rolled-forward day after a weekend or holiday, and under the 5-day lead (issue 9)."""
    return st.builds(
        lambda months, days, offset: add_period(anchor, Period(months, days)) + timedelta(days=offset),
        st.sampled_from([0, 1, 2, 3, 3, 3, 4, 6, 6, 6, 9, 12, 15]),
        st.sampled_from([0, 0, 0, 15, 30]),
        st.one_of(st.integers(-7, 7), st.integers(-5, 1)),
    )


def act_day(anchor: date, spread: int) -> st.SearchStrategy[date]:
    """An act's date: anywhere in the case's life, or around an expiry (late acts drawn often)."""
    return st.one_of(near(anchor, spread), around_expiry(anchor), around_expiry(anchor))


@st.composite
def case_facts(draw: st.DrawFn, index: int = 0) -> CaseFacts:
    filed = draw(days())
    # Every type code, and the busiest ones (where the 5- and 3-day leads apply) more often.
    code = draw(st.one_of(st.sampled_from(TYPE_CODES), st.sampled_from(["民初", "民终", "行初"])))
    procedure = draw(st.one_of(st.none(), st.sampled_from(list(Procedure))))
    closed = draw(st.one_of(st.none(), near(filed, 900)))
    extensions = draw(
        st.lists(
            st.builds(
                Extension,
                st.one_of(
                    st.none(),
                    st.builds(Period, st.integers(0, 7), st.sampled_from([0, 0, 5, 15, 30])),
                ),
                st.sampled_from(APPROVERS),
                st.one_of(st.none(), act_day(filed, 700)),
            ),
            max_size=4,
        )
    )
    deductions = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(act_day(filed, 800))
        length = draw(st.one_of(st.none(), st.integers(0, 200)))
        end = None if length is None else start + timedelta(days=length)
        kind = draw(st.sampled_from([*DEDUCTION_KINDS, *LOCAL_DEDUCTION_KINDS]))
        deductions.append(Deduction(kind, start, end))
    conversions = draw(
        st.lists(st.builds(Conversion, st.sampled_from(list(Procedure)), act_day(filed, 300)), max_size=2)
    )
    restarts = draw(
        st.lists(
            st.builds(Restart, st.sampled_from(["", *RESTART_REASONS]), near(filed, 400)),
            max_size=2,
        )
    )
    return CaseFacts(
        type_code=code,
        filed_on=filed,
        procedure=procedure,
        closed_on=closed,
        in_custody=draw(st.booleans()),
        extensions=tuple(extensions),
        deductions=tuple(deductions),
        conversions=tuple(conversions),
        restarts=tuple(restarts),
        court_code=draw(st.sampled_from(COURTS)),
        case_number=f"case-{index}",
    )


conventions_strategy = st.one_of(
    st.just(Conventions()),
    st.just(Conventions(count_late_acts=True)),
    st.builds(
        Conventions,
        anchor_day_counted=st.booleans(),
        criminal_month_end_rule=st.booleans(),
        extensions_from_anchor=st.booleans(),
        deductions_inclusive=st.booleans(),
        roll_forward_rest_days=st.booleans(),
        custody_exception=st.booleans(),
        restart_discards_earlier_events=st.booleans(),
        grace_days=st.integers(0, 5),
        elapsed_net_of_deductions=st.booleans(),
        long_pending_gross=st.booleans(),
        criminal_first_instance_outer_limit=st.booleans(),
        count_disallowed_deductions=st.booleans(),
        count_late_acts=st.booleans(),
        local_deduction_kinds=st.sampled_from([frozenset(), frozenset(LOCAL_DEDUCTION_KINDS)]),
        approaching_days=st.sampled_from([(30, 15, 7), (10,), (60, 20)]),
        age_warning_months=st.sampled_from([9, 10]),
    ),
)
