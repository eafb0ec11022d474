"""The stored integrity findings a person may see, filtered and counted (the integrity page and its export,
docs/pages.md "The integrity page").

Who sees which findings follows who sees which cases (qingji.courts.selectors, qingji.cases.selectors): a person
who sees whole courts sees every finding of those courts — of a case, of a judge, of the court; anyone else (a
judge, an assistant, a division head of one division) the findings of the cases they see, and a judge's finding
(a share of deducted and extended time far above the court's other judges) when they see that judge's cases: a
judge their own, a division head the judges of their division's cases.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce

from django.db.models import Case as Ranked
from django.db.models import Count, IntegerField, Q, QuerySet, Value, When

from qingji.cases.integrity_words import referenced
from qingji.cases.models import Case, IntegrityFinding
from qingji.cases.selectors import some_cases, visible_cases, work_keys
from qingji.courts.models import Person
from qingji.courts.selectors import whole_courts
from qingji.integrity.findings import Check

CHECK_ORDER = {check.value: n for n, check in enumerate(Check)}
CHUNK = 900  # case numbers per query (SQLite's limit of parameters)


def visible_findings(person: Person | None) -> QuerySet[IntegrityFinding]:
    """The stored findings the person may see."""
    if person is None:
        return IntegrityFinding.objects.none()
    courts = whole_courts(person)
    if courts is not None:
        return IntegrityFinding.objects.filter(court_code__in=sorted(courts))
    of_cases = Q(case__isnull=False) & some_cases(person, prefix="case__")
    return IntegrityFinding.objects.filter(reduce(operator.or_, [of_cases, *_judges_seen(person)]))


def _judges_seen(person: Person) -> list[Q]:
    """The judges' and courts' findings (no case) of a person who sees some cases: of a judge whose cases they see
    by name (their own, a judge they are granted), of the judges of a division they see, of a court they are
    granted whole."""
    conditions = []
    for court, division, judge in work_keys(person):
        unit = Q(case__isnull=True, court_code=court)
        if judge is not None:
            conditions.append(unit & Q(judge=judge))
        elif division is not None:
            judges = (
                Case.objects.filter(court_code=court, division=division).exclude(judge="").values("judge")
            )
            conditions.append(unit & Q(judge__in=judges))
        else:
            conditions.append(unit)
    return conditions


@dataclass(frozen=True)
class FindingFilters:
    """The integrity page's filters: a check (a value of Check), a court's code, a judge's name ("": any)."""

    check: str = ""
    court: str = ""
    judge: str = ""

    def apply(self, findings: QuerySet[IntegrityFinding]) -> QuerySet[IntegrityFinding]:
        if self.check:
            findings = findings.filter(check_code=self.check)
        if self.court:
            findings = findings.filter(court_code=self.court)
        if self.judge:
            findings = findings.filter(judge=self.judge)
        return findings

    def query(self) -> dict[str, str]:
        """The filters as a page's query parameters (empty ones left out)."""
        return {key: value for key, value in self.__dict__.items() if value}


def listed(findings: QuerySet[IntegrityFinding]) -> QuerySet[IntegrityFinding]:
    """The findings in the page's order: by court, then check (in the order of Check), then case and judge."""
    rank = Ranked(
        *(When(check_code=check, then=Value(n)) for check, n in CHECK_ORDER.items()),
        default=Value(len(CHECK_ORDER)),
        output_field=IntegerField(),
    )
    return findings.annotate(check_rank=rank).order_by(
        "court_code", "check_rank", "case_number", "judge", "id"
    )


def counts_by_court(findings: QuerySet[IntegrityFinding]) -> dict[str, Counter[str]]:
    """court → check → findings (one grouped query)."""
    counts: dict[str, Counter[str]] = {}
    rows = findings.order_by().values_list("court_code", "check_code").annotate(n=Count("id"))
    for court, check, n in rows:
        counts.setdefault(court, Counter())[check] += n
    return counts


def counts_by_judge(findings: QuerySet[IntegrityFinding]) -> dict[tuple[str, str], Counter[str]]:
    """(court, judge) → check → findings, of the findings that name a judge (one grouped query)."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    rows = (
        findings.exclude(judge="")
        .order_by()
        .values_list("court_code", "judge", "check_code")
        .annotate(n=Count("id"))
    )
    for court, judge, check, n in rows:
        counts.setdefault((court, judge), Counter())[check] += n
    return counts


def hidden_numbers(person: Person | None, findings: Iterable[IntegrityFinding]) -> set[str]:
    """The case numbers the findings name (their own and their evidence's) that the person may not see: told as
    "another case" on the page and in the export."""
    named = set().union(*(referenced(f.case_number, f.evidence) for f in findings))
    if person is None or not named:
        return named
    cases = visible_cases(person)
    wanted = sorted(named)
    seen: set[str] = set()
    for start in range(0, len(wanted), CHUNK):  # a whole court's export names tens of thousands
        part = wanted[start : start + CHUNK]
        seen.update(cases.filter(case_number__in=part).values_list("case_number", flat=True))
    return named - seen
