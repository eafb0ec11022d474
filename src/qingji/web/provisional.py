"""Expiries counted without a year's holidays (the State Council's notice not loaded yet: CaseState.provisional,
the provisional_calendar warning): said once, in a banner with the fix, on the ledger and the leaders' home —
never as a tag on every row."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Sum

from qingji.cases.models import StateCount
from qingji.cases.selectors import own_states
from qingji.courts.models import Person
from qingji.web import labels as lb
from qingji.web.queries import stored_scope


@dataclass(frozen=True)
class Provisional:
    years: tuple[int, ...]  # the years whose holidays are missing, of the provisional expiries
    cases: int

    @property
    def message(self) -> str:
        years = "、".join(str(year) for year in self.years)
        return lb.text("provisional_banner").format(years=years, n=self.cases)


def provisional_expiries(person: Person | None) -> Provisional | None:
    """The person's cases whose expiry is provisional, by the year of the expiry; None when there is none. Read
    from the stored counts for a person who sees whole courts, else from the person's few states."""
    if person is None:
        return None
    scope = stored_scope(person)
    by_year: dict[int, int] = {}
    if scope is not None:
        stored = StateCount.objects.filter(scope, warning="", provisional_year__gt=0)
        for year, cases in stored.values_list("provisional_year").annotate(n=Sum("cases")).order_by():
            by_year[year] = cases
    else:
        live = own_states(person).filter(provisional=True)
        # Counted by expiry in the database (a few hundred dates for thousands of cases), the years here.
        for expiry, cases in live.values_list("expiry").annotate(n=Count("pk")).order_by():
            year = expiry.year if expiry is not None else 0
            by_year[year] = by_year.get(year, 0) + cases
    if not by_year:
        return None
    return Provisional(tuple(sorted(year for year in by_year if year)), sum(by_year.values()))
