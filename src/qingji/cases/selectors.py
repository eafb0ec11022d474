"""The cases a person may see: every list of cases starts here, so that no page, command or export can show more
than this (issue 3 §2). Which courts a person sees, and in which of them every case, is qingji.courts.selectors'.
"""

from __future__ import annotations

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

    def on(**columns: str) -> Q:
        return Q(**{f"{prefix}{name}": value for name, value in columns.items()})

    own_court = person.court.code
    if person.role == Role.DIVISION_HEAD and person.division is not None:
        seen = on(court_code=own_court, division=person.division.name)
    else:
        seen = on(court_code=own_court, judge=person.name)
    allowed = visible_court_codes(person)
    for court_code, division, judge in person.grants.values_list("court__code", "division", "judge"):
        if court_code not in allowed:
            continue  # a grant never reaches beyond the person's courts, even if the person has moved court
        if not (division or judge or court_grants):
            continue
        grant = on(court_code=court_code)
        if division:
            grant &= on(division=division)
        if judge:
            grant &= on(judge=judge)
        seen |= grant
    return seen


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
