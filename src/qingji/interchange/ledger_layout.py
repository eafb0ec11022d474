"""The layout of the trial-period ledger (审限台账) as courts read it: column order, Chinese headers, labels.

The ledger frame comes from the engine with English column names and codes; :func:`ledger_display` turns it into
what a court user reads: Chinese headers, Chinese labels for status, age bucket, procedure and warnings (joined
with "；"), 是/否 for flags. Dates stay dates, numbers stay numbers. Headers that belong to the interchange format
(案号, 法院, 适用程序, 案由, 立案日期, 结案日期, 承办法官, 审判庭) are spelt as there, so a ledger re-imports as a cases
file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum

import polars as pl

from qingji.core.procedures import PROCEDURE_LABELS
from qingji.core.vocabulary import BUCKET_LABELS, STATUS_LABELS, Status, warning_label


class Cell(Enum):
    TEXT = "text"
    DATE = "date"
    NUMBER = "number"


@dataclass(frozen=True)
class LedgerColumn:
    name: str  # column of the ledger frame
    header: str  # Chinese header in the ledger
    cell: Cell
    width: float  # Excel column width, in characters


# One column for each field of a ledger row, in their order (qingji.core.state.LEDGER_FIELDS).
LEDGER_COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("case_number", "案号", Cell.TEXT, 26),
    LedgerColumn("court_code", "法院代字", Cell.TEXT, 9),
    LedgerColumn("court_name", "法院", Cell.TEXT, 22),
    LedgerColumn("type_code", "类型代字", Cell.TEXT, 9),
    LedgerColumn("procedure", "适用程序", Cell.TEXT, 12),
    LedgerColumn("cause", "案由", Cell.TEXT, 20),
    LedgerColumn("filed_on", "立案日期", Cell.DATE, 11),
    LedgerColumn("closed_on", "结案日期", Cell.DATE, 11),
    LedgerColumn("judge", "承办法官", Cell.TEXT, 9),
    LedgerColumn("division", "审判庭", Cell.TEXT, 10),
    LedgerColumn("status", "状态", Cell.TEXT, 11),
    LedgerColumn("age_days", "审理天数", Cell.NUMBER, 9),
    LedgerColumn("age_bucket", "案龄段", Cell.TEXT, 10),
    LedgerColumn("long_pending", "长期未结(月)", Cell.NUMBER, 11),
    LedgerColumn("expiry", "审限届满日", Cell.DATE, 11),
    LedgerColumn("days_remaining", "剩余天数", Cell.NUMBER, 9),
    LedgerColumn("days_over", "超审限天数", Cell.NUMBER, 10),
    LedgerColumn("extended_months", "延长月数", Cell.NUMBER, 9),
    LedgerColumn("extended_days", "延长天数", Cell.NUMBER, 9),
    LedgerColumn("deducted_days", "扣除天数", Cell.NUMBER, 9),
    LedgerColumn("provisional", "日历暂定", Cell.TEXT, 9),
    LedgerColumn("warnings", "预警", Cell.TEXT, 40),
    LedgerColumn("basis", "依据", Cell.TEXT, 50),
)

LEDGER_HEADERS: tuple[str, ...] = tuple(column.header for column in LEDGER_COLUMNS)
WARNING_SEPARATOR = "；"
DEFAULT_TITLE = "审限管理台账"

# Row marks: overdue and closed-late rows light red, approaching rows light yellow.
OVERDUE_STATUSES: frozenset[str] = frozenset({Status.OVERDUE, Status.CLOSED_LATE})
APPROACHING_STATUSES: frozenset[str] = frozenset({Status.APPROACHING})
LIGHT_RED = "#FFC7CE"
LIGHT_YELLOW = "#FFEB9C"


def ledger_title(as_of: date, title: str | None = None) -> str:
    """The title row: "审限管理台账（截至 2026-11-27）", or ``title`` with the same date."""
    return f"{title or DEFAULT_TITLE}（截至 {as_of.isoformat()}）"


def _chinese(labels: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    return {str(code): zh for code, (zh, _en) in labels.items()}


STATUS_ZH = _chinese(STATUS_LABELS)
BUCKET_ZH = _chinese(BUCKET_LABELS)
PROCEDURE_ZH: dict[str, str] = {procedure.value: label for procedure, label in PROCEDURE_LABELS.items()}


def check_ledger(frame: pl.DataFrame) -> None:
    """Raise ValueError naming the ledger columns ``frame`` lacks."""
    missing = [column.name for column in LEDGER_COLUMNS if column.name not in frame.columns]
    if missing:
        raise ValueError(
            f"台账缺少列：{', '.join(missing)} / ledger frame lacks columns: {', '.join(missing)}"
        )


def ledger_display(frame: pl.DataFrame) -> pl.DataFrame:
    """The ledger as a court reads it: Chinese headers in ledger order, labels instead of codes.

    An unknown code is shown as it is rather than hidden.
    """
    check_ledger(frame)
    frame = frame.rechunk()
    codes = frame.get_column("warnings").explode().drop_nulls().unique().to_list()
    warnings_zh = {code: warning_label(code)[0] for code in codes}
    labelled = {
        "procedure": pl.col("procedure").replace(PROCEDURE_ZH),
        "status": pl.col("status").replace(STATUS_ZH),
        "age_bucket": pl.col("age_bucket").replace(BUCKET_ZH),
        "warnings": pl.col("warnings")
        .list.eval(pl.element().replace(warnings_zh))
        .list.join(WARNING_SEPARATOR)
        .replace("", None),
        "provisional": pl.when(pl.col("provisional"))
        .then(pl.lit("是"))
        .when(pl.col("provisional").not_())
        .then(pl.lit("否")),
    }
    return frame.select(
        labelled.get(column.name, pl.col(column.name)).alias(column.header) for column in LEDGER_COLUMNS
    )


def row_marks(frame: pl.DataFrame) -> pl.Series:
    """Per row: "overdue", "approaching" or null, from the status code (for the row fill)."""
    status = pl.col("status")
    return frame.select(
        pl.when(status.is_in(sorted(OVERDUE_STATUSES)))
        .then(pl.lit("overdue"))
        .when(status.is_in(sorted(APPROACHING_STATUSES)))
        .then(pl.lit("approaching"))
        .alias("mark")
    ).to_series()
