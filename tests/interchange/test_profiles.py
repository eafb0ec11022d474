"""A court's own header profiles from the site settings (TOML): what is read, and every refusal named."""

from __future__ import annotations

import tomllib

import pytest

from qingji.interchange.headers import CASE_FIELDS
from qingji.interchange.profiles import BUILTIN_PROFILES, DATA_CENTRE, ProfileError, parse_profiles

SETTINGS = "/srv/qingji/settings.toml"

COURT_PROFILE = """
[profiles."庆城审判系统"]
description = "庆城法院审判管理系统导出的案件表"
description_en = "the case tables of the Qingcheng court's trial-management system"
base = "数据中心"
unused = ["JAFSMC", "GDRQ"]
optional = ["审限届满日期"]

[profiles."庆城审判系统".columns]
closure_method = "JAFS"
"承办法官" = ["CBR", "CBRMC"]

[profiles."庆城审判系统".values.JAFS]
"1" = "判决"
"2" = "调解"
" 3 " = "撤诉"

[profiles."庆城审判系统".values.SYCX]
"1" = "普通程序"

[profiles."庆城审判系统".kinds]
"民事案件" = ["民初", "民终"]

[profiles."庆城再审"]
description = "再审案件表"
base = "庆城审判系统"
[profiles."庆城再审".kinds]
"民事再审" = ["民再"]
"""


def profiles(text: str) -> dict[str, object]:
    return tomllib.loads(text)["profiles"]  # type: ignore[no-any-return]


def test_a_court_profile_built_on_the_data_centre() -> None:
    parsed = parse_profiles(profiles(COURT_PROFILE), SETTINGS)
    assert list(parsed) == ["庆城审判系统", "庆城再审"]
    own = parsed["庆城审判系统"]
    builtin = BUILTIN_PROFILES[DATA_CENTRE]
    assert own.source == SETTINGS and own.base == DATA_CENTRE
    assert own.cases["closure_method"] == ("JAFS",) and own.cases["judge"] == ("CBR", "CBRMC")
    assert own.cases["filed_on"] == builtin.cases["filed_on"] == ("LARQ",)  # the rest from the base
    # JAFS is read now, so it is no longer an unused column; JAFSMC is
    assert "JAFS" not in own.unused and {"JAFSMC", "GDRQ", "SXQSRQ"} <= set(own.unused)
    assert own.value_table("JAFS") == {"1": "判决", "2": "调解", "3": "撤诉"}
    # a value table of the base is added to, not replaced
    sycx = own.value_table("SYCX")
    assert sycx is not None and sycx["1"] == "普通程序" and sycx["简易程序"] == "简易程序"
    assert "cms_expiry" in own.optional and "procedure" in own.optional
    kind = own.kind_of("2024年民事案件")
    assert kind is not None and kind.type_codes == ("民初", "民终")
    # a profile on a court profile: both bases' kinds
    again = parsed["庆城再审"]
    assert again.base == "庆城审判系统" and again.value_table("JAFS") == own.value_table("JAFS")
    assert {kind.name for kind in again.kinds} >= {"民事案件", "民事再审", "民事一审"}


def test_a_profile_of_its_own() -> None:
    text = """
    [profiles.tms]
    description = "审判系统"
    [profiles.tms.columns]
    case_number = "AH"
    filed_on = ["LARQ", "LASJ"]
    cause = "AY"
    """
    parsed = parse_profiles(profiles(text), SETTINGS)["tms"]
    assert parsed.description_en == "审判系统"  # the Chinese one when no English is given
    assert parsed.cases == {"case_number": ("AH",), "filed_on": ("LARQ", "LASJ"), "cause": ("AY",)}
    assert parsed.events is None and parsed.kinds == () and parsed.base == ""
    match = parsed.match(["AH", "LASJ", "AY", "BZ"], CASE_FIELDS)
    assert match.positions == {"case_number": 0, "filed_on": 1, "cause": 2}
    assert match.written["filed_on"] == "LASJ（立案日期）" and match.unknown == ("BZ",)


@pytest.mark.parametrize(
    ("text", "key", "value", "reason"),
    [
        (
            '[profiles.a]\ndescription = "x"\nbase = "数据中心"\ncolour = 1',
            "profiles.a.colour",
            1,
            "未知的设置项",
        ),
        ('[profiles.a]\nbase = "数据中心"\ndescription = ""', "profiles.a.description", "", "非空"),
        ('[profiles.a]\ndescription = "x"\nbase = "无此版式"', "profiles.a.base", "无此版式", "没有这个版式"),
        (
            '[profiles.a]\ndescription = "x"\n[profiles.a.columns]\ncase_number = "AH"',
            "profiles.a.columns",
            "",
            "立案日期",
        ),
        (
            '[profiles.a]\ndescription = "x"\nbase = "数据中心"\n[profiles.a.columns]\n"开庭日期" = "KTRQ"',
            "profiles.a.columns.开庭日期",
            "开庭日期",
            "不是交换格式的列",
        ),
        (
            '[profiles.a]\ndescription = "x"\nbase = "数据中心"\n[profiles.a.columns]\njudge = "LARQ"',
            "profiles.a.columns",
            "LARQ",
            "同一列不能对应两个",
        ),
        (
            '[profiles.a]\ndescription = "x"\nbase = "数据中心"\n[profiles.a.values.SYCX]\n"9" = "特别快"',
            "profiles.a.values.SYCX.9",
            "特别快",
            "不是适用程序能取的值",
        ),
        (
            '[profiles.a]\ndescription = "x"\nbase = "数据中心"\n[profiles.a.values.LARQ]\n"x" = "y"',
            "profiles.a.values.LARQ",
            "LARQ",
            "不能有对照表",
        ),
        (
            '[profiles.a]\ndescription = "x"\nbase = "数据中心"\n[profiles.a.values.GDRQ]\n"x" = "y"',
            "profiles.a.values.GDRQ",
            "GDRQ",
            "没有在 columns",
        ),
        (
            '[profiles.a]\ndescription = "x"\nbase = "数据中心"\noptional = ["案号"]',
            "profiles.a.optional",
            "案号",
            "必需的列不能列为可缺",
        ),
        (
            '[profiles.a]\ndescription = "x"\nbase = "数据中心"\n[profiles.a.kinds]\n"民事" = ["民X"]',
            "profiles.a.kinds.民事",
            "民X",
            "不是已知的类型代字",
        ),
        ('[profiles."数据中心"]\ndescription = "x"', "profiles.数据中心", "数据中心", "与内置版式同名"),
        (
            '[profiles.a]\ndescription = "x"\nbase = "b"\n[profiles.b]\ndescription = "y"\nbase = "a"',
            "profiles.a.base",
            "a",
            "循环",
        ),
    ],
)
def test_what_cannot_be_used_is_refused_naming_file_key_value_and_reason(
    text: str, key: str, value: object, reason: str
) -> None:
    with pytest.raises(ProfileError) as raised:
        parse_profiles(profiles(text), SETTINGS)
    error = raised.value
    assert (error.source, error.key, error.value) == (SETTINGS, key, value)
    assert reason in error.reason_zh and error.reason_en
    assert isinstance(error, ValueError)
    assert str(error).startswith(f"{SETTINGS}：[{key}]") and error.reason_en in str(error)


def test_the_built_in_layout() -> None:
    layout = BUILTIN_PROFILES[DATA_CENTRE]
    assert layout.cases["cause"] == ("LAAYMC", "AY")
    assert layout.cases["cms_expiry"] == ("SXJMRQ", "ZXQXJMRQ")
    # the longest kind name a table's name holds: 执行异议 is not any enforcement table
    assert [layout.kind_of(name) for name in ("执行异议", "执行", "民事二审表", "导出")] == [
        next(kind for kind in layout.kinds if kind.name == "执行异议"),
        next(kind for kind in layout.kinds if kind.name == "执行"),
        next(kind for kind in layout.kinds if kind.name == "民事二审"),
        None,
    ]
    match = layout.match(["AH", "LARQ", "JARQ", "AY"], CASE_FIELDS)
    # the columns the layout needs in every table and the file lacks, named as the court writes them
    assert "LAAYMC 或 AY（案由）" not in match.absent
    assert {"FYDM（法院）", "JAFSMC（结案方式）", "CBRMC（承办法官）", "CBSPT（审判庭）"} <= set(match.absent)
    assert "SYCX（适用程序）" not in match.absent  # optional
