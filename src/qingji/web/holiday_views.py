"""The holiday page (issue 11): which years the working calendar knows and where from, and — for administrators —
loading the State Council's notice for a new year: pasted or uploaded, checked, shown, then loaded on
confirmation; the snapshot is recomputed, so that the year's expiries stop being provisional."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from qingji.cases.calendar_change import load_holiday_notice, may_load_holidays
from qingji.cases.import_lock import ImportRunning
from qingji.core.calendar import WorkCalendar, YearSchedule
from qingji.site.holiday_check import schedule_lines
from qingji.site.holiday_input import HolidayInputError, read_holiday_input
from qingji.site.in_force import site_settings
from qingji.site.notices import notices_in_force
from qingji.web.holiday_labels import holiday_texts
from qingji.web.views import page_context, person_of

MAX_UPLOAD = 200_000  # bytes: a notice is a few kilobytes


@dataclass(frozen=True)
class KnownYear:
    year: int
    source: str
    kind: str  # "package", "file", "loaded": which words the page puts before the source
    by: str = ""


def known_years() -> list[KnownYear]:
    """Every year the calendar in force knows, with where its holidays come from (a later source wins)."""
    years = {year: KnownYear(year, "", "package") for year in WorkCalendar.official().years}
    settings = site_settings()
    for schedule in settings.holiday_schedules:
        years[schedule.year] = KnownYear(schedule.year, schedule.source, "file")
    for notice in notices_in_force():
        who = notice.loaded_by.username if notice.loaded_by else ""
        years[notice.year] = KnownYear(
            notice.year, notice.source, "loaded", f"{who} {notice.loaded_at:%Y-%m-%d}"
        )
    return [years[year] for year in sorted(years, reverse=True)]


@login_required
def holidays_page(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    allowed = may_load_holidays(person)
    context = page_context(request, allowed=allowed, error="", notice="", preview=None, text="", year="")
    context["t"] = {**context["t"], **holiday_texts(bool(context.get("english")))}
    years = known_years()
    following = timezone.localdate().year + 1
    context.update(years=years, missing=[y for y in (following,) if y not in {k.year for k in years}])
    if request.method != "POST":
        return render(request, "web/holidays.html", context)
    if not allowed:
        return render(request, "web/holidays.html", context, status=403)
    return _post(request, context)


def _post(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    t = context["t"]
    text = str(request.POST.get("text", ""))
    upload = request.FILES.get("file")
    if upload is not None:
        raw = upload.read(MAX_UPLOAD + 1)
        text = ""
        if len(raw) > MAX_UPLOAD:  # refused whole, never cut
            context["error"] = (
                f"{t['holidays_refused']}: {upload.name}: 超过 {MAX_UPLOAD // 1000} KB，不像一份节假日通知"
                f" / over {MAX_UPLOAD // 1000} KB, not a holiday notice"
            )
        else:
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                context["error"] = f"{t['holidays_refused']}: {upload.name}: 不是 UTF-8 文本 / not UTF-8 text"
    year_text = str(request.POST.get("year", "")).strip()
    context.update(text=text, year=year_text)
    if context["error"]:
        return render(request, "web/holidays.html", context, status=400)
    if not text.strip():
        context["error"] = t["holidays_empty"]
        return render(request, "web/holidays.html", context, status=400)
    year = int(year_text) if re.fullmatch(r"[0-9]{4}", year_text) and 1900 < int(year_text) < 2200 else None
    if year_text and year is None:
        context["error"] = f"{t['holidays_refused']}: {t['holidays_year']} {year_text!r}"
        return render(request, "web/holidays.html", context, status=400)
    try:
        schedules = read_holiday_input(text, (upload.name or "") if upload is not None else "", year)
    except HolidayInputError as error:
        context["error"] = f"{t['holidays_refused']}: {error}"
        return render(request, "web/holidays.html", context, status=400)
    if "confirm" not in request.POST:
        context["preview"] = [_preview(schedule) for schedule in schedules]
        return render(request, "web/holidays.html", context)
    try:
        done = [load_holiday_notice(schedule, text, actor=request.user) for schedule in schedules]
    except ImportRunning:
        context["error"] = t["holidays_busy"]
        return render(request, "web/holidays.html", context, status=503)
    context.update(years=known_years(), text="", year="", missing=[y for y in context["missing"] if y not in {
        notice.year for notice, _ in done}])  # fmt: skip
    context["notice"] = "；".join(f"{notice.year}：{t['holidays_done']} {states}" for notice, states in done)
    return render(request, "web/holidays.html", context)


def _preview(schedule: YearSchedule) -> dict[str, Any]:
    return {
        "year": schedule.year,
        "source": schedule.source,
        "rows": [
            {"name": name or "—", "first": off[0], "last": off[-1], "days": len(off), "worked": worked}
            for name, off, worked in schedule_lines(schedule)
        ],
    }
