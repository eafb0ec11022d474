"""A realistic synthetic court system in the interchange format (DESIGN.md §6), for demos and benchmarks.

The Qingyang intermediate court and its eight basic courts, about three years of filings up to an export date:
cases.csv (案号, 法院, 适用程序, 案由, 立案日期, 结案日期, 结案方式, 承办法官, 审判庭, 羁押, 当事人) and events.csv
(案号, 事项, 类别, 开始日期, 结束日期, 期间, 批准人, 批准日期, 备注). The same arguments give the same files.

    >>> from datetime import date
    >>> cases, events = generate(1_000, seed=7, until=date(2025, 6, 30))
"""

from qingji.synth.cases import CASE_COLUMNS
from qingji.synth.events import EVENT_COLUMNS
from qingji.synth.generator import generate, write

__all__ = ["CASE_COLUMNS", "EVENT_COLUMNS", "generate", "write"]
