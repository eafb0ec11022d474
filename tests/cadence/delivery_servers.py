"""Real local servers for the outbox's tests (issue 13 "Delivery": "Tests run a real local SMTP server (aiosmtpd) and
a local HTTP receiver for the robots, take a channel down and bring it back"): an SMTP relay on 127.0.0.1 that can
be stopped, started again on its port, or told to refuse; and an HTTP receiver playing WeCom's and DingTalk's robot
webhooks, which checks DingTalk's signature as DingTalk does and can answer 500 or a non-zero errcode. The fixtures
``relay`` and ``receiver`` start one for a test and stop it after."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Relay:
    """An SMTP relay: the mails it accepted (``mails``); ``refuse`` answers the next n mails with ``refusal``;
    ``hold`` keeps the next mail waiting (not accepted) until ``release`` is set."""

    def __init__(self) -> None:
        self.port = free_port()
        self.mails: list[EmailMessage] = []
        self.refuse = 0
        self.refusal = "451 4.3.0 try again later"
        self.hold = False
        self.held = threading.Event()
        self.release = threading.Event()
        self._controller: Controller | None = None

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.hold:
            self.hold = False
            self.held.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return self.refusal
        if self.refuse:
            self.refuse -= 1
            return self.refusal
        content = envelope.original_content or b""
        mail = message_from_bytes(content, policy=policy.default)
        assert isinstance(mail, EmailMessage)
        self.mails.append(mail)
        return "250 OK"

    def start(self) -> None:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def to(self) -> list[str]:
        return sorted(str(mail["To"]) for mail in self.mails)


def dingtalk_sign(secret: str, timestamp: str) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


@dataclass
class Post:
    path: str
    query: dict[str, list[str]]
    body: dict[str, Any]


@dataclass
class Receiver:
    """The robots' webhooks: /wecom/… and /dingtalk/… (DingTalk's signature checked against ``secrets`` by the
    path's access_token). ``posts``: what it took (errcode 0); ``answers``: the next answers to give instead, each
    an HTTP status (500) or an errcode."""

    port: int = 0
    posts: list[Post] = field(default_factory=list)
    refused: list[Post] = field(default_factory=list)
    answers: list[tuple[int, int]] = field(default_factory=list)  # (HTTP status, errcode)
    secrets: dict[str, str] = field(default_factory=dict)  # access_token → DingTalk secret

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, post: Post) -> tuple[int, dict[str, Any]]:
        if self.answers:
            status, code = self.answers.pop(0)
            self.refused.append(post)
            return status, {"errcode": code, "errmsg": "refused by the test"}
        token = post.query.get("access_token", [""])[0]
        if post.path.startswith("/dingtalk") and token in self.secrets:
            stamp, sign = post.query.get("timestamp", [""])[0], post.query.get("sign", [""])[0]
            fresh = stamp.isdigit() and abs(int(stamp) - time.time() * 1000) < 3600_000
            if not fresh or sign != dingtalk_sign(self.secrets[token], stamp):
                self.refused.append(post)
                return 200, {"errcode": 310000, "errmsg": "sign not match"}
        self.posts.append(post)
        return 200, {"errcode": 0, "errmsg": "ok"}


def serve_receiver(state: Receiver) -> ThreadingHTTPServer:
    """Answer the robots' webhooks on a free port of 127.0.0.1 (in a thread) as ``state`` says."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            parts = urlsplit(self.path)
            post = Post(
                parts.path, parse_qs(parts.query), json.loads(self.rfile.read(length).decode("utf-8"))
            )
            status, answer = state.answer(post)
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(name="relay")
def relay_fixture() -> Iterator[Relay]:
    server = Relay()
    server.start()
    yield server
    server.release.set()
    server.stop()


@pytest.fixture(name="receiver")
def receiver_fixture() -> Iterator[Receiver]:
    state = Receiver()
    server = serve_receiver(state)
    yield state
    server.shutdown()
    server.server_close()
