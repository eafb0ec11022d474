"""What a reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from qingji.interchange.problems import Problem


@dataclass
class ReadResult:
    """The rows that were read well, and a problem for each one that was not.

    ``rows_read`` counts the data rows in the file (rows with every cell empty are not data). Every data row is
    either in ``frame`` or named by at least one problem.
    """

    frame: pl.DataFrame
    problems: list[Problem] = field(default_factory=list)
    rows_read: int = 0
    # The keys of the interchange fields whose column the file has (None: not known, e.g. a file that could not be
    # opened). A field without a column is "not given": an import leaves what it would fill as it is (issue 9).
    present_fields: frozenset[str] | None = None
    # Headers of the file that match no field, as written: their columns are ignored, and callers say so.
    unknown_columns: tuple[str, ...] = ()
    # The file as a whole was refused (it cannot be read, lacks a required column or has no data rows): its
    # problems are the file's, and no row of it was read. Every caller refuses such a file (issue 9).
    file_refused: bool = False
    # In a court's own layout: how the file names each field's column (``LARQ（立案日期）``), even one it lacks.
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def rejected_rows(self) -> int:
        """Data rows left out of ``frame`` (a row may carry several problems)."""
        return self.rows_read - self.frame.height
