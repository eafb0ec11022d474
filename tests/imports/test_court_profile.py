"""A court's own header profile in the site settings file (QINGJI_HOME/settings.toml): `qingji import --profile`
reads its tables by it, `qingji settings check` shows it, and a profile that cannot be used stops both."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qingji.cases.models import Case, ImportRecord
from qingji.cases.profiles_in_force import court_profiles
from qingji.cli.app import app
from qingji.courts.actions import do_ensure_courts

pytestmark = pytest.mark.django_db

runner = CliRunner()
SETTINGS = """
[profiles."庆城审判系统"]
description = "庆城法院审判管理系统导出的案件表"
base = "数据中心"
unused = ["JAFSMC"]
optional = ["审限届满日期"]

[profiles."庆城审判系统".columns]
closure_method = "JAFS"

[profiles."庆城审判系统".values.JAFS]
"1" = "判决"
"2" = "调解"
"""
HEADER = "FYDM,AH,AY,LARQ,JARQ,JAFS,JAFSMC,CBSPT,CBRMC\n"


def table(path: Path, *rows: str) -> Path:
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def test_a_courts_profile_in_the_settings_file_reads_its_export(
    tmp_path: Path, site_file: Callable[[str], Path]
) -> None:
    do_ensure_courts()
    site_file(SETTINGS)
    assert list(court_profiles()) == ["数据中心", "庆城审判系统"]
    cases = table(
        tmp_path / "民事一审.csv",
        "甘1021,（2024）甘1021民初1号,买卖合同纠纷,2024-03-01,2024-05-06,1,判决,民一庭,张伟",
        "甘1021,（2024）甘1021民初2号,民间借贷纠纷,2024-03-02,2024-05-07,2,调解,民一庭,张伟",
    )
    result = runner.invoke(app, ["import", "--profile", "庆城审判系统", str(cases)])
    assert result.exit_code == 0, result.output
    methods = dict(Case.objects.values_list("case_number", "closure_method"))
    assert methods == {"（2024）甘1021民初1号": "判决", "（2024）甘1021民初2号": "调解"}
    assert ImportRecord.objects.get().profile == "庆城审判系统"
    # a code its table does not have is refused, naming the court's column
    refused = table(
        tmp_path / "补充.csv",
        "甘1021,（2024）甘1021民初3号,买卖合同纠纷,2024-03-01,2024-05-06,9,撤诉,民一庭,张伟",
    )
    again = runner.invoke(app, ["import", "--profile", "庆城审判系统", str(refused)])
    assert again.exit_code == 2 and "JAFS（结案方式）" in again.output and "'9'" in again.output
    assert Case.objects.count() == 2


def test_settings_check_shows_the_profile_and_refuses_a_bad_one(
    tmp_path: Path, site_file: Callable[[str], Path]
) -> None:
    path = site_file(SETTINGS)
    check = runner.invoke(app, ["settings", "check", "--json"])
    assert check.exit_code == 0, check.output
    values = {row["key"]: row for row in json.loads(check.output)["values"]}
    shown = values['profiles."庆城审判系统"']
    assert shown["source"] == str(path) and shown["value"]["columns"] == {"closure_method": "JAFS"}
    site_file(
        SETTINGS.replace(
            '"2" = "调解"', '"2" = "调解"\n[profiles."庆城审判系统".values.SYCX]\n"9" = "特别快"'
        )
    )
    bad = runner.invoke(app, ["settings", "check"])
    assert (
        bad.exit_code == 2 and "profiles.庆城审判系统.values.SYCX.9" in bad.output and "特别快" in bad.output
    )
    cases = table(
        tmp_path / "民事一审.csv", "甘1021,（2024）甘1021民初1号,买卖合同纠纷,2024-03-01,,,,民一庭,张伟"
    )
    refused = runner.invoke(app, ["import", "--profile", "庆城审判系统", str(cases)])
    assert refused.exit_code == 2 and "不是适用程序能取的值" in refused.output
