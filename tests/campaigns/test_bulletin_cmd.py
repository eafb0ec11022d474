"""`qingji bulletin CAMPAIGN --as-of DATE --output FILE` (issue 13): the ten-day bulletin as a real .docx and a real
.pdf, whose figures, read back out of the files, are `qingji campaign report --json`'s on the same date; the
overdue and 10-month cases are those the snapshot of that date finds; parties' names are masked."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from typer.testing import CliRunner

from qingji.campaigns.actions import do_create_campaign, do_record_supervision
from qingji.campaigns.bulletin import bulletin_number, previous_bulletin_day
from qingji.campaigns.bulletin_doc import PLACEHOLDERS
from qingji.cases.models import Case, CaseState
from qingji.cases.snapshot import do_snapshot
from qingji.cli.app import app
from qingji.core.vocabulary import Status, Warning
from qingji.courts.actions import do_ensure_courts
from qingji.courts.models import Court

pytestmark = pytest.mark.django_db
NAME, START, TARGET = "半年清积", date(2022, 12, 1), date(2023, 5, 31)
AS_OF = date(2023, 2, 11)
COURTS = ["甘10", "甘1002", "甘1021", "甘1022", "甘1027"]
DIVISIONS = ["民一庭", "民二庭", "刑庭"]


@pytest.fixture
def campaign(settings: Any, tmp_path: Path) -> str:
    """Five courts (the intermediate court's divisions ranked apart), 60 old cases closing through the campaign,
    some pending and overdue, a few ten months old, parties named in full."""
    settings.HOME = tmp_path / "home"
    do_ensure_courts()
    for n in range(60):
        court = COURTS[n % 5]
        filed = date(2021, 6, 1) + timedelta(days=7 * n) if n % 7 else date(2022, 4, 1) + timedelta(days=n)
        closed = START + timedelta(days=3 * n) if n % 3 else None  # two in three close, over the campaign
        Case.objects.create(
            case_number=f"（{filed.year}）{court}民初{100 + n}号", court_code=court, type_code="民初",
            procedure="ordinary", judge=f"法官{n % 4}", division=DIVISIONS[n % 3], filed_on=filed,
            closed_on=closed, parties=f"张{n}三;某建设有限公司",
        )  # fmt: skip
    # Aged past six months after the start, not in the campaign: the new backlog.
    Case.objects.create(case_number="（2022）甘1002民初900号", court_code="甘1002", type_code="民初",
                        procedure="ordinary", filed_on=date(2022, 7, 1))  # fmt: skip
    do_create_campaign(NAME, start=START, target=TARGET, court_codes=COURTS, older_than_months=6)
    do_record_supervision(
        NAME_campaign(), court_code="甘1021", kind="phone", on=date(2023, 2, 3), by="审管办"
    )
    do_record_supervision(NAME_campaign(), court_code="甘1027", kind="weekly_supervision", on=date(2023, 1, 20),
                          by="审管办")  # fmt: skip
    return NAME


def NAME_campaign() -> Any:
    from qingji.campaigns.models import Campaign

    return Campaign.objects.get(name=NAME)


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def report(as_of: date) -> dict[str, Any]:
    result = invoke("campaign", "report", NAME, "--as-of", as_of.isoformat(), "--json")
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.output)
    return document


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def squeezed(text: str) -> str:
    """Without any white space: a table's cells wrap onto lines of their own in a PDF's text."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_the_bulletin_s_figures_are_the_campaign_report_s(campaign: str, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / "通报" / f"第7期{suffix}"
    result = invoke("bulletin", campaign, "--as-of", AS_OF.isoformat(), "--output", str(out))
    assert result.exit_code == 0, result.output
    text = squeezed(docx_text(out) if suffix == ".docx" else pdf_text(out))
    expected = report(AS_OF)
    names = dict(Court.objects.values_list("code", "name"))
    rates = {row["court_code"]: row["clearance_rate"] for row in expected["by_court"]}
    # Each court's progress row, and the whole campaign's: in scope, cleared, remaining, the rate.
    for row in [*expected["by_court"], {**expected, "court_code": ""}]:
        name = names.get(row["court_code"], "合计")
        cells = f"{name}{row['in_scope']}{row['cleared']}{row['remaining']}{row['clearance_rate']:.2%}"
        assert cells in text, cells
    # The summary's sentence and the new backlog.
    assert (
        f"纳入积案{expected['in_scope']}件，已结{expected['cleared']}件，未结{expected['remaining']}件"
        in text
    )
    assert f"新增积案{expected['new_backlog']}件" in text and expected["new_backlog"] > 0
    # The basic courts ranked as the report ranks them, with the last-place warning on the last.
    assert len(expected["standings"]) == 4
    for standing in expected["standings"]:
        court = standing["court_code"]
        cells = f"{standing['rank']}{names[court]}{rates[court]:.2%}"
        assert cells in text, cells
    last = [s for s in expected["standings"] if s["last"]]
    assert f"末位法院：{names[last[0]['court_code']]}" in text if last else "末位法院：无" in text
    # The intermediate court's divisions ranked apart.
    assert expected["division_standings"]["甘10"] and f"{names['甘10']}各庭" in text
    # The number, the previous bulletin's date, the supervision done since it (the phone call, not January's).
    assert "第7期" in text and "上期通报（2023年2月1日）" in text
    assert "2023年2月3日" in text and "电话提醒" in text and "2023年1月20日" not in text
    # Parties' names masked; an organisation's left as it is.
    assert "张某某" in text and "某建设有限公司" in text and not re.search(r"张\d+三", text)


def test_the_overdue_and_10_month_cases_are_those_of_the_date(campaign: str, tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    assert invoke("bulletin", campaign, "--as-of", AS_OF.isoformat(), "--output", str(out)).exit_code == 0
    do_snapshot(AS_OF)  # the states of that date, by the nightly path
    pending = CaseState.objects.filter(case__campaign_entries__isnull=False, case__closed_on__isnull=True) | (
        CaseState.objects.filter(case__campaign_entries__isnull=False, case__closed_on__gt=AS_OF)
    )
    overdue = pending.filter(status=Status.OVERDUE).count()
    ten = sum(1 for s in pending.exclude(status=Status.OVERDUE) if Warning.AGE_10_MONTHS.value in s.warnings)
    assert overdue > 0
    text = squeezed(docx_text(out))
    assert f"超审限{overdue}件、审理满10个月{ten}件" in text
    assert f"共{overdue + ten}件，全部列出如下。" in text


def test_refusals_write_nothing(campaign: str, tmp_path: Path, settings: Any) -> None:
    wrong = invoke("bulletin", campaign, "--output", str(tmp_path / "b.txt"))
    assert wrong.exit_code == 2 and ".docx" in wrong.output and not (tmp_path / "b.txt").exists()
    early = invoke("bulletin", campaign, "--as-of", "2022-11-30", "--output", str(tmp_path / "b.docx"))
    assert early.exit_code == 2 and not (tmp_path / "b.docx").exists()
    assert invoke("bulletin", "没有这个", "--output", str(tmp_path / "b.docx")).exit_code == 1
    # A court's own template with a placeholder the bulletin does not know: refused, naming it.
    template = Path(settings.HOME) / "templates" / "通报.docx"
    assert invoke("campaign", "bulletin-template", "--out", str(template)).exit_code == 0
    edited = docx.Document(str(template))
    edited.add_paragraph("{{院长签名}}")
    edited.save(str(template))
    bad = invoke("bulletin", campaign, "--as-of", AS_OF.isoformat(), "--output", str(tmp_path / "b.pdf"))
    assert bad.exit_code == 2 and "院长签名" in bad.output and not (tmp_path / "b.pdf").exists()


def test_a_court_s_edited_template_governs_both_formats(campaign: str, tmp_path: Path, settings: Any) -> None:
    template = Path(settings.HOME) / "templates" / "通报.docx"
    assert invoke("campaign", "bulletin-template", "--out", str(template)).exit_code == 0
    edited = docx.Document(str(template))
    edited.add_paragraph("抄送：{{发布单位}}办公室（第{{期数}}期）")
    edited.save(str(template))
    for suffix in (".docx", ".pdf"):
        out = tmp_path / f"b{suffix}"
        assert invoke("bulletin", campaign, "--as-of", AS_OF.isoformat(), "--output", str(out)).exit_code == 0
        text = squeezed(docx_text(out) if suffix == ".docx" else pdf_text(out))
        assert "抄送：甘肃省庆阳市中级人民法院办公室（第7期）" in text
    assert set(PLACEHOLDERS) >= {"进度表", "排名表", "超期案件", "专项行动"}


def test_the_numbering_follows_the_schedule_s_days() -> None:
    days = (1, 11, 21)
    assert bulletin_number(START, START, days) == 1  # by hand on the start itself
    assert bulletin_number(START, date(2022, 12, 11), days) == 1  # the schedule's first, after the start
    assert bulletin_number(START, AS_OF, days) == 2 + 3 + 1 + 1  # Dec 11, 21; Jan 1, 11, 21; Feb 1 → the 7th
    assert previous_bulletin_day(AS_OF, days, START) == date(2023, 2, 1)
    assert previous_bulletin_day(date(2023, 1, 1), days, START) == date(2022, 12, 21)
    assert previous_bulletin_day(date(2022, 12, 5), days, START) == START
