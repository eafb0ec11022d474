"""The delivery in the site settings file (qingji.site.delivery_settings; issue 13 "Delivery"): no channel by default,
every key read, every bad value refused naming the file, the key, the value and the reason, the secrets hidden in
the values in force."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qingji.cadence.schedule import Kind
from qingji.site.delivery_settings import (
    DEFAULT_DELIVERY,
    KIND_NAMES,
    RobotSettings,
    SmtpSettings,
    hidden_query,
)
from qingji.site.settings_file import DEFAULT_SOURCE, SiteSettingsError, read_site_settings

EVERY_KEY = """
[delivery]
site_url = "http://qingji.court.local:8000/"
robot_rate = 10
retry_minutes = [2, 10]
give_up_hours = 48
timeout_seconds = 5

[delivery.smtp]
host = "mail.court.local"
port = 587
security = "starttls"
user = "qingji"
password_file = "smtp-password"
from = "qingji@court.local"
kinds = ["reminder", "bulletin"]

[[delivery.robots]]
name = "审管办群"
kind = "wecom"
webhook = "http://gw.court.local/cgi-bin/webhook/send?key=SECRET-KEY"
courts = ["甘10", "甘1002"]
kinds = ["bulletin", "report"]

[[delivery.robots]]
name = "院领导群"
kind = "dingtalk"
webhook = "https://oapi.dingtalk.com/robot/send?access_token=TOKEN"
secret = "SEC-123"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_kinds_are_those_of_the_schedule() -> None:
    assert tuple(Kind) == KIND_NAMES


def test_no_section_means_the_inbox_alone(tmp_path: Path) -> None:
    settings = read_site_settings(tmp_path / "absent.toml", environ={})
    assert settings.delivery == DEFAULT_DELIVERY and not settings.delivery.configured
    assert (DEFAULT_DELIVERY.robot_rate, DEFAULT_DELIVERY.retry_minutes) == (20, (1, 2, 5, 15, 60))
    assert (DEFAULT_DELIVERY.give_up_hours, DEFAULT_DELIVERY.site_url) == (24, "")
    delivery = {s.key: (s.value, s.source) for s in settings.values if s.key.startswith("delivery.")}
    assert delivery["delivery.smtp"] == ({}, DEFAULT_SOURCE) and delivery["delivery.robots"] == (
        [],
        DEFAULT_SOURCE,
    )


def test_every_key_is_read_and_the_secrets_are_hidden_in_the_values_in_force(tmp_path: Path) -> None:
    path = write(tmp_path, EVERY_KEY)
    (tmp_path / "smtp-password").write_text("pass word\n", encoding="utf-8")
    settings = read_site_settings(path, environ={})
    delivery = settings.delivery
    assert delivery.site_url == "http://qingji.court.local:8000"
    assert delivery.smtp == SmtpSettings("mail.court.local", 587, "starttls", "qingji", "smtp-password",
                                         "qingji@court.local", ("reminder", "bulletin"), "pass word")  # fmt: skip
    assert delivery.robots == (
        RobotSettings("审管办群", "wecom", "http://gw.court.local/cgi-bin/webhook/send?key=SECRET-KEY", "",
                      ("甘10", "甘1002"), ("bulletin", "report")),
        RobotSettings("院领导群", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=TOKEN", "SEC-123",
                      (), KIND_NAMES),
    )  # fmt: skip
    assert (delivery.robot_rate, delivery.retry_minutes, delivery.give_up_hours, delivery.timeout_seconds) == (
        10, (2, 10), 48, 5,
    )  # fmt: skip
    assert delivery.robots[0].serves("甘10", "bulletin") and not delivery.robots[0].serves(
        "甘1027", "bulletin"
    )
    assert not delivery.robots[0].serves("甘10", "reminder") and delivery.robots[1].serves(
        "甘1027", "reminder"
    )
    shown = json.dumps(settings.in_force(), ensure_ascii=False)
    for secret in ("SECRET-KEY", "TOKEN", "SEC-123", "pass word"):
        assert secret not in shown
    assert '"secret": "******"' in shown and "send?key=***" in shown and "access_token=***" in shown
    assert {s.source for s in settings.values if s.key.startswith("delivery.")} == {str(path)}


def test_the_port_follows_the_security(tmp_path: Path) -> None:
    for security, port in (("none", 25), ("starttls", 587), ("ssl", 465)):
        text = f'[delivery.smtp]\nhost = "m"\nsecurity = "{security}"\nfrom = "a@b"\n'
        smtp = read_site_settings(write(tmp_path, text), environ={}).delivery.smtp
        assert smtp is not None and smtp.port == port


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ('[delivery]\nsite_url = "qingji.court.local"', "delivery.site_url = 'qingji.court.local': 应为 http:// 或 https:// 开头的网址"),
        ("[delivery]\nrobot_rate = 0", "delivery.robot_rate = 0: 应为每分钟 1 至 600 条"),
        ("[delivery]\nretry_minutes = []", "delivery.retry_minutes = []: 应为 1 至 1440 分钟的非空列表"),
        ("[delivery]\ngive_up_hours = true", "delivery.give_up_hours = True: 应为 1 至 720 小时"),
        ("[delivery]\nsend_to = 1", "delivery.send_to = 1: 未知的设置项"),
        ('[delivery.smtp]\nhost = "m"\nsecurity = "tls"\nfrom = "a@b"', "delivery.smtp.security = 'tls': 应为 none、starttls 或 ssl"),
        ('[delivery.smtp]\nhost = "m"\nport = 70000\nfrom = "a@b"', "delivery.smtp.port = 70000: 应为 1 至 65535 的端口号"),
        ('[delivery.smtp]\nhost = "m"', "delivery.smtp.from = '': 应为非空的文字"),
        ('[delivery.smtp]\nhost = "m"\nfrom = "nobody"', "delivery.smtp.from = 'nobody': 应为电子邮件地址"),
        ('[delivery.smtp]\nhost = "m"\nfrom = "a@b"\nuser = "u"\npassword_file = "absent"', "delivery.smtp.password_file = 'absent': 密码文件无法读取"),
        ('[delivery.smtp]\nhost = "m"\nfrom = "a@b"\nkinds = ["weekly"]', "delivery.smtp.kinds = ['weekly']: 未知的消息类别 'weekly'"),
        ('[delivery.smtp]\nhost = "m"\nfrom = "a@b"\nlogin = "x"', "delivery.smtp.login = 'x': 未知的设置项"),
        ('[[delivery.robots]]\nname = "群"\nkind = "slack"\nwebhook = "http://x/"', "delivery.robots[0].kind = 'slack': 应为 wecom（企业微信）或 dingtalk（钉钉）"),
        ('[[delivery.robots]]\nname = "群"\nkind = "wecom"\nwebhook = "ftp://x/"', "delivery.robots[0].webhook = 'ftp://x/': 应为 http:// 或 https:// 开头的网址"),
        ('[[delivery.robots]]\nkind = "wecom"\nwebhook = "http://x/"', "delivery.robots[0].name = '': 应为非空的文字"),
        ('[[delivery.robots]]\nname = "群"\nkind = "wecom"\nwebhook = "http://x/"\nsecret = "S"', "delivery.robots[0].secret = '******': 只有钉钉机器人有加签密钥"),
        ('[[delivery.robots]]\nname = "群"\nkind = "wecom"\nwebhook = "http://x/"\ncourts = "甘10"', "delivery.robots[0].courts = '甘10': 应为法院代字的列表"),
        ('[[delivery.robots]]\nname = "群"\nkind = "wecom"\nwebhook = "http://x/"\nkinds = ["list", "list"]', "delivery.robots[0].kinds = ['list', 'list']: 有重复的类别"),
        ('[[delivery.robots]]\nname = "群"\nkind = "wecom"\nwebhook = "http://x/"\n[[delivery.robots]]\nname = "群"\nkind = "wecom"\nwebhook = "http://y/"',
         "delivery.robots[1].name = '群': 与另一个机器人重名"),
        ("[delivery]\nrobots = 3", "delivery.robots = 3: 应为表的列表"),
    ],
)  # fmt: skip
def test_a_bad_value_is_refused_naming_the_key_and_the_value(tmp_path: Path, text: str, refusal: str) -> None:
    path = write(tmp_path, text + "\n")
    with pytest.raises(SiteSettingsError) as refused:
        read_site_settings(path, environ={})
    assert str(refused.value).startswith(f"{path}: {refusal}"), str(refused.value)
    assert " / " in str(refused.value)  # … and in English


def test_an_smtp_section_without_a_host_sends_no_mail(tmp_path: Path) -> None:
    settings = read_site_settings(write(tmp_path, '[delivery.smtp]\nhost = ""\n'), environ={})
    assert settings.delivery.smtp is None and not settings.delivery.configured


def test_the_webhook_s_query_values_are_hidden() -> None:
    assert hidden_query("http://gw/send?key=abc&x=1") == "http://gw/send?key=***&x=***"
    assert hidden_query("http://gw/robot/abc") == "http://gw/robot/abc"
