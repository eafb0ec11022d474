"""Group robots by webhook (issue 13 "Delivery": "WeCom (企业微信) and DingTalk (钉钉) group robots by webhook, base
URL configurable since intranet deployments reach them through a gateway, DingTalk's signature supported";
docs/cadence.md "Delivery"): a JSON POST of a ``markdown`` message to the webhook as configured, in full.

DingTalk's signature (加签): the timestamp in milliseconds and ``base64(HMAC-SHA256(secret, "timestamp\\nsecret"))``,
URL-encoded, appended as ``&timestamp=…&sign=…``. Both robots answer ``{"errcode": 0, …}`` when they took the
message; any other answer (an HTTP error, a body that is no such JSON, a non-zero errcode — 45009 for a robot
posting too often) is a :class:`DeliveryError` with the reason in words.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from urllib.parse import quote_plus

from qingji.cadence.delivery_error import DeliveryError
from qingji.site.delivery_settings import RobotSettings

WECOM_LIMIT = 4096  # bytes of a WeCom markdown message's content
DINGTALK_LIMIT = 18000


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """The signature DingTalk checks: base64 of HMAC-SHA256 over "timestamp\\nsecret" keyed by the secret."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def signed_url(robot: RobotSettings, timestamp_ms: int | None = None) -> str:
    """The webhook to post to: as configured, with DingTalk's timestamp and signature when a secret is set."""
    if robot.kind != "dingtalk" or not robot.secret:
        return robot.webhook
    stamp = int(time.time() * 1000) if timestamp_ms is None else timestamp_ms
    joiner = "&" if "?" in robot.webhook else "?"
    return f"{robot.webhook}{joiner}timestamp={stamp}&sign={quote_plus(dingtalk_sign(robot.secret, stamp))}"


def payload(robot: RobotSettings, title: str, text: str) -> dict[str, object]:
    if robot.kind == "wecom":
        return {"msgtype": "markdown", "markdown": {"content": _cut(text, WECOM_LIMIT)}}
    return {"msgtype": "markdown", "markdown": {"title": title, "text": _cut(text, DINGTALK_LIMIT)}}


def _cut(text: str, limit: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[: limit - 6].decode("utf-8", "ignore") + "\n……"


def post(robot: RobotSettings, title: str, text: str, timeout: float) -> None:
    """Post the markdown ``text`` to the robot; raises DeliveryError unless it answered errcode 0."""
    body = json.dumps(payload(robot, title, text), ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        signed_url(robot), data=body, method="POST",
        headers={"Content-Type": "application/json; charset=utf-8"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            reply = response.read(65536)
    except urllib.error.HTTPError as error:
        raise DeliveryError(
            f"机器人接口返回 HTTP {error.code} / the robot answered HTTP {error.code}"
        ) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DeliveryError(f"无法连接机器人接口 / cannot reach the robot: {reason}") from None
    try:
        answer = json.loads(reply.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise DeliveryError(
            f"机器人接口的回答无法识别 / the robot's answer is not understood: {reply[:200]!r}"
        ) from None
    code = answer.get("errcode") if isinstance(answer, dict) else None
    if code != 0:
        message = answer.get("errmsg", "") if isinstance(answer, dict) else ""
        raise DeliveryError(
            f"机器人拒绝了消息 / the robot refused the message: errcode {code} {message}".rstrip()
        )
