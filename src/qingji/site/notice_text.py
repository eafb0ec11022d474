"""Reading the State Council's yearly holiday notice (国务院办公厅关于××××年部分节假日安排的通知) as published.

An administrator pastes the notice's text; each numbered item names a festival and says which days are off and
which weekend days are worked::

    一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。

Clauses with 放假 or 补休 give rest days (a range "A至B", the month and year carried over when left out), clauses
with 上班 give working days; "共N天" is checked against the range. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

_ITEM = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*(?P<name>[^：:]+?)\s*[：:]\s*(?P<body>.+)$")
_YEAR = re.compile(r"(\d{4})\s*年")
_DATE = re.compile(r"(?:(?P<year>\d{4})\s*年)?\s*(?:(?P<month>\d{1,2})\s*月)?\s*(?P<day>\d{1,2})\s*日")
_ASIDE = re.compile(r"[（(][^）)]*[）)]")  # （周四）, （农历腊月二十八、周日）
_TOTAL = re.compile(r"共\s*(\d+)\s*天")
_NUMERALS = "一二三四五六七八九十"


class NoticeTextError(ValueError):
    """A notice that cannot be read: the line, the words and the reason."""


@dataclass
class NoticeItem:
    """One festival of the notice: its days off and the weekend days worked for it."""

    name: str
    line: int
    holidays: list[date] = field(default_factory=list)
    workdays: list[date] = field(default_factory=list)
    total: int | None = None  # 共N天, when the notice says it


@dataclass(frozen=True)
class NoticeText:
    year: int
    title: str
    items: tuple[NoticeItem, ...]


def notice_year(text: str) -> int | None:
    """The year the notice is for, from its title (关于2027年部分节假日安排的通知), if it says."""
    for line in text.splitlines():
        if "节假日" in line and (found := _YEAR.search(line)):
            return int(found.group(1))
    return None


def read_notice_text(text: str, year: int | None = None) -> NoticeText:
    """The festivals of the notice ``text`` for ``year`` (default: the year in its title)."""
    found = notice_year(text)
    if year is not None and found is not None and found != year:
        raise NoticeTextError(
            f"通知标题是 {found} 年，而所选年份是 {year} 年 / the notice is for {found}, not {year}"
        )
    chosen = year or found
    if chosen is None:
        raise NoticeTextError(
            "没有找到年份：请粘贴含标题（关于××××年部分节假日安排的通知）的全文，或选择年份"
            " / no year found: paste the notice with its title, or choose the year"
        )
    title = next((line.strip() for line in text.splitlines() if "节假日" in line and _YEAR.search(line)), "")
    items = tuple(
        _item(number, match.group("name").strip(), match.group("body"), chosen)
        for number, line in enumerate(text.splitlines(), start=1)
        if (match := _ITEM.match(line))
    )
    if not items:
        raise NoticeTextError(
            "没有找到节日安排：每项应像“一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。”"
            " / no festival found: each item reads like 一、元旦：1月1日至3日放假调休，共3天。"
        )
    return NoticeText(chosen, title or f"国务院办公厅关于{chosen}年部分节假日安排的通知", items)


def _item(line: int, name: str, body: str, year: int) -> NoticeItem:
    item = NoticeItem(name, line)
    context = (year, 0)  # the year and month carried from one date to the next
    for clause in re.split(r"[。；;，,]", _ASIDE.sub("", body)):
        dates: list[date] = []
        spans = [part for part in re.split(r"至|到|—|－|~|～", clause)]
        ranged = len(spans) == 2
        for part in spans:
            for match in _DATE.finditer(part):
                day, context = _date(match, context, line, name)
                dates.append(day)
        if total := _TOTAL.search(clause):
            item.total = int(total.group(1))
        if not dates:
            continue
        if "上班" in clause:
            item.workdays.extend(dates)
        elif "放假" in clause or "补休" in clause or "休息" in clause:
            if ranged and len(dates) == 2:
                first, last = dates
                if last < first:
                    raise NoticeTextError(
                        f"第 {line} 行（{name}）：{clause}：结束早于开始 / the range ends before it starts"
                    )
                item.holidays.extend(first + timedelta(days=n) for n in range((last - first).days + 1))
            else:
                item.holidays.extend(dates)
        else:
            raise NoticeTextError(
                f"第 {line} 行（{name}）：{clause.strip()}：看不出是放假还是上班"
                f" / line {line} ({name}): {clause.strip()!r} says neither 放假 (off) nor 上班 (worked)"
            )
    if not item.holidays:
        raise NoticeTextError(f"第 {line} 行（{name}）：没有放假日期 / line {line} ({name}): no day off")
    if item.total is not None and item.total != len(set(item.holidays)):
        raise NoticeTextError(
            f"第 {line} 行（{name}）：写明共 {item.total} 天，日期合计 {len(set(item.holidays))} 天"
            f" / line {line} ({name}): says {item.total} days, the dates give {len(set(item.holidays))}"
        )
    return item


def _date(
    match: re.Match[str], context: tuple[int, int], line: int, name: str
) -> tuple[date, tuple[int, int]]:
    year = int(match.group("year")) if match.group("year") else context[0]
    month = int(match.group("month")) if match.group("month") else context[1]
    try:
        day = date(year, month, int(match.group("day")))
    except ValueError:
        raise NoticeTextError(
            f"第 {line} 行（{name}）：{match.group(0).strip()} 不是日期 / line {line} ({name}): {match.group(0)!r} is not a date"
        ) from None
    return day, (year, month)
