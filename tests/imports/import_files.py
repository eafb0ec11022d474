"""Synthetic exports for the import tests, and a later export of the same court with a few changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from qingji.synth import write

UNTIL = date(2026, 6, 30)
NEW_CASE = "（2026）甘1002民初99999号"


def export(directory: Path, cases: int = 300, seed: int = 11) -> tuple[Path, Path]:
    """cases.csv and events.csv of a synthetic court system in ``directory``."""
    return write(directory, cases, seed, UNTIL)


def read_text(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, infer_schema=False)


def later_export(cases_path: Path, events_path: Path, directory: Path) -> tuple[Path, Path, dict[str, str]]:
    """A later export: one pending case closed, one procedure changed from 简易程序 to 普通程序, one judge changed,
    one new event row, one new case. Returns the files and the changed case numbers by what changed."""
    cases = read_text(cases_path)
    events = read_text(events_path)
    pending = cases.filter(pl.col("结案日期").is_null() & pl.col("适用程序").is_not_null()).row(0, named=True)
    simple = cases.filter((pl.col("适用程序") == "简易程序") & pl.col("结案日期").is_not_null()).row(
        0, named=True
    )
    judged = cases.filter(
        ~pl.col("案号").is_in([pending["案号"], simple["案号"]]) & pl.col("承办法官").is_not_null()
    ).row(0, named=True)
    changed = {"closed": pending["案号"], "procedure": simple["案号"], "judge": judged["案号"]}
    number = pl.col("案号")
    cases = cases.with_columns(
        pl.when(number == changed["closed"]).then(pl.lit("2026-06-29")).otherwise(pl.col("结案日期")).alias("结案日期"),
        pl.when(number == changed["closed"]).then(pl.lit("判决")).otherwise(pl.col("结案方式")).alias("结案方式"),
        pl.when(number == changed["procedure"]).then(pl.lit("普通程序")).otherwise(pl.col("适用程序")).alias("适用程序"),
        pl.when(number == changed["judge"]).then(pl.lit("新法官")).otherwise(pl.col("承办法官")).alias("承办法官"),
    )  # fmt: skip
    new_case = {column: None for column in cases.columns} | {
        "案号": NEW_CASE, "法院": "庆阳市西峰区人民法院", "适用程序": "普通程序", "案由": "民间借贷纠纷",
        "立案日期": "2026-06-01", "承办法官": "张伟", "审判庭": "民一庭", "当事人": "甲某;乙某",
    }  # fmt: skip
    cases = pl.concat([cases, pl.DataFrame([new_case], schema=cases.schema)])
    new_event = {column: None for column in events.columns} | {
        "案号": changed["closed"], "事项": "扣除审限", "类别": "鉴定", "开始日期": "2026-03-01",
        "结束日期": "2026-04-15", "备注": "司法鉴定",
    }  # fmt: skip
    events = pl.concat([events, pl.DataFrame([new_event], schema=events.schema)])
    directory.mkdir(parents=True, exist_ok=True)
    later_cases, later_events = directory / "cases.csv", directory / "events.csv"
    cases.write_csv(later_cases)
    events.write_csv(later_events)
    return later_cases, later_events, changed
