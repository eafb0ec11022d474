"""Benchmark: read and normalise a generated million-row cases file and events file; prints the figures.

Run: .venv/bin/python tests/interchange/bench_interchange_readers.py [rows] [--keep DIR]
(Not a test: speed is measured by benchmarks that print figures, DESIGN.md §7.)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

from qingji.interchange import ReadResult, read_cases, read_events

COURTS = ["甘10", "甘1002", "甘1021", "甘1022", "甘1023", "甘1024", "甘1025", "甘1026", "甘1027"]
NAMES = [
    "庆阳市中级人民法院", "庆阳市西峰区人民法院", "庆城县人民法院", "环县人民法院", "华池县人民法院",
    "合水县人民法院", "正宁县人民法院", "宁县人民法院", "镇原县人民法院",
]  # fmt: skip
TYPES = ["民初", "民终", "刑初", "执", "行初", "执恢", "民辖终", "刑终"]
PROCEDURES = ["普通程序", "简易程序", "小额诉讼程序", "", "判决上诉", "速裁程序", "simple"]
EVENTS = ["延长审限", "扣除审限", "扣除审限", "程序转换", "重新计算"]
KINDS = ["", "鉴定", "公告", "普通程序", "发回重审"]


def pick(values: list[str], index: pl.Expr) -> pl.Expr:
    return pl.lit(pl.Series(values)).gather(index % len(values))


def generate_cases(rows: int) -> pl.DataFrame:
    """Cases over ten years; one row in a thousand is bad, one in twenty has half-width brackets, one in ten a
    date written 2023/3/5 or 2023年3月5日."""
    i = pl.int_range(rows, dtype=pl.Int64)
    filed = pl.date(2015, 1, 1) + pl.duration(days=(i * 7919) % 3800)
    closed = filed + pl.duration(days=(i * 31) % 400 + 1)
    number = pl.concat_str(
        pl.lit("（"), filed.dt.year().cast(pl.String), pl.lit("）"), pick(COURTS, i), pick(TYPES, i // 9),
        (i + 1).cast(pl.String), pl.lit("号"),
    )  # fmt: skip
    number = (
        pl.when(i % 20 == 3)
        .then(number.str.replace_many(["（", "）"], ["(", ")"]))
        .when(i % 1000 == 7)
        .then(number.str.replace("号", ""))
        .otherwise(number)
    )
    filed_text = (
        pl.when(i % 10 == 1)
        .then(filed.dt.to_string("%Y/%-m/%-d"))
        .when(i % 10 == 2)
        .then(filed.dt.to_string("%Y年%-m月%-d日"))
        .when(i % 1000 == 9)
        .then(pl.lit("2023-02-30"))
        .otherwise(filed.dt.to_string("%Y-%m-%d"))
    )
    return pl.select(
        number.alias("案号"),
        pick(NAMES, i).alias("法院"),
        pick(PROCEDURES, i).alias("适用程序"),
        pl.lit("民间借贷纠纷").alias("案由"),
        filed_text.alias("立案日期"),
        pl.when(i % 3 > 0).then(closed.dt.to_string("%Y-%m-%d")).alias("结案日期"),
        pl.when(i % 3 > 0).then(pl.lit("判决")).alias("结案方式"),
        pl.lit("张伟").alias("承办法官"),
        pl.lit("民一庭").alias("审判庭"),
        pl.when(i % 11 == 0).then(pl.lit("是")).alias("羁押"),
        pl.lit("王某某;某某有限公司").alias("当事人"),
    )


def generate_events(cases: pl.DataFrame) -> pl.DataFrame:
    rows = cases.height
    i = pl.int_range(rows, dtype=pl.Int64)
    event = pick(EVENTS, i)
    start = pl.date(2016, 1, 1) + pl.duration(days=(i * 7919) % 3000)
    return cases.select("案号").with_columns(
        event.alias("事项"),
        pl.when(event == "扣除审限")
        .then(pick(["鉴定", "公告", "管辖权异议"], i))
        .when(event == "程序转换")
        .then(pl.lit("普通程序"))
        .when(event == "重新计算")
        .then(pl.lit("发回重审"))
        .alias("类别"),
        pl.when(event != "延长审限").then(start.dt.to_string("%Y-%m-%d")).alias("开始日期"),
        pl.when(event == "扣除审限")
        .then((start + pl.duration(days=30)).dt.to_string("%Y-%m-%d"))
        .alias("结束日期"),
        pl.when(event == "延长审限").then(pick(["6个月", "3个月", "1个月15日", ""], i)).alias("期间"),
        pl.when(event == "延长审限").then(pl.lit("院长")).alias("批准人"),
        pl.when(event == "延长审限").then(start.dt.to_string("%Y-%m-%d")).alias("批准日期"),
        pl.lit(None, pl.String).alias("备注"),
    )


def timed(label: str, run: Callable[[], ReadResult], repeat: int = 5) -> ReadResult:
    times = []
    result = run()
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    print(
        f"{label:28s} best {min(times):5.2f} s   median {statistics.median(times):5.2f} s   "
        f"{result.rows_read:,} rows read, {result.frame.height:,} kept, {len(result.problems):,} problems"
    )
    return result


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1_000_000
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        cases_path, events_path = folder / "cases.csv", folder / "events.csv"
        cases = generate_cases(rows)
        cases.write_csv(cases_path)
        generate_events(cases).write_csv(events_path)
        size = cases_path.stat().st_size / 1e6
        print(f"{rows:,} rows; cases.csv {size:.0f} MB, events.csv {events_path.stat().st_size / 1e6:.0f} MB")
        case_result = timed("read_cases", lambda: read_cases(cases_path))
        numbers = case_result.frame.get_column("case_number")
        timed("read_events (with cases)", lambda: read_events(events_path, numbers))


if __name__ == "__main__":
    main()
