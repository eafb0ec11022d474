"""An export and a corrected export of the same four cases (issue 9, "Corrections in a later export").

The correction, as a court's case-management system makes one: a deduction's end date typed wrong (2024-12-30
for 2024-06-30: four months too many), an extension's length changed (6个月 to 3个月), an extension entered in
error and withdrawn; a fourth case's events stay as they were. Every one of them moves an expiry on AS_OF.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from typer.testing import CliRunner

from qingji.cli.app import app

AS_OF = date(2025, 1, 20)
CASE_HEADER = (
    "案号",
    "法院",
    "适用程序",
    "案由",
    "立案日期",
    "结案日期",
    "结案方式",
    "承办法官",
    "审判庭",
    "羁押",
    "当事人",
)
EVENT_HEADER = ("案号", "事项", "类别", "开始日期", "结束日期", "期间", "批准人", "批准日期", "备注")

DEDUCTION = "（2024）甘1002民初11号"  # the deduction's end corrected
EXTENDED = "（2024）甘1002民初12号"  # the extension's length corrected
WITHDRAWN = "（2024）甘1002民初13号"  # an extension withdrawn, its deduction kept
STEADY = "（2024）甘1002民初14号"  # nothing corrected

CASES = [
    (DEDUCTION, "", "普通程序", "买卖合同纠纷", "2024-03-01", "", "", "张伟", "民一庭", "否", "甲;乙"),
    (EXTENDED, "", "普通程序", "民间借贷纠纷", "2024-03-01", "", "", "李娜", "民一庭", "否", "丙;丁"),
    (WITHDRAWN, "", "普通程序", "房屋租赁合同纠纷", "2024-04-01", "", "", "张伟", "民二庭", "否", "戊;己"),
    (STEADY, "", "普通程序", "劳务合同纠纷", "2024-05-06", "", "", "李娜", "民二庭", "否", "庚;辛"),
]
ORIGINAL_EVENTS = [
    (DEDUCTION, "扣除审限", "鉴定", "2024-05-01", "2024-12-30", "", "", "", "司法鉴定"),
    (EXTENDED, "延长审限", "", "", "", "6个月", "院长", "2024-08-20", "案情复杂"),
    (WITHDRAWN, "扣除审限", "公告", "2024-05-10", "2024-07-09", "", "", "", "公告送达"),
    (WITHDRAWN, "延长审限", "", "", "", "6个月", "院长", "2024-09-20", "误录"),
    (STEADY, "扣除审限", "管辖权异议", "2024-06-01", "2024-06-30", "", "", "", ""),
]
CORRECTED_EVENTS = [
    (DEDUCTION, "扣除审限", "鉴定", "2024-05-01", "2024-06-30", "", "", "", "司法鉴定"),
    (EXTENDED, "延长审限", "", "", "", "3个月", "院长", "2024-08-20", "案情复杂"),
    (WITHDRAWN, "扣除审限", "公告", "2024-05-10", "2024-07-09", "", "", "", "公告送达"),
    (STEADY, "扣除审限", "管辖权异议", "2024-06-01", "2024-06-30", "", "", "", ""),
]


def write_export(
    directory: Path, events: Sequence[tuple[str, ...]], suffix: str = ".csv"
) -> tuple[Path, Path]:
    """cases and events files of ``CASES`` and ``events`` in ``directory``, as CSV or XLSX."""
    directory.mkdir(parents=True, exist_ok=True)
    cases_path, events_path = directory / f"cases{suffix}", directory / f"events{suffix}"
    for path, header, rows in ((cases_path, CASE_HEADER, CASES), (events_path, EVENT_HEADER, events)):
        if suffix == ".csv":
            lines = [",".join(header), *(",".join(row) for row in rows)]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            book = openpyxl.Workbook()
            sheet = book.active
            assert sheet is not None
            sheet.append(header)
            for row in rows:
                sheet.append([date.fromisoformat(cell) if _is_date(cell) else cell or None for cell in row])
            book.save(path)
    return cases_path, events_path


def _is_date(cell: str) -> bool:
    try:
        date.fromisoformat(cell)
    except ValueError:
        return False
    return True


def ledger(*files: Path) -> dict[str, dict[str, Any]]:
    """`qingji ledger` on AS_OF as JSON rows by case number: of ``files`` (cases, events), or of the database."""
    arguments = [str(files[0]), "--events", str(files[1])] if files else []
    result = CliRunner().invoke(app, ["ledger", *arguments, "--as-of", AS_OF.isoformat(), "--format", "json"])
    assert result.exit_code == 0, result.output
    return {row["case_number"]: row for row in json.loads(result.stdout)}
