"""Benchmark: the monthly report (月度报告) on the million-case database of benchmarks/pages_1m.py — gathering the
figures of a month and its five months before for every leadership a run serves (the whole system, the
intermediate court with the courts below it, each basic court), then writing each as DOCX and PDF. Read only:
nothing is kept in the database.

    .venv/bin/python benchmarks/monthly_report.py [--month 2026-10]
"""

from __future__ import annotations

import argparse
import resource
import time

from pages_1m import ensure_database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--month", default="2026-10")
    year, month = (int(part) for part in parser.parse_args().month.split("-"))
    ensure_database()
    from qingji.cases.models import Case
    from qingji.cases.monthly_report import monthly_reports
    from qingji.cases.monthly_report_doc import DEFAULT_TEMPLATE, render_docx, title
    from qingji.courts.models import Court
    from qingji.documents.docx_pdf import docx_to_pdf

    print(f"cases: {Case.objects.count():,}", flush=True)
    basic = list(Court.objects.filter(parent__code="甘10").values_list("code", flat=True))
    city = ["甘10", *basic]
    for name, scopes in (
        ("the whole system alone", [()]),
        ("every leadership", [(), city, *[(c,) for c in basic]]),
    ):
        started = time.perf_counter()
        reports = monthly_reports(year, month, scopes)
        gathered = time.perf_counter() - started
        started = time.perf_counter()
        for report in reports:
            content = render_docx(report, DEFAULT_TEMPLATE)
            docx_to_pdf(content, title(report))
        written = time.perf_counter() - started
        print(f"{name}: {len(reports)} reports, figures {gathered:.1f} s (6 months), DOCX and PDF {written:.1f} s",
              flush=True)  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(f"peak memory {peak:.2f} GiB")


if __name__ == "__main__":
    main()
