"""Files received from the pages (issue 3 §3, issue 9, issue 10): an export for the import action, a campaign's list
of case numbers. Each is written chunk by chunk under ``QINGJI_HOME/uploads`` and then read like a file given to a
command; where an export waits and for how long is qingji.cases.import_action's to say.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from qingji.cases.import_action import new_upload, uploads_root

SUFFIXES = (".csv", ".xlsx", ".xls")  # the files an import reads


class Received(Protocol):
    """A file as the page received it (Django's UploadedFile): its name as sent, and its content in chunks."""

    @property
    def name(self) -> str | None: ...

    def chunks(self) -> Iterator[bytes]: ...


def readable(received: Received) -> bool:
    """Whether the file's name ends as a file an import reads (CSV or Excel)."""
    return Path(received.name or "").suffix.lower() in SUFFIXES


def _write(received: Received, path: Path) -> Path:
    with path.open("wb") as handle:
        for chunk in received.chunks():
            handle.write(chunk)
    return path


def keep_export(cases: Received, events: Received | None) -> tuple[Path, Path, Path | None]:
    """The export kept for its import in a new upload directory (its name is the upload's token), each file under
    a safe version of its own name (the import records the file names): the directory and the two paths."""
    directory, (cases_path,), events_path = keep_tables([cases], events)
    return directory, cases_path, events_path


def keep_tables(cases: Sequence[Received], events: Received | None) -> tuple[Path, list[Path], Path | None]:
    """An export of several case tables (in a court's own layout, issue 11) kept as :func:`keep_export` keeps one:
    each under a safe version of its own name, made unique among the upload's files (``民事一审-2.csv``)."""
    directory = new_upload()
    cases_paths = [
        _write(received, _free(directory, safe_name(received.name, "upload.csv"))) for received in cases
    ]
    events_path = (
        _write(events, _free(directory, safe_name(events.name, "upload.csv"))) if events is not None else None
    )
    return directory, cases_paths, events_path


def _free(directory: Path, name: str) -> Path:
    """``directory / name``, or the same name numbered when a file of the upload has it already."""
    path, number = directory / name, 2
    while path.exists():
        path = directory / f"{Path(name).stem}-{number}{Path(name).suffix}"
        number += 1
    return path


def safe_name(name: str | None, default: str) -> str:
    """The file's own name, without a directory, with only letters, digits, ``.-（）()`` and ``_``."""
    return re.sub(r"[^\w.\-（）()]", "_", Path(name or default).name)


def discard_upload(directory: Path) -> None:
    """Delete an upload's directory and its files (discarded, or its import did not finish)."""
    shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def received_copy(received: Received, stem: str) -> Iterator[Path]:
    """The file written to a temporary directory under ``uploads/`` as ``stem`` with its own suffix (``.csv`` when
    it came without a name), for as long as the block runs; removed after it."""
    root = uploads_root()
    root.mkdir(parents=True, exist_ok=True)
    suffix = Path(received.name or f"{stem}.csv").suffix.lower()
    with tempfile.TemporaryDirectory(dir=root) as folder:
        yield _write(received, Path(folder) / (stem + suffix))
