"""Files received from the pages (qingji.cases.upload_files): kept under QINGJI_HOME/uploads under a safe version of
their own name, never outside; a temporary copy removed after use, whatever happened; a discarded upload gone."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from qingji.cases.upload_files import discard_upload, keep_export, readable, received_copy


@pytest.fixture
def home(tmp_path: Path, settings: object) -> Path:
    settings.HOME = tmp_path  # type: ignore[attr-defined]
    return tmp_path


def test_an_export_is_kept_in_its_own_upload_directory_under_safe_names(home: Path) -> None:
    cases = SimpleUploadedFile("../../西峰 案件（2024）.csv", "案号\n".encode())
    events = SimpleUploadedFile("事项;rm -rf.xlsx", b"PK")
    directory, cases_path, events_path = keep_export(cases, events)
    assert directory.parent == home / "uploads" and directory.name.startswith("import-")
    assert cases_path == directory / "西峰_案件（2024）.csv"
    assert cases_path.read_text(encoding="utf-8") == "案号\n"
    assert events_path == directory / "事项_rm_-rf.xlsx" and events_path.read_bytes() == b"PK"
    assert sorted(path.name for path in home.rglob("*") if path.is_file()) == [
        "事项_rm_-rf.xlsx",
        "西峰_案件（2024）.csv",
    ]
    discard_upload(directory)
    assert not directory.exists()


def test_an_export_without_events_keeps_one_file(home: Path) -> None:
    directory, cases_path, events_path = keep_export(SimpleUploadedFile("cases.xlsx", b"x"), None)
    assert events_path is None and list(directory.iterdir()) == [cases_path]


@pytest.mark.parametrize(
    ("name", "readable_file"),
    [("cases.csv", True), ("CASES.XLSX", True), ("old.xls", True), ("cases.xlsb", False), ("cases", False),
     ("cases.csv.exe", False)],
)  # fmt: skip
def test_only_csv_and_excel_files_are_read(name: str, readable_file: bool) -> None:
    assert readable(SimpleUploadedFile(name, b"")) is readable_file


def test_a_temporary_copy_is_removed_even_when_reading_it_fails(home: Path) -> None:
    with received_copy(SimpleUploadedFile("反馈台账.XLSX", b"PK"), "list") as path:
        assert path.name == "list.xlsx" and path.read_bytes() == b"PK"
        assert path.parent.parent == home / "uploads"
    assert not path.exists()
    with pytest.raises(ValueError), received_copy(SimpleUploadedFile("清单.csv", b"x"), "list") as failing:
        raise ValueError("unreadable")
    assert not failing.exists() and list((home / "uploads").iterdir()) == []
