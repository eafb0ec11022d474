"""The worker stopped mid-round and started again (issue 13 "Delivery": "restart the worker mid-run"): `qingji worker
--once` in a process of its own sends through a real local relay, is killed while the relay holds a mail, and,
started again once the claim it left is stale, sends the rest — every message delivered exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from delivery_servers import Relay, relay_fixture  # noqa: F401 (the fixtures)

QINGJI = str(Path(sys.executable).with_name("qingji"))
PEOPLE = 5
SEED = f"""
from qingji.server.setup import setup_django
setup_django()
from django.utils import timezone
from qingji.cadence.models import Message, Run
from qingji.cadence.outbox_enqueue import enqueue
from qingji.courts.actions import do_create_user
from qingji.courts.models import Role
now = timezone.now()
run = Run.objects.create(kind="reminder", on=timezone.localdate(), due_at=now, status="done", started_at=now)
for n in range({PEOPLE}):
    person = do_create_user(f"judge{{n}}", "pw-12345678", name=f"法官{{n}}", court_code="甘1002", role=Role.JUDGE)
    person.user.email = f"judge{{n}}@court.local"
    person.user.save()
    Message.objects.create(key=f"reminder:{{n}}", person=person, run=run, kind="reminder", on=run.on,
                           data={{"counts": {{"overdue": 1}}, "items": [], "total": 1}})
print(enqueue(run, now))
"""
STALE = """
from datetime import timedelta
from qingji.server.setup import setup_django
setup_django()
from django.db.models import F
from qingji.cadence.models import Delivery
from qingji.cadence.outbox import STALE_CLAIM
print(Delivery.objects.filter(status="sending").update(claimed_at=F("claimed_at") - STALE_CLAIM - timedelta(seconds=1)))
"""
STATES = """
from qingji.server.setup import setup_django
setup_django()
from qingji.cadence.models import Delivery
print(sorted(Delivery.objects.values_list("status", flat=True)))
"""


def python(code: str, env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_worker_killed_mid_round_and_started_again_delivers_every_message_once(
    relay: Relay, tmp_path: Path
) -> None:
    (tmp_path / "settings.toml").write_text(
        f'[delivery]\n[delivery.smtp]\nhost = "127.0.0.1"\nport = {relay.port}\nfrom = "qingji@court.local"\n',
        encoding="utf-8",
    )
    env = {**os.environ, "QINGJI_HOME": str(tmp_path), "QINGJI_SETTINGS": str(tmp_path / "settings.toml")}
    env.pop("QINGJI_DATABASE_URL", None)
    subprocess.run([QINGJI, "init"], env=env, check=True, capture_output=True, timeout=120)
    assert python(SEED, env) == str(PEOPLE)
    relay.refuse, relay.hold = 0, False
    accepted_before_hold = 2

    original = relay.handle_DATA
    count = {"n": 0}

    async def counting(server, session, envelope):  # type: ignore[no-untyped-def]
        count["n"] += 1
        if count["n"] == accepted_before_hold + 1:
            relay.hold = True  # the third mail waits: the worker is killed meanwhile
        return await original(server, session, envelope)

    relay.handle_DATA = counting  # type: ignore[method-assign]
    worker = subprocess.Popen(
        [QINGJI, "worker", "--once"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        assert relay.held.wait(60), "the worker sent no third mail"
        worker.send_signal(signal.SIGKILL)
        worker.wait(30)
    finally:
        if worker.poll() is None:
            worker.kill()
        relay.release.set()  # the held mail is refused: never accepted
    assert len(relay.mails) == accepted_before_hold
    assert python(STATES, env) == str(["pending", "pending", "sending", "sent", "sent"])
    # Started again at once: the claim left behind is not stale yet; the two pending go.
    again = subprocess.run([QINGJI, "worker", "--once"], env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert len(relay.mails) == 4
    assert "2 sent, 0 to try again, 0 given up" in again.stdout  # what the round did, said
    assert python(STALE, env) == "1"  # … ten minutes later
    last = subprocess.run([QINGJI, "worker", "--once"], env=env, capture_output=True, text=True, timeout=120)
    assert last.returncode == 0, last.stderr
    assert relay.to() == [f"judge{n}@court.local" for n in range(PEOPLE)]  # each exactly once
    assert python(STATES, env) == str(["sent"] * PEOPLE)
