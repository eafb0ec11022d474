"""The case page draws the trial period as a server-drawn SVG timeline (no script) with its dates listed beside
it: the filing, the extension on its approval day, the deduction as a span, the expiry, the as-of day, the
closing; each mark's number in the drawing is the row of the list."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from qingji.cases.models import Case, CaseEvent
from qingji.cases.snapshot import do_snapshot
from qingji.courts.models import Role
from qingji.web.case_timeline import Mark, timeline

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]
NUMBER = "（2024）甘1002民初2号"


def marks_drawn(html: str) -> list[tuple[str, str]]:
    """(kind, number) of every mark in the drawing, in order."""
    svg = html.split('<svg class="timeline"')[1].split("</svg>")[0]
    return re.findall(r'<g class="mark (\w+)" data-number="(\d+)">', svg)


def listed(html: str) -> list[tuple[str, str, str, str]]:
    """(kind, number, dates, words) of every row of the list beside the drawing."""
    table = html.split('<table class="timeline-dates">')[1].split("</table>")[0]
    return re.findall(
        r'<tr class="mark-(\w+)"><td class="num">(\d+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>', table
    )


def test_the_timeline_marks_the_filing_the_acts_the_expiry_and_the_as_of_day(login: Login) -> None:
    case = Case.objects.get(case_number=NUMBER)
    CaseEvent.objects.create(case=case, key="x1", event="extension", length_months=6, approved_by="院长",
                             approved_on=date(2024, 8, 20))  # fmt: skip
    CaseEvent.objects.create(case=case, key="d1", event="deduction", kind="鉴定", start=date(2024, 4, 1),
                             end=date(2024, 4, 30))  # fmt: skip
    CaseEvent.objects.create(case=case, key="x2", event="extension", length_months=1, approved_by="庭长")
    do_snapshot(date(2024, 12, 31))
    html = login("甘1002", Role.PRESIDENT).get(reverse("web:case", args=[NUMBER])).content.decode()
    assert "<script" not in html
    rows = listed(html)
    assert rows == [
        ("filed", "1", "2024-03-01", "立案"),
        ("deduction", "2", "2024-04-01 – 2024-04-30", "扣除审限: 鉴定"),
        ("extension", "3", "2024-08-20", "延长审限 6个月，院长批准"),
        ("as_of", "4", "2024-12-31", "截至日（状态计算日）"),
        ("expiry", "5", "2025-05-06", "审限届满日"),
        ("extension", "6", "—", "延长审限 1个月，庭长批准（未载明日期）"),
    ]
    # every dated row is drawn with its number, the undated extension only listed
    assert marks_drawn(html) == [(kind, number) for kind, number, dates, _ in rows if dates != "—"]
    svg = html.split('<svg class="timeline"')[1].split("</svg>")[0]
    assert svg.count('<rect class="span"') == 1  # the deduction
    assert '<rect class="period"' in svg  # the trial period, from its first day to the expiry
    assert "<title>3. 2024-08-20 延长审限 6个月，院长批准</title>" in svg


def test_a_closed_case_shows_its_closing_and_english_words(login: Login) -> None:
    client = login("甘1002", Role.PRESIDENT)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(reverse("web:case", args=["（2024）甘1002民初6号"])).content.decode()
    kinds = [row[0] for row in listed(html)]
    assert kinds == ["filed", "closed", "expiry", "as_of"]
    assert [row[3] for row in listed(html)] == [
        "Filed",
        "Closed",
        "Expiry of the trial period",
        "As-of day (the state&#x27;s date)",
    ]


def test_the_geometry_keeps_the_dates_in_order() -> None:
    drawn = timeline(
        [
            Mark("filed", date(2024, 1, 10), "立案"),
            Mark("deduction", date(2024, 2, 1), "扣除", end=date(2024, 3, 1)),
            Mark("extension", None, "延长"),
            Mark("expiry", date(2024, 8, 12), "届满"),
            Mark("as_of", date(2024, 12, 31), "截至"),
        ],
        (date(2024, 1, 10), date(2024, 8, 12)),
    )
    assert drawn is not None
    xs = [p.x for p in drawn.placed if p.x is not None]
    assert xs == sorted(xs) and xs[0] == drawn.left and xs[-1] == drawn.right
    span = next(p for p in drawn.placed if p.mark.kind == "deduction")
    assert span.x_end is not None and span.width > 10
    assert drawn.placed[-1].mark.kind == "extension" and drawn.placed[-1].x is None
    assert drawn.bar == (drawn.left, xs[2])
    # eleven months: every other month's first day labelled
    assert [tick.label for tick in drawn.ticks] == ["2024-03", "2024-05", "2024-07", "2024-09", "2024-11"]
