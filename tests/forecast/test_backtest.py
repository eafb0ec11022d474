"""The projection measured on the past (qingji.forecast.backtest) on a synthetic court system: the Qingyang
courts' files from qingji.synth, written and read back as a court's export is, then the projection as known on
31 December 2024 against what the same files say happened at each month end to 30 June 2025."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from qingji.core.calendar import WorkCalendar
from qingji.core.dates import older_than_cutoff
from qingji.forecast.backtest import backtest
from qingji.interchange import read_cases, read_events
from qingji.synth import generate

UNTIL = date(2025, 6, 30)
START = date(2024, 12, 31)


@pytest.fixture(scope="module")
def court_system(tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, pl.DataFrame]:
    """30,000 synthetic cases (about three years of filings up to 30 June 2025), as qingji reads the files."""
    folder = tmp_path_factory.mktemp("synth")
    cases, events = generate(30_000, seed=14, until=UNTIL)
    cases_path, events_path = Path(folder) / "cases.csv", Path(folder) / "events.csv"
    cases.write_csv(cases_path, date_format="%Y-%m-%d")
    events.write_csv(events_path, date_format="%Y-%m-%d")
    read = read_cases(cases_path, UNTIL)
    read_evts = read_events(events_path, read.frame.get_column("case_number"))
    assert not read.problems and not read_evts.problems
    return read.frame, read_evts.frame


def test_the_error_is_reported_and_reasonable(court_system: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    cases, events = court_system
    result = backtest(cases, events, START, 6, WorkCalendar.official())
    assert result.known_until == UNTIL
    assert [(row.month_end, row.band) for row in result.rows][:4] == [
        (date(2025, 1, 31), 6), (date(2025, 1, 31), 12), (date(2025, 1, 31), 18), (date(2025, 2, 28), 6),
    ]  # fmt: skip
    assert len(result.rows) == 18
    for row in result.rows:  # the actual counts are the files' own
        end = row.month_end
        pending = cases.filter(
            (pl.col("filed_on") <= end)
            & (pl.col("closed_on").is_null() | (pl.col("closed_on") > end))
            & (pl.col("filed_on") < older_than_cutoff(end, row.band))
        )
        assert row.actual == pending.height > 0
        assert row.error == pytest.approx(row.projected - row.actual)
    # Measured: a MAPE of a few percent, most actual counts inside the 80% interval (docs/forecast.md).
    assert result.mape is not None and result.mape < 15
    assert result.share_inside is not None and result.share_inside >= 0.5
    document = result.as_json()
    assert set(document) >= {"start", "known_until", "mape", "share_inside", "mean_absolute_error", "rows"}
    assert set(document["rows"][0]) >= {"month_end", "band", "projected", "low", "high", "actual", "error"}  # type: ignore[index]


def test_the_projection_knows_only_what_was_known_on_the_start(
    court_system: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    """The backtest's projection is the projection of the cases as they stood on the start: filed by then, the
    later closings unknown."""
    from qingji.forecast.projection import project

    cases, events = court_system
    result = backtest(cases, events, START, 2, WorkCalendar.official())
    as_known = cases.filter(pl.col("filed_on") <= START).with_columns(
        pl.when(pl.col("closed_on") <= START).then(pl.col("closed_on")).alias("closed_on")
    )
    assert result.projection.as_json() == project(as_known, START, months=2).as_json()


def test_only_the_month_ends_the_data_knows_are_compared(
    court_system: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    cases, events = court_system
    result = backtest(cases, events, date(2025, 3, 31), 6, WorkCalendar.official())
    assert sorted({row.month_end for row in result.rows}) == [date(2025, 4, 30), date(2025, 5, 31), UNTIL]
    with pytest.raises(ValueError, match="no month end"):
        backtest(cases, events, UNTIL, 3, WorkCalendar.official())
    shorter = backtest(
        cases, events, date(2025, 3, 31), 6, WorkCalendar.official(), known_until=date(2025, 5, 31)
    )
    assert len(shorter.rows) == 6
