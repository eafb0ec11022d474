"""The cases a person may see: every list of cases starts here, so that no page, command or export can show more
than this (issue 3 §2). Which courts a person sees, and in which of them every case, is qingji.courts.selectors'.
"""

from __future__ import annotations

import operator
from functools import reduce

from django.db.models import Count, Q, QuerySet

from qingji.cases.models import Case, CaseState
from qingji.courts.models import Person, Role
from qingji.courts.selectors import visible_court_codes, whole_courts


def visible_cases(person: Person) -> QuerySet[Case]:
    """The cases the person may see."""
    courts = whole_courts(person)
    if courts is not None:
        return Case.objects.filter(
            court_code__in=sorted(courts)
        )  # sorted: the same query, the same cache key
    return Case.objects.filter(some_cases(person))


def court_wide_views() -> list[QuerySet[Case]]:
    """The cases of each distinct set of whole courts someone sees (:func:`visible_cases` of the first person who
    sees it): the views that read the most cases, which the nightly run computes ahead."""
    views: dict[frozenset[str], QuerySet[Case]] = {}
    for person in Person.objects.select_related("court", "division").order_by("id"):
        courts = whole_courts(person)
        if courts is not None and frozenset(courts) not in views:
            views[frozenset(courts)] = visible_cases(person)
    return list(views.values())


def work_cases(person: Person) -> QuerySet[Case]:
    """The cases that are a judge's or an assistant's own work ("my work"): their own, and those of the judges and
    divisions they are granted. A grant of a whole court lets them read its cases (the ledger) but does not make
    every case of the court their work."""
    return Case.objects.filter(some_cases(person, court_grants=False))


def own_states(person: Person, *, court_grants: bool = True) -> QuerySet[CaseState]:
    """The states of a person who does not see whole courts (:func:`some_cases`), found by the columns the
    states carry of their cases (court, division, judge: as of the snapshot, which every import brings up to
    date) along the division's or the judge's index — not by looking up each of the person's cases, thousands
    of them for a busy judge."""
    return CaseState.objects.filter(some_cases(person, court_grants=court_grants))


def reads_more_than_work(person: Person) -> bool:
    """Whether the person sees more cases than :func:`work_cases`: a grant of a whole court."""
    return person.grants.filter(division="", judge="").exists()


def some_cases(person: Person, *, court_grants: bool = True, prefix: str = "") -> Q:
    """The cases of a person who does not see whole courts: their division or their own, and their grants within
    the courts they may see (without the grants of a whole court when ``court_grants`` is False). ``prefix``
    (``"case__"``) puts the condition on a related case's columns, read through the join that a list of rows of
    cases (campaign cases) already makes, not as a list of the person's case ids."""
    conditions = [
        Q(
            **{
                f"{prefix}{name}": value
                for name, value in zip(KEY_COLUMNS, key, strict=True)
                if value is not None
            }
        )
        for key in work_keys(person, court_grants=court_grants)
    ]
    return reduce(operator.or_, conditions)


KEY_COLUMNS = ("court_code", "division", "judge")
WorkKey = tuple[str, str | None, str | None]


def work_keys(person: Person, *, court_grants: bool = True) -> list[WorkKey]:
    """The (court, division, judge) of :func:`some_cases`, None for any division or judge: a case is the person's
    when its columns match one of them (the cadence matches many people's at once, qingji.campaigns.due_work)."""
    own_court = person.court.code
    if person.role == Role.DIVISION_HEAD and person.division is not None:
        keys: list[WorkKey] = [(own_court, person.division.name, None)]
    else:
        keys = [(own_court, None, person.name)]
    allowed = visible_court_codes(person)
    for court_code, division, judge in person.grants.values_list("court__code", "division", "judge"):
        if court_code not in allowed:
            continue  # a grant never reaches beyond the person's courts, even if the person has moved court
        if division or judge or court_grants:
            keys.append((court_code, division or None, judge or None))
    return keys


def busiest_judge(court_code: str) -> tuple[str, str] | None:
    """The judge with the most cases of the court, and their division (the demo's judge); None without cases."""
    busiest = (
        Case.objects.filter(court_code=court_code)
        .exclude(judge="")
        .values("judge", "division")
        .annotate(cases=Count("id"))
        .order_by("-cases", "judge")
        .first()
    )
    return (busiest["judge"], busiest["division"]) if busiest else None
