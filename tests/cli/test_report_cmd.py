"""`qingji report monthly --month YYYY-MM --output FILE` (issue 13): the monthly report as a real .docx and a real
.pdf, whose figures, read back out of the files, are `qingji stats --as-of <the month's last day> --since <its first
day> --json`'s — per court, overall, and for each month of the trend; a wrong suffix, a month not ended and a
template with an unknown placeholder are refused."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from typer.testing import CliRunner

from qingji.cases.models import Case, CaseEvent
from qingji.cli.app import app
from qingji.courts.actions import do_ensure_courts
from qingji.courts.models import Court

pytestmark = pytest.mark.django_db
MONTH = "2023-03"
FIRST, LAST = date(2023, 3, 1), date(2023, 3, 31)
COURTS = ["甘10", "甘1002", "甘1021", "甘1027"]
TYPES = ["民初", "民初", "刑初", "行初", "执"]


@pytest.fixture
def cases(settings: Any, tmp_path: Path) -> None:
    """120 cases over two years in four courts, most closed, some with a deducted period, parties named."""
    settings.HOME = tmp_path / "home"
    do_ensure_courts()
    for n in range(120):
        court, type_code = COURTS[n % 4], TYPES[n % 5]
        filed = date(2021, 9, 1) + timedelta(days=5 * n + n % 7)
        closed = filed + timedelta(days=40 + (n * 37) % 400) if n % 4 else None
        case = Case.objects.create(
            case_number=f"（{filed.year}）{court}{type_code}{100 + n}号", court_code=court, type_code=type_code,
            procedure="ordinary", judge=f"法官{n % 3}", division="民一庭", filed_on=filed,
            closed_on=closed if closed and closed <= date(2023, 11, 30) else None, parties=f"张{n}三;李四",
        )  # fmt: skip
        if n % 6 == 1:
            start = filed + timedelta(days=10)
            CaseEvent.objects.create(case=case, key=f"d{n}", event="deduction", kind="鉴定", start=start,
                                     end=start + timedelta(days=20))  # fmt: skip


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def stats(as_of: date, since: date) -> dict[str, Any]:
    result = invoke("stats", "--as-of", as_of.isoformat(), "--since", since.isoformat(), "--json")
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def text_of(path: Path) -> str:
    if path.suffix == ".pdf":
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)
    else:
        document = docx.Document(str(path))
        cells = ["".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows]
        text = "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)
    return re.sub(r"\s+", "", text)  # a table's cells wrap onto lines of their own in a PDF's text


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2%}"


def one(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_the_report_s_figures_are_the_stats_command_s(cases: None, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / "报告" / f"月度报告{suffix}"
    result = invoke("report", "monthly", "--month", MONTH, "--output", str(out))
    assert result.exit_code == 0, result.output
    text = text_of(out)
    expected = stats(LAST, FIRST)
    assert expected["compare"] == "2022-03-31"
    names = dict(Court.objects.values_list("code", "name"))
    rows = [*expected["by_court"], {**expected, "court_code": None}]
    assert {row["court_code"] for row in expected["by_court"]} == set(COURTS)
    for row in rows:
        name = names[row["court_code"]] if row["court_code"] else "合计"
        flow = (f"{name}{row['filed']}{row['closed']}{pct(row['closed_to_filed'])}{pct(row['on_time_rate'])}"
                f"{one(row['average_days'])}{one(row['average_days_net'])}{pct(row['clearing_rate'])}")  # fmt: skip
        assert flow in text, flow
        stock = (f"{name}{row['pending']}{row['pending_compare']}{pct(row['pending_change'])}{row['overdue']}"
                 f"{row['long_pending_12m']}{row['long_pending_18m']}{row['long_pending_24m']}"
                 f"{row['long_pending_36m']}")  # fmt: skip
        assert stock in text, stock
    # Figures that differ from court to court, so that the rows above test something.
    assert len({row["closed"] for row in expected["by_court"]}) > 1
    assert any(row["average_days"] != row["average_days_net"] for row in rows)
    # The summary's sentence.
    assert (
        f"新收案件{expected['filed']}件，审结{expected['closed']}件，结收比{pct(expected['closed_to_filed'])}"
        in text
    )
    assert f"其中超12个月未结{expected['long_pending_12m']}件" in text
    # The trend: each of the six months as `qingji stats` gives it on its own last day.
    for year, month in [(2022, 10), (2022, 11), (2022, 12), (2023, 1), (2023, 2), (2023, 3)]:
        first = date(year, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        row = stats(last, first)
        cells = (f"{year}年{month}月{row['filed']}{row['closed']}{pct(row['closed_to_filed'])}"
                 f"{pct(row['on_time_rate'])}{one(row['average_days'])}{row['pending']}{row['long_pending_12m']}"
                 f"{row['overdue']}")  # fmt: skip
        assert cells in text, cells
    assert "张" not in text.replace("张某", "")  # no party at all


def test_the_summary_names_the_shortest_long_pending_tier_in_force(
    cases: None, tmp_path: Path, site_file: Callable[[str], Path]
) -> None:
    site_file("[ages]\nlong_pending_months = [18, 24]\n")
    out = tmp_path / "月度报告.docx"
    assert invoke("report", "monthly", "--month", MONTH, "--output", str(out)).exit_code == 0
    expected = stats(LAST, FIRST)
    assert expected["long_pending_18m"] != expected["long_pending_24m"]  # so that the tier's choice is seen
    assert f"其中超18个月未结{expected['long_pending_18m']}件" in text_of(out)


def test_one_court_s_report(cases: None, tmp_path: Path) -> None:
    out = tmp_path / "甘1002.docx"
    result = invoke("report", "monthly", "--month", MONTH, "--scope", "甘1002", "--output", str(out))
    assert result.exit_code == 0, result.output
    text = text_of(out)
    row = next(row for row in stats(LAST, FIRST)["by_court"] if row["court_code"] == "甘1002")
    assert f"合计{row['filed']}{row['closed']}{pct(row['closed_to_filed'])}" in text
    assert Court.objects.get(code="甘1027").name not in text


def test_refusals(cases: None, tmp_path: Path) -> None:
    bad = invoke("report", "monthly", "--month", MONTH, "--output", str(tmp_path / "x.xlsx"))
    assert bad.exit_code == 2 and ".docx" in bad.output and not (tmp_path / "x.xlsx").exists()
    future = invoke("report", "monthly", "--month", "2999-01", "--output", str(tmp_path / "x.docx"))
    assert future.exit_code == 2 and not (tmp_path / "x.docx").exists()
    unknown = invoke(
        "report", "monthly", "--month", MONTH, "--scope", "甘9999", "--output", str(tmp_path / "x.docx")
    )
    assert unknown.exit_code == 2 and "甘9999" in unknown.output


def test_a_court_s_template_is_used_and_checked(cases: None, tmp_path: Path, settings: Any) -> None:
    copied = tmp_path / "copy.docx"
    assert invoke("report", "template", "--out", str(copied)).exit_code == 0
    document = docx.Document(str(copied))
    document.add_paragraph("本院自拟：{{月份}}，{{不存在}}")
    templates = Path(settings.HOME) / "templates"
    templates.mkdir(parents=True)
    document.save(str(templates / "月度报告.docx"))
    out = tmp_path / "r.pdf"
    refused = invoke("report", "monthly", "--month", MONTH, "--output", str(out))
    assert refused.exit_code == 2 and "不存在" in refused.output and not out.exists()
    document.paragraphs[-1].text = "本院自拟：{{月份}}"
    document.save(str(templates / "月度报告.docx"))
    assert invoke("report", "monthly", "--month", MONTH, "--output", str(out)).exit_code == 0
    assert "本院自拟：2023年3月" in text_of(out)
