"""Benchmark: the files of issue 10 on the page's limits and on the command line's; prints the figures.

Generates, in bench-data/limits/ (kept between runs), a workbook of 200,000 cases × 20 columns (4 million cells,
shared strings, about 12 MB, as the issue's) and a CSV export of 1.5 million cases (about 240 MB), plus the
issue's 1.6 KB workbook with values in A1 and XFD1048576. Each is then read as `qingji import` reads it
(``read_cases``) in a child process, once within the upload page's limits (``QINGJI_UPLOAD_MAX_…``: refused) and
once within the command line's (``QINGJI_CLI_MAX_…``: read), and the child's wall time and peak resident memory
are printed; the checks alone (``check_workbook``) are timed too.

Run: .venv/bin/python benchmarks/file_limits.py
"""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

import polars as pl

from common import MEASURE, ROOT
from qingji.synth import generate

DATA = ROOT / "bench-data" / "limits"
WORKBOOK_ROWS, WORKBOOK_COLUMNS, CSV_ROWS = 200_000, 20, 1_500_000
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
PARTS = {
    "[Content_Types].xml": f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{PACKAGE}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
    '<sheets><sheet name="案件" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships '
    f'xmlns="{PACKAGE}/relationships"><Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" '
    f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RELATIONSHIPS}/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>',
}


def cases(rows: int) -> pl.DataFrame:
    frame, _ = generate(rows, seed=2026, until=date(2026, 11, 27), events_per_case=0)
    return frame


def write_csv(path: Path) -> None:
    cases(CSV_ROWS).write_csv(path)


def write_workbook(path: Path) -> None:
    """The cases and nine more columns (as a court's export has) in one sheet of shared strings."""
    frame = cases(WORKBOOK_ROWS).select(pl.all().cast(pl.String))
    extra = WORKBOOK_COLUMNS - frame.width
    frame = frame.with_columns(
        (pl.lit(f"备注{n}") + (pl.int_range(pl.len()) % (7 + n)).cast(pl.String)).alias(f"备注{n}")
        for n in range(1, extra + 1)
    )
    frame = pl.concat([pl.DataFrame([frame.columns], schema=frame.columns, orient="row"), frame])
    strings = (
        pl.concat([frame.get_column(name) for name in frame.columns]).drop_nulls().unique(maintain_order=True)
    )
    index = {value: number for number, value in enumerate(strings.to_list())}
    number = pl.int_range(1, pl.len() + 1).cast(pl.String)
    cells = []
    for position, name in enumerate(frame.columns):
        letter = chr(ord("A") + position)
        value = pl.col(name).replace_strict(index, return_dtype=pl.Int64, default=None).cast(pl.String)
        cells.append(
            pl.when(value.is_null())
            .then(pl.lit(""))
            .otherwise(
                pl.concat_str(
                    pl.lit(f'<c r="{letter}'), number, pl.lit('" t="s"><v>'), value, pl.lit("</v></c>")
                )
            )
        )
    rows = frame.select(
        pl.concat_str(pl.lit('<row r="'), number, pl.lit('">'), *cells, pl.lit("</row>")).alias("x")
    )
    escaped = strings.str.replace_all("&", "&amp;").str.replace_all("<", "&lt;").str.replace_all(">", "&gt;")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
            )
            for block in rows.get_column("x").to_list():
                sheet.write(block.encode())
            sheet.write(b"</sheetData></worksheet>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as table:
            table.write(
                f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" uniqueCount="{len(strings)}">'.encode()
            )
            for value in escaped.to_list():
                table.write(f"<si><t>{value}</t></si>".encode())
            table.write(b"</sst>")


def write_issue_workbook(path: Path) -> None:
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><dimension ref="A1:XFD1048576"/>'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>案号</t></is></c></row><row r="1048576">'
        '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)


def read(which: str, path: str) -> None:
    """In the child: read ``path`` as `qingji import` does, within the page's or the command line's limits."""
    from qingji.interchange import read_cases
    from qingji.interchange.limits import command_limits, upload_limits
    from qingji.interchange.table_error import TableError
    from qingji.interchange.workbook_checks import check_workbook

    limits = upload_limits() if which == "page" else command_limits()
    if which == "check":
        try:
            check_workbook(Path(path), limits)
        except TableError as error:
            print(error.reason_en[:110])
        return
    result = read_cases(Path(path), limits=limits)
    outcome = result.problems[0].reason_en[:110] if result.file_refused else f"{result.rows_read:,} rows read"
    print(outcome)


def measure(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak resident memory (MiB) and what a child running ``command`` printed."""
    wrapped = MEASURE.replace("stdout=subprocess.DEVNULL", "stdout=subprocess.PIPE").replace(
        "print(elapsed,", "print(process.stdout.strip()); print(elapsed,"
    )
    process = subprocess.run(
        [sys.executable, "-c", wrapped, *command], capture_output=True, text=True, check=False
    )
    if process.returncode != 0:
        sys.exit(f"{command[-2:]} failed ({process.returncode}):\n{process.stderr}")
    *said, figures = process.stdout.strip().splitlines()
    seconds, kib = figures.split()
    return float(seconds), int(kib) / 1024, " ".join(said)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--read":
        read(sys.argv[2], sys.argv[3])
        return
    DATA.mkdir(parents=True, exist_ok=True)
    files = {
        "issue workbook (A1, XFD1048576)": (DATA / "issue.xlsx", write_issue_workbook),
        "workbook 200,000 × 20 (4 M cells)": (DATA / "cases-4m-cells.xlsx", write_workbook),
        "CSV 1.5 M cases": (DATA / "cases-1.5m.csv", write_csv),
    }
    for path, write in files.values():
        if not path.exists():
            started = time.perf_counter()
            write(path)
            print(
                f"generated {path.name} ({path.stat().st_size / 2**20:,.1f} MB) in {time.perf_counter() - started:.0f} s"
            )
    print(f"{'file':34} {'MB':>7} {'limits':>6} {'seconds':>8} {'peak MB':>8}  outcome")
    for label, (path, _) in files.items():
        size = path.stat().st_size / 2**20
        runs = ["page", "cli"] + (["check"] if path.suffix == ".xlsx" else [])
        for which in runs:
            seconds, peak, said = measure([sys.executable, __file__, "--read", which, str(path)])
            print(
                f"{label:34} {size:7,.1f} {which:>6} {seconds:8.2f} {peak:8,.0f}  {said or 'within the limits'}"
            )


if __name__ == "__main__":
    main()
