"""The ten-day bulletin's section of integrity findings (docs/cadence.md): per court and check in the campaign's
courts, the cases found with their parties masked, the same in the Word document and the PDF; the message's
figures and the e-mail's line; a bulletin of another day than the stored run's counts the findings of its own day.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest

from court_cases import AS_OF, create_court_system
from integrity_world import OTHER_COURT, OTHER_PARTIES, REFILED, plant_integrity_cases
from qingji.cadence.bulletins import headline
from qingji.cadence.delivery_texts import Sent, email_text
from qingji.campaigns.actions import do_create_campaign
from qingji.campaigns.bulletin_data import bulletin_of
from qingji.campaigns.bulletin_doc import render_docx, render_pdf
from qingji.campaigns.integrity_section import campaign_dates
from qingji.cases.integrity_run import do_integrity_run

pytestmark = pytest.mark.django_db
DAYS = (1, 11, 21)
START, TARGET = date(2024, 9, 2), date(2025, 3, 31)


@pytest.fixture
def campaign(db: None, settings: Any, tmp_path: Path) -> Any:
    settings.HOME = tmp_path
    create_court_system()
    plant_integrity_cases()
    made = do_create_campaign(
        "年底清积", start=START, target=TARGET, court_codes=["甘1002", "甘1027"], older_than_months=6
    )
    do_integrity_run(AS_OF, campaign_dates=campaign_dates())
    return made


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_section_counts_each_court_and_check_and_masks_the_parties(campaign: Any, tmp_path: Path) -> None:
    bulletin = bulletin_of(campaign, AS_OF, DAYS)
    section = bulletin.integrity
    assert section is not None and section.as_of == AS_OF
    lines = {line.code: dict(line.counts) for line in section.courts}
    assert lines == {
        "甘1002": {
            "deduction_without_ground": 1,
            "withdraw_refile": 1,
            "split_filing": 2,
            "expiry_mismatch": 1,
        },
        "甘1027": {"deduction_without_ground": 1},
    }
    assert section.overall.total == 6 and section.cases_total == 6
    refiled = next(case for case in section.cases if case.case_number == REFILED)
    assert refiled.parties == "张某某;甲公司" and refiled.judge == "李娜"
    other = next(case for case in section.cases if case.case_number == OTHER_COURT)
    assert other.parties == "赵某某;丙公司" != OTHER_PARTIES
    path = tmp_path / "b.docx"
    path.write_bytes(render_docx(bulletin))
    document = docx.Document(str(path))
    word = squeezed(
        "\n".join(
            [p.text for p in document.paragraphs]
            + [c.text for t in document.tables for r in t.rows for c in r.cells]
        )
    )
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(render_pdf(bulletin))
    printed = squeezed("\n".join(page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages))
    for text in (word, printed):
        assert "七、审限核查发现" in text and "共发现问题6项" in text and "截至2024年12月31日" in text
        assert "庆阳市西峰区人民法院5" in text and "撤诉后重新立案1项" in text and "同日拆分立案2项" in text
        assert "合计6" in text
        assert "张某某;甲公司" in text and "张三" not in text and OTHER_PARTIES not in text
        assert "发现问题的案件共6件，全部列出如下。" in text


def test_the_message_carries_figures_and_no_party(campaign: Any) -> None:
    data = headline(bulletin_of(campaign, AS_OF, DAYS))
    assert data["integrity"] == {
        "as_of": AS_OF.isoformat(),
        "total": 6,
        "by_court": {"甘1002": 5, "甘1027": 1},
    }
    mail = email_text(
        Sent(1, "bulletin", AS_OF, {**data, "campaign_name": "年底清积"}, "王院长", "甘1027"), ""
    )
    assert "审限核查发现问题 6 项，其中本院 1 项" in mail.body
    assert "张" not in mail.body and REFILED not in mail.body


def test_a_bulletin_of_another_day_counts_the_findings_of_that_day(campaign: Any) -> None:
    """Before the refiled case and the split filing (the stored run is of AS_OF): the checks of that day."""
    section = bulletin_of(campaign, date(2024, 6, 21), DAYS).integrity
    assert section is not None and section.as_of == date(2024, 6, 21)
    assert {case.case_number for case in section.cases} == {REFILED}
    assert section.overall.total == 1
