"""People of two courts with e-mail addresses, runs of the cadence with a message each, and the site settings of the
delivery channels pointed at the local servers (delivery_servers.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from qingji.cadence.models import Message, Run
from qingji.cadence.outbox_enqueue import enqueue
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Person, Role

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2024, 12, 31, 8, 0, tzinfo=SHANGHAI)
SITE = "http://qingji.test:8000"
PASSWORD = "pw-12345678"
REMINDER = {
    "as_of": "2024-12-31",
    "counts": {"overdue": 2, "approaching_7": 1},
    "items": [
        {"kind": "overdue", "case_number": "（2024）甘1002民初2号", "due_on": "2024-09-01", "days_left": -121,
         "campaign_id": None, "detail": "", "missing": [], "more": 0},
        {"kind": "overdue", "case_number": "（2023）甘1002民初3号", "due_on": "2024-12-01", "days_left": -30,
         "campaign_id": None, "detail": "", "missing": [], "more": 0},
        {"kind": "approaching_7", "case_number": "（2024）甘1002民初5号", "due_on": "2025-01-05", "days_left": 5,
         "campaign_id": None, "detail": "", "missing": [], "more": 0},
    ],
    "total": 3,
}  # fmt: skip


def people() -> dict[str, Person]:
    """Two judges of 甘1002 with addresses, one without; a judge of 甘1027."""
    do_ensure_courts()
    made = {}
    for username, court, email in (("wangfang", "甘1002", "wangfang@court.local"),
                                   ("lina", "甘1002", "lina@court.local"), ("zhangwei", "甘1002", ""),
                                   ("zhaolei", "甘1027", "zhaolei@court.local")):  # fmt: skip
        person = do_create_user(username, PASSWORD, name=username, court_code=court, role=Role.JUDGE)
        person.user.email = email
        person.user.save(update_fields=["email"])
        made[username] = person
    return made


def produce(
    kind: str, on: date, persons: Iterable[Person], data: dict[str, Any] | None = None,
    moment: datetime = T0,
) -> Run:  # fmt: skip
    """A run of ``kind`` on ``on`` with a message to each person, and its deliveries, as the runner writes them."""
    run = Run.objects.create(kind=kind, on=on, due_at=moment, status="done", started_at=moment)
    for person in persons:
        Message.objects.create(key=f"{kind}:{on.isoformat()}:{person.pk}", person=person, run=run, kind=kind, on=on,
                               data=data if data is not None else REMINDER)  # fmt: skip
    enqueue(run, moment)
    return run


def settings_text(
    *, smtp_port: int | None = None, robots: str = "", extra: str = "", password_file: str = ""
) -> str:
    smtp = ""
    if smtp_port is not None:
        login = f'user = "qingji"\npassword_file = "{password_file}"\n' if password_file else ""
        smtp = (
            f'[delivery.smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nfrom = "qingji@court.local"\n{login}'
        )
    return f'[delivery]\nsite_url = "{SITE}/"\n{extra}\n{smtp}\n{robots}'


def robot(
    name: str, kind: str, webhook: str, *, courts: str = "[]", kinds: str = "", secret: str = ""
) -> str:
    lines = [f'name = "{name}"', f'kind = "{kind}"', f'webhook = "{webhook}"', f"courts = {courts}"]
    if kinds:
        lines.append(f"kinds = {kinds}")
    if secret:
        lines.append(f'secret = "{secret}"')
    return "[[delivery.robots]]\n" + "\n".join(lines) + "\n"


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


SiteFile = Callable[[str], Path]
