"""`qingji campaign letter` writes the letter as a real .docx (recording nothing unless --record);
`qingji campaign letter-template` copies the default template out; a bad template writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import do_create_campaign, do_record_supervision
from qingji.campaigns.letter import DEFAULT_TEMPLATE
from qingji.campaigns.models import Campaign, SupervisionAction
from qingji.cli.app import app

from .conftest import START, TARGET

pytestmark = pytest.mark.usefixtures("court_system")


@pytest.fixture
def campaign(settings: Any, tmp_path: Path) -> Campaign:
    settings.HOME = tmp_path / "home"
    return do_create_campaign("半年清积", start=START, target=TARGET, court_codes=["甘1002", "甘1021", "甘1027"],
                              older_than_months=6)  # fmt: skip


def run(*args: str) -> Any:
    return CliRunner().invoke(app, ["campaign", *args])


def table(path: Path) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in docx.Document(str(path)).tables[0].rows]


def test_the_letter_is_written_and_nothing_recorded(campaign: Campaign, tmp_path: Path) -> None:
    out = tmp_path / "letters" / "甘1027.docx"
    result = run("letter", "半年清积", "--court", "甘1027", "--on", "2023-03-01", "--out", str(out),
                 "--by", "督导组", "--to", "院长", "--agreed", "两周内结案一件", "--follow-up", "2023-03-15")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = [paragraph.text for paragraph in docx.Document(str(out)).paragraphs]
    assert (
        "镇原县人民法院院长：" in text and "清积督字〔2023〕1号" in text and "跟进日期：2023年3月15日" in text
    )
    assert any("在3个法院中排名第3位，落后倒排工期计划90天" in line for line in text)
    assert table(out)[1:] == [
        ["（2021）甘1027民初1号", "赵磊", "2021-09-01", "546", "", ""],
        ["（2022）甘1027刑初1号", "赵磊", "2022-01-05", "420", "", ""],
    ]
    assert not SupervisionAction.objects.exists() and not AuditRecord.objects.filter(
        action="letter_generated"
    )


def test_record_and_the_recorded_letter_of_the_day(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    do_record_supervision(campaign, court_code="甘1021", kind="letter", on=date(2023, 2, 1), by="督导组")
    result = run("letter", "半年清积", "--court", "甘1027", "--on", "2023-03-01", "--record", "--by", "督导组",
                 "--to", "院长")  # fmt: skip
    assert result.exit_code == 0, result.output
    action = SupervisionAction.objects.get(court__code="甘1027")
    assert (action.kind, action.on, action.by, action.to) == ("letter", date(2023, 3, 1), "督导组", "院长")
    record = AuditRecord.objects.get(action="letter_generated")
    assert (
        record.object_id == str(action.pk)
        and record.after is not None
        and record.after["number"] == "〔2023〕2号"
    )
    written = tmp_path / "督办函-半年清积-甘1027-2023-03-01.docx"
    assert "镇原县人民法院院长：" in [p.text for p in docx.Document(str(written)).paragraphs]
    # again without options: the letter recorded that day says who and to whom, with its own number
    written.unlink()
    again = run("letter", "半年清积", "--court", "甘1027", "--on", "2023-03-01")
    assert again.exit_code == 0, again.output
    text = [p.text for p in docx.Document(str(written)).paragraphs]
    assert "镇原县人民法院院长：" in text and "清积督字〔2023〕2号" in text
    assert SupervisionAction.objects.count() == 2
    # --record without who supervised is refused, nothing written
    refused = run(
        "letter", "半年清积", "--court", "甘1021", "--on", "2023-03-02", "--record", "--out", "x.docx"
    )
    assert refused.exit_code == 2 and "blank" in refused.output and not (tmp_path / "x.docx").exists()


def test_a_court_template_and_a_bad_one(campaign: Campaign, settings: Any, tmp_path: Path) -> None:
    copied = tmp_path / "mine.docx"
    result = run("letter-template", "--out", str(copied))
    assert result.exit_code == 0, result.output
    assert copied.read_bytes() == DEFAULT_TEMPLATE.read_bytes()
    assert run("letter-template", "--out", str(copied)).exit_code == 1  # not overwritten
    assert run("letter-template", "--out", str(copied), "--force").exit_code == 0
    # the court edits its copy: a placeholder it invents is refused, naming it and the file, nothing written
    document = docx.Document(str(copied))
    document.paragraphs[0].add_run("{{院长姓名}}")
    own = Path(settings.HOME) / "templates" / "督办函.docx"
    own.parent.mkdir(parents=True)
    document.save(str(own))
    out = tmp_path / "letter.docx"
    bad = run("letter", "半年清积", "--court", "甘1002", "--on", "2023-03-01", "--out", str(out), "--record",
              "--by", "督导组")  # fmt: skip
    output = "".join(bad.output.split())
    assert bad.exit_code == 2 and "{{院长姓名}}" in output and "督办函.docx" in output
    assert not out.exists() and not SupervisionAction.objects.exists()
    # --template tries another file; the one in force is then fixed
    good = run("letter", "半年清积", "--court", "甘1002", "--on", "2023-03-01", "--out", str(out),
               "--template", str(DEFAULT_TEMPLATE))  # fmt: skip
    assert good.exit_code == 0 and out.exists()
    assert run("letter", "没有", "--court", "甘1002").exit_code == 1
    assert run("letter", "半年清积", "--court", "甘10", "--on", "2023-03-01").exit_code == 2  # not its court
