"""WeCom and DingTalk group robots through a real local HTTP receiver (issue 13 "Delivery"): one post per run, kind
and court the robot serves, with the headline figures and a link; DingTalk's signature; a receiver answering 500
or a non-zero errcode, then taking it — delivered once, nothing lost; about 20 posts a minute a robot
(qingji.cadence.outbox, qingji.cadence.channels_robot; docs/cadence.md "Delivery")."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from delivery_servers import Receiver, dingtalk_sign, receiver_fixture  # noqa: F401 (the fixtures)
from outbox_world import SITE, T0, SiteFile, minutes, people, produce, robot, settings_text

from qingji.cadence.channels_robot import signed_url
from qingji.cadence.models import Delivery
from qingji.cadence.outbox import deliver_due
from qingji.site.delivery_settings import RobotSettings

pytestmark = pytest.mark.django_db
DAY = date(2024, 12, 31)
BULLETIN = {
    "number": 3, "in_scope": 120, "cleared": 54, "remaining": 66, "clearance_rate": 0.45, "cleared_since": 9,
    "previous": "2024-12-21", "behind": 4, "overdue": 5, "ten_month": 7, "new_backlog": 2, "ranked": 2,
    "places": {"甘1002": [2, True, True], "甘1027": [1, False, False]}, "last_place": ["西峰区人民法院"],
    "document": 41, "campaign": 7, "campaign_name": "半年清积",
}  # fmt: skip


def test_a_wecom_robot_posts_once_per_run_for_each_court_it_serves(
    receiver: Receiver, site_file: SiteFile
) -> None:
    site_file(settings_text(robots=robot("西峰区法院群", "wecom", receiver.url("/wecom/send?key=K1"),
                                         courts='["甘1002"]', kinds='["reminder"]')
                            + robot("通报群", "wecom", receiver.url("/wecom/send?key=K2"), kinds='["bulletin"]')))  # fmt: skip
    persons = people()
    produce("reminder", DAY, persons.values())  # three people of 甘1002, one of 甘1027
    assert list(Delivery.objects.values_list("key", "channel", "recipient", "court_code")) == [
        ("robot:西峰区法院群:reminder:2024-12-31:甘1002", "wecom", "西峰区法院群", "甘1002"),
    ]
    deliver_due(T0)
    [post] = receiver.posts
    assert post.path == "/wecom/send" and post.query == {"key": ["K1"]}
    assert post.body["msgtype"] == "markdown"
    content = post.body["markdown"]["content"]
    assert content.startswith("### 日提醒 · 2024-12-31 · 庆阳市西峰区人民法院")
    assert "有待办的人员：3 人" in content and "待办事项共 9 项：已超审限 6 项，7日内届满 3 项" in content
    assert f"[登录清积查看]({SITE}/inbox/)" in content
    assert "wangfang" not in content  # a summary for the group, no one named
    deliver_due(T0 + minutes(10))
    assert len(receiver.posts) == 1 and Delivery.objects.get().status == "sent"


def test_a_bulletin_is_posted_with_its_figures_and_the_document_s_links(
    receiver: Receiver, site_file: SiteFile
) -> None:
    site_file(settings_text(robots=robot("通报群", "dingtalk", receiver.url("/dingtalk/send?access_token=T"),
                                         courts='["甘1002"]')))  # fmt: skip
    persons = people()
    produce("bulletin", DAY, [persons["wangfang"], persons["lina"]], data=BULLETIN)
    deliver_due(T0)
    [post] = receiver.posts
    markdown = post.body["markdown"]
    assert markdown["title"] == "十日通报 · 2024-12-31 · 庆阳市西峰区人民法院"
    text = markdown["text"]
    assert "**半年清积** 第3期" in text
    assert "纳入 120 件，已结 54 件，未结 66 件，清积率 45.00%；本期清结 9 件" in text
    assert "超审限 5 件，审理满10个月 7 件，新增积案 2 件" in text
    assert "本院在 2 个法院中排第 2 名，被末位警示" in text and "末位警示：西峰区人民法院" in text
    assert f"[下载 Word]({SITE}/documents/41/docx/) · [下载 PDF]({SITE}/documents/41/pdf/)" in text


def test_dingtalk_s_signature_is_checked_by_the_receiver(receiver: Receiver, site_file: SiteFile) -> None:
    receiver.secrets = {"GOOD": "SEC-good", "BAD": "SEC-other"}
    site_file(settings_text(robots=robot("钉钉群", "dingtalk", receiver.url("/dingtalk/send?access_token=GOOD"),
                                         secret="SEC-good", kinds='["reminder"]')
                            + robot("错钥群", "dingtalk", receiver.url("/dingtalk/send?access_token=BAD"),
                                    secret="SEC-wrong", kinds='["reminder"]')))  # fmt: skip
    produce("reminder", DAY, [people()["wangfang"]])
    deliver_due(T0)
    [post] = receiver.posts
    assert post.query["access_token"] == ["GOOD"]
    assert post.query["sign"] == [dingtalk_sign("SEC-good", post.query["timestamp"][0])]
    wrong = Delivery.objects.get(recipient="错钥群")
    assert wrong.status == "pending" and "errcode 310000 sign not match" in wrong.last_error
    assert Delivery.objects.get(recipient="钉钉群").status == "sent"


def test_the_signature_is_dingtalk_s() -> None:
    """The signature of DingTalk's documentation: HMAC-SHA256 of "timestamp\\nsecret", base64, URL-encoded."""
    robot = RobotSettings(
        "群", "dingtalk", "http://gw.court.local/robot/send?access_token=abc", secret="SECxyz"
    )
    url = signed_url(robot, 1700000000000)
    query = parse_qs(urlsplit(url).query)
    assert query["timestamp"] == ["1700000000000"]
    assert query["sign"] == [dingtalk_sign("SECxyz", "1700000000000")]
    assert "+" not in url.split("sign=")[1] and url.startswith(
        "http://gw.court.local/robot/send?access_token=abc&"
    )
    assert signed_url(RobotSettings("群", "wecom", "http://gw/x?key=1")) == "http://gw/x?key=1"


def test_a_robot_answering_500_then_an_errcode_then_ok_gets_the_post_once(
    receiver: Receiver, site_file: SiteFile
) -> None:
    site_file(settings_text(robots=robot("群", "wecom", receiver.url("/wecom/send?key=K"))))
    produce("reminder", DAY, people().values())  # a post for 甘1002, one for 甘1027
    receiver.answers = [(500, 0), (500, 0), (200, 93000), (200, 45009)]
    deliver_due(T0)
    assert [d.last_error for d in Delivery.objects.order_by("court_code")] == [
        "机器人接口返回 HTTP 500 / the robot answered HTTP 500",
    ] * 2
    deliver_due(T0 + minutes(1))
    assert sorted(d.last_error for d in Delivery.objects.all()) == [
        "机器人拒绝了消息 / the robot refused the message: errcode 45009 refused by the test",
        "机器人拒绝了消息 / the robot refused the message: errcode 93000 refused by the test",
    ]
    assert not receiver.posts
    deliver_due(T0 + minutes(3))
    assert sorted(p.body["markdown"]["content"].split("\n")[0] for p in receiver.posts) == [
        "### 日提醒 · 2024-12-31 · 庆阳市西峰区人民法院", "### 日提醒 · 2024-12-31 · 镇原县人民法院",
    ]  # fmt: skip
    deliver_due(T0 + minutes(60))
    assert len(receiver.posts) == 2 and set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


def test_a_robot_down_loses_nothing(receiver: Receiver, site_file: SiteFile) -> None:
    site_file(settings_text(robots=robot("群", "wecom", "http://127.0.0.1:9/unreachable?key=K")))
    produce("reminder", DAY, [people()["wangfang"]])
    deliver_due(T0)
    down = Delivery.objects.get()
    assert down.status == "pending" and down.last_error.startswith(
        "无法连接机器人接口 / cannot reach the robot"
    )
    site_file(
        settings_text(robots=robot("群", "wecom", receiver.url("/wecom/send?key=K")))
    )  # back, elsewhere
    deliver_due(T0 + minutes(1))
    assert len(receiver.posts) == 1 and Delivery.objects.get().status == "sent"


def test_a_robot_gets_20_posts_a_minute_and_the_rest_after(receiver: Receiver, site_file: SiteFile) -> None:
    site_file(
        settings_text(robots=robot("群", "wecom", receiver.url("/wecom/send?key=K"), courts='["甘1002"]'))
    )
    wangfang = people()["wangfang"]
    for day in range(25):  # 25 runs due for the one robot
        produce("reminder", DAY - timedelta(days=day), [wangfang])
    assert Delivery.objects.count() == 25
    deliver_due(T0)
    assert len(receiver.posts) == 20
    deliver_due(T0 + timedelta(seconds=30))  # another round, another process: the records say 20 this minute
    assert len(receiver.posts) == 20
    deliver_due(T0 + timedelta(seconds=61))
    assert len(receiver.posts) == 25 and set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    assert len({p.body["markdown"]["content"] for p in receiver.posts}) == 25  # each once


def test_the_rate_follows_the_settings_and_holds_each_robot_apart(
    receiver: Receiver, site_file: SiteFile
) -> None:
    robots = robot("甲群", "wecom", receiver.url("/wecom/a?key=A")) + robot(
        "乙群", "wecom", receiver.url("/wecom/b?key=B")
    )
    site_file(settings_text(robots=robots, extra="robot_rate = 3"))
    wangfang = people()["wangfang"]
    for day in range(5):
        produce("reminder", DAY - timedelta(days=day), [wangfang])
    deliver_due(T0)
    assert sorted(p.path for p in receiver.posts) == ["/wecom/a"] * 3 + ["/wecom/b"] * 3
    deliver_due(T0 + minutes(1.1))
    assert len(receiver.posts) == 10
