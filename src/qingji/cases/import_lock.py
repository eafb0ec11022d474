"""One import at a time (issue 10): the lock an import holds from its first read to the end of its snapshot.

:func:`import_lock` is taken by :func:`~qingji.cases.import_action.run_import` (`qingji import` and the upload
page) for the whole import and the snapshot after it, and by the snapshot alone (`qingji snapshot`, the server's
nightly run), so that two of them never write at the same time. A second one is refused at once with
:class:`ImportRunning` — saying what is running, since when and by whom — or, given ``waiting``, waits its turn.

- SQLite: an OS file lock (``flock``) on a file beside the database file (``<database>-import.lock``; a
  database in memory, the tests', uses a file of its own process). The kernel releases it when the process ends,
  killed or not; the holder's task, start and user are written in the file while it is held.
- PostgreSQL: a session advisory lock (``pg_try_advisory_lock``) on the connection that runs the import,
  released when it is done or when the connection ends; the holder is named in the connection's
  ``application_name`` (seen in ``pg_stat_activity``) while it is held.

Either way nothing is left behind by a process that dies: there is no row or file saying "locked" to clear.
"""

from __future__ import annotations

import fcntl
import getpass
import json
import os
import socket
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Protocol
from urllib.parse import quote, unquote

from django.db import DatabaseError, connection
from django.utils import timezone

POLL_SECONDS = 0.5  # how often a waiting import tries again
ADVISORY_KEY = (7_196_251, 1)  # PostgreSQL advisory lock: (qingji, the import lock)
IMPORT = "import"
SNAPSHOT = "snapshot"
RESTORE = "restore"  # `qingji restore` holds it too, so that nothing writes while the database is replaced


@dataclass(frozen=True)
class Holder:
    """Who holds the lock: ``task`` (import or snapshot), since when (seconds since the epoch), by whom."""

    task: str
    since: float
    by: str

    def started(self) -> str:
        return datetime.fromtimestamp(self.since, tz=timezone.get_current_timezone()).strftime(
            "%Y-%m-%d %H:%M:%S"
        )


class ImportRunning(Exception):
    """Another import (or a snapshot) holds the lock; ``holder`` says which, when it could be read."""

    def __init__(self, holder: Holder | None) -> None:
        self.holder = holder
        super().__init__(running_text(holder))


def running_text(holder: Holder | None) -> str:
    """What is running, in Chinese and English (no internal names): for the command line."""
    return " / ".join(running_texts(holder))


def running_texts(holder: Holder | None) -> tuple[str, str]:
    """What is running: Chinese, English."""
    if holder is None:
        return "另一次导入正在进行", "another import is running"
    when = holder.started()
    if holder.task == RESTORE:
        return (
            f"正在恢复数据库（{when} 起，{holder.by}）",
            f"the database is being restored (since {when}, by {holder.by})",
        )
    if holder.task == SNAPSHOT:
        return (
            f"正在重新计算案件状态（{when} 起，{holder.by}）",
            f"the case states are being recomputed (since {when}, by {holder.by})",
        )
    return (
        f"另一次导入正在进行（{when} 起，{holder.by}）",
        f"another import is running (since {when}, by {holder.by})",
    )


class _Lock(Protocol):
    def acquire(self, holder: Holder) -> bool: ...
    def holder(self) -> Holder | None: ...
    def release(self) -> None: ...


def who(actor: Any = None) -> str:
    """The user name of ``actor``, or the operating system's user and host of a command."""
    if actor is not None and getattr(actor, "pk", None) is not None:
        return str(actor.get_username())
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "?"
    return f"{user}@{socket.gethostname()}"


@contextmanager
def import_lock(
    task: str = IMPORT, *, actor: Any = None, waiting: Callable[[Holder | None], None] | None = None
) -> Iterator[Holder]:
    """Hold the import lock for the block. Without ``waiting``, raise :class:`ImportRunning` at once when another
    holds it; with it, call it once with the holder and wait until the lock is free."""
    lock: _Lock = _AdvisoryLock() if connection.vendor == "postgresql" else _FileLock(lock_path())
    holder = Holder(task, time.time(), who(actor))
    told = False
    while not lock.acquire(holder):
        if waiting is None:
            raise ImportRunning(lock.holder())
        if not told:
            waiting(lock.holder())
            told = True
        time.sleep(POLL_SECONDS)
    try:
        yield holder
    finally:
        lock.release()


def lock_path() -> Path:
    """The lock file of the SQLite database: beside it, or of this process for a database in memory."""
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and name != ":memory:" and "mode=memory" not in name:
        return Path(f"{name}-import.lock")
    return Path(tempfile.gettempdir()) / f"qingji-import-{os.getpid()}.lock"


class _FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: IO[str] | None = None

    def acquire(self, holder: Holder) -> bool:
        handle = self.path.open("a+", encoding="utf-8")  # never truncated before the lock is held
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(asdict(holder), ensure_ascii=False))
        handle.flush()
        self.handle = handle
        return True

    def holder(self) -> Holder | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return Holder(str(data["task"]), float(data["since"]), str(data["by"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # being written, or just released

    def release(self) -> None:
        if self.handle is None:
            return
        try:
            self.handle.seek(0)
            self.handle.truncate()
            self.handle.flush()
        finally:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None


class _AdvisoryLock:
    """A session advisory lock; the holder is written in the session's application_name (ASCII: percent-encoded,
    at most 63 bytes, as PostgreSQL keeps it)."""

    def __init__(self) -> None:
        self.previous: str | None = None

    def acquire(self, holder: Holder) -> bool:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", ADVISORY_KEY)
            row = cursor.fetchone()
            if not (row and row[0]):
                return False
            name = f"qingji:{holder.task}:{int(holder.since)}:{quote(holder.by, safe='@.-_')}"[:63]
            cursor.execute(
                "SELECT current_setting('application_name'), set_config('application_name', %s, false)",
                [name],
            )
            self.previous = str(cursor.fetchone()[0])
        return True

    def holder(self) -> Holder | None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %s AND l.objid = %s "
                "AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                ADVISORY_KEY,
            )
            row = cursor.fetchone()
        parts = str(row[0]).split(":", 3) if row else []
        if len(parts) != 4 or parts[0] != "qingji" or not parts[2].isdigit():
            return None
        return Holder(parts[1], float(parts[2]), unquote(parts[3]))

    def release(self) -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('application_name', %s, false)", [self.previous or ""])
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", ADVISORY_KEY)
        except DatabaseError:
            # The connection broke or its transaction failed: ending the session releases the lock.
            if not connection.in_atomic_block:
                connection.close()
