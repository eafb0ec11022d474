"""The delivery of the cadence's messages in the site settings file (issue 13 "Delivery"; docs/settings.md,
docs/cadence.md "Delivery"): where the messages go besides the inbox — e-mail through the court's SMTP relay, and
WeCom (企业微信) and DingTalk (钉钉) group robots — and how the outbox retries. By default no channel is configured:
the messages stay in the inbox alone. ::

    [delivery]
    site_url = "http://qingji.court.local:8000"   # the links in the messages ("": no link)
    robot_rate = 20                  # posts a minute to each robot, at most (WeCom and DingTalk allow 20)
    retry_minutes = [1, 2, 5, 15, 60]   # the waits after the 1st, 2nd … failure; then the last, again and again
    give_up_hours = 24               # a delivery still failing this long after it was due is given up (failed)
    timeout_seconds = 10             # how long to wait for the relay or a robot

    [delivery.smtp]                  # e-mail to each person's address (their account's e-mail)
    host = "mail.court.local"        # "": no e-mail
    port = 25                        # default: 25, 587 with starttls, 465 with ssl
    security = "none"                # none | starttls | ssl
    user = ""                        # "": no login
    password_file = "smtp-password"  # the password, alone in a file (relative to this file)
    from = "qingji@court.local"
    kinds = ["reminder", "list", "bulletin", "report"]

    [[delivery.robots]]              # a group robot, one table each
    name = "审管办群"
    kind = "wecom"                   # wecom | dingtalk
    webhook = "http://gateway.court.local/cgi-bin/webhook/send?key=…"   # in full (an intranet gateway works)
    secret = ""                      # DingTalk's signing secret (加签), if set
    courts = ["甘10"]                # the courts whose messages it posts ([]: every court)
    kinds = ["bulletin", "report"]   # the kinds it posts

Django-free (the file commands read the settings file): the kinds are the values of qingji.cadence.schedule.Kind,
written out here (tests/site/test_delivery_settings.py keeps the two equal). The values in force show a robot's
secret as ``******`` and the webhook's query values as ``***`` (they are credentials: the settings' record and its
audit are read by people who may not post to the group).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from qingji.site.settings_parts import DEFAULT_SOURCE, Refuse, Setting, section_table, whole

KIND_NAMES: tuple[str, ...] = ("reminder", "list", "bulletin", "report")
ROBOT_KINDS: tuple[str, ...] = ("wecom", "dingtalk")
SECURITIES: tuple[str, ...] = ("none", "starttls", "ssl")
DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}
HIDDEN = "******"


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    security: str = "none"  # none | starttls | ssl
    user: str = ""
    password_file: str = ""  # as written (relative to the settings file); the password itself below
    sender: str = ""  # the file's ``from``
    kinds: tuple[str, ...] = KIND_NAMES
    password: str = field(default="", repr=False)


@dataclass(frozen=True)
class RobotSettings:
    name: str
    kind: str  # wecom | dingtalk
    webhook: str
    secret: str = field(default="", repr=False)
    courts: tuple[str, ...] = ()  # (): every court
    kinds: tuple[str, ...] = KIND_NAMES

    def serves(self, court: str, kind: str) -> bool:
        return kind in self.kinds and (not self.courts or court in self.courts)


@dataclass(frozen=True)
class DeliverySettings:
    site_url: str = ""
    smtp: SmtpSettings | None = None
    robots: tuple[RobotSettings, ...] = ()
    robot_rate: int = 20  # posts a minute to each robot
    retry_minutes: tuple[int, ...] = (1, 2, 5, 15, 60)
    give_up_hours: int = 24
    timeout_seconds: int = 10

    @property
    def configured(self) -> bool:
        return self.smtp is not None or bool(self.robots)

    def robot(self, name: str) -> RobotSettings | None:
        return next((robot for robot in self.robots if robot.name == name), None)


DEFAULT_DELIVERY = DeliverySettings()
DELIVERY_KEYS = (
    "site_url",
    "smtp",
    "robots",
    "robot_rate",
    "retry_minutes",
    "give_up_hours",
    "timeout_seconds",
)
SMTP_KEYS = ("host", "port", "security", "user", "password_file", "from", "kinds")
ROBOT_KEYS = ("name", "kind", "webhook", "secret", "courts", "kinds")


def read_delivery(
    data: Mapping[str, Any], path: Path, refuse: Refuse, values: list[Setting]
) -> DeliverySettings:
    """The file's ``[delivery]`` over the defaults, every key a value in force in ``values``; a bad key refused
    naming it and its value. ``path`` is the settings file (the SMTP password file is relative to it)."""
    table = section_table(data, "delivery", DELIVERY_KEYS, refuse)
    changes: dict[str, Any] = {}
    if "site_url" in table:
        changes["site_url"] = _url("delivery.site_url", table["site_url"], refuse, empty=True).rstrip("/")
    if "smtp" in table:
        changes["smtp"] = _smtp(table["smtp"], path, refuse)
    if "robots" in table:
        changes["robots"] = _robots(table["robots"], refuse)
    for key, low, high, zh, en in (
        ("robot_rate", 1, 600, "应为每分钟 1 至 600 条", "must be 1 to 600 posts a minute"),
        ("give_up_hours", 1, 720, "应为 1 至 720 小时", "must be 1 to 720 hours"),
        ("timeout_seconds", 1, 300, "应为 1 至 300 秒", "must be 1 to 300 seconds"),
    ):
        if key in table:
            if not whole(table[key], low, high):
                raise refuse(f"delivery.{key}", table[key], zh, en)
            changes[key] = table[key]
    if "retry_minutes" in table:
        given = table["retry_minutes"]
        if not isinstance(given, list) or not given or not all(whole(n, 1, 1440) for n in given):
            raise refuse("delivery.retry_minutes", given, "应为 1 至 1440 分钟的非空列表，如 [1, 2, 5, 15, 60]",
                         "must be a non-empty list of minutes, 1 to 1440, e.g. [1, 2, 5, 15, 60]")  # fmt: skip
        changes["retry_minutes"] = tuple(given)
    delivery = dataclasses.replace(DEFAULT_DELIVERY, **changes)
    for key in DELIVERY_KEYS:
        source = str(path) if key in changes else DEFAULT_SOURCE
        values.append(Setting(f"delivery.{key}", shown(delivery, key), source))
    return delivery


def shown(delivery: DeliverySettings, key: str) -> object:
    """A value in force as the file writes it (the secrets hidden)."""
    if key == "smtp":
        smtp = delivery.smtp
        if smtp is None:
            return {}
        return {"host": smtp.host, "port": smtp.port, "security": smtp.security, "user": smtp.user,
                "password_file": smtp.password_file, "from": smtp.sender, "kinds": list(smtp.kinds)}  # fmt: skip
    if key == "robots":
        return [
            {"name": robot.name, "kind": robot.kind, "webhook": hidden_query(robot.webhook),
             "secret": HIDDEN if robot.secret else "", "courts": list(robot.courts), "kinds": list(robot.kinds)}
            for robot in delivery.robots
        ]  # fmt: skip
    value = getattr(delivery, key)
    return list(value) if isinstance(value, tuple) else value


def hidden_query(url: str) -> str:
    """The URL with its query's values hidden (a robot's access token, ``key=``)."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    query = urlencode([(name, "***") for name, _ in parse_qsl(parts.query, keep_blank_values=True)], safe="*")
    return urlunsplit(parts._replace(query=query))


def _url(key: str, given: object, refuse: Refuse, *, empty: bool = False) -> str:
    if isinstance(given, str) and (given.strip() == "" and empty):
        return ""
    if not isinstance(given, str) or not re.fullmatch(r"https?://[^\s/?#]+[^\s]*", given.strip()):
        raise refuse(
            key, given, "应为 http:// 或 https:// 开头的网址", "must be a URL starting http:// or https://"
        )
    return given.strip()


def _text(key: str, given: object, refuse: Refuse, *, required: bool = False) -> str:
    if not isinstance(given, str) or (required and not given.strip()):
        zh, en = (
            ("应为非空的文字", "must be a non-empty text") if required else ("应为文字", "must be a text")
        )
        raise refuse(key, given, zh, en)
    return given.strip()


def _kinds(key: str, given: object, refuse: Refuse) -> tuple[str, ...]:
    if not isinstance(given, list) or not given or not all(isinstance(kind, str) for kind in given):
        raise refuse(key, given, '应为消息类别的非空列表，如 ["bulletin"]',
                     'must be a non-empty list of kinds of message, e.g. ["bulletin"]')  # fmt: skip
    unknown = [kind for kind in given if kind not in KIND_NAMES]
    if unknown:
        raise refuse(key, given, f"未知的消息类别 {unknown[0]!r}（可用：{'、'.join(KIND_NAMES)}）",
                     f"unknown kind {unknown[0]!r} (known: {', '.join(KIND_NAMES)})")  # fmt: skip
    if len(set(given)) != len(given):
        raise refuse(key, given, "有重复的类别", "a kind is named twice")
    return tuple(given)


def _smtp(given: object, path: Path, refuse: Refuse) -> SmtpSettings | None:
    if not isinstance(given, dict):
        raise refuse(
            "delivery.smtp", given, "应为表，如 [delivery.smtp]", "must be a table, e.g. [delivery.smtp]"
        )
    table = section_table({"delivery.smtp": given}, "delivery.smtp", SMTP_KEYS, refuse)
    host = _text("delivery.smtp.host", table.get("host", ""), refuse)
    if not host:
        return None  # no relay: no e-mail
    security = table.get("security", "none")
    if security not in SECURITIES:
        raise refuse("delivery.smtp.security", security, "应为 none、starttls 或 ssl",
                     "must be none, starttls or ssl")  # fmt: skip
    port = table.get("port", DEFAULT_PORTS[security])
    if not whole(port, 1, 65535):
        raise refuse("delivery.smtp.port", port, "应为 1 至 65535 的端口号", "must be a port, 1 to 65535")
    sender = _text("delivery.smtp.from", table.get("from", ""), refuse, required=True)
    if not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+", sender):
        raise refuse("delivery.smtp.from", sender, "应为电子邮件地址", "must be an e-mail address")
    user = _text("delivery.smtp.user", table.get("user", ""), refuse)
    password_file = _text("delivery.smtp.password_file", table.get("password_file", ""), refuse)
    password = ""
    if password_file:
        file = path.parent / password_file
        try:
            password = file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or error
            raise refuse("delivery.smtp.password_file", password_file, f"密码文件无法读取（{file}）",
                         f"the password file cannot be read ({file}: {reason})") from None  # fmt: skip
    if password_file and not user:
        raise refuse("delivery.smtp.user", user, "设置了密码文件时应填写用户名",
                     "must be given with a password file")  # fmt: skip
    kinds = _kinds("delivery.smtp.kinds", table["kinds"], refuse) if "kinds" in table else KIND_NAMES
    return SmtpSettings(host, port, security, user, password_file, sender, kinds, password)


def _robots(given: object, refuse: Refuse) -> tuple[RobotSettings, ...]:
    if not isinstance(given, list) or not all(isinstance(robot, dict) for robot in given):
        raise refuse("delivery.robots", given, "应为表的列表，如 [[delivery.robots]]",
                     "must be a list of tables, e.g. [[delivery.robots]]")  # fmt: skip
    robots: list[RobotSettings] = []
    for index, table in enumerate(given):
        where = f"delivery.robots[{index}]"
        section_table({where: table}, where, ROBOT_KEYS, refuse)
        name = _text(f"{where}.name", table.get("name", ""), refuse, required=True)
        if len(name) > 60:
            raise refuse(f"{where}.name", name, "不应超过 60 个字", "must be at most 60 characters")
        if any(robot.name == name for robot in robots):
            raise refuse(f"{where}.name", name, "与另一个机器人重名", "names another robot too")
        kind = table.get("kind")
        if kind not in ROBOT_KINDS:
            raise refuse(f"{where}.kind", kind, "应为 wecom（企业微信）或 dingtalk（钉钉）",
                         "must be wecom (WeCom) or dingtalk (DingTalk)")  # fmt: skip
        webhook = _url(f"{where}.webhook", table.get("webhook"), refuse)
        secret = _text(f"{where}.secret", table.get("secret", ""), refuse)
        if secret and kind != "dingtalk":
            raise refuse(f"{where}.secret", HIDDEN, "只有钉钉机器人有加签密钥", "only a DingTalk robot signs")
        courts = table.get("courts", [])
        if not isinstance(courts, list) or not all(isinstance(c, str) and c.strip() for c in courts):
            raise refuse(f"{where}.courts", courts, '应为法院代字的列表，如 ["甘10"]（空列表：所有法院）',
                         'must be a list of court codes, e.g. ["甘10"] (empty: every court)')  # fmt: skip
        kinds = _kinds(f"{where}.kinds", table["kinds"], refuse) if "kinds" in table else KIND_NAMES
        robots.append(RobotSettings(name, kind, webhook, secret, tuple(c.strip() for c in courts), kinds))
    return tuple(robots)
