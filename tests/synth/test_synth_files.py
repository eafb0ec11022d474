"""qingji.synth writes the interchange format (DESIGN.md §6) exactly, and the same arguments give the same bytes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from qingji.synth import CASE_COLUMNS, EVENT_COLUMNS, generate, write

UNTIL = date(2025, 6, 30)
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _header(path: Path) -> str:
    return path.read_bytes().split(b"\n", 1)[0].decode("utf-8")


def test_write_returns_both_paths(tmp_path: Path) -> None:
    cases_path, events_path = write(tmp_path / "out", 500, 1, UNTIL)
    assert cases_path == tmp_path / "out" / "cases.csv"
    assert events_path == tmp_path / "out" / "events.csv"
    assert cases_path.is_file() and events_path.is_file()


def test_same_arguments_give_identical_bytes(tmp_path: Path) -> None:
    first = write(tmp_path / "a", 3000, 42, UNTIL, events_per_case=1.0)
    second = write(tmp_path / "b", 3000, 42, UNTIL, events_per_case=1.0)
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes()


def test_output_does_not_depend_on_hash_randomisation(tmp_path: Path) -> None:
    script = (
        "import sys; from datetime import date; from pathlib import Path; from qingji.synth import write; "
        "write(Path(sys.argv[1]), 2000, 8, date(2025, 6, 30), 1.0)"
    )
    for hash_seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, "-c", script, str(tmp_path / hash_seed)], check=True, env=environment)
    for name in ("cases.csv", "events.csv"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()


def test_different_seeds_give_different_files(tmp_path: Path) -> None:
    first = write(tmp_path / "a", 2000, 1, UNTIL)
    second = write(tmp_path / "b", 2000, 2, UNTIL)
    assert first[0].read_bytes() != second[0].read_bytes()
    assert first[1].read_bytes() != second[1].read_bytes()


def test_headers_are_exactly_those_of_the_interchange_format(tmp_path: Path) -> None:
    cases_path, events_path = write(tmp_path, 300, 3, UNTIL)
    assert _header(cases_path) == ",".join(CASE_COLUMNS)
    assert _header(events_path) == ",".join(EVENT_COLUMNS)
    assert (
        _header(cases_path)
        == "案号,法院,适用程序,案由,立案日期,结案日期,结案方式,承办法官,审判庭,羁押,当事人"
    )
    assert _header(events_path) == "案号,事项,类别,开始日期,结束日期,期间,批准人,批准日期,备注"


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not available")
def test_headers_match_the_shared_samples(tmp_path: Path) -> None:
    cases_path, events_path = write(tmp_path, 300, 3, UNTIL)
    assert _header(cases_path) == _header(SAMPLES / "cases.csv")
    assert _header(events_path) == _header(SAMPLES / "events.csv")


def test_files_are_utf8_without_bom_with_iso_dates(tmp_path: Path) -> None:
    cases_path, events_path = write(tmp_path, 2000, 5, UNTIL, events_per_case=1.0)
    for path, date_columns in ((cases_path, (4, 5)), (events_path, (3, 4, 7))):
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        lines = raw.decode("utf-8").splitlines()
        width = len(lines[0].split(","))
        for line in lines[1:]:
            cells = line.split(",")
            assert len(cells) == width, line  # no field holds a comma or needs quoting
            for column in date_columns:
                assert cells[column] == "" or DATE.match(cells[column]), line


def test_files_read_back_to_the_generated_frames(tmp_path: Path) -> None:
    cases, events = generate(1500, 9, UNTIL, events_per_case=1.0)
    cases_path, events_path = write(tmp_path, 1500, 9, UNTIL, events_per_case=1.0)
    schema = {c: pl.String for c in CASE_COLUMNS} | {"立案日期": pl.Date, "结案日期": pl.Date}
    assert pl.read_csv(cases_path, schema=schema).equals(cases)
    event_schema = {c: pl.String for c in EVENT_COLUMNS} | {
        "开始日期": pl.Date,
        "结束日期": pl.Date,
        "批准日期": pl.Date,
    }
    assert pl.read_csv(events_path, schema=event_schema).equals(events)


def test_frames_have_the_interchange_columns_and_types() -> None:
    cases, events = generate(200, 4, UNTIL)
    assert tuple(cases.columns) == CASE_COLUMNS
    assert tuple(events.columns) == EVENT_COLUMNS
    assert cases.schema["立案日期"] == pl.Date and cases.schema["结案日期"] == pl.Date
    assert events.schema["开始日期"] == pl.Date and events.schema["批准日期"] == pl.Date
    assert cases.schema["案号"] == pl.String


def test_zero_cases_give_empty_frames_with_headers(tmp_path: Path) -> None:
    cases, events = generate(0, 1, UNTIL)
    assert cases.height == 0 and events.height == 0
    cases_path, events_path = write(tmp_path, 0, 1, UNTIL)
    assert cases_path.read_text(encoding="utf-8").strip() == ",".join(CASE_COLUMNS)
    assert events_path.read_text(encoding="utf-8").strip() == ",".join(EVENT_COLUMNS)


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        generate(-1, 1, UNTIL)
    with pytest.raises(ValueError):
        generate(10, 1, UNTIL, events_per_case=-0.5)
    with pytest.raises(ValueError):
        generate(10, 1, UNTIL, events_per_case=float("nan"))
    with pytest.raises(ValueError):
        generate(10, 1, date(2015, 6, 30))  # filings before 2016 took the old 字第 numbers
