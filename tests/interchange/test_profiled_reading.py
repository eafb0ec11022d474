"""Tables in the data centre's layout (the built-in profile 数据中心): read with every check of the interchange
format, the court's own columns named in every problem, several tables as one export."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import openpyxl
from interchange_files import write_csv

from qingji.interchange.export_reading import read_export
from qingji.interchange.limits import MB, FileLimits
from qingji.interchange.profiles import BUILTIN_PROFILES, DATA_CENTRE, parse_profiles

LAYOUT = BUILTIN_PROFILES[DATA_CENTRE]
HEADERS = [
    "FYDM",
    "AH",
    "LAAYMC",
    "SYCX",
    "LARQ",
    "SXQSRQ",
    "SXJMRQ",
    "JARQ",
    "JAFSMC",
    "CBSPT",
    "CBRMC",
    "DSR",
]
EXPORTED = date(2024, 12, 31)


def civil(
    number: str, filed: str = "2024-03-01", *, procedure: str = "普通程序", expiry: str = "2024-09-01"
) -> list[str]:
    return [
        "甘1002",
        number,
        "买卖合同纠纷",
        procedure,
        filed,
        filed,
        expiry,
        "",
        "",
        "民一庭",
        "张伟",
        "甲;乙",
    ]


def test_a_table_reads_to_the_interchange_frame(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "民事一审.csv",
        [
            HEADERS,
            civil("（2024）甘1002民初1号"),
            civil("（2024）甘1002民初2号", procedure="简易", expiry=""),
        ],
    )
    read = read_export([path], layout=LAYOUT, exported_on=EXPORTED)
    assert read.cases.problems == [] and read.cases.unknown_columns == ()
    rows = read.cases.frame.sort("case_number").to_dicts()
    assert [row["procedure"] for row in rows] == ["ordinary", "simple"]
    assert (
        rows[1]["procedure_raw"] == "简易程序"
    )  # what the value stands for, as the interchange format writes it
    assert [row["cms_expiry"] for row in rows] == [date(2024, 9, 1), None]
    assert (
        rows[0]["judge"] == "张伟" and rows[0]["division"] == "民一庭" and rows[0]["cause"] == "买卖合同纠纷"
    )
    assert rows[0]["court_code"] == "甘1002" and rows[0]["in_custody"] is False
    # SFJY is optional in the layout: not given, as in the interchange format
    assert "in_custody" not in (read.cases.present_fields or ())
    assert read.cases.labels["filed_on"] == "LARQ（立案日期）"


def test_problems_name_the_courts_own_column(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "民事一审.csv",
        [
            [*HEADERS, "LRR"],
            [*civil("（2024）甘1002民初1号", filed="2024-02-30"), "某"],
            [*civil("（2024）甘1002民初2号", procedure="普通程序（旧）"), "某"],
            [*civil("（2024）甘1002民初3号", expiry="明年"), "某"],
            [*civil("（2024）甘1002刑初4号"), "某"],
        ],
    )
    read = read_export([path], layout=LAYOUT, exported_on=EXPORTED)
    # the column the layout does not know is reported, never silently ignored
    assert read.cases.unknown_columns == ("LRR",)
    problems = {problem.row: problem for problem in read.cases.problems}
    assert len(read.cases.problems) == 4 and read.cases.frame.is_empty()
    assert problems[2].column == "LARQ（立案日期）" and problems[2].position == HEADERS.index("LARQ")
    assert "立案日期不存在" in problems[2].reason_zh
    assert problems[3].column == "SYCX（适用程序）" and problems[3].value == "普通程序（旧）"
    assert "对照表" in problems[3].reason_zh and "数据中心" in problems[3].reason_zh
    assert "table of values" in problems[3].reason_en
    assert problems[4].column == "SXJMRQ（审限届满日期）" and "无法识别" in problems[4].reason_zh
    # a criminal case in the table of civil first instance
    assert problems[5].column == "AH（案号）" and "民事一审" in problems[5].reason_zh
    assert problems[5].case_number == "（2024）甘1002刑初4号"


def test_a_table_without_a_column_the_layout_needs_is_refused(tmp_path: Path) -> None:
    headers = [header for header in HEADERS if header != "CBRMC"]
    row = civil("（2024）甘1002民初1号")
    del row[HEADERS.index("CBRMC")]
    read = read_export(
        [write_csv(tmp_path / "民事一审.csv", [headers, row])], layout=LAYOUT, exported_on=EXPORTED
    )
    (problem,) = read.cases.problems
    assert read.cases.file_refused and problem.row == 1
    assert problem.column == "CBRMC（承办法官）" and "缺少版式“数据中心”的列" in problem.reason_zh
    required = read_export(
        [write_csv(tmp_path / "刑事一审.csv", [["FYDM", "LARQ"], ["甘1002", "2024-03-01"]])],
        layout=LAYOUT,
        exported_on=EXPORTED,
    )
    assert "缺少必需的列：AH（案号）" in required.cases.problems[0].reason_zh


def test_several_tables_are_one_export(tmp_path: Path) -> None:
    first = write_csv(tmp_path / "民事一审.csv", [HEADERS, civil("（2024）甘1002民初1号")])
    criminal_headers = [*HEADERS, "SFJY"]
    second = write_csv(
        tmp_path / "刑事一审.csv",
        [
            criminal_headers,
            [*civil("（2024）甘1002刑初1号", procedure="速裁"), "是"],
            [*civil("（2024）甘1002刑初2号"), "1"],
        ],
    )
    again = write_csv(tmp_path / "民事一审（补）.csv", [HEADERS, civil("（2024）甘1002民初1号")])
    read = read_export([first, second, again], layout=LAYOUT, exported_on=EXPORTED)
    (repeat,) = read.cases.problems
    assert (repeat.file, repeat.row) == ("民事一审（补）.csv", 2)
    assert repeat.reason_zh == "案号重复，与 民事一审.csv 第2行相同"
    frame = read.cases.frame
    assert frame.height == 3 and read.cases.rows_read == 4
    # 羁押 is given by the criminal table only: row by row, which tables gave it
    assert read.partial == {"in_custody": ("民事一审.csv", "民事一审（补）.csv")}
    given = dict(zip(frame.get_column("case_number"), frame.get_column("given_in_custody"), strict=True))
    assert given == {
        "（2024）甘1002民初1号": False,
        "（2024）甘1002刑初1号": True,
        "（2024）甘1002刑初2号": True,
    }
    assert frame.filter(frame.get_column("type_code") == "刑初").get_column("in_custody").to_list() == [
        True,
        True,
    ]
    assert read.lacking() == {"in_custody": "民事一审.csv、民事一审（补）.csv"}


def test_a_workbook_with_a_sheet_per_kind(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    civil_sheet = book.active
    assert civil_sheet is not None
    civil_sheet.title = "民事一审"
    civil_sheet.append(HEADERS)
    civil_sheet.append(civil("（2024）甘1002民初1号"))
    book.create_sheet("空表")  # nothing in it: not a table
    enforcement = book.create_sheet("首次执行")
    enforcement.append(
        ["FYDM", "AH", "AY", "LARQ", "ZXQXQSRQ", "ZXQXJMRQ", "FDZXQX", "JARQ", "JAFSMC", "CBSPT", "CBRMC"]
    )
    enforcement.append(
        [
            "甘1002",
            "（2024）甘1002执1号",
            "",
            date(2024, 3, 1),
            "",
            date(2024, 9, 2),
            "6个月",
            "",
            "",
            "执行局",
            "王琳",
        ]
    )
    enforcement.append(
        ["甘1002", "（2024）甘1002民初9号", "", "2024-03-01", "", "", "", "", "", "执行局", "王琳"]
    )
    path = tmp_path / "导出.xlsx"
    book.save(path)
    read = read_export([path], layout=LAYOUT, exported_on=EXPORTED)
    assert [table.file for table in read.tables] == ["导出.xlsx［民事一审］", "导出.xlsx［首次执行］"]
    (wrong_kind,) = read.cases.problems
    assert (wrong_kind.file, wrong_kind.row, wrong_kind.column) == ("导出.xlsx［首次执行］", 3, "AH（案号）")
    rows = {row["case_number"]: row for row in read.cases.frame.to_dicts()}
    assert rows["（2024）甘1002执1号"]["cms_expiry"] == date(2024, 9, 2)  # ZXQXJMRQ, a date cell
    assert rows["（2024）甘1002执1号"]["procedure"] is None
    # SYCX and DSR are optional: the enforcement sheet lacks them, so they are not given for its rows
    assert set(read.partial) == {"procedure", "parties"}


def test_a_workbook_over_the_limits_is_refused_whole(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "民事一审"
    sheet.append(HEADERS)
    for number in range(1, 8):
        sheet.append(civil(f"（2024）甘1002民初{number}号"))
    path = tmp_path / "导出.xlsx"
    book.save(path)
    small = FileLimits(max_bytes=10 * MB, max_rows=5, max_cells=1000, max_unpacked_bytes=10 * MB)
    read = read_export([path], layout=LAYOUT, exported_on=EXPORTED, limits=small)
    (problem,) = read.cases.problems
    assert read.cases.file_refused and read.cases.frame.is_empty()
    assert problem.file == "导出.xlsx" and "QINGJI_CLI_MAX_ROWS" in problem.reason_zh


def test_an_events_table_in_the_courts_layout(tmp_path: Path) -> None:
    text = """
    [profiles.tms]
    description = "审判系统"
    base = "数据中心"
    [profiles.tms.event_columns]
    case_number = "AH"
    event = "BGLX"
    kind = "BGYY"
    start = "KSRQ"
    end = "JSRQ"
    length = "QX"
    [profiles.tms.values.BGLX]
    "1" = "延长审限"
    "2" = "扣除审限"
    """
    layout = parse_profiles(tomllib.loads(text)["profiles"], "settings.toml")["tms"]
    cases = write_csv(tmp_path / "民事一审.csv", [HEADERS, civil("（2024）甘1002民初1号")])
    events = write_csv(
        tmp_path / "审限变更.csv",
        [
            ["AH", "BGLX", "BGYY", "KSRQ", "JSRQ", "QX"],
            ["（2024）甘1002民初1号", "2", "鉴定", "2024-04-01", "2024-04-30", ""],
            ["（2024）甘1002民初1号", "1", "", "", "", "6个月"],
            ["（2024）甘1002民初1号", "3", "", "2024-05-01", "", ""],
        ],
    )
    read = read_export([cases], events, layout=layout, exported_on=EXPORTED)
    assert read.events is not None and read.events_source is not None
    assert read.events_source.layout is layout
    rows = read.events.frame.to_dicts()
    assert [(row["event"], row["kind"]) for row in rows] == [("deduction", "鉴定"), ("extension", None)]
    (problem,) = read.events.problems
    assert (problem.row, problem.column, problem.value) == (4, "BGLX（事项）", "3")
    # the built-in layout has no events table: its events file is in the interchange format
    plain = read_export([cases], events, layout=LAYOUT, exported_on=EXPORTED)
    assert plain.events is not None and plain.events.file_refused
    assert "缺少必需的列：案号、事项" in plain.events.problems[0].reason_zh
