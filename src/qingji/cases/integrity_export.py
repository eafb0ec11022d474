"""The integrity page's export: the findings the page lists, as an Excel sheet or a CSV file with Chinese headers
(as the courts keep their ledgers), each finding's evidence in words. Case numbers the reader may not see are
told as "another case", as on the page (qingji.cases.integrity_findings.hidden_numbers)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import xlsxwriter

from qingji.cases.integrity_words import check_label, evidence_lines, masked, masked_lines
from qingji.cases.models import IntegrityFinding
from qingji.interchange.csv_safety import neutralised

HEADERS = ("核查项目", "案号", "法院", "法院代字", "承办法官", "说明", "依据", "证据", "截至")
FORMATS = ("xlsx", "csv")
SHEET = "审限核查发现"


@dataclass(frozen=True)
class FindingsFile:
    content: bytes
    name: str  # the file's name (Chinese)
    fallback: str  # an ASCII name for clients that read only that
    content_type: str
    rows: int


def finding_row(finding: IntegrityFinding, court_names: Mapping[str, str], hidden: set[str]) -> list[str]:
    """A finding as the export's row, in Chinese."""
    lines = masked_lines(evidence_lines(finding.check_code, finding.evidence), hidden)
    return [
        check_label(finding.check_code),
        finding.case_number if finding.case_number not in hidden else "",
        court_names.get(finding.court_code, finding.court_code),
        finding.court_code,
        finding.judge,
        masked(finding.zh, hidden),
        finding.rule,
        "；".join(line.flat() for line in lines),
        finding.as_of.isoformat(),
    ]


def findings_file(
    findings: Iterable[IntegrityFinding],
    kind: str,
    as_of: date | None,
    court_names: Mapping[str, str],
    hidden: set[str],
) -> FindingsFile:
    """The findings as ``kind`` (``xlsx`` or ``csv``: UTF-8 with a byte-order mark, as Excel and WPS open it)."""
    rows = [finding_row(finding, court_names, hidden) for finding in findings]
    day = as_of.isoformat() if as_of else "none"
    if kind == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(HEADERS)
        writer.writerows([neutralised(cell) for cell in row] for row in rows)  # no formula runs (csv_safety)
        content = ("\ufeff" + text.getvalue()).encode("utf-8")
        return FindingsFile(
            content, f"审限核查_{day}.csv", f"integrity-{day}.csv", "text/csv; charset=utf-8", len(rows)
        )
    output = io.BytesIO()
    book = xlsxwriter.Workbook(
        output, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
    )
    head = book.add_format({"bold": True, "bg_color": "#E8ECF1", "border": 1, "text_wrap": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet(SHEET)
    widths = (22, 28, 18, 10, 10, 60, 28, 80, 12)
    for column, (header, width) in enumerate(zip(HEADERS, widths, strict=True)):
        sheet.write_string(0, column, header, head)
        sheet.set_column(column, column, width)
    for number, row in enumerate(rows, start=1):
        for column, cell in enumerate(row):
            sheet.write_string(number, column, cell, wrap)
    sheet.freeze_panes(1, 0)
    book.close()
    return FindingsFile(
        output.getvalue(),
        f"审限核查_{day}.xlsx",
        f"integrity-{day}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        len(rows),
    )
