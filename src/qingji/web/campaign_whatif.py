"""The what-if on the campaign page (docs/pages.md "What-if on the campaign page"; docs/forecast.md "The what-if of
a campaign"): beside each court's figures its pace over the last four weeks and the closures a week that would
finish by the target (qingji.campaigns.whatif.courts_at_pace), and, for a reader who sees whole courts, a form
(GET; nothing is saved) that asks "k more a week, or these cases closed by a date" of one court and answers with
the finish date and the rank on the target (qingji.campaigns.whatif.campaign_what_if), with the cases behind the
court's pace listed.

Its parameters: ``whatif`` (a court of the campaign the reader sees), ``more`` (k, 0 to 1000 with at most two
decimals), ``close`` (case numbers, one a line or separated by commas) and ``close_by`` (a date not before the
as-of date). A value that cannot be used is answered 400 naming it; a named case that is not a remaining case of
that court is said on the page, and one the reader may not see is said as one that does not exist.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest

from qingji.campaigns.actions import CampaignRefused
from qingji.campaigns.models import Campaign
from qingji.campaigns.overview import Overview
from qingji.campaigns.selectors import visible_entries
from qingji.campaigns.whatif import campaign_what_if, courts_at_pace, pace_entries, pace_window
from qingji.courts.models import Person
from qingji.forecast.whatif import WhatIf
from qingji.interchange.problems import Problem
from qingji.web import labels as lb
from qingji.web.params import BadParameter, query_day, query_text

MAX_MORE = Fraction(1000)
MAX_NAMED = 200
_MORE = re.compile(r"[0-9]{1,4}(\.[0-9]{1,2})?")
_SEPARATORS = re.compile(r"[\r\n\t,，、;；]+")
# The what-if's problems name its options as the command line does; the page names its fields.
_FIELDS = {"--court": "param_whatif_court", "--per-week": "param_whatif_more", "--close": "param_whatif_close",
           "--close-by": "param_whatif_close_by"}  # fmt: skip


def pace_text(value: Fraction) -> str:
    """Closures a week as the page shows them: two decimals."""
    return f"{float(value):.2f}"


@dataclass(frozen=True)
class WhatIfQuery:
    court: str
    more: Fraction
    close: tuple[str, ...]
    close_by: date | None


def _decimal(value: Fraction) -> str:
    return f"{float(value):g}"


def _named(request: HttpRequest) -> tuple[str, ...]:
    """The case numbers of ``close``: one a line or separated by commas; no other control character."""
    value = str(request.GET.get("close") or "")[:10_000]
    parts = tuple(part.strip() for part in _SEPARATORS.split(value) if part.strip())
    for part in parts:
        if not part.isprintable():
            raise BadParameter("param_whatif_close", part, "bad_text")
    if len(parts) > MAX_NAMED:
        raise BadParameter("param_whatif_close", f"{len(parts)}", "too_many_cases")
    return parts


def read_whatif(request: HttpRequest, courts: Sequence[str], as_of: date) -> WhatIfQuery | None:
    """The what-if asked (None: none); a value that cannot be used is BadParameter."""
    court = query_text(request.GET, "whatif", "param_whatif_court")
    more_text = query_text(request.GET, "more", "param_whatif_more")
    if more_text and _MORE.fullmatch(more_text) is None:
        raise BadParameter("param_whatif_more", more_text, "not_a_pace")
    more = Fraction(more_text) if more_text else Fraction(0)
    if more > MAX_MORE:
        raise BadParameter("param_whatif_more", more_text, "not_a_pace")
    close_by = query_day(request.GET, "close_by", "param_whatif_close_by")
    if close_by is not None and close_by < as_of:
        raise BadParameter("param_whatif_close_by", close_by.isoformat(), "before_as_of")
    close = _named(request)
    if court and court not in courts:
        raise BadParameter("param_whatif_court", court, "not_a_campaign_court")
    return WhatIfQuery(court, more, close, close_by) if court else None


def _problem_text(problem: Problem) -> str:
    reason = problem.reason_en if lb.is_english() else problem.reason_zh
    label = _FIELDS.get(problem.column, "param_whatif_close")
    return lb.text("bad_value").format(label=lb.text(label), value=problem.value, reason=reason)


def _rank(rank: int | None, of: int | None) -> str:
    if rank is None or of is None:
        return lb.text("wi_not_ranked")
    return lb.text("wi_rank_of").format(rank=rank, of=of)


def _answer(result: WhatIf) -> dict[str, Any]:
    never = lb.text("wi_never")
    return {
        "result": result,
        "pace": pace_text(result.pace_per_week),
        "more": _decimal(result.per_week_added),
        "finish": result.finish_on.isoformat() if result.finish_on else never,
        "finish_at_pace": result.finish_at_pace.isoformat() if result.finish_at_pace else never,
        "rank": _rank(result.rank, result.of),
        "rank_now": _rank(result.rank_now, result.of),
        "needed": pace_text(result.needed_per_week)
        if result.needed_per_week is not None
        else lb.text("wi_target_past"),
        "on_track": lb.text("yes" if result.on_track else "no"),
        "named": lb.text("wi_named").format(count=len(result.close), day=result.close_by.isoformat())
        if result.close and result.close_by
        else "",
    }


def court_paces(
    campaign: Campaign, figures: Overview, as_of: date, *, links: bool
) -> dict[str, dict[str, str]]:
    """Each court shown: its pace and the pace needed by the target, in words, and (``links``: a reader of whole
    courts) where each opens its cases — the cases behind the pace, the court's remaining cases."""
    paces = courts_at_pace(campaign, [court.code for court in figures.courts], as_of=as_of)
    shown = {}
    for code, result in paces.items():
        shown[code] = {
            "pace": pace_text(result.pace_per_week),
            "needed": pace_text(result.needed_per_week)
            if result.needed_per_week is not None
            else lb.text("wi_target_past"),
            "pace_url": "?" + urlencode({"as_of": as_of.isoformat(), "whatif": code}) + "#whatif"
            if links
            else "",
            "needed_url": "?" + urlencode({"as_of": as_of.isoformat(), "court": code}) + "#cases"
            if links
            else "",
        }
    return shown


def whatif_context(
    request: HttpRequest, person: Person, campaign: Campaign, as_of: date, figures: Overview
) -> dict[str, Any]:
    """The page's what-if: the courts' paces; for a reader of whole courts the form, and its answer when asked."""
    paces = court_paces(campaign, figures, as_of, links=not figures.partial)
    rows = [(court, paces.get(court.code)) for court in figures.courts]
    if figures.partial:
        return {"court_paces": rows, "whatif_form": False}
    courts = [court.code for court in figures.courts]
    asked = read_whatif(request, courts, as_of)
    context: dict[str, Any] = {
        "court_paces": rows,
        "whatif_form": bool(courts),
        "whatif_courts": [(court.code, court.name) for court in figures.courts],
        "whatif_asked": asked,
        "whatif_close": "\n".join(asked.close) if asked else "",
        "whatif_more": _decimal(asked.more) if asked else "",
    }
    if asked is None:
        return context
    entries = visible_entries(person, campaign)
    try:
        result = campaign_what_if(campaign, asked.court, as_of=as_of, per_week=asked.more, close=asked.close,
                                  close_by=asked.close_by, among=entries)  # fmt: skip
    except CampaignRefused as refused:
        context["whatif_problems"] = [_problem_text(problem) for problem in refused.problems]
    else:
        context["whatif"] = _answer(result)
    window = pace_window(campaign, as_of)
    behind = list(pace_entries(campaign, entries, asked.court, as_of))
    context["pace_cases"] = behind
    if window is not None:
        first, last = window
        days = (last - first).days + 1
        context["pace_title"] = lb.text("wi_pace_cases").format(
            first=first.isoformat(), last=last.isoformat()
        )
        context["pace_sum"] = lb.text("wi_pace_sum").format(
            count=len(behind), days=days, pace=pace_text(Fraction(7 * len(behind), days))
        )
    name = dict(context["whatif_courts"]).get(asked.court, asked.court)
    context["whatif_title"] = lb.text("wi_result").format(court=name, more=_decimal(asked.more))
    return context
