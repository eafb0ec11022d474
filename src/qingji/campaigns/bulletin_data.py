"""The ten-day bulletin's figures read from the database on a date (:class:`qingji.campaigns.bulletin.Bulletin`).

Progress, the ranking and the new backlog are the campaign report's (``qingji campaign report``): the grouped
counts of :mod:`qingji.campaigns.figures` and the rankings of :mod:`.ranking`, read once and counted on the
bulletin's date and on the previous bulletin's. The overdue and 10-month cases are the campaign's cases pending on
the date, their states computed by the engine on that date (any date, not only the stored snapshot's), so that a
bulletin caught up after a stop, or made by hand for a past date, says what was true then; the integrity checks'
findings in the campaign's courts are those of the same day (qingji.campaigns.integrity_section).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

import polars as pl
from django.db.models import Count, Q

from qingji.campaigns.bulletin import (
    LISTED_CASES,
    Bulletin,
    CaseLine,
    CourtLine,
    DivisionRanking,
    RankLine,
    SupervisionLine,
    bulletin_number,
    previous_bulletin_day,
)
from qingji.campaigns.figures import CampaignCounts, campaign_counts, split_key
from qingji.campaigns.integrity_section import integrity_section
from qingji.campaigns.models import Campaign, SupervisionAction
from qingji.campaigns.ranking import RankedGroup, ranked_groups
from qingji.campaigns.scope import campaign_new_backlog
from qingji.cases.frames import frames_with_ids
from qingji.cases.models import Case
from qingji.core.masking import mask_parties
from qingji.core.progress import Progress, campaign_progress, countdown, days_behind
from qingji.core.vocabulary import Status, Warning
from qingji.engine.ledger import compute_ledger
from qingji.site.in_force import site_settings
from qingji.site.notices import calendar_in_force

TOTAL = "合计"
LADDER_WORDS = dict(SupervisionAction.Kind.choices)


def bulletin_of(campaign: Campaign, on: date, days: Sequence[int], listed: int = LISTED_CASES) -> Bulletin:
    """The campaign's bulletin on ``on``, the schedule's bulletin ``days`` of the month giving the previous one."""
    counts = campaign_counts(campaign)
    start, target = campaign.start, campaign.target
    previous = previous_bulletin_day(on, days, start)
    now = campaign_progress(counts.by_court, start=start, target=target, as_of=on)
    then = campaign_progress(counts.by_court, start=start, target=target, as_of=previous)
    cleared_then = {row.court_code: row.cleared for row in then.by_court}
    names = {code: name for code, (name, _) in counts.courts.items()}
    overdue, ten_month, cases, total = _urgent_cases(campaign, on, names, listed)
    backlog = dict(
        campaign_new_backlog(campaign, on).order_by().values_list("court_code").annotate(n=Count("id"))
    )

    def line(row: Progress, name: str, cases_of: set[str]) -> CourtLine:
        schedule = countdown(counts.of_courts(cases_of), start=start, target=target, as_of=on)
        return CourtLine(
            row.court_code, name, row.in_scope, row.cleared, row.remaining, row.clearance_rate,
            days_behind(schedule, on), row.projected_completion, row.completed_on,
            row.cleared - sum(cleared_then.get(code, 0) for code in cases_of),
            sum(overdue[code] for code in cases_of), sum(ten_month[code] for code in cases_of),
            sum(backlog.get(code, 0) for code in cases_of),
        )  # fmt: skip

    courts = [line(row, names.get(row.court_code, row.court_code), {row.court_code}) for row in now.by_court]
    overall = line(now.overall, TOTAL, set(counts.courts) | {row.court_code for row in now.by_court})
    plan = countdown(counts.by_court, start=start, target=target, as_of=on)
    planned = next((row.planned for row in reversed(plan) if row.on <= on), 0)
    groups = ranked_groups(campaign, counts, on)
    before = ranked_groups(campaign, counts, previous) if previous > start else []
    basic = next((group for group in groups if not group.court_code), None)
    return Bulletin(
        campaign=campaign.name, issuer=_issuer(counts), start=start, target=target, on=on,
        number=bulletin_number(start, on, days), previous=previous, overall=overall, courts=courts,
        ranking=_ranking(basic, _group_of(before, ""), names) if basic is not None else [],
        divisions=[
            DivisionRanking(names.get(group.court_code, group.court_code),
                            _ranking(group, _group_of(before, group.court_code), names))
            for group in groups if group.court_code
        ],
        supervision=_supervision(campaign, previous, on), cases=cases, cases_total=total,
        planned_remaining=planned, integrity=integrity_section(campaign, on),
    )  # fmt: skip


def _issuer(counts: CampaignCounts) -> str:
    """The campaign's highest court (the one that runs it): its name."""
    highest = max(counts.courts.items(), key=lambda item: (item[1][1], -len(item[0])), default=None)
    return highest[1][0] if highest is not None else ""


def _group_of(groups: list[RankedGroup], court_code: str) -> RankedGroup | None:
    return next((group for group in groups if group.court_code == court_code), None)


def _ranking(group: RankedGroup, before: RankedGroup | None, names: dict[str, str]) -> list[RankLine]:
    rows = {row.court_code: row for row in group.report.by_court}
    lines = []
    for standing in group.standings:
        row = rows[standing.court_code]
        then = before.standing(standing.court_code) if before is not None else None
        court, division = split_key(standing.court_code)
        lines.append(
            RankLine(
                standing.court_code, division or names.get(court, court), standing.rank, len(group.standings),
                row.clearance_rate, row.remaining, standing.behind_plan, standing.last, standing.lagging,
                LADDER_WORDS.get(standing.next_step or "", standing.next_step), then.rank if then else None,
            )
        )  # fmt: skip
    return lines


def _supervision(campaign: Campaign, previous: date, on: date) -> list[SupervisionLine]:
    done = (
        campaign.supervision.filter(on__gt=previous, on__lte=on).select_related("court").order_by("on", "id")
    )
    return [SupervisionLine(act.on, act.court.name, act.get_kind_display(), act.by, act.to) for act in done]


def _urgent_cases(
    campaign: Campaign, on: date, names: dict[str, str], listed: int
) -> tuple[Counter[str], Counter[str], list[CaseLine], int]:
    """The campaign's cases pending on ``on`` that are overdue or carry the 10-month warning, computed on that
    date: the counts by court, the ``listed`` most urgent (overdue longest first, then the oldest), and how many
    in all."""
    pending = Case.objects.filter(
        Q(closed_on__isnull=True) | Q(closed_on__gt=on),
        campaign_entries__campaign=campaign, campaign_entries__added_on__lte=on, filed_on__lte=on,
    )  # fmt: skip
    cases, events = frames_with_ids(pending)
    settings = site_settings()
    ledger = compute_ledger(cases.drop("case_id"), events, on, calendar_in_force(), settings.conventions)
    urgent = ledger.filter(
        (pl.col("status") == Status.OVERDUE) | pl.col("warnings").list.contains(Warning.AGE_10_MONTHS.value)
    ).with_columns(is_overdue=pl.col("status") == Status.OVERDUE)
    overdue = Counter(urgent.filter(pl.col("is_overdue")).get_column("court_code").to_list())
    ten_month = Counter(urgent.filter(~pl.col("is_overdue")).get_column("court_code").to_list())
    first = urgent.sort(
        ["is_overdue", "days_over", "age_days", "case_number"],
        descending=[True, True, True, False],
        nulls_last=True,
    ).head(listed)
    parties = dict(
        Case.objects.filter(case_number__in=first.get_column("case_number").to_list()).values_list(
            "case_number", "parties"
        )
    )
    lines = [
        CaseLine(
            row["case_number"], names.get(row["court_code"], row["court_code"]), row["judge"] or "",
            mask_parties(parties.get(row["case_number"], "")), row["filed_on"], row["age_days"],
            row["days_over"] if row["is_overdue"] else None,
        )
        for row in first.iter_rows(named=True)
    ]  # fmt: skip
    return overdue, ten_month, lines, urgent.height
