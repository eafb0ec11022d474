"""The outbox on the schedule (issue 13 "Delivery"): a run's deliveries written with its messages, once however often
the run is looked at or taken up again; the clock's tick sends them, and an error in the schedule does not stop the
sending nor one in the sending the schedule (qingji.cadence.runner, qingji.server.cadence_clock)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
import time_machine
from delivery_servers import Receiver, Relay, receiver_fixture, relay_fixture  # noqa: F401 (the fixtures)
from outbox_world import SHANGHAI, SiteFile, robot, settings_text

from court_cases import create_court_system
from home_world import HomeWorld, create_home_world
from qingji.cadence.models import Delivery, Message, Run
from qingji.cadence.outbox import Round
from qingji.cadence.runner import STALE_AFTER, run_due
from qingji.server import cadence_clock

pytestmark = pytest.mark.django_db


def at(hour: int, minute: int) -> datetime:
    return datetime(2024, 12, 31, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def world(db: None) -> HomeWorld:
    create_court_system()
    made = create_home_world()  # its snapshot is of Tuesday 2024-12-31; 王芳 and her assistant have work
    for person, address in ((made.judge, "wangfang@court.local"), (made.assistant, "")):
        person.user.email = address
        person.user.save(update_fields=["email"])
    return made


def test_a_run_s_deliveries_are_written_with_its_messages_once(
    world: HomeWorld, relay: Relay, receiver: Receiver, site_file: SiteFile
) -> None:
    site_file(
        settings_text(smtp_port=relay.port, robots=robot("群", "wecom", receiver.url("/wecom/send?key=K")))
    )
    [run] = run_due(at(8, 0))
    assert run.messages == 2  # the judge and her assistant
    rows = list(Delivery.objects.order_by("key").values_list("key", "recipient", "status"))
    message = Message.objects.get(person=world.judge)
    assert rows == [
        (f"email:{message.key}:wangfang@court.local", "wangfang@court.local", "pending"),
        ("robot:群:reminder:2024-12-31:甘1002", "群", "pending"),
    ]
    robot_delivery = Delivery.objects.get(channel="wecom")
    assert robot_delivery.messages.count() == 2 and robot_delivery.run == run
    assert run_due(at(8, 1)) == [] and Delivery.objects.count() == 2
    # The clock's tick sends them (at 08:02: nothing more is due).
    with time_machine.travel(at(8, 2), tick=False):
        cadence_clock.tick()
    assert relay.to() == ["wangfang@court.local"] and len(receiver.posts) == 1
    assert "待办 11 项" in relay.mails[0]["Subject"]


def test_a_run_taken_up_again_writes_no_delivery_twice(
    world: HomeWorld, relay: Relay, site_file: SiteFile
) -> None:
    site_file(settings_text(smtp_port=relay.port))
    due = at(8, 0)
    Run.objects.create(kind="reminder", on=due.date(), due_at=due, status="running", started_at=due)
    [run] = run_due(due + STALE_AFTER + STALE_AFTER)
    assert run.status == "done" and Delivery.objects.count() == 1
    Run.objects.filter(pk=run.pk).update(
        status="running", started_at=due
    )  # as if it had stopped before "done"
    run_due(due + 4 * STALE_AFTER)
    assert Message.objects.filter(kind="reminder").count() == 2 and Delivery.objects.count() == 1


def test_an_error_in_the_schedule_does_not_stop_the_sending_nor_the_reverse(
    world: HomeWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: list[str] = []

    def broken(*args: Any, **kwargs: Any) -> Any:
        called.append("broken")
        raise RuntimeError("broken")

    monkeypatch.setattr(cadence_clock, "run_due", broken)

    def delivered() -> Round:
        called.append("delivered")
        return Round()

    monkeypatch.setattr(cadence_clock, "deliver_due", delivered)
    assert cadence_clock.tick() == cadence_clock.Look(0, Round()) and called == ["broken", "delivered"]
    monkeypatch.setattr(cadence_clock, "run_due", lambda: [1, 2])
    monkeypatch.setattr(cadence_clock, "deliver_due", broken)
    assert cadence_clock.tick() == cadence_clock.Look(2, None)
