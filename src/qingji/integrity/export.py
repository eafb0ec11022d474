"""The findings as a table with Chinese headers (`qingji integrity --output`, the page's export): one row per
finding, its evidence as JSON text so that nothing of it is cut."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import xlsxwriter

from qingji.integrity.findings import CHECKS, IntegrityReport
from qingji.interchange.csv_safety import neutralised_frame
from qingji.interchange.problems import WORKBOOK_OPTIONS

HEADERS: tuple[tuple[str, str], ...] = (
    ("检查", "check"),
    ("检查代码", "check_code"),
    ("案号", "case_number"),
    ("法院", "court_code"),
    ("承办法官", "judge"),
    ("说明", "explanation"),
    ("依据", "rule"),
    ("证据", "evidence"),
)


def findings_table(report: IntegrityReport) -> pl.DataFrame:
    rows = [
        {
            "检查": CHECKS[f.check].zh,
            "检查代码": f.check.value,
            "案号": f.case_number,
            "法院": f.court_code,
            "承办法官": f.judge,
            "说明": f.zh,
            "依据": f.rule,
            "证据": json.dumps(f.evidence, ensure_ascii=False),
        }
        for f in report.findings
    ]
    return pl.DataFrame(rows, schema=dict.fromkeys((zh for zh, _ in HEADERS), pl.String))


def write_findings(report: IntegrityReport, path: Path) -> None:
    """``path``: .csv (UTF-8 with a byte-order mark, as Excel opens it) or .xlsx, by suffix; else ValueError. A
    cell from the export (a party, a note) that a spreadsheet would run as a formula stays text in both
    (qingji.interchange.csv_safety)."""
    table = findings_table(report)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        neutralised_frame(table).write_csv(path, include_bom=True)
    elif suffix == ".xlsx":
        # Polars writes column by column: not in constant-memory mode, which takes rows in order only
        workbook = xlsxwriter.Workbook(str(path), {**WORKBOOK_OPTIONS, "constant_memory": False})
        try:
            table.write_excel(workbook, worksheet="核查发现", autofit=True)
        finally:
            workbook.close()
    else:
        raise ValueError(
            f"不支持的格式 {suffix or '（无扩展名）'}（应为 .csv 或 .xlsx） / unsupported format {suffix or '(none)'} "
            "(use .csv or .xlsx)"
        )
