"""A campaign's figures read from the database in a few grouped queries, never case by case (the campaign page at
a hundred thousand campaign cases out of a million).

Progress and the countdown schedule depend only on when each case entered the scope and when it closed: the
campaign's cases counted by court (and, for the courts above the basic level, by division), day added and day
closed — a few thousand groups — give every figure on any date (qingji.core.progress with counted cases). These
counts change only when an import changes cases or cases enter the campaign, so they are kept in the server's
cache under a key made of exactly that (the newest import, the newest case, the newest campaign case); whoever
opens the page first after a change reads them again (one grouped query), everyone else reads the cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, QuerySet

from qingji.audit.models import AuditRecord
from qingji.campaigns.models import Campaign, CampaignCase
from qingji.cases.models import Case, ImportRecord
from qingji.core.courts import CourtLevel
from qingji.core.progress import ScopedCase
from qingji.courts.models import Court

CACHE_SECONDS = 26 * 3600
NO_DIVISION = "—"


def division_key(court_code: str, division: str) -> str:
    """A division as a unit of the ranking: its court's code and its name (``甘10|民一庭``)."""
    return f"{court_code}|{division or NO_DIVISION}"


def split_key(key: str) -> tuple[str, str]:
    """The court code and the division's name of :func:`division_key` (the division "" for a court)."""
    court, _, division = key.partition("|")
    return court, division


def counted_cases(entries: QuerySet[CampaignCase]) -> list[ScopedCase]:
    """``entries`` counted by court, day added and day closed (one grouped query)."""
    rows = (
        entries.order_by()
        .values_list("case__court_code", "added_on", "case__closed_on")
        .annotate(cases=Count("id"))
    )
    return [ScopedCase("", court, added, closed, cases) for court, added, closed, cases in rows]


def counted_divisions(entries: QuerySet[CampaignCase], court_codes: list[str]) -> list[ScopedCase]:
    """The entries of ``court_codes`` counted by division (:func:`division_key` as the court code), day added and
    day closed."""
    if not court_codes:
        return []
    rows = (
        entries.filter(case__court_code__in=court_codes)
        .order_by()
        .values_list("case__court_code", "case__division", "added_on", "case__closed_on")
        .annotate(cases=Count("id"))
    )
    return [
        ScopedCase("", division_key(court, division), added, closed, cases)
        for court, division, added, closed, cases in rows
    ]


@dataclass(frozen=True)
class CampaignCounts:
    """Every case of the campaign, counted: by court, and by division for its courts above the basic level."""

    courts: dict[str, tuple[str, int]]  # the campaign's courts: code → (name, level)
    by_court: list[ScopedCase]
    by_division: list[ScopedCase]

    def of_courts(self, codes: set[str]) -> list[ScopedCase]:
        return [case for case in self.by_court if case.court_code in codes]

    def upper_courts(self) -> list[str]:
        """The campaign's courts above the basic level (their divisions are ranked among themselves)."""
        return sorted(code for code, (_, level) in self.courts.items() if level > CourtLevel.BASIC)


def data_version() -> tuple[object, ...]:
    """What the counts depend on besides the campaign: the newest import, case and campaign case."""
    return (
        ImportRecord.objects.aggregate(last=Max("id"))["last"],
        Case.objects.aggregate(last=Max("id"))["last"],
        CampaignCase.objects.aggregate(last=Max("id"))["last"],
    )


def newest_audit() -> int | None:
    """The newest audit record's id: every change of a campaign case or its casework is audited, so a count kept
    with it in its key is counted again after any such change."""
    return AuditRecord.objects.order_by("-id").values_list("id", flat=True).first()


def versioned_key(kind: str, *parts: object) -> str:
    """A cache key of ``parts`` and the :func:`data_version`."""
    question = repr((*parts, data_version()))
    return f"qingji-campaign-{kind}-" + hashlib.sha256(question.encode()).hexdigest()


def cache_key(kind: str, campaign: Campaign, *parts: object) -> str:
    return versioned_key(kind, campaign.pk, campaign.created_at, *parts)


def campaign_counts(campaign: Campaign) -> CampaignCounts:
    """The campaign's cases counted (from the cache when nothing changed since they were counted)."""
    key = cache_key("counts", campaign)
    kept = cache.get(key)
    if isinstance(kept, CampaignCounts):
        return kept
    courts = {
        code: (name, level)
        for code, name, level in Court.objects.filter(campaigns=campaign).values_list("code", "name", "level")
    }
    entries = CampaignCase.objects.filter(campaign=campaign)
    by_court = counted_cases(entries)
    for case in by_court:  # a case of a court no longer among the campaign's still counts, under its code
        courts.setdefault(case.court_code, (case.court_code, CourtLevel.BASIC))
    upper = sorted(code for code, (_, level) in courts.items() if level > CourtLevel.BASIC)
    counts = CampaignCounts(courts, by_court, counted_divisions(entries, upper))
    cache.set(key, counts, CACHE_SECONDS)
    return counts
