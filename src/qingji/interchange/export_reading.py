"""A court's export read as one: one or several case tables and the events file (issue 11).

A court's data centre exports one table per kind of case (民事一审, 民事二审, 刑事一审 …), as several files or as the
sheets of one workbook. :func:`read_export` reads them all, each by :func:`~.cases_reader.read_cases` with every
check of the interchange format, and joins their cases into one frame, as one export of the court:

- in a court's own layout every sheet of a workbook that holds anything is a table (in the interchange format, the
  first sheet, as ever);
- a row whose case type does not belong to its table's kind (a 民终 case in the 民事一审 table) is a problem of
  the row, naming the table's case-number column;
- a case number given in an earlier table is a problem of the later row, as a repeat within one table is;
- a column some tables have and others lack (羁押 is only in the criminal tables) is "not given" for the rows of
  the tables that lack it: the frame's ``given_<field>`` column says, row by row.

The events file, read against every table's cases, is in the layout's events columns when it has some, else in
the interchange format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from qingji.interchange.cases_reader import CASES_SCHEMA, read_cases
from qingji.interchange.events_reader import read_events
from qingji.interchange.header_profile import HeaderProfile
from qingji.interchange.limits import FileLimits
from qingji.interchange.problems import Problem
from qingji.interchange.reading import Source
from qingji.interchange.results import ReadResult
from qingji.interchange.tables import CSV_SUFFIXES, ROW, TableError, sheet_names

TABLE = "source_table"  # the combined frame's column naming each row's table, as problems name it


def given_column(key: str) -> str:
    """The combined frame's column saying whether a row's table has field ``key``'s column."""
    return f"given_{key}"


@dataclass
class ExportRead:
    """What :func:`read_export` read: the tables, their cases as one :class:`ReadResult` (its frame with
    :data:`TABLE` and the ``given_`` columns), the events, and the fields some tables lack (by table names)."""

    tables: list[Source]
    cases: ReadResult
    partial: dict[str, tuple[str, ...]] = field(default_factory=dict)
    events: ReadResult | None = None
    events_source: Source | None = None

    def lacking(self) -> dict[str, str]:
        """For each field some tables lack, those tables in a few words: the sheets of one workbook together
        (``数据中心.xlsx［民事一审、民事二审］``)."""
        by_name = {table.file: table for table in self.tables}
        described: dict[str, str] = {}
        for key, names in self.partial.items():
            sheets: dict[str, list[str]] = {}
            for name in names:
                table = by_name[name]
                sheets.setdefault(table.path.name, []).extend([table.sheet_name] if table.sheet_name else [])
            described[key] = "、".join(
                f"{file}［{'、'.join(titles)}］" if titles else file for file, titles in sheets.items()
            )
        return described

    @property
    def sources(self) -> list[Source]:
        """Every table read, the events file last."""
        return [*self.tables, *([self.events_source] if self.events_source else [])]


def case_tables(
    paths: Sequence[Path], layout: HeaderProfile | None, limits: FileLimits | None = None
) -> list[Source]:
    """The tables of ``paths``: a CSV file is one; a workbook in a court's own layout gives one per sheet that
    holds anything (a workbook that cannot be opened, or holds nothing, is one, which its reading refuses), in
    the interchange format its first sheet."""
    tables: list[Source] = []
    for path in paths:
        if layout is None or path.suffix.lower() in CSV_SUFFIXES:
            tables.append(Source(path, layout=layout))
            continue
        try:
            sheets = sheet_names(path, limits)
        except (TableError, FileNotFoundError):
            sheets = ()  # the reader refuses the file, saying why
        if not sheets:
            tables.append(Source(path, layout=layout))
        tables.extend(Source(path, index, name, layout, checked=True) for index, name in sheets)
    return tables


def read_export(
    paths: Sequence[Path],
    events_path: Path | None = None,
    *,
    layout: HeaderProfile | None = None,
    exported_on: date | None = None,
    limits: FileLimits | None = None,
) -> ExportRead:
    """Read the case tables of ``paths`` (in ``layout``, or the interchange format) and the events file as one
    export: see the module."""
    tables = case_tables(paths, layout, limits)
    problems: list[Problem] = []
    results = [read_cases(table, exported_on, limits=limits) for table in tables]
    frames: list[pl.DataFrame] = []
    seen = pl.DataFrame(
        schema={"case_number": pl.String(), "first_table": pl.String(), "first_row": pl.Int64()}
    )
    for table, result in zip(tables, results, strict=True):
        frame, more = _kind_rows(table, result)
        frame, repeats = _repeated_rows(table, result, frame, seen)
        seen = pl.concat([seen, _numbers(table, frame)])
        problems.extend(sorted([*result.problems, *more, *repeats], key=lambda problem: problem.row))
        frames.append(frame.with_columns(pl.lit(table.file).alias(TABLE)))
    known = [result.present_fields for result in results if result.present_fields is not None]
    present = frozenset().union(*known) if known else None
    partial = {
        key: tuple(
            t.file for t, r in zip(tables, results, strict=True) if key not in (r.present_fields or ())
        )
        for key in sorted(present or ())
        if any(key not in fields for fields in known)
    }
    frame = _joined(frames, tables, partial)
    cases = ReadResult(
        frame,
        problems,
        sum(result.rows_read for result in results),
        present_fields=present,
        unknown_columns=_unknown(tables, results),
        file_refused=any(result.file_refused for result in results) or not tables,
        labels={key: label for result in results for key, label in result.labels.items()},
    )
    read = ExportRead(tables, cases, partial=partial)
    if events_path is not None:
        source = Source(events_path, layout=layout if layout is not None and layout.events else None)
        read.events_source = source
        read.events = read_events(source, frame.get_column("case_number"), limits=limits)
    return read


def _kind_rows(table: Source, result: ReadResult) -> tuple[pl.DataFrame, list[Problem]]:
    """The rows of ``table`` whose case type belongs to the table's kind, and a problem for each other row."""
    kind = table.layout.kind_of(table.title) if table.layout is not None else None
    frame = result.frame
    if kind is None:
        return frame, []
    wrong = pl.col("type_code").is_in(list(kind.type_codes)).not_()
    codes = "、".join(kind.type_codes)
    column = result.labels.get("case_number", "案号")
    problems = [
        Problem(
            table.file,
            row[ROW],
            column,
            row["case_number"],
            f"案号的类型代字“{row['type_code']}”不属于“{kind.name}”表（该表应为 {codes} 案件）：请核对导出的表",
            f"the case type {row['type_code']!r} does not belong in the table of {kind.name} (which holds "
            f"{', '.join(kind.type_codes)} cases): check the export",
            case_number=row["case_number"],
        )
        for row in frame.filter(wrong).select(ROW, "case_number", "type_code").iter_rows(named=True)
    ]
    return frame.filter(~wrong), problems


def _repeated_rows(
    table: Source, result: ReadResult, frame: pl.DataFrame, seen: pl.DataFrame
) -> tuple[pl.DataFrame, list[Problem]]:
    """The rows of ``frame`` whose case number no earlier table gave, and a problem for each other row."""
    if seen.is_empty():
        return frame, []
    marked = frame.join(seen, on="case_number", how="left", maintain_order="left")
    repeated = marked.filter(pl.col("first_table").is_not_null())
    column = result.labels.get("case_number", "案号")
    problems = [
        Problem(
            table.file,
            row[ROW],
            column,
            row["case_number"],
            f"案号重复，与 {row['first_table']} 第{row['first_row']}行相同",
            f"the case number was already given in {row['first_table']}, row {row['first_row']}",
            case_number=row["case_number"],
        )
        for row in repeated.select(ROW, "case_number", "first_table", "first_row").iter_rows(named=True)
    ]
    return marked.filter(pl.col("first_table").is_null()).drop("first_table", "first_row"), problems


def _numbers(table: Source, frame: pl.DataFrame) -> pl.DataFrame:
    return frame.select(
        "case_number", pl.lit(table.file).alias("first_table"), pl.col(ROW).alias("first_row")
    )


def _joined(
    frames: list[pl.DataFrame], tables: list[Source], partial: dict[str, tuple[str, ...]]
) -> pl.DataFrame:
    """The tables' rows as one frame, with a ``given_`` column for each field some tables lack."""
    flagged = [
        frame.with_columns(
            pl.lit(table.file not in lacking).alias(given_column(key)) for key, lacking in partial.items()
        )
        for frame, table in zip(frames, tables, strict=True)
    ]
    if not flagged:
        return pl.DataFrame(schema={**CASES_SCHEMA, TABLE: pl.String()})
    return pl.concat(flagged)


def _unknown(tables: list[Source], results: list[ReadResult]) -> tuple[str, ...]:
    """The headers no table's layout knows, each with its table when there are several."""
    if len(tables) == 1:
        return results[0].unknown_columns
    return tuple(
        f"{column}（{table.file}）"
        for table, result in zip(tables, results, strict=True)
        for column in result.unknown_columns
    )
