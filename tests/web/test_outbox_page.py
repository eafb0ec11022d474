"""The delivery failures page (投递失败, /outbox/; issue 13 "Delivery": "the trial management office sees failures on
a page"): the failing and failed deliveries of the courts the office sees, in Chinese and English; a failed one
sent again (audited); who may not (web/outbox_views.py; docs/cadence.md "Delivery")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from django.test import Client
from django.urls import reverse

from qingji.audit.models import AuditRecord
from qingji.cadence.delivery_texts import DOCUMENT_PATH, INBOX_MESSAGE_PATH, INBOX_PATH
from qingji.cadence.models import Delivery
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db
AT = datetime(2024, 12, 31, 0, 0, tzinfo=UTC)
ERROR = "无法通过邮件服务器发送 / cannot send through the relay 127.0.0.1:25: Connection refused"


def delivery(
    court: str,
    recipient: str,
    status: str,
    *,
    channel: str = "email",
    kind: str = "reminder",
    error: str = ERROR,
) -> Delivery:
    return Delivery.objects.create(key=f"{channel}:{court}:{recipient}:{status}", channel=channel, recipient=recipient,
                                   court_code=court, kind=kind, on=date(2024, 12, 31), status=status, attempts=7,
                                   due_at=AT, next_try_at=AT, last_error="" if status == "sent" else error)  # fmt: skip


@pytest.fixture
def deliveries(cases: None) -> dict[str, Delivery]:
    return {
        "failed": delivery("甘1002", "wangfang@court.local", "failed"),
        "retrying": delivery("甘1002", "审管办群", "pending", channel="dingtalk", kind="bulletin"),
        "sent": delivery("甘1002", "lina@court.local", "sent"),
        "waiting": delivery("甘1002", "new@court.local", "pending", kind="list", error=""),
        "other": delivery("甘1027", "zhaolei@court.local", "failed", channel="wecom"),
        "high": delivery("甘10", "office@court.local", "failed", kind="list"),
    }


def rows(page: str) -> list[str]:
    return [line for line in page.split("<tr ") if "data-delivery" in line]


def test_the_office_sees_the_failures_of_its_courts_in_words(
    deliveries: dict[str, Delivery], login: Callable[..., Client]
) -> None:
    client = login("甘1002", Role.TRIAL_MANAGEMENT)
    page = client.get("/outbox/").content.decode()
    shown = rows(page)
    assert (
        len(shown) == 2
    )  # the failed and the retrying one of 甘1002; not the sent, the first try, other courts
    assert "投递失败" in page and "wangfang@court.local" in page and "审管办群" in page
    assert "zhaolei@court.local" not in page and "office@court.local" not in page and "lina@" not in page
    failed = next(row for row in shown if "wangfang" in row)
    assert "电子邮件" in failed and "日提醒" in failed and "已放弃" in failed and ERROR in failed
    assert "重新发送" in failed and "2024-12-31" in failed and ">7<" in failed
    retrying = next(row for row in shown if "审管办群" in row)
    assert "钉钉群" in retrying and "<td>通报<" in retrying and "将于 2024-12-31 08:00 重试" in retrying
    assert "重新发送" not in retrying
    client.cookies["django_language"] = "en"
    english = client.get("/outbox/").content.decode()
    assert "Delivery failures" in english and "Given up" in english and "Send again" in english
    assert (
        "DingTalk group" in english and "Next try at 2024-12-31 08:00" in english and ">Bulletin<" in english
    )
    assert ">failed<" not in english and ">email<" not in english and "outbox_" not in english


def test_the_intermediate_court_s_office_sees_its_courts_below(
    deliveries: dict[str, Delivery], login: Callable[..., Client]
) -> None:
    page = login("甘10", Role.TRIAL_MANAGEMENT).get("/outbox/").content.decode()
    assert len(rows(page)) == 4  # its own, and 甘1002's and 甘1027's
    assert "office@court.local" in page and "zhaolei@court.local" in page


def test_a_failed_delivery_is_sent_again_and_audited(
    deliveries: dict[str, Delivery], login: Callable[..., Client]
) -> None:
    client = login("甘1002", Role.TRIAL_MANAGEMENT)
    failed = deliveries["failed"]
    url = reverse("web:outbox_retry", args=[failed.pk])
    assert url == f"/outbox/{failed.pk}/retry/"
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == "/outbox/"
    failed.refresh_from_db()
    assert failed.status == "pending" and failed.next_try_at > AT and failed.due_at == failed.next_try_at
    record = AuditRecord.objects.get(action="delivery_retried")
    assert (record.object_type, record.object_id, record.court_code, record.after) == (
        "cadence_delivery", str(failed.pk), "甘1002", {"recipient": "wangfang@court.local", "attempts": 7},
    )  # fmt: skip
    assert "将于" in client.get("/outbox/").content.decode()
    client.post(url)  # not failed any more: nothing changes, nothing audited
    assert AuditRecord.objects.filter(action="delivery_retried").count() == 1
    # Another court's delivery is not found; nothing changes.
    other = deliveries["other"]
    assert client.post(reverse("web:outbox_retry", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.status == "failed"


@pytest.mark.parametrize(
    "role", [role for role in Role if role not in (Role.TRIAL_MANAGEMENT, Role.ADMINISTRATOR)]
)
def test_the_other_roles_may_not(
    deliveries: dict[str, Delivery], login: Callable[..., Client], role: Role
) -> None:
    client = login("甘1002", role)
    assert client.get("/outbox/").status_code == 403
    assert client.post(reverse("web:outbox_retry", args=[deliveries["failed"].pk])).status_code == 403
    assert Delivery.objects.get(pk=deliveries["failed"].pk).status == "failed"


def test_the_administrator_may(deliveries: dict[str, Delivery], login: Callable[..., Client]) -> None:
    client = login("甘1002", Role.ADMINISTRATOR)
    assert len(rows(client.get("/outbox/").content.decode())) == 2
    assert client.post(reverse("web:outbox_retry", args=[deliveries["failed"].pk])).status_code == 302


def test_an_account_of_no_court_may_not(db: None, client: Client) -> None:
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("clerk", password="pw-12345678"))
    assert client.get("/outbox/").status_code == 403


def test_the_links_of_the_messages_are_the_pages_paths() -> None:
    assert reverse("web:inbox") == INBOX_PATH
    assert INBOX_MESSAGE_PATH.format(id=12) == reverse("web:inbox_message", args=[12])
    for fmt in ("docx", "pdf"):
        assert DOCUMENT_PATH.format(id=5, fmt=fmt) == reverse("web:document_file", args=[5, fmt])
