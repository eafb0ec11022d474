"""What the campaign page shows a person on a date: the courts they see whole with their places, the rankings they
belong to, the countdown, the gaps, and — for a person who sees only part of a court (a judge, an assistant, a
division head) — "your cases" apart from the court's figures. A part of a court is never labelled, ranked or
named fastest as the court.

Read in a few grouped queries (qingji.campaigns.figures, .gaps): the whole campaign's counts are shared by every
reader and kept in the cache; only a partial reader's own cases are counted live (a few hundred).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.db.models import QuerySet

from qingji.campaigns.figures import CACHE_SECONDS, CampaignCounts, cache_key, campaign_counts, counted_cases
from qingji.campaigns.gaps import Counts, court_gaps, gaps_by_court, total
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.campaigns.ranking import RankedGroup, ranked_groups
from qingji.campaigns.scope import campaign_new_backlog
from qingji.campaigns.selectors import visible_entries
from qingji.cases.models import Case
from qingji.cases.selectors import some_cases
from qingji.core.escalation import Standing
from qingji.core.progress import Progress, ScheduleRow, campaign_progress, countdown, days_behind
from qingji.courts.models import Person
from qingji.courts.selectors import whole_courts


@dataclass(frozen=True)
class CourtFigures:
    """One court the reader sees whole: its progress, its place among the basic courts (None for a court above
    them), its days behind its own plan, its countdown and its gaps."""

    code: str
    name: str
    progress: Progress
    standing: Standing | None
    ranked: int  # how many courts it is ranked among (0: not ranked)
    behind: int  # days behind its own countdown plan (negative: ahead)
    schedule: list[ScheduleRow]
    gaps: Counts


@dataclass
class Overview:
    courts: list[CourtFigures]  # the courts the reader sees whole (a partial reader: their own court)
    total: Progress | None  # those courts together, when more than one
    whole_campaign: bool  # the total is the whole campaign's
    groups: list[RankedGroup]  # the rankings of the courts shown: the basic courts, a court's divisions
    fastest: Progress | None  # the court that finished first, of the whole campaign (None: none has finished)
    fastest_name: str
    partial: bool  # the reader sees only part of a court
    yours: Progress | None  # a partial reader's own cases
    court: str  # the court chosen (``court=``), "" for all
    schedule: list[
        ScheduleRow
    ]  # the countdown drawn: the chosen court's, or all shown, or the reader's cases
    gaps: Counts  # the gaps of the cases listed (chosen court; a partial reader's own)
    new_backlog: int
    names: dict[str, str] = field(default_factory=dict)  # court code or division key → its name


def shown_courts(person: Person, counts: CampaignCounts) -> tuple[set[str], bool]:
    """The campaign's courts whose figures the person reads, and whether the person sees only part of a court."""
    whole = whole_courts(person)
    if whole is None:
        return {person.court.code} & set(counts.courts), True
    return whole & set(counts.courts), False


def overview(
    person: Person,
    campaign: Campaign,
    as_of: date,
    court: str = "",
    entries: QuerySet[CampaignCase] | None = None,
) -> Overview:
    """The page's figures for ``person`` on ``as_of``; ``court`` one of the courts shown (checked by the caller).
    ``entries`` is the person's campaign cases (by default :func:`visible_entries`)."""
    counts = campaign_counts(campaign)
    shown, partial = shown_courts(person, counts)
    readable = set(shown)  # the new backlog is of every court read, in scope today or not
    start, target = campaign.start, campaign.target
    groups = ranked_groups(campaign, counts, as_of)
    whole_gaps = court_gaps(campaign, as_of)
    names = {code: name for code, (name, _) in counts.courts.items()}
    figures = []
    basic = next((group for group in groups if not group.court_code), None)
    for code in sorted(shown):
        cases = counts.of_courts({code})
        progress = campaign_progress(cases, start=start, target=target, as_of=as_of).overall
        if not progress.in_scope:
            continue  # a court of the campaign with no case in scope on that date has nothing to show
        schedule = countdown(cases, start=start, target=target, as_of=as_of)
        standing = basic.standing(code) if basic is not None else None
        figures.append(
            CourtFigures(
                code, names.get(code, code), progress, standing, len(basic.standings) if standing and basic else 0,
                days_behind(schedule, as_of), schedule, whole_gaps.get(code, {}),
            )
        )  # fmt: skip
    shown = {figure.code for figure in figures}
    shown_cases = counts.of_courts(shown)
    together = campaign_progress(shown_cases, start=start, target=target, as_of=as_of)
    everyone = campaign_progress(counts.by_court, start=start, target=target, as_of=as_of)
    whole_campaign = {row.court_code for row in everyone.by_court} <= shown
    fastest = everyone.fastest_court
    fastest_row = next((row for row in everyone.by_court if row.court_code == fastest), None)
    chosen = court if court in shown else ""
    yours: Progress | None = None
    if partial:
        own = entries if entries is not None else visible_entries(person, campaign)
        mine = own.filter(case__court_code=chosen) if chosen else own
        your_cases = counted_cases(mine)
        yours = campaign_progress(your_cases, start=start, target=target, as_of=as_of).overall
        schedule = countdown(your_cases, start=start, target=target, as_of=as_of)
        listed_gaps = total(gaps_by_court(campaign, mine, as_of))
    else:
        schedule = countdown(
            counts.of_courts({chosen}) if chosen else shown_cases, start=start, target=target, as_of=as_of
        )
        listed_gaps = total(whole_gaps, {chosen} if chosen else shown)
    for group in groups:
        for row in group.report.by_court:
            if "|" in row.court_code:
                names[row.court_code] = row.court_code.split("|", 1)[1]
    shown_groups = [group for group in groups if (not group.court_code and any(f.standing for f in figures))
                    or group.court_code in shown]  # fmt: skip
    return Overview(
        courts=figures, total=together.overall if len(figures) > 1 else None, whole_campaign=whole_campaign,
        groups=shown_groups, fastest=fastest_row, fastest_name=names.get(fastest or "", fastest or ""),
        partial=partial, yours=yours, court=chosen, schedule=schedule, gaps=listed_gaps,
        new_backlog=new_backlog_count(person, campaign, as_of, {chosen} if chosen else readable, partial),
        names=names,
    )  # fmt: skip


def new_backlog_cases(
    person: Person, campaign: Campaign, as_of: date, courts: set[str], partial: bool
) -> QuerySet[Case]:
    """The new backlog beside the campaign in ``courts`` (the courts :func:`shown_courts` gives, or one of them),
    among the cases the person sees (``partial``: only some cases of the court)."""
    cases = campaign_new_backlog(campaign, as_of, courts)
    # A partial reader's cases as a condition on the cases' own columns (visible_cases is that filter for them):
    # read along the court's and judge's index, not the court's new backlog matched against a list of ids.
    return cases.filter(some_cases(person)) if partial else cases


def new_backlog_count(
    person: Person, campaign: Campaign, as_of: date, courts: set[str], partial: bool
) -> int:
    """How many :func:`new_backlog_cases` (kept in the cache for whole courts)."""
    if partial:
        return new_backlog_cases(person, campaign, as_of, courts, partial).count()
    key = cache_key("backlog", campaign, as_of, sorted(courts))
    kept = cache.get(key)
    if isinstance(kept, int):
        return kept
    count = campaign_new_backlog(campaign, as_of, courts).count()
    cache.set(key, count, CACHE_SECONDS)
    return count
