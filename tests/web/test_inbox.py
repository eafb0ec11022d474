"""The cadence's reminders and supervision lists (issue 13): produced on time, once, caught up after a stop, and
read in the inbox with the unread count in the menu (qingji.cadence, web/inbox_views.py; docs/cadence.md)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from attack_world import DIVISIONS, build_world, make_attacker
from django.db import IntegrityError, transaction
from django.test import Client

from court_cases import PASSWORD
from home_world import HomeWorld, create_home_world, number
from qingji.audit.models import AuditRecord
from qingji.cadence.models import Message, Run
from qingji.cadence.runner import STALE_AFTER, run_due
from qingji.campaigns.due_work import my_work
from qingji.campaigns.due_work_many import work_of_many
from qingji.courts.actions import do_create_user, do_grant
from qingji.courts.models import Person, Role

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def world(cases: None) -> HomeWorld:
    return create_home_world()  # its snapshot is of Tuesday 2024-12-31


def inbox(kind: str) -> dict[str, Message]:
    return {
        m.person.user.username: m for m in Message.objects.filter(kind=kind).select_related("person__user")
    }


def test_the_day_s_reminder_goes_to_each_judge_and_assistant_with_work_once(world: HomeWorld) -> None:
    assert run_due(at(2024, 12, 31, 7, 59)) == []  # before 08:00: nothing due yet
    [run] = run_due(at(2024, 12, 31, 8, 0))
    assert (run.kind, str(run.on), run.status, run.messages) == ("reminder", "2024-12-31", "done", 2)
    messages = inbox("reminder")
    assert set(messages) == {"wangfang", "zhuli"}  # the judge, and the assistant granted her cases
    work = my_work(world.judge)
    data = messages["wangfang"].data
    assert data["total"] == len(work.items) == 11
    assert [(i["kind"], i["case_number"]) for i in data["items"]] == [
        (i.kind, i.case_number) for i in work.items
    ]
    assert data["counts"]["overdue"] == 2 and data["counts"]["step_overdue"] == 1
    # Looked at again, by this process or another: nothing more.
    assert run_due(at(2024, 12, 31, 8, 1)) == [] and run_due(at(2024, 12, 31, 17, 0)) == []
    assert Message.objects.count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        Run.objects.create(kind="reminder", on=run.on, due_at=run.due_at, status="done")
    record = AuditRecord.objects.get(action="cadence_produced")
    assert (record.object_type, record.object_id, record.court_code, record.after) == (
        "cadence_reminder", "2024-12-31", "甘1002", {"messages": 2},
    )  # fmt: skip


def test_after_a_stop_the_latest_reminder_and_list_are_produced_when_the_day_s_figures_are(
    world: HomeWorld,
) -> None:
    run_due(at(2024, 12, 31, 9, 0))
    # Down until Monday 2025-01-06: 01-01 a holiday, 01-02 and 01-03 working days, the list due on Monday.
    # At 09:00 the snapshot is still the 31st's: the day's reminder and list wait for the night's snapshot. The
    # bulletin and the monthly report of the 1st, missed, are produced as of their own day.
    assert [(r.kind, str(r.on)) for r in run_due(at(2025, 1, 6, 9, 0))] == [
        ("bulletin", "2025-01-01"),
        ("report", "2025-01-01"),
    ]
    superseded = Run.objects.filter(status="superseded").values_list("kind", "on")
    assert sorted((kind, str(on)) for kind, on in superseded) == [
        ("reminder", "2025-01-02"),
        ("reminder", "2025-01-03"),
    ]
    # Six hours after their time they go with the snapshot there is.
    produced = run_due(at(2025, 1, 6, 14, 31))
    assert sorted((r.kind, str(r.on)) for r in produced) == [
        ("list", "2025-01-06"),
        ("reminder", "2025-01-06"),
    ]
    # The president is 103's supervising leader: two plan steps overdue (the first since 12-28).
    lists = inbox("list")
    assert set(lists) == {"yuanzhang"}
    [item] = lists["yuanzhang"].data["items"]
    assert (item["case_number"], item["step_due_on"], item["step"], item["days_over"]) == (
        number(103), "2024-12-28", "开庭", 9,
    )  # fmt: skip
    assert Message.objects.filter(kind="reminder").count() == 4  # the 31st's and the 6th's, two people each


def test_a_run_left_unfinished_by_a_stopped_process_is_taken_up_once(world: HomeWorld) -> None:
    due = at(2024, 12, 31, 8, 0)
    Run.objects.create(kind="reminder", on=due.date(), due_at=due, status="running", started_at=due)
    assert run_due(at(2024, 12, 31, 8, 10)) == []  # still being produced, by someone else
    [run] = run_due(due + STALE_AFTER + STALE_AFTER)
    assert run.status == "done" and Message.objects.filter(kind="reminder").count() == 2


def test_the_inbox_reads_the_messages_in_words_and_counts_the_unread(
    client: Client, world: HomeWorld
) -> None:
    run_due(at(2024, 12, 31, 8, 0))
    assert client.login(username="wangfang", password=PASSWORD)
    page = client.get("/inbox/").content.decode()
    assert "收件箱 (1)" in page and "日提醒" in page and "待办 11 项" in page and "已超审限 2" in page
    message = Message.objects.get(person=world.judge)
    opened = client.get(f"/inbox/{message.pk}/").content.decode()
    assert number(104) in opened and "逾期133日" in opened and "收件箱 (1)" not in opened
    message.refresh_from_db()
    assert message.read_at is not None
    client.cookies["django_language"] = "en"
    english = client.get("/inbox/").content.decode()
    assert "Inbox" in english and "Daily reminder" in english and "11 items due: " in english
    assert "reminder_headline" not in english and ">reminder<" not in english
    # Another person's message is not found.
    other = Message.objects.get(person=world.assistant)
    assert client.get(f"/inbox/{other.pk}/").status_code == 404


@pytest.mark.parametrize("day", [date(2024, 12, 31), date(2024, 12, 10), date(2025, 1, 20)])
def test_the_reminders_work_for_everyone_at_once_is_each_one_s_my_work(db: None, day: date) -> None:
    """The reminders read everyone's work at once (due_work_many); each person's equals their home page's, for
    every role, own cases, a division, grants of a judge or a division in another court, a whole court's grant."""
    build_world()
    create_home_world()
    people = [make_attacker("甘1002", role) for role in Role]
    people += [
        do_create_user(
            f"many-{role.value}", PASSWORD, name=name, court_code="甘10", role=role, division=division
        )
        for role, name, division in (
            (Role.JUDGE, "孙八", None),
            (Role.DIVISION_HEAD, "庭长", DIVISIONS["甘10"]),
            (Role.ASSISTANT, "书记员", None),
        )
    ]
    do_grant("many-assistant", court_code="甘1027", judge="赵磊")
    do_grant("many-assistant", court_code="甘1027", division="民一庭")
    do_grant("many-judge", court_code="甘1027")  # a whole court: read, not work
    everyone = list(Person.objects.select_related("court", "division").order_by("pk"))
    many = work_of_many(everyone, day)
    assert {person.pk: my_work(person, day) for person in everyone} == many
    assert sum(len(work.items) for work in many.values()) > 30  # a world with work in it
