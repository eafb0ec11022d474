"""The what-if of a campaign's court, read from the database (the pure arithmetic is qingji.forecast.whatif).

Its figures are the campaign's, as the report and the pages rank them: the campaign's cases counted
(:func:`qingji.campaigns.figures.campaign_counts`), the ranking groups on the date
(:func:`qingji.campaigns.ranking.ranked_groups`: the basic courts among themselves), and each unit's pace over the
last four weeks from the same counts. A court above the basic courts is not ranked against them: its what-if has
its finish and needed pace, no rank. Nothing is written.

The campaign page reads each court's pace and needed pace (:func:`courts_at_pace`, the what-if without a change),
the cases behind a pace (:func:`pace_entries`), and a reader's what-if with the named cases looked up among the
campaign cases the reader sees (``among``), so that a case the reader may not see is answered as one that does not
exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from fractions import Fraction

from django.db.models import QuerySet

from qingji.campaigns.actions import CampaignRefused, problem
from qingji.campaigns.figures import CampaignCounts, campaign_counts
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.campaigns.ranking import RankedGroup, ranked_groups
from qingji.core.progress import Progress, progress
from qingji.forecast.whatif import PACE_WEEKS, WhatIf, recent_pace, what_if
from qingji.interchange.case_numbers import canonical_text
from qingji.interchange.problems import Problem


def campaign_what_if(
    campaign: Campaign,
    court_code: str,
    *,
    as_of: date,
    per_week: Fraction,
    close: Sequence[str] = (),
    close_by: date | None = None,
    among: QuerySet[CampaignCase] | None = None,
) -> WhatIf:
    """What ``court_code`` of ``campaign`` reaches with ``per_week`` more closures a week and the named cases
    ``close`` closed by ``close_by`` (default ``as_of``). Raises :class:`CampaignRefused` naming each problem: a
    court not in the campaign, a negative pace, a case that is not a remaining case of that court, a date before
    ``as_of``. The named cases are looked up among ``among`` (default: every case of the campaign)."""
    counts = campaign_counts(campaign)
    problems: list[Problem] = []
    if court_code not in counts.courts:
        problems.append(problem("--court", court_code, "不是该专项行动的法院", "not a court of the campaign"))
    if per_week < 0:
        problems.append(problem("--per-week", per_week, "不能为负", "cannot be negative"))
    if close_by is not None and close_by < as_of:
        problems.append(problem("--close-by", close_by, "早于截至日期", "before the as-of date"))
    numbers = [canonical_text(number) for number in close]
    problems += _named_problems(campaign, court_code, numbers, as_of, among)
    if problems:
        raise CampaignRefused(problems)
    group, ranked = _group(campaign, counts, court_code, as_of)
    paces = {
        row.court_code: recent_pace(counts.of_courts({row.court_code}), start=campaign.start, as_of=as_of)
        for row in group
    }
    return what_if(
        group, paces, court_code=court_code, as_of=as_of, target=campaign.target, per_week_added=per_week,
        close=numbers, close_by=close_by, ranked=ranked, campaign=campaign.name,
    )  # fmt: skip


def courts_at_pace(campaign: Campaign, court_codes: Sequence[str], *, as_of: date) -> dict[str, WhatIf]:
    """The what-if of each of ``court_codes`` (those of the campaign) with nothing changed — its pace, its finish
    at that pace, the pace that finishes by the target — as :func:`campaign_what_if` gives it with ``per_week``
    0, the campaign counted and ranked once for all of them."""
    counts = campaign_counts(campaign)
    groups = ranked_groups(campaign, counts, as_of)
    found = {}
    for code in court_codes:
        if code not in counts.courts:
            continue
        group, ranked = _group(campaign, counts, code, as_of, groups)
        paces = {
            row.court_code: recent_pace(counts.of_courts({row.court_code}), start=campaign.start, as_of=as_of)
            for row in group
        }
        found[code] = what_if(group, paces, court_code=code, as_of=as_of, target=campaign.target,
                              ranked=ranked, campaign=campaign.name)  # fmt: skip
    return found


def pace_window(campaign: Campaign, as_of: date) -> tuple[date, date] | None:
    """The days (first, last) whose closings make a court's pace on ``as_of`` (qingji.forecast.whatif.recent_pace:
    the last four weeks, not before the campaign's start); None before the start."""
    first = max(as_of - timedelta(days=7 * PACE_WEEKS - 1), campaign.start)
    return (first, as_of) if first <= as_of else None


def pace_entries(
    campaign: Campaign, entries: QuerySet[CampaignCase], court_code: str, as_of: date
) -> QuerySet[CampaignCase]:
    """The cases of ``entries`` (a reader's campaign cases) behind ``court_code``'s pace on ``as_of``: in scope on
    that day and closed within :func:`pace_window`, the latest closed first."""
    window = pace_window(campaign, as_of)
    if window is None:
        return entries.none()
    return (
        entries.filter(case__court_code=court_code, added_on__lte=as_of, case__closed_on__range=window)
        .select_related("case")
        .order_by("-case__closed_on", "case__case_number")
    )


def _group(
    campaign: Campaign,
    counts: CampaignCounts,
    court_code: str,
    as_of: date,
    groups: list[RankedGroup] | None = None,
) -> tuple[list[Progress], bool]:
    for group in groups if groups is not None else ranked_groups(campaign, counts, as_of):
        if not group.court_code and group.standing(court_code) is not None:
            return list(group.report.by_court), True
    alone = progress(
        counts.of_courts({court_code}), court_code=court_code, start=campaign.start, target=campaign.target,
        as_of=as_of,
    )  # fmt: skip
    return [alone], False


def _named_problems(
    campaign: Campaign,
    court_code: str,
    numbers: list[str],
    as_of: date,
    among: QuerySet[CampaignCase] | None = None,
) -> list[Problem]:
    """Each named case must be one of the court's campaign cases remaining on ``as_of`` (in scope by then, not
    closed by then), named once; a case not among ``among`` is not a case of the campaign."""
    entries = CampaignCase.objects.all() if among is None else among
    found = {
        number: (court, added_on, closed_on)
        for number, court, added_on, closed_on in entries.filter(
            campaign=campaign, case__case_number__in=numbers
        ).values_list("case__case_number", "case__court_code", "added_on", "case__closed_on")
    }
    problems: list[Problem] = []
    seen: set[str] = set()
    for number in numbers:
        entry = found.get(number)
        if number in seen:
            problems.append(problem("--close", number, "重复", "named twice"))
        elif entry is None:
            problems.append(problem("--close", number, "不是该专项行动的案件", "not a case of the campaign"))
        elif entry[0] != court_code:
            problems.append(
                problem("--close", number, f"不是 {court_code} 的案件", f"not a case of {court_code}")
            )
        elif entry[1] > as_of or (entry[2] is not None and entry[2] <= as_of):
            problems.append(
                problem("--close", number, "截至日期时不是未结案件", "not remaining on the as-of date")
            )
        seen.add(number)
    return problems
