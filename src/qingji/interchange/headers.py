"""Column headers of the interchange format (DESIGN.md §6) and how a file's header row is matched to them.

A header is recognised by its Chinese name or its English code name, case-insensitively and ignoring white space
(around it, or inside it where Excel wrapped it onto two lines), or by one of its aliases: the names court
case-management systems export under (承办人 for 承办法官, 结案时间 for 结案日期 …; a renamed column must not read as
a missing one, issue 9). Unknown columns are ignored and listed (:attr:`HeaderMatch.unknown`), so that callers can
say so; when a name occurs twice the first column wins.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field


@dataclass(frozen=True)
class Field:
    """One column of the interchange format."""

    key: str  # English code name, also the name of the column in the normalised frame
    zh: str  # Chinese header
    required: bool = False
    aliases: tuple[str, ...] = ()  # other spellings seen in exports

    def names(self) -> tuple[str, ...]:
        return (self.zh, self.key, *self.aliases)


CASE_FIELDS: tuple[Field, ...] = (
    Field("case_number", "案号", required=True),
    Field("court", "法院"),
    Field("procedure", "适用程序", aliases=("审理程序",)),
    Field("cause", "案由"),
    Field("filed_on", "立案日期", required=True, aliases=("立案时间",)),
    Field("closed_on", "结案日期", aliases=("结案时间",)),
    Field("closure_method", "结案方式"),
    Field("judge", "承办法官", aliases=("承办人", "承办审判员")),
    Field("division", "审判庭", aliases=("承办部门", "承办庭")),
    Field("in_custody", "羁押", aliases=("是否羁押",)),
    Field("parties", "当事人"),
    # The court system's own expiry of the trial (or enforcement) period, as its export gives it: kept with the
    # case, so that it can be compared with the expiry qingji computes (审限届满日 in the ledger; issue 11). An
    # optional column: a file without it is not said to lack it.
    Field("cms_expiry", "审限届满日期", aliases=("执行期限届满日期",)),
)
# Interchange columns a file may leave out without being told it lacks them.
SUPPLEMENTARY_CASE_FIELDS: frozenset[str] = frozenset({"cms_expiry"})

EVENT_FIELDS: tuple[Field, ...] = (
    Field("case_number", "案号", required=True),
    Field("event", "事项", required=True),
    Field("kind", "类别"),
    Field("start", "开始日期", aliases=("开始时间",)),
    Field("end", "结束日期", aliases=("结束时间",)),
    Field("length", "期间"),
    Field("approved_by", "批准人"),
    Field("approved_on", "批准日期", aliases=("批准时间",)),
    Field("note", "备注"),
)

# A row holding one of these cells is the header row (searched within the first rows, below any title).
HEADER_MARKERS: frozenset[str] = frozenset({"案号", "case_number"})
HEADER_SEARCH_ROWS = 10


def header_key(text: str | None) -> str:
    """The form in which headers are compared: no white space at all (a header wrapped onto two lines in Excel
    still matches), case folded."""
    return "".join((text or "").split()).casefold()


def is_header_row(cells: Sequence[str | None]) -> bool:
    return any(header_key(cell) in HEADER_MARKERS for cell in cells)


@dataclass(frozen=True)
class HeaderMatch:
    """Where each known field sits in a file: its column position and the header as written (as messages name
    it: ``LARQ（立案日期）`` in a court's own layout, :mod:`.header_profile`)."""

    positions: dict[str, int]
    written: dict[str, str]
    missing: tuple[Field, ...]  # required fields with no column
    # Non-empty headers that match no field, as written (their columns are ignored).
    unknown: tuple[str, ...] = ()
    # In a court's own layout (:mod:`.header_profile`): how messages name each field's column, even when the file
    # lacks it; the value table of the columns that have one; the columns the layout maps that the file lacks and
    # may not (an error of the file); the layout's name.
    labels: Mapping[str, str] = dataclass_field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = dataclass_field(default_factory=dict)
    absent: tuple[str, ...] = ()
    layout: str = ""

    def label(self, item: Field) -> str:
        """How a message names the column of ``item``."""
        return self.labels.get(item.key, item.zh)

    def has(self, key: str) -> bool:
        return key in self.positions

    @property
    def present(self) -> frozenset[str]:
        """The keys of the fields the file has a column for."""
        return frozenset(self.positions)


def match_headers(headers: Sequence[str], fields: Sequence[Field]) -> HeaderMatch:
    by_name: dict[str, Field] = {}
    for field in fields:
        for name in field.names():
            by_name.setdefault(header_key(name), field)
    positions: dict[str, int] = {}
    written: dict[str, str] = {}
    unknown: list[str] = []
    for position, header in enumerate(headers):
        found = by_name.get(header_key(header))
        if found is not None and found.key not in positions:
            positions[found.key] = position
            written[found.key] = header.strip()
        elif found is None and header_key(header):
            unknown.append(header.strip())
    missing = tuple(f for f in fields if f.required and f.key not in positions)
    return HeaderMatch(positions, written, missing, tuple(unknown))
