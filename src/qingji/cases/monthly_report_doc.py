"""The monthly report written out: a Word document from the court's template (``月度报告.docx``: placeholders of
text and of blocks, :data:`PLACEHOLDERS`) and the same laid out as PDF (:func:`qingji.documents.docx_pdf.docx_to_pdf`).
No Django here; :mod:`.monthly_report` gathers the figures. No case is listed, so no party's name can appear.

The shipped template (``report_templates/月度报告.docx``, built by ``python -m qingji.cases.report_template``) has a
title, the month, a summary of the headline figures, the measures per court (filings and closings; pending cases),
the trend of the months before as a table and charts. A court edits it in Word and puts its copy at
``$QINGJI_HOME/templates/月度报告.docx`` (docs/cadence.md).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from qingji.cases.monthly_report import MonthlyReport, month_span
from qingji.documents.blocks import BarChart, Block, Table
from qingji.documents.docx_pdf import docx_to_pdf
from qingji.documents.template import fill_template
from qingji.engine.stats import Measures

TEMPLATE_NAME = "月度报告.docx"
DEFAULT_TEMPLATE = Path(__file__).resolve().parent / "report_templates" / TEMPLATE_NAME
NONE = "—"

# name → what it is filled with (Chinese, English); docs/cadence.md lists the same.
TEXTS: dict[str, tuple[str, str]] = {
    "报告单位": ("报告所涉法院，如 庆阳市中级人民法院及辖区法院", "the courts covered"),
    "月份": ("报告月份，如 2026年11月", "the month, e.g. 2026年11月"),
    "统计期间": ("统计期间：该月第一日至最后一日", "the period: the month's first to last day"),
    "截至日期": ("数据截至日期：该月最后一日", "the figures' date: the month's last day"),
    "对比日期": ("同比日期：上年同日", "the compare date: the same day a year before"),
    "收案数": ("本月新收案件数", "cases filed in the month"),
    "结案数": ("本月审结案件数", "cases closed in the month"),
    "结收比": ("结收比", "closed ÷ filed"),
    "审限内结案率": ("审限内结案率", "the in-period closure rate"),
    "平均审理天数": ("平均审理天数", "average trial days"),
    "未结数": ("月末未结案件数", "pending at the month's end"),
    "同比": ("月末未结数较上年同日的变化，如 下降12.50%", "the change of pending from a year before"),
    "长期未结档": (
        "长期未结的最短一档（月），如 12（站点设置 long_pending_months）",
        "the shortest long-pending tier in months, e.g. 12 (site settings long_pending_months)",
    ),
    "长期未结数": ("超过该档月数的未结案件数", "cases pending longer than that tier"),
    "长期未结占比": ("它们占未结案件之比", "their share of pending"),
    "超审限数": ("超审限未结案件数", "pending cases past their expiry"),
    "清结率": ("旧存案件清结率", "the clearing rate of the stock carried over"),
}
BLOCKS: dict[str, tuple[str, str]] = {
    "收结案表": ("单独成段：各院收结案情况表", "alone in a paragraph: filings and closings per court"),
    "未结案表": ("单独成段：各院未结案件情况表", "alone in a paragraph: pending cases per court"),
    "趋势表": ("单独成段：近几个月主要指标表", "alone in a paragraph: the months' headline measures"),
    "趋势图": (
        "单独成段：近几个月收结案和未结案柱状图",
        "alone in a paragraph: the months' trend, bar charts",
    ),
}
PLACEHOLDERS = {**TEXTS, **BLOCKS}


def percent(value: float | None) -> str:
    return NONE if value is None else f"{value:.2%}"


def days(value: float | None) -> str:
    return NONE if value is None else f"{value:.1f}"


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def change(value: float | None) -> str:
    if value is None:
        return NONE
    return "持平" if value == 0 else ("上升" if value > 0 else "下降") + f"{abs(value):.2%}"


def month_name(year: int, month: int) -> str:
    return f"{year}年{month}月"


FLOW: tuple[tuple[str, int, Callable[[Measures], str]], ...] = (
    ("收案", 10, lambda m: str(m.filed)),
    ("结案", 10, lambda m: str(m.closed)),
    ("结收比", 12, lambda m: percent(m.closed_to_filed)),
    ("审限内结案率", 13, lambda m: percent(m.on_time_rate)),
    ("平均审理天数", 12, lambda m: days(m.average_days)),
    ("扣除后天数", 11, lambda m: days(m.average_days_net)),
    ("清结率", 12, lambda m: percent(m.clearing_rate)),
)


def _long(months: int) -> Callable[[Measures], str]:
    return lambda m: str(m.long_pending.get(months, NONE))


def stock_columns(tiers: list[int]) -> tuple[tuple[str, int, Callable[[Measures], str]], ...]:
    long = tuple((f"超{months}个月", 9, _long(months)) for months in tiers)
    return (
        ("月末未结", 11, lambda m: str(m.pending)),
        ("上年同日", 11, lambda m: str(m.pending_compare)),
        ("同比", 11, lambda m: percent(m.pending_change)),
        ("超审限", 9, lambda m: str(m.overdue)),
        *long,
    )


def _court_table(
    report: MonthlyReport, columns: tuple[tuple[str, int, Callable[[Measures], str]], ...]
) -> Table:
    statistics = report.statistics
    rows = [[report.court_names.get(m.court_code, m.court_code or NONE), *(cell(m) for _, _, cell in columns)]
            for m in statistics.by_court]  # fmt: skip
    rows.append(["合计", *(cell(statistics.overall) for _, _, cell in columns)])
    return Table((("法院", 22), *((name, width) for name, width, _ in columns)), rows)


def _tiers(report: MonthlyReport) -> list[int]:
    return sorted(report.statistics.overall.long_pending)


def values(report: MonthlyReport) -> dict[str, str]:
    whole = report.statistics.overall
    first, last = month_span(report.year, report.month)
    tiers = _tiers(report)
    long = whole.long_pending.get(tiers[0]) if tiers else None
    return {
        "报告单位": report.issuer,
        "月份": month_name(report.year, report.month),
        "统计期间": f"{chinese_date(first)}至{chinese_date(last)}",
        "截至日期": chinese_date(last),
        "对比日期": chinese_date(report.statistics.compare),
        "收案数": str(whole.filed),
        "结案数": str(whole.closed),
        "结收比": percent(whole.closed_to_filed),
        "审限内结案率": percent(whole.on_time_rate),
        "平均审理天数": days(whole.average_days),
        "未结数": str(whole.pending),
        "同比": change(whole.pending_change),
        "长期未结档": str(tiers[0]) if tiers else NONE,
        "长期未结数": NONE if long is None else str(long),
        "长期未结占比": NONE
        if long is None or not whole.pending
        else percent(round(long / whole.pending, 4)),
        "超审限数": str(whole.overdue),
        "清结率": percent(whole.clearing_rate),
    }


def trend_columns(months: int) -> tuple[tuple[str, int, Callable[[Measures], str]], ...]:
    """The trend table's columns; ``months``: the first long-pending tier."""
    return (
        ("收案", 10, lambda m: str(m.filed)),
        ("结案", 10, lambda m: str(m.closed)),
        ("结收比", 12, lambda m: percent(m.closed_to_filed)),
        ("审限内结案率", 13, lambda m: percent(m.on_time_rate)),
        ("平均审理天数", 12, lambda m: days(m.average_days)),
        ("月末未结", 11, lambda m: str(m.pending)),
        (f"超{months}个月", 10, _long(months)),
        ("超审限", 9, lambda m: str(m.overdue)),
    )


def blocks(report: MonthlyReport) -> dict[str, list[Block]]:
    tiers = _tiers(report)
    first = tiers[0] if tiers else 12
    trend = trend_columns(first)
    labels = [f"{s.as_of.year}年{s.as_of.month}月" for s in report.trend]
    overall = [s.overall for s in report.trend]
    trend_rows = [
        [label, *(cell(m) for _, _, cell in trend)] for label, m in zip(labels, overall, strict=True)
    ]
    short = [f"{s.as_of.month}月" for s in report.trend]
    return {
        "收结案表": [_court_table(report, FLOW)],
        "未结案表": [_court_table(report, stock_columns(_tiers(report)))],
        "趋势表": [Table((("月份", 15), *((name, width) for name, width, _ in trend)), trend_rows)],
        "趋势图": [
            BarChart("各月收案与结案（件）", short,
                     [("收案", [m.filed for m in overall]), ("结案", [m.closed for m in overall])], percent=False),
            BarChart(f"各月月末未结与超{first}个月未结（件）", short,
                     [("月末未结", [m.pending for m in overall]),
                      (f"超{first}个月未结", [m.long_pending.get(first, 0) for m in overall])], percent=False),
        ],
    }  # fmt: skip


def title(report: MonthlyReport) -> str:
    return f"{report.issuer}审判执行工作月度报告（{month_name(report.year, report.month)}）"


def headline(report: MonthlyReport) -> dict[str, Any]:
    """What a message carries: the headline figures of the whole scope."""
    whole = report.statistics.overall
    tiers = _tiers(report)
    return {
        "month": report.label,
        "issuer": report.issuer,
        "top_courts": list(report.top_courts),
        "below": report.below,
        "filed": whole.filed,
        "closed": whole.closed,
        "closed_to_filed": whole.closed_to_filed,
        "on_time_rate": whole.on_time_rate,
        "average_days": whole.average_days,
        "pending": whole.pending,
        "pending_change": whole.pending_change,
        "long_pending": whole.long_pending.get(tiers[0]) if tiers else None,
        "long_months": tiers[0] if tiers else None,
        "overdue": whole.overdue,
    }


def render_docx(report: MonthlyReport, template: Path = DEFAULT_TEMPLATE) -> bytes:
    return fill_template(template, PLACEHOLDERS, values(report), blocks(report))


def render(report: MonthlyReport, template: Path, suffix: str) -> bytes:
    """The report as ``.docx`` or ``.pdf`` bytes."""
    content = render_docx(report, template)
    return docx_to_pdf(content, title(report)) if suffix == ".pdf" else content


def template_in_force(home: Path) -> Path:
    """The court's own template ($QINGJI_HOME/templates/月度报告.docx) when there is one, else the shipped one."""
    custom = home / "templates" / TEMPLATE_NAME
    return custom if custom.is_file() else DEFAULT_TEMPLATE
