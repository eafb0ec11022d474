"""Any event lists imported in turn give the ledger of the last alone (issue 9, "Corrections in a later export").

Each example imports the same four cases with two event lists drawn from a pool of deductions and extensions that
differ in one field or another (an end, a length, an approval date, a start), one after the other, into the
database the earlier examples left: whatever came before, the database's ledger is that of the last files.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
import pytest
from correction_files import AS_OF, CASES, write_export
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from qingji.cases.frames import frames_from_database
from qingji.cases.imports import do_import
from qingji.cli.inputs import read_files
from qingji.courts.actions import do_ensure_courts
from qingji.engine.ledger import compute_ledger
from qingji.holidays import work_calendar

pytestmark = pytest.mark.django_db

# 事项, 类别, 开始日期, 结束日期, 期间, 批准人, 批准日期, 备注: pairs of them are the same act corrected, or not.
# An events file has at least one row (one with a header alone is refused as empty).
POOL = [
    ("扣除审限", "鉴定", "2024-05-01", "2024-06-30", "", "", "", "司法鉴定"),
    ("扣除审限", "鉴定", "2024-05-01", "2024-12-30", "", "", "", "司法鉴定"),
    ("扣除审限", "鉴定", "2024-05-01", "2024-07-31", "", "", "", ""),
    ("扣除审限", "公告", "2024-05-10", "2024-07-09", "", "", "", "公告送达"),
    ("扣除审限", "公告", "2024-06-01", "2024-07-09", "", "", "", "公告送达"),
    ("延长审限", "", "", "", "6个月", "院长", "2024-08-20", ""),
    ("延长审限", "", "", "", "3个月", "院长", "2024-08-20", "改为3个月"),
    ("延长审限", "", "", "", "3个月", "院长", "2024-08-25", ""),
]
EVENT_LISTS = st.lists(
    st.tuples(st.integers(0, len(CASES) - 1), st.integers(0, len(POOL) - 1)),
    min_size=1,
    max_size=10,
    unique=True,
)  # two extensions approved on one day included: their order is by content, not by row


def events_of(chosen: list[tuple[int, int]]) -> list[tuple[str, ...]]:
    return [(CASES[case][0], *POOL[event]) for case, event in chosen]


def ledger_of(frames: tuple[pl.DataFrame, pl.DataFrame | None]) -> pl.DataFrame:
    return compute_ledger(*frames, AS_OF, work_calendar(None)).sort("case_number")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=EVENT_LISTS, second=EVENT_LISTS)
def test_two_event_lists_in_turn_give_the_ledger_of_the_second(
    first: list[tuple[int, int]], second: list[tuple[int, int]]
) -> None:
    do_ensure_courts()
    with tempfile.TemporaryDirectory() as directory:
        for number, chosen in enumerate((first, second)):
            files = write_export(Path(directory) / str(number), events_of(chosen))
            outcome = do_import(*files)
            assert outcome.imported, outcome.problems
        problems: list[object] = []
        expected = ledger_of(read_files(*files, problems))  # type: ignore[arg-type]
        assert not problems
        assert_frame_equal(ledger_of(frames_from_database()), expected)
        again = do_import(*files)
        assert (again.events_added, again.events_changed, again.events_withdrawn) == (0, 0, 0)
