"""Row checks: a Boolean column per check, then a problem record for each bad cell of the (few) bad rows.

The readers compute every check as a column over the whole frame; only the rows that fail one are brought into
Python, to write their problems.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from qingji.interchange.controls import visible
from qingji.interchange.headers import Field, HeaderMatch
from qingji.interchange.problems import Problem
from qingji.interchange.tables import ROW

Row = Mapping[str, Any]
Reason = Callable[[Row], tuple[str, str]]


def raw_column(key: str) -> str:
    """Name, in a reader's work frame, of the cell text of field ``key`` as written."""
    return f"raw_{key}"


VALUE_CHECK = "value_"  # the prefix of the checks of a court's value tables (qingji.interchange.reading)


def flag_column(name: str) -> str:
    return f"bad_{name}"


@dataclass(frozen=True)
class Check:
    """A check named ``name``: rows where column ``bad_<name>`` is true have a problem in column ``field``."""

    name: str
    field: str
    reason: Reason
    # The column named in the problem, when it is not ``field``'s header (e.g. the whole row).
    column: str = ""
    # When it fails, the row's other problems are not listed (its cells are not where they were).
    alone: bool = False

    @property
    def flag(self) -> str:
        return flag_column(self.name)


def fixed(reason_zh: str, reason_en: str) -> Reason:
    return lambda _row: (reason_zh, reason_en)


def split_rows(
    work: pl.DataFrame,
    checks: Sequence[Check],
    *,
    file: str,
    fields: Sequence[Field],
    match: HeaderMatch,
) -> tuple[pl.DataFrame, list[Problem]]:
    """The rows of ``work`` that pass every check, and the problems of those that do not (in row order).

    Each problem names the row's case number: ``work``'s column ``case_number``, the canonical number when the row's
    is readable (null otherwise).
    """
    flags = [check.flag for check in checks]
    if not flags:
        return work, []
    any_bad = pl.any_horizontal(pl.col(flag).fill_null(False) for flag in flags)
    marks = work.select(any_bad).to_series()
    if not marks.any():
        return work, []
    bad = work.filter(marks).sort(ROW)
    good = work.filter(~marks)
    chinese = {field.key: field.zh for field in fields}
    problems: list[Problem] = []
    for row in bad.iter_rows(named=True):
        failed = [check for check in checks if row[check.flag]]
        # A value a court's layout has no meaning for is that cell's one problem (its column then reads as empty).
        unmapped = {check.field for check in failed if check.name.startswith(VALUE_CHECK)}
        failed = [c for c in failed if c.field not in unmapped or c.name.startswith(VALUE_CHECK)]
        alone = [check for check in failed if check.alone]
        for check in alone[:1] or failed:
            reason_zh, reason_en = check.reason(row)
            value = row.get(raw_column(check.field))
            column = check.column or match.written.get(check.field, chinese.get(check.field, check.field))
            problems.append(
                Problem(
                    file=file,
                    row=int(row[ROW]),
                    column=column,
                    value="" if value is None else visible(str(value)),
                    reason_zh=reason_zh,
                    reason_en=reason_en,
                    case_number=row.get("case_number") or "",
                    position=None if check.column else match.positions.get(check.field),
                )
            )
    return good, problems
