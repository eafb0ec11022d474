"""What an import writes to the log (issue 11, docs/operations.md "Logs"), from the upload page and `qingji
import` alike (:func:`~qingji.cases.import_action.run_import` calls it).

One line per import: its record, who (the user and their court, or the command's system user and host), the
file names, the outcome, the counts and how long it took. A refused import names its problems by place only —
file, row and column — since a bad value may be a party's name; the headers it did not recognise are counted, not
named (a file without its header row has a row of names there). Nothing of a cell's value is ever written.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qingji.cases.import_lock import ImportRunning, running_text, who
from qingji.cases.imports import ImportOutcome

PLACES_LOGGED = 10  # problems named by their place; the rest are counted
log = logging.getLogger(__name__)


@dataclass
class Logged:
    """The outcome of the import under way, once it has one."""

    outcome: ImportOutcome | None = None


@contextmanager
def logged_import(
    cases: Path | Sequence[Path], events: Path | None, actor: Any, layout: str | None = None
) -> Iterator[Logged]:
    """Log the import of the block when it ends: its outcome (set on the yielded :class:`Logged`) with the time
    taken, or that it was refused because another held the import lock. ``layout``: the name of the court's
    layout (header profile) the files are in, if not the interchange format."""
    started = time.perf_counter()
    logged = Logged()
    try:
        yield logged
    except ImportRunning as error:
        log_busy(error, cases, events, actor, layout)
        raise
    except (
        BaseException
    ) as error:  # the error itself is the caller's to report (the page's log, the terminal)
        log.error(
            "import by %s, %s: stopped by %s after %.1f s",
            importer(actor), files(cases, events, layout), type(error).__name__, time.perf_counter() - started,
        )  # fmt: skip
        raise
    if logged.outcome is not None:
        log_outcome(logged.outcome, cases, events, actor, time.perf_counter() - started, layout)


def importer(actor: Any) -> str:
    """The user and their court (the upload page), or the system user and host (`qingji import`)."""
    if actor is None or getattr(actor, "pk", None) is None:
        return f"{who(None)} (command line, every court)"
    court = getattr(getattr(getattr(actor, "person", None), "court", None), "code", None)
    return f"{who(actor)} ({court or 'no court'})"


def files(cases: Path | Sequence[Path], events: Path | None, layout: str | None = None) -> str:
    """The files by name: the cases file (or the tables of one export), the events file."""
    tables = [cases] if isinstance(cases, Path) else list(cases)
    named = (
        f"cases file {tables[0].name}"
        if len(tables) == 1
        else "cases tables " + ", ".join(t.name for t in tables)
    )
    named += f", events file {events.name}" if events is not None else ""
    return named + (f", layout {layout}" if layout else "")


def log_outcome(
    outcome: ImportOutcome,
    cases: Path | Sequence[Path],
    events: Path | None,
    actor: Any,
    seconds: float,
    layout: str | None = None,
) -> None:
    """The import's line: INFO when imported, WARNING when refused or awaiting a confirmation."""
    head = f"import #{outcome.record_id} by {importer(actor)}, {files(cases, events, layout)}"
    took = f"{seconds:.1f} s"
    unknown = f"; headers not recognised: {len(outcome.unknown_columns)}" if outcome.unknown_columns else ""
    if outcome.imported:
        log.info(
            "%s: imported %d rows: %d created, %d updated, %d unchanged; events: %d rows, %d added, %d changed, "
            "%d withdrawn%s%s; %s",
            head, outcome.rows, outcome.created, outcome.updated, outcome.unchanged, outcome.event_rows,
            outcome.events_added, outcome.events_changed, outcome.events_withdrawn, unknown,
            f"; states recomputed for {outcome.refreshed}" if outcome.refreshed else "", took,
        )  # fmt: skip
    elif outcome.unconfirmed:
        log.warning(
            "%s: awaiting confirmation, nothing written: %d cases would lose a value or reopen%s; %s",
            head, outcome.blanking.cases, unknown, took,
        )  # fmt: skip
    else:
        log.warning("%s: refused, nothing written: %s%s; %s", head, problem_places(outcome), unknown, took)


def problem_places(outcome: ImportOutcome) -> str:
    """The problems by place (file, row, column), the first few, and how many in all; no value, no reason."""
    if outcome.empty:
        return "no data rows"
    problems = outcome.problems
    places = ", ".join(
        f"{problem.file} row {problem.row}" + (f" [{problem.column}]" if problem.column else "")
        for problem in problems[:PLACES_LOGGED]
    )
    more = f" and {len(problems) - PLACES_LOGGED} more" if len(problems) > PLACES_LOGGED else ""
    return f"{len(problems)} problems ({places}{more})" if problems else "0 problems"


def log_busy(
    error: ImportRunning,
    cases: Path | Sequence[Path],
    events: Path | None,
    actor: Any,
    layout: str | None = None,
) -> None:
    """An import refused because another import (or a snapshot, or a restore) holds the import lock."""
    log.warning(
        "import by %s, %s: refused, not started: %s",
        importer(actor),
        files(cases, events, layout),
        running_text(error.holder),
    )
