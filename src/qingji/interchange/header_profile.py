"""Header profiles: how a court's own export layout maps onto the interchange format (DESIGN.md §6, issue 11).

A court's data centre (数据中心) and its trial-management database export tables whose headers are pinyin initials
(AH for 案号, LARQ for 立案日期 …), one table per kind of case. A :class:`HeaderProfile` says, for one such layout:

- which of the court's columns gives each interchange column (``cases``; ``events`` when the court's events
  table is in its own layout too, else the events file is read in the interchange format). Several columns may be
  named for one interchange column: the first the table has is read (案由: LAAYMC, else AY);
- which of those a table may lack (``optional``: then the column is "not given", as in the interchange format);
  a column the profile maps and a table lacks is otherwise an error of the file;
- the columns of the layout qingji does not read (``unused``): they are known, so not reported as unrecognised;
  any other column of the table is reported;
- for some columns, the court's values and the interchange value each stands for (``values``: the codes or
  spellings of 适用程序 and 结案方式 …). A column with a value table takes only the values in it: any other value
  is an error of its row, naming the court's column;
- the kinds of table (``kinds``: 民事一审 holds 民初 cases …), recognised from the sheet or file name: a row whose
  case type does not belong to its table's kind is an error of the row.

The matching of a table's header row against a profile is :meth:`HeaderProfile.match`; reading the rows is the
interchange readers' work (:mod:`qingji.interchange.reading`), so every check of the interchange format holds,
and each problem names the court's own column (``LARQ（立案日期）``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from qingji.interchange.headers import Field, HeaderMatch, header_key

BUILT_IN = "内置 built-in"  # the source of the profiles qingji brings


@dataclass(frozen=True)
class TableKind:
    """A kind of table of an export (民事一审 …) and the case types (类型代字) its rows may have."""

    name: str
    type_codes: tuple[str, ...]


@dataclass(frozen=True)
class HeaderProfile:
    """One export layout of a court: see the module."""

    name: str
    description: str  # what it is for, in Chinese (shown on the upload page)
    description_en: str
    cases: Mapping[str, tuple[str, ...]]  # interchange key → the court's headers for it, first present wins
    events: Mapping[str, tuple[str, ...]] | None = None  # None: the events file is in the interchange format
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # header_key(court header) → table
    optional: frozenset[str] = frozenset()  # interchange keys a table may lack
    unused: tuple[str, ...] = ()  # the layout's headers qingji does not read
    kinds: tuple[TableKind, ...] = ()
    source: str = BUILT_IN  # where it comes from: built in, or the site settings file
    base: str = ""  # the profile it was built on, if any

    def columns(self, events: bool = False) -> Mapping[str, tuple[str, ...]]:
        """The column mapping of the cases table, or of the events table (empty when it has none)."""
        return (self.events or {}) if events else self.cases

    def value_table(self, header: str) -> Mapping[str, str] | None:
        """The court's values of column ``header`` and what each stands for, when the profile has a table."""
        return self.values.get(header_key(header))

    def kind_of(self, table_name: str) -> TableKind | None:
        """The kind of the table called ``table_name`` (a sheet's or file's name): the longest kind name it holds
        (执行异议 rather than 执行), or None."""
        found = [kind for kind in self.kinds if kind.name in table_name]
        return max(found, key=lambda kind: len(kind.name)) if found else None

    def label(self, key: str, fields: Sequence[Field], events: bool = False) -> str:
        """How messages name the column of interchange field ``key``: the court's header with the interchange
        name, ``LARQ（立案日期）`` (``LAAYMC 或 AY（案由）`` when there are several)."""
        zh = next((f.zh for f in fields if f.key == key), key)
        names = self.columns(events).get(key, ())
        return f"{' 或 '.join(names)}（{zh}）" if names else zh

    def match(self, headers: Sequence[str], fields: Sequence[Field], events: bool = False) -> HeaderMatch:
        """Where each interchange field sits in a table whose header row is ``headers``, by this profile."""
        mapping = self.columns(events)
        found: dict[str, int] = {}
        for position, header in enumerate(headers):
            found.setdefault(header_key(header), position)
        known = {header_key(name) for names in mapping.values() for name in names}
        known |= {header_key(name) for name in self.unused}
        positions: dict[str, int] = {}
        written: dict[str, str] = {}
        values: dict[str, Mapping[str, str]] = {}
        absent: list[str] = []
        zh = {f.key: f.zh for f in fields}
        for item in fields:
            names = mapping.get(item.key, ())
            chosen = next((name for name in names if header_key(name) in found), None)
            if chosen is None:
                if names and not item.required and item.key not in self.optional:
                    absent.append(self.label(item.key, fields, events))
                continue
            position = found[header_key(chosen)]
            positions[item.key] = position
            written[item.key] = f"{headers[position].strip()}（{zh[item.key]}）"
            table = self.value_table(chosen)
            if table is not None:
                values[item.key] = table
        unknown = tuple(
            header.strip() for header in headers if header_key(header) and header_key(header) not in known
        )
        missing = tuple(f for f in fields if f.required and f.key not in positions)
        labels = {f.key: self.label(f.key, fields, events) for f in fields if mapping.get(f.key)}
        return HeaderMatch(
            positions,
            written,
            missing,
            unknown,
            labels=labels,
            values=values,
            absent=tuple(absent),
            layout=self.name,
        )
