"""What an import may not do unseen (issue 9, "Every row exactly as written"): blank a field or reopen a case.

Two rules, applied to the cases of the file that the database already holds:

- **A missing column is "not given".** A field whose column the cases file does not have (the reader's
  ``present_fields``) is left as the database holds it: a renamed 承办法官 header must not blank every judge, a
  dropped 结案日期 must not reopen every closed case. :data:`KEPT_BY_COLUMN` says which stored fields a column
  fills (适用程序 fills the procedure and its text as written; 羁押 the custody flag, which the reader otherwise
  reads as 否). The court and the case type come from the case number, which every row has. A new case has
  nothing to keep: its absent fields are empty.
- **Blanking needs confirmation when it is wide.** A given column with an empty cell where the database has a
  value blanks that field; an empty 结案日期 where the database has one reopens the case. Both may be right (a
  case remanded and reopened, a judge who left), so they are not problems of a row; but when more cases than the
  limit (the setting ``QINGJI_IMPORT_CONFIRM_CASES``) would lose a value or reopen, the import is computed, shown
  as a preview and rolled back until it is confirmed. :func:`needs_confirmation` decides from the outcome's
  counts, so that other counts can join it.

An empty 羁押 cell means 否 (DESIGN.md §6), a value and not a blank; it is not counted here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import polars as pl

# The stored fields each interchange column fills (by the reader's field keys); the others come from the number.
KEPT_BY_COLUMN: dict[str, tuple[str, ...]] = {
    "procedure": ("procedure", "procedure_raw"),
    "cause": ("cause",),
    "closed_on": ("closed_on",),
    "closure_method": ("closure_method",),
    "judge": ("judge",),
    "division": ("division",),
    "in_custody": ("in_custody",),
    "parties": ("parties",),
    "cms_expiry": ("cms_expiry",),
}
# The expected columns of a cases file as its header names them (DESIGN.md §6), in the order of the format.
EXPECTED_COLUMNS: dict[str, str] = {
    "court": "法院",
    "procedure": "适用程序",
    "cause": "案由",
    "closed_on": "结案日期",
    "closure_method": "结案方式",
    "judge": "承办法官",
    "division": "审判庭",
    "in_custody": "羁押",
    "parties": "当事人",
}
# Text fields an empty cell can blank, with the column that gives them (procedure_raw: 适用程序 as written).
BLANKABLE: dict[str, str] = {
    "procedure_raw": "适用程序",
    "cause": "案由",
    "closure_method": "结案方式",
    "judge": "承办法官",
    "division": "审判庭",
    "parties": "当事人",
}
# Date fields an empty cell can blank (the court system's own expiry, issue 11), with the column that gives them.
BLANKABLE_DATES: dict[str, str] = {"cms_expiry": "审限届满日期"}
REOPENED = "结案日期"  # the column whose empty cell reopens a closed case
EXAMPLES = 5  # cases named in a preview


# The columns of an events file besides 案号 and 事项 (which it must have), as its header names them.
EXPECTED_EVENT_COLUMNS: dict[str, str] = {
    "kind": "类别",
    "start": "开始日期",
    "end": "结束日期",
    "length": "期间",
    "approved_by": "批准人",
    "approved_on": "批准日期",
}


def missing_event_columns(present: Collection[str] | None) -> list[str]:
    """The expected columns an events file has none of (read as empty: an event has no "kept" fields, it is
    the file's; a wide change this brings waits for a confirmation)."""
    if present is None:
        return []
    return [name for key, name in EXPECTED_EVENT_COLUMNS.items() if key not in present]


def missing_columns(
    present: Collection[str] | None,
    labels: Mapping[str, str] | None = None,
    partial: Mapping[str, str] | None = None,
) -> list[str]:
    """The expected columns (header names) a cases file has none of; none when not known. In a court's own
    layout a column is named as ``labels`` say (``SYCX（适用程序）``), and an export of several tables also lists the
    columns some of its tables lack (``partial``: field → those tables, described), with the tables."""
    if present is None:
        return []
    labels = labels or {}
    names = [labels.get(key, name) for key, name in EXPECTED_COLUMNS.items() if key not in present]
    for key, tables in (partial or {}).items():
        if key in EXPECTED_COLUMNS or key in BLANKABLE_DATES:
            name = EXPECTED_COLUMNS.get(key) or BLANKABLE_DATES[key]
            names.append(f"{labels.get(key, name)}（{tables}）")
    return names


def kept_fields(present: Collection[str] | None) -> list[str]:
    """The stored fields an import leaves as they are for the cases the database has: those of absent columns."""
    if present is None:
        return []
    return [name for key, names in KEPT_BY_COLUMN.items() if key not in present for name in names]


def kept_where(partial: Collection[str], column: Callable[[str], str]) -> dict[str, str]:
    """For the columns some tables of an export lack (``partial``), each stored field they fill and the frame's
    column saying whether a row's table had it (``column(key)``): the rows of the others keep it as it is."""
    return {name: column(key) for key in partial for name in KEPT_BY_COLUMN.get(key, ())}


@dataclass
class Blanking:
    """What an import would empty on cases the database has: per column, how many cases; a few examples."""

    fields: dict[str, int] = field(default_factory=dict)  # column header → cases losing its value
    reopened: int = 0  # closed cases whose 结案日期 would be emptied
    cases: int = 0  # distinct cases losing a value or reopened
    examples: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (案号, the columns emptied)
    # Cases some of whose events the events file no longer gives (withdrawn, not corrected; import_events): an
    # events export that left out a kind or a period of time would withdraw events from many cases at once.
    events_withdrawn_cases: int = 0
    # Cases some of whose events the file gives changed (the same act, another end, length or approver): an events
    # export without its 结束日期 column would make every deduction open-ended at once.
    events_changed_cases: int = 0

    def summary(self) -> list[object]:
        """What a preview showed, as JSON values (kept in the session until the preview is confirmed)."""
        return [
            self.cases,
            self.reopened,
            self.events_withdrawn_cases,
            self.events_changed_cases,
            sorted(map(list, self.fields.items())),
        ]


def blanking(old: pl.DataFrame, suffix: str = "_db") -> Blanking:
    """What the rows of ``old`` (incoming values beside the stored ones, ``name`` and ``name + suffix``, with
    ``case_number``) would empty."""
    losses = [
        ((pl.col(name) == "") & (pl.col(f"{name}{suffix}") != "")).alias(column)
        for name, column in BLANKABLE.items()
    ]
    losses += [
        (pl.col(name).is_null() & pl.col(f"{name}{suffix}").is_not_null()).alias(column)
        for name, column in BLANKABLE_DATES.items()
    ]
    reopen = (pl.col("closed_on").is_null() & pl.col(f"closed_on{suffix}").is_not_null()).alias(REOPENED)
    flags = old.select("case_number", *losses, reopen)
    blankable = [*BLANKABLE.values(), *BLANKABLE_DATES.values()]
    columns = [*blankable, REOPENED]
    hit = flags.filter(pl.any_horizontal(columns))
    sums = flags.select(pl.col(columns).sum()).row(0, named=True) if flags.height else {}
    examples = [
        (str(row["case_number"]), tuple(column for column in columns if row[column]))
        for row in hit.head(EXAMPLES).iter_rows(named=True)
    ]
    return Blanking(
        fields={column: int(sums[column]) for column in blankable if sums.get(column)},
        reopened=int(sums.get(REOPENED) or 0),
        cases=hit.height,
        examples=examples,
    )


class GuardCounts(Protocol):
    """The counts of an outcome the guard reads."""

    @property
    def blanking(self) -> Blanking: ...


def needs_confirmation(outcome: GuardCounts, limit: int) -> bool:
    """Whether an import must be confirmed before it is kept: more than ``limit`` cases would lose a value or
    reopen, or more than ``limit`` cases would have events withdrawn, or changed."""
    blank = outcome.blanking
    return max(blank.cases, blank.events_withdrawn_cases, blank.events_changed_cases) > limit


def confirmed(blank: Blanking, confirm: bool, previewed: Sequence[object] | None) -> bool:
    """Whether a wide import is confirmed: ``confirm`` given and, when the confirmation answers a preview
    (``previewed``, that preview's :meth:`Blanking.summary`), the import still does what the preview showed: had
    the database changed between the two, the confirmation would cover something nobody saw."""
    return confirm and (previewed is None or list(previewed) == blank.summary())


def describe(blank: Blanking) -> Sequence[str]:
    """The preview's lines, Chinese then English: how many cases lose which column, how many reopen, examples."""
    lines = [
        f"  {column}：{count} 件案件将被清空 / {count} cases would lose their {column}"
        for column, count in blank.fields.items()
    ]
    if blank.reopened:
        lines.append(
            f"  已结案件将被重新变为未结：{blank.reopened} 件（结案日期为空）/ "
            f"{blank.reopened} closed cases would reopen (结案日期 empty)"
        )
    if blank.events_withdrawn_cases:
        lines.append(
            f"  事项将被撤回（事项表不再列出）：{blank.events_withdrawn_cases} 件案件 / "
            f"{blank.events_withdrawn_cases} cases would have events withdrawn (the events file no longer gives them)"
        )
    if blank.events_changed_cases:
        lines.append(
            f"  事项将被更正（同一事项的日期、期间或批准人不同）：{blank.events_changed_cases} 件案件 / "
            f"{blank.events_changed_cases} cases would have events corrected (another date, length or approver)"
        )
    for number, columns in blank.examples:
        lines.append(f"  例 e.g. {number}：{'、'.join(columns)}")
    return lines
