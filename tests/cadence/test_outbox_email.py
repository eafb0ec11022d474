"""E-mail through a real local SMTP relay (aiosmtpd; issue 13 "Delivery"): each message mailed once to its person,
a relay down or refusing loses nothing and delivers when it is back, the back-off and the giving up after 24 hours,
a claim left by a process that stopped taken up once (qingji.cadence.outbox; docs/cadence.md "Delivery")."""

from __future__ import annotations

from datetime import date

import pytest
from delivery_servers import Relay, relay_fixture  # noqa: F401 (the fixtures)
from outbox_world import SITE, T0, SiteFile, minutes, people, produce, settings_text

from qingji.audit.models import AuditRecord
from qingji.cadence.models import Delivery, Message
from qingji.cadence.outbox import STALE_CLAIM, _claim, deliver_due
from qingji.cadence.outbox_enqueue import enqueue

pytestmark = pytest.mark.django_db
DAY = date(2024, 12, 31)


def test_each_message_is_mailed_once_to_its_person_with_its_figures_and_link(
    relay: Relay, site_file: SiteFile
) -> None:
    site_file(settings_text(smtp_port=relay.port))
    persons = people()
    run = produce("reminder", DAY, persons.values())
    # zhangwei has no address: no e-mail (not a failure); the others one each
    assert sorted(Delivery.objects.values_list("recipient", flat=True)) == [
        "lina@court.local", "wangfang@court.local", "zhaolei@court.local",
    ]  # fmt: skip
    done = deliver_due(T0)
    assert sum(done.sent.values()) == 3 and relay.to() == [
        "lina@court.local", "wangfang@court.local", "zhaolei@court.local",
    ]  # fmt: skip
    mail = next(m for m in relay.mails if m["To"] == "wangfang@court.local")
    message = Message.objects.get(person=persons["wangfang"])
    assert mail["Subject"] == "【清积】日提醒（2024-12-31）：待办 3 项"
    assert mail["From"] == "qingji@court.local"
    body = mail.get_content()
    assert "已超审限 2 项" in body and "7日内届满 1 项" in body
    assert "1. （2024）甘1002民初2号　已超审限　2024-09-01　逾期121日" in body
    assert f"在收件箱中查看：{SITE}/inbox/{message.pk}/" in body
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    # Looked at again, the run taken up again: nothing more is written or sent.
    assert enqueue(run, T0) == 3 and Delivery.objects.count() == 3
    assert deliver_due(T0 + minutes(5)).total == 0 and len(relay.mails) == 3
    records = AuditRecord.objects.filter(action="delivery_sent").order_by("court_code")
    assert [(r.object_type, r.court_code, r.after) for r in records] == [
        ("cadence_delivery", "甘1002", {"sent": 2}), ("cadence_delivery", "甘1027", {"sent": 1}),
    ]  # fmt: skip


def test_a_relay_that_is_down_loses_nothing_and_delivers_once_when_it_is_back(
    relay: Relay, site_file: SiteFile
) -> None:
    site_file(settings_text(smtp_port=relay.port))
    produce("reminder", DAY, people().values())
    relay.stop()
    done = deliver_due(T0)
    assert sum(done.retrying.values()) == 3 and not done.sent
    pending = Delivery.objects.get(recipient="lina@court.local")
    assert (pending.status, pending.attempts, pending.next_try_at) == ("pending", 1, T0 + minutes(1))
    assert pending.last_error.startswith("无法通过邮件服务器发送 / cannot send through the relay 127.0.0.1:")
    assert deliver_due(T0 + minutes(0.5)).total == 0  # not before its time
    assert sum(deliver_due(T0 + minutes(1)).retrying.values()) == 3  # still down: the 2nd attempt
    assert set(Delivery.objects.values_list("next_try_at", flat=True)) == {T0 + minutes(3)}
    relay.start()
    assert sum(deliver_due(T0 + minutes(3)).sent.values()) == 3
    assert relay.to() == ["lina@court.local", "wangfang@court.local", "zhaolei@court.local"]
    assert deliver_due(T0 + minutes(120)).total == 0 and len(relay.mails) == 3
    sent = Delivery.objects.get(recipient="lina@court.local")
    assert (sent.status, sent.attempts, sent.last_error, sent.sent_at) == ("sent", 3, "", T0 + minutes(3))


def test_a_relay_refusing_for_a_while_is_tried_again_and_a_recipient_refused_for_good_is_given_up(
    relay: Relay, site_file: SiteFile
) -> None:
    site_file(settings_text(smtp_port=relay.port))
    persons = people()
    produce("reminder", DAY, [persons["wangfang"]])
    relay.refuse = 1  # 451: the relay is busy
    deliver_due(T0)
    delivery = Delivery.objects.get()
    assert delivery.status == "pending" and "451" in delivery.last_error and not relay.mails
    deliver_due(T0 + minutes(1))
    assert relay.to() == ["wangfang@court.local"] and Delivery.objects.get().status == "sent"

    class Refusing(Relay):
        async def handle_RCPT(self, server, session, envelope, address, options):  # type: ignore[no-untyped-def]
            return "550 5.1.1 no such user"

    refusing = Refusing()
    refusing.start()
    try:
        site_file(settings_text(smtp_port=refusing.port))
        produce("list", DAY, [persons["lina"]])
        deliver_due(T0)
        failed = Delivery.objects.get(kind="list")
        assert failed.status == "failed" and failed.attempts == 1
        assert "550" in failed.last_error and "refused the recipient" in failed.last_error
    finally:
        refusing.stop()


def test_the_back_off_waits_1_2_5_15_60_minutes_then_every_hour_and_gives_up_after_24_hours(
    relay: Relay, site_file: SiteFile
) -> None:
    site_file(settings_text(smtp_port=relay.port))
    produce("reminder", DAY, [people()["wangfang"]])
    relay.stop()
    moment, waits = T0, []
    while True:
        deliver_due(moment)
        delivery = Delivery.objects.get()
        if delivery.status == "failed":
            break
        waits.append(int((delivery.next_try_at - moment).total_seconds() // 60))
        moment = delivery.next_try_at
    assert waits[:6] == [1, 2, 5, 15, 60, 60] and set(waits[5:]) == {60}
    assert moment - T0 >= minutes(24 * 60) > moment - T0 - minutes(60)  # the first try after 24 hours
    assert delivery.attempts == len(waits) + 1 and delivery.last_error
    relay.start()
    assert deliver_due(moment + minutes(600)).total == 0 and not relay.mails  # given up: the office may retry


def test_the_back_off_and_the_give_up_follow_the_settings(relay: Relay, site_file: SiteFile) -> None:
    site_file(settings_text(smtp_port=relay.port, extra="retry_minutes = [3, 7]\ngive_up_hours = 1"))
    produce("reminder", DAY, [people()["wangfang"]])
    relay.stop()
    deliver_due(T0)
    assert Delivery.objects.get().next_try_at == T0 + minutes(3)
    deliver_due(T0 + minutes(3))
    assert Delivery.objects.get().next_try_at == T0 + minutes(10)
    deliver_due(T0 + minutes(10))
    assert Delivery.objects.get().next_try_at == T0 + minutes(17)
    deliver_due(T0 + minutes(60))
    assert Delivery.objects.get().status == "failed"


def test_a_claim_left_by_a_process_that_stopped_is_taken_up_once_after_the_stale_time(
    relay: Relay, site_file: SiteFile
) -> None:
    site_file(settings_text(smtp_port=relay.port))
    produce("reminder", DAY, [people()["wangfang"]])
    delivery = Delivery.objects.get()
    assert _claim(delivery, T0)  # a process claimed it, then stopped before it sent it
    assert deliver_due(T0 + minutes(5)).total == 0 and not relay.mails  # being sent, for all we know
    assert sum(deliver_due(T0 + STALE_CLAIM + minutes(1)).sent.values()) == 1
    assert relay.to() == ["wangfang@court.local"]
    assert Delivery.objects.get().attempts == 2
    assert deliver_due(T0 + minutes(60)).total == 0 and len(relay.mails) == 1


def test_of_two_senders_reading_the_same_delivery_one_alone_claims_it(site_file: SiteFile) -> None:
    site_file(settings_text(smtp_port=25))
    produce("reminder", DAY, [people()["wangfang"]])
    first, second = Delivery.objects.get(), Delivery.objects.get()
    assert _claim(first, T0) and not _claim(second, T0)
    assert Delivery.objects.get().attempts == 1


def test_no_channel_configured_means_the_inbox_alone() -> None:
    produce("reminder", DAY, people().values())
    assert Message.objects.count() == 4 and not Delivery.objects.exists()
    assert deliver_due(T0).total == 0
