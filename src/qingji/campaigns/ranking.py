"""Ranking as the practice does it (排名及末位警示, DESIGN.md §1): the basic courts among themselves, and the divisions
of each court above the basic level (the intermediate court's 庭) among themselves — never an intermediate court
against the basic courts it supervises, and never a part of a court as if it were the court.

Every figure is the whole campaign's (the counts of qingji.campaigns.figures): a place is a place among all the
courts or divisions of the group, whoever reads it. The escalation ladder (phone → letter → on-site → interview)
is proposed only for a court that another court of the campaign supervises: a basic court, or a court below the
campaign's highest; a court's own divisions get their warning, not a letter addressed to their own court.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from qingji.campaigns.figures import CampaignCounts, split_key
from qingji.campaigns.models import Campaign
from qingji.core.courts import CourtLevel
from qingji.core.escalation import LADDER, Standing, standings
from qingji.core.progress import (
    CampaignReport,
    ScheduleRow,
    ScopedCase,
    campaign_progress,
    countdown,
    days_behind,
)


@dataclass(frozen=True)
class RankedGroup:
    """One ranking: the basic courts (``court_code`` "") or the divisions of one court (its code)."""

    court_code: str
    report: CampaignReport  # its units' progress (court codes, or division keys: figures.division_key)
    schedules: dict[str, list[ScheduleRow]]  # each unit's own countdown schedule
    standings: list[Standing]  # best first

    def standing(self, unit: str) -> Standing | None:
        return next((standing for standing in self.standings if standing.court_code == unit), None)


def supervised_courts(counts: CampaignCounts) -> set[str]:
    """The campaign's courts that another of its courts supervises: all but those of its highest level, unless
    every court is a basic court (a campaign of basic courts run from above)."""
    return _below_highest({code: level for code, (_, level) in counts.courts.items()})


def supervised_codes(campaign: Campaign) -> set[str]:
    """:func:`supervised_courts` read from the campaign's courts."""
    return _below_highest(dict(campaign.courts.values_list("code", "level")))


def _below_highest(levels: dict[str, int]) -> set[str]:
    highest = max(levels.values(), default=CourtLevel.BASIC)
    if highest == CourtLevel.BASIC:
        return set(levels)
    return {code for code, level in levels.items() if level < highest}


def unit_schedules(campaign: Campaign, cases: list[ScopedCase], as_of: date) -> dict[str, list[ScheduleRow]]:
    by_unit: dict[str, list[ScopedCase]] = {}
    for case in cases:
        by_unit.setdefault(case.court_code, []).append(case)
    return {
        unit: countdown(by_unit[unit], start=campaign.start, target=campaign.target, as_of=as_of)
        for unit in sorted(by_unit)
    }


def _group(
    campaign: Campaign,
    court_code: str,
    cases: list[ScopedCase],
    as_of: date,
    taken: dict[str, list[str]],
    ladder: set[str],
) -> RankedGroup:
    report = campaign_progress(cases, start=campaign.start, target=campaign.target, as_of=as_of)
    schedules = unit_schedules(campaign, cases, as_of)
    behind = {
        row.court_code: days_behind(schedules.get(row.court_code, []), as_of) for row in report.by_court
    }
    ranked = [
        standing if standing.court_code in ladder else replace(standing, next_step=None)
        for standing in standings(report.by_court, behind, taken)
    ]
    return RankedGroup(court_code, report, schedules, ranked)


def ranked_groups(campaign: Campaign, counts: CampaignCounts, as_of: date) -> list[RankedGroup]:
    """The basic courts ranked (when the campaign has any), then each higher court's divisions ranked."""
    taken: dict[str, list[str]] = {}
    for code, kind in campaign.supervision.filter(on__lte=as_of).values_list("court__code", "kind"):
        taken.setdefault(code, []).append(kind)
    supervised = supervised_courts(counts)
    basic = {code for code, (_, level) in counts.courts.items() if level == CourtLevel.BASIC}
    groups = []
    if basic:
        groups.append(_group(campaign, "", counts.of_courts(basic), as_of, taken, supervised))
    for upper in counts.upper_courts():
        divisions = [case for case in counts.by_division if split_key(case.court_code)[0] == upper]
        if divisions:
            groups.append(_group(campaign, upper, divisions, as_of, {}, set()))
    return groups


def court_standing(groups: list[RankedGroup], court_code: str) -> tuple[Standing, int] | None:
    """A basic court's place and the number of courts ranked with it."""
    for group in groups:
        if not group.court_code:
            standing = group.standing(court_code)
            return (standing, len(group.standings)) if standing is not None else None
    return None


def is_ladder_step(kind: str) -> bool:
    return kind in LADDER
