"""Many people's work at once (the day's reminders, qingji.cadence.reminders): what :func:`due_work.my_work` gives
each of them, from one read of the warned states and one of the campaign cases of their courts, instead of the
same reads once a person — 2,000 judges in seconds, not minutes (benchmarks/cadence_reminders.py).

Each person's cases are those of their work keys (qingji.cases.selectors.work_keys: their own or their division,
and their grants of a judge or a division), matched on the columns the states and the cases carry, as
``my_work`` selects them; tests/web/test_inbox.py checks that both give the same work for every person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Generic, TypeVar

from qingji.campaigns.due_work import (
    MyWork,
    StateRow,
    assemble,
    conventions_in_force,
    overdue_appraisals,
    pending_entries,
    steps_due,
    warned_states,
    work_day,
)
from qingji.campaigns.models import CampaignCase
from qingji.campaigns.selectors import visible_campaigns
from qingji.cases.models import CaseState
from qingji.cases.selectors import WorkKey, work_keys
from qingji.courts.models import Person

Row = TypeVar("Row")


class _ByColumns(Generic[Row]):
    """Rows by their (court, division, judge), to find a work key's rows without reading every row of a court."""

    def __init__(self, rows: Iterable[tuple[tuple[str, str, str], Row]]) -> None:
        self.exact: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
        self.by_judge: dict[tuple[str, str], list[Row]] = defaultdict(list)
        self.by_division: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for (court, division, judge), row in rows:
            self.exact[(court, division, judge)].append(row)
            self.by_judge[(court, judge)].append(row)
            self.by_division[(court, division)].append(row)

    def matching(self, key: WorkKey) -> list[Row]:
        court, division, judge = key
        if judge is not None and division is not None:
            return self.exact.get((court, division, judge), [])
        if judge is not None:
            return self.by_judge.get((court, judge), [])
        if division is not None:
            return self.by_division.get((court, division), [])
        raise ValueError("a work key of a whole court")  # work_keys(court_grants=False) gives none


def work_of_many(people: Sequence[Person], on: date | None = None) -> dict[int, MyWork]:
    """What is due on ``on`` (the snapshot's date by default) for each of ``people``, by person id."""
    day = on or work_day()
    conventions = conventions_in_force()
    keys = {person.pk: work_keys(person, court_grants=False) for person in people}
    courts = sorted({key[0] for person_keys in keys.values() for key in person_keys})
    states = warned_states(CaseState.objects.filter(court_code__in=courts), day, conventions)
    entries = pending_entries(
        CampaignCase.objects.filter(case__court_code__in=courts, campaign__start__lte=day), day
    )
    steps, appraisals = steps_due(entries, day), overdue_appraisals(entries, day)
    state_index = _ByColumns[StateRow](((row[5], row[6], row[7]), row) for row in states)
    entry_order = {entry.pk: n for n, entry in enumerate(entries)}
    entry_index = _ByColumns[CampaignCase](
        ((entry.case.court_code, entry.case.division, entry.case.judge), entry) for entry in entries
    )
    work: dict[int, MyWork] = {}
    for person in people:
        seen = set(visible_campaigns(person).filter(start__lte=day).values_list("pk", flat=True))
        mine_states = {row[0]: row for key in keys[person.pk] for row in state_index.matching(key)}
        mine_entries = {
            entry.pk: entry
            for key in keys[person.pk]
            for entry in entry_index.matching(key)
            if entry.campaign_id in seen
        }
        ordered = sorted(
            mine_entries.values(), key=lambda entry: entry_order[entry.pk]
        )  # as my_work reads them
        work[person.pk] = assemble(day, conventions, list(mine_states.values()), ordered, steps, appraisals)
    return work
