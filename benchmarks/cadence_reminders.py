"""Benchmark: a day's reminders and a week's supervision lists (issue 13: "a day's reminders for 2,000 judges in
under 60 s"), on the million cases of benchmarks/pages_1m.py and the campaign of benchmarks/pages_load.py.

    .venv/bin/python benchmarks/cadence_reminders.py [--judges 2000]

It gives every judge of the pending cases an account (the synthetic court system has about 190 judges, each
with some 5,000 cases — a province's 2,000 judges have a tenth of that each), and a president, vice-president
and division head per court, then times the producers as the schedule runs them (qingji.cadence.reminders), for
the snapshot's day, the campaign's cases given casework first (give_casework): the reminders for every judge, the
lists for the leaders. It prints the time, the time per person, the messages and the peak memory, and the time to
write them as the runner does — all in one transaction rolled back at the end: the database is left as it was.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pages_load import PASSWORD, ensure_world


def ensure_people(count: int) -> None:
    from django.db.models import Count

    from qingji.cases.models import Case
    from qingji.courts.actions import do_create_user
    from qingji.courts.models import Court, Person, Role

    made = 0
    judges = list(
        Case.objects.filter(closed_on__isnull=True)
        .values_list("court_code", "judge")
        .annotate(n=Count("id"))
        .order_by("court_code", "judge")
    )
    for n in range(count):
        username = f"bench-j{n}"
        court_code, judge, _ = judges[n % len(judges)]
        if not Person.objects.filter(user__username=username).exists():
            do_create_user(username, PASSWORD, name=judge, court_code=court_code, role=Role.JUDGE)
            made += 1
    for court in Court.objects.all():
        for role in (Role.PRESIDENT, Role.VICE_PRESIDENT):
            username = f"bench-{role.value}-{court.code}"
            if not Person.objects.filter(user__username=username).exists():
                do_create_user(
                    username, PASSWORD, name=f"{court.code}{role.label}", court_code=court.code, role=role
                )
                made += 1
    if made:
        print(f"{made} accounts made", flush=True)


class _RolledBack(Exception):
    pass


def give_casework(day: date) -> tuple[int, int, int]:
    """Give the campaign's cases the casework a court would have given them (DESIGN.md §1: a responsible judge, a
    supervising leader, the chain, a target date, a plan): the judge responsible, the court's president and
    vice-president of the benchmark's accounts in the chain, a target date passed on one case in two and a plan
    step late on one in three. Done in the benchmark's transaction, which is rolled back. Returns (cases, target
    dates passed, steps late)."""
    from qingji.campaigns.models import CampaignCase, PlanStep
    from qingji.courts.models import Court, Role

    entries = list(CampaignCase.objects.values_list("pk", "case__court_code", "case__judge").order_by("pk"))
    for court in Court.objects.all():
        CampaignCase.objects.filter(case__court_code=court.code).update(
            president=f"{court.code}{Role.PRESIDENT.label}",
            vice_president=f"{court.code}{Role.VICE_PRESIDENT.label}",
            supervisor=f"{court.code}{Role.VICE_PRESIDENT.label}",
        )
    late = [pk for n, (pk, _, _) in enumerate(entries) if n % 2 == 0]
    for chunk in range(0, len(late), 5000):
        CampaignCase.objects.filter(pk__in=late[chunk : chunk + 5000]).update(
            target_on=day - timedelta(days=3)
        )
    for court_code, judge in {(court_code, judge) for _, court_code, judge in entries}:
        CampaignCase.objects.filter(case__court_code=court_code, case__judge=judge).update(
            responsible=judge, judge=judge
        )
    steps = [
        PlanStep(entry_id=pk, due_on=day - timedelta(days=5), description="询问当事人")
        for n, (pk, _, _) in enumerate(entries)
        if n % 3 == 0
    ]
    PlanStep.objects.bulk_create(steps, batch_size=5000)
    return len(entries), len(late), len(steps)


def written(run: Any, messages: list[Any]) -> float:
    """Seconds to write the run and its messages as qingji.cadence.runner does (in the benchmark's transaction)."""
    from django.utils import timezone

    from qingji.cadence.models import Message, Run

    started = time.perf_counter()
    Run.objects.filter(kind=run.kind, on=run.on).delete()  # a day the schedule already ran (rolled back)
    run.due_at, run.status = timezone.now(), "done"
    run.save()
    for message in messages:
        message.run = run
    Message.objects.bulk_create(messages, batch_size=1000, ignore_conflicts=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--judges", type=int, default=2000, help="judges with an account (made once)")
    args = parser.parse_args()
    ensure_world()  # sets QINGJI_HOME to the benchmark's database; then its migrations, if any are new
    subprocess.run(
        [str(Path(sys.executable).with_name("qingji")), "init"], check=True, stdout=subprocess.DEVNULL
    )
    ensure_people(args.judges)
    from django.db import transaction

    from qingji.cadence.models import Run
    from qingji.cadence.reminders import list_messages, reminder_messages
    from qingji.cases.models import Case
    from qingji.cases.snapshot import snapshot_date
    from qingji.courts.models import Person, Role

    day = snapshot_date()
    assert day is not None
    judges = Person.objects.filter(role=Role.JUDGE).count()
    names = Person.objects.filter(role=Role.JUDGE).values("court", "name").distinct().count()
    pending = Case.objects.filter(closed_on__isnull=True).count()
    print(f"{judges} judges' accounts ({names} judges), {pending:,} pending cases ({pending // names:,} a judge), "
          f"day {day}")  # fmt: skip
    try:
        with transaction.atomic():  # rolled back at the end: the database is left as it was
            started = time.perf_counter()
            cases, passed, steps = give_casework(day)
            print(f"casework given to the campaign's {cases:,} cases ({time.perf_counter() - started:.1f} s): "
                  f"{passed:,} target dates passed, {steps:,} plan steps late")  # fmt: skip
            for kind, produce, roles in (
                ("reminder", reminder_messages, ("judge",)),
                ("list", list_messages, ("president", "vice_president", "division_head")),
            ):
                run = Run(kind=kind, on=day)
                people = Person.objects.filter(role__in=roles).count()
                started = time.perf_counter()
                messages = produce(run, roles)
                elapsed = time.perf_counter() - started
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
                print(f"{kind}: {people} people, {len(messages)} messages, {elapsed:.1f} s "
                      f"({elapsed / max(people, 1) * 1000:.0f} ms a person), process peak {peak / 2**20:.0f} MiB, "
                      f"written in {written(run, messages):.2f} s (one bulk insert, as the runner does)")  # fmt: skip
            raise _RolledBack
    except _RolledBack:
        pass


if __name__ == "__main__":
    main()
