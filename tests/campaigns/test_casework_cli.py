"""`qingji campaign referral | appraisal | lookback`: record, refuse with reasons (exit 2, nothing written), list on
a date as tables or JSON; every command and option documented in the README and docs/campaigns.md."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from qingji.audit.models import AuditRecord
from qingji.campaigns.actions import do_create_campaign
from qingji.campaigns.models import Appraisal, LookBack, Referral
from qingji.cases.imports import do_import
from qingji.cli.app import app
from qingji.courts.actions import do_ensure_courts

from .conftest import START, TARGET

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def campaign(court_system: None) -> None:
    do_create_campaign("半年清积", start=START, target=TARGET, older_than_months=6)


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(app, ["campaign", *args])
    assert result.exit_code == code, result.output
    return result.output


def listing(*args: str) -> dict[str, object]:
    document: dict[str, object] = json.loads(run(*args, "--json"))
    return document


@pytest.mark.usefixtures("campaign")
def test_a_referral_from_the_command_line() -> None:
    out = run("referral", "add", "半年清积", "(2022)甘1002民初1号", "--body", "committee", "--by", "张伟",
              "--on", "2023-03-01", "--scheduled", "2023-03-10")  # fmt: skip
    referral = Referral.objects.get()
    assert f"#{referral.pk}" in out and "审判委员会" in out
    run(
        "referral",
        "update",
        str(referral.pk),
        "--held",
        "2023-03-14",
        "--outcome",
        "改判",
        "--decided",
        "2023-03-14",
    )
    referral.refresh_from_db()
    assert (referral.outcome, str(referral.decided_on)) == ("改判", "2023-03-14")
    assert AuditRecord.objects.filter(action__startswith="referral_").count() == 2
    open_then = listing("referral", "list", "半年清积", "--as-of", "2023-03-10")
    assert (open_then["referrals"], open_then["open"], open_then["longest_open_days"]) == (1, 1, 9)
    done = listing("referral", "list", "半年清积", "--as-of", "2023-04-01")
    assert (done["open"], done["average_days"]) == (0, 13.0)
    rows = done["rows"]
    assert (
        isinstance(rows, list)
        and rows[0]["case_number"] == "（2022）甘1002民初1号"
        and rows[0]["waiting_days"] == 13
    )
    assert done["by_court"] == [{"court_code": "甘1002", "referrals": 1, "open": 0, "decided": 1, "average_days": 13.0,
                                 "longest_days": 13, "longest_open_days": None}]  # fmt: skip
    assert "未决 open 0" in run("referral", "list", "半年清积", "--as-of", "2023-04-01")


@pytest.mark.usefixtures("campaign")
def test_refusals_exit_2_and_write_nothing() -> None:
    err = run(
        "referral", "add", "半年清积", "（2022）甘1002民初1号", "--body", "council", "--by", " ", code=2
    )
    assert "not the committee nor the judges' meeting" in err and "who referred is blank" in err
    assert not Referral.objects.exists()
    run(
        "referral", "add", "半年清积", "（2022）甘1002民初2号", "--body", "committee", "--by", "x", code=1
    )  # not in scope
    run("referral", "add", "没有", "（2022）甘1002民初1号", "--body", "committee", "--by", "x", code=1)
    run("referral", "update", "999", "--held", "2023-01-01", code=1)
    err = run("appraisal", "add", "半年清积", "（2022）甘1002民初1号", "--agency", "某所", "--requested", "2023-03-01",
              "--due", "2023-02-01", code=2)  # fmt: skip
    assert "早于委托日期 2023-03-01" in err and not Appraisal.objects.exists()
    err = run("lookback", "record", "半年清积", "（2022）甘1002民初1号", "--by", "甲", "--finding", "无",
              "--verdict", "no_problem", "--on", "2023-06-01", code=2)  # fmt: skip
    assert "no look-back" in err and not LookBack.objects.exists()


@pytest.mark.usefixtures("campaign")
def test_appraisals_overdue_from_the_command_line() -> None:
    run("appraisal", "add", "半年清积", "（2022）甘1002民初1号", "--agency", "甘肃某司法鉴定所", "--requested", "2023-01-10",
        "--due", "2023-03-10", "--note", "伤残等级")  # fmt: skip
    run("appraisal", "add", "半年清积", "（2022）甘1027刑初1号", "--agency", "省鉴定中心", "--requested", "2023-02-01",
        "--due", "2023-04-30")  # fmt: skip
    on = listing("appraisal", "list", "半年清积", "--as-of", "2023-03-11")
    rows = on["rows"]
    assert (on["appraisals"], on["overdue"]) == (2, 1)
    assert isinstance(rows, list) and [(r["agency"], r["overdue_days"]) for r in rows] == [
        ("甘肃某司法鉴定所", 1), ("省鉴定中心", None),
    ]  # fmt: skip
    only = listing("appraisal", "list", "半年清积", "--as-of", "2023-03-11", "--overdue")["rows"]
    assert isinstance(only, list) and len(only) == 1
    late = Appraisal.objects.get(agency="甘肃某司法鉴定所")
    run("appraisal", "update", str(late.pk), "--received", "2023-03-20", "--note", "已收到")
    assert listing("appraisal", "list", "半年清积", "--as-of", "2023-03-20")["overdue"] == 0
    assert "超期 overdue 1" in run("appraisal", "list", "半年清积", "--as-of", "2023-03-19")


@pytest.mark.usefixtures("campaign")
def test_look_back_from_the_command_line() -> None:
    assert "opened 0" in run("lookback", "open", "半年清积", "--on", "2023-01-19")
    assert "opened 1" in run("lookback", "open", "半年清积", "--on", "2023-01-20")  # 民初3号 closed that day
    assert "opened 0" in run("lookback", "open", "半年清积", "--on", "2023-01-20")
    run("lookback", "record", "半年清积", "（2021）甘1002民初3号", "--by", "庭长丙", "--finding", "发现扣除依据不足",
        "--verdict", "problem", "--problem", "鉴定扣除无委托书", "--on", "2023-06-01")  # fmt: skip
    document = listing("lookback", "list", "半年清积", "--as-of", "2023-06-30")
    assert (document["to_open"], document["open"], document["done"]) == (
        1,
        0,
        1,
    )  # 甘1027民初1号 closed 31 May
    rows = document["rows"]
    assert (
        isinstance(rows, list)
        and rows[1]["verdict"] == "problem"
        and rows[1]["problem"] == "鉴定扣除无委托书"
    )
    assert "待建立 to open 1" in run("lookback", "list", "半年清积", "--as-of", "2023-06-30")


def test_every_casework_command_and_option_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "campaigns.md").read_text(encoding="utf-8")
    campaign = typer.main.get_command(app).commands["campaign"]  # type: ignore[attr-defined]
    for group in ("referral", "appraisal", "lookback"):
        for name, command in campaign.commands[group].commands.items():
            assert f"qingji campaign {group} {name}" in readme and f"qingji campaign {group} {name}" in guide
            for parameter in command.params:
                if parameter.param_type_name == "option":
                    assert any(opt in readme and opt in guide for opt in parameter.opts), (
                        group,
                        name,
                        parameter.opts,
                    )


@pytest.mark.django_db
def test_the_documented_casework_commands_give_the_documented_figures() -> None:
    """docs/campaigns.md's casework commands, run in order on the worked example's campaign."""
    do_ensure_courts()
    examples = ROOT / "docs" / "examples"
    assert do_import(examples / "worked-cases.csv").imported
    run(
        "create",
        "半年清积",
        "--start",
        "2022-12-01",
        "--target",
        "2023-05-31",
        "--scope-file",
        str(examples / "反馈台账.csv"),
    )
    guide = (ROOT / "docs" / "campaigns.md").read_text(encoding="utf-8")
    lines = [
        line
        for line in guide.splitlines()
        if re.match(r"qingji campaign (referral|appraisal|lookback) ", line)
    ]
    assert len(lines) == 12
    outputs = []
    for line in lines:
        args = shlex.split(line)[2:]
        if args[1] == "update":  # the number the list shows (1 in a new database)
            model = Referral if args[0] == "referral" else Appraisal
            args[2] = str(model.objects.get().pk)
        outputs.append(run(*args))
    referral_then = json.loads(outputs[1])
    assert (referral_then["open"], referral_then["longest_open_days"]) == (1, 9)
    assert "未决 open 0" in outputs[3] and "最长 longest 13" in outputs[3]
    overdue = json.loads(outputs[5])
    assert overdue["overdue"] == 1 and overdue["rows"][0]["overdue_days"] == 1
    assert "超期 overdue 0" in outputs[7]
    assert "opened 45" in outputs[8]
    assert "opened 0" in run("lookback", "open", "半年清积", "--on", "2023-05-31")
    review = json.loads(outputs[11])
    assert (review["to_open"], review["open"], review["done"]) == (0, 43, 2)
    assert "（2022）甘10民初141号" not in {row["case_number"] for row in review["rows"]}  # a year exactly
