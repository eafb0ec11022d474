"""How long a write waits for the database, and how to tell that it gave up because another held it (issue 10).

SQLite lets one connection write at a time: while an import's transaction runs, another write waits for the
lock (the connection's busy timeout, 30 s in the settings) and then fails with ``database is locked``. The pages
wait less (:func:`set_write_wait` with ``settings.WEB_WRITE_WAIT``); :func:`database_busy` recognises the failure,
on PostgreSQL too (a lock wait cut short by ``lock_timeout``), so that it can be answered with a clear "try again"
instead of an error.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import OperationalError, connection
from django.db.backends.signals import connection_created

LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL: a lock wait cut short (lock_timeout, NOWAIT)
_SQLITE_BUSY = ("database is locked", "database table is locked")


def database_busy(error: BaseException | None) -> bool:
    """Whether ``error`` is a write that gave up waiting for another writer's lock."""
    if not isinstance(error, OperationalError):
        return False
    if any(text in str(error) for text in _SQLITE_BUSY):
        return True
    return getattr(error.__cause__, "sqlstate", None) == LOCK_NOT_AVAILABLE


def set_write_wait(seconds: float | None) -> None:
    """On SQLite, make this thread's connection wait at most ``seconds`` for the write lock: at once when it is
    open, else as soon as it opens (a request that reads nothing opens none); None: connections opened from now on
    keep the settings' wait. PostgreSQL is left as it is: an import there holds no lock a page's write needs."""
    _pending.seconds = seconds
    if seconds is not None and connection.vendor == "sqlite" and connection.connection is not None:
        _apply(connection, seconds)


def _apply(wrapper: Any, seconds: float) -> None:
    wrapper.connection.execute(f"PRAGMA busy_timeout = {max(0, int(seconds * 1000))}")


def _on_connection_created(sender: Any, connection: Any, **kwargs: Any) -> None:
    seconds = getattr(_pending, "seconds", None)
    if seconds is not None and connection.vendor == "sqlite":
        _apply(connection, seconds)


_pending = threading.local()
connection_created.connect(_on_connection_created, dispatch_uid="qingji_write_wait")


@contextmanager
def write_wait(seconds: float) -> Iterator[None]:
    """:func:`set_write_wait` for the block, then the wait the connection had before."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    before = int(connection.connection.execute("PRAGMA busy_timeout").fetchone()[0])
    _apply(connection, seconds)
    try:
        yield
    finally:
        if connection.connection is not None:
            _apply(connection, before / 1000)
