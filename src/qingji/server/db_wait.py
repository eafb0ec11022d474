"""How long a write waits for the database, and how to tell that it gave up because another held it (issue 10).

SQLite lets one connection write at a time: while an import's transaction runs, another write waits for the
lock (the connection's busy timeout, 30 s in the settings) and then fails with ``database is locked``. The pages
wait less (:func:`set_write_wait` with ``settings.WEB_WRITE_WAIT``); :func:`database_busy` recognises the failure,
on PostgreSQL too (a lock wait cut short by ``lock_timeout``), so that it can be answered with a clear "try again"
instead of an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import OperationalError, connection

LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL: a lock wait cut short (lock_timeout, NOWAIT)
_SQLITE_BUSY = ("database is locked", "database table is locked")


def database_busy(error: BaseException | None) -> bool:
    """Whether ``error`` is a write that gave up waiting for another writer's lock."""
    if not isinstance(error, OperationalError):
        return False
    if any(text in str(error) for text in _SQLITE_BUSY):
        return True
    return getattr(error.__cause__, "sqlstate", None) == LOCK_NOT_AVAILABLE


def set_write_wait(seconds: float) -> None:
    """On SQLite, make this thread's connection wait at most ``seconds`` for the write lock (opens it if need be).
    PostgreSQL is left as it is: an import there holds no lock a page's write needs."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        connection.connection.execute(f"PRAGMA busy_timeout = {max(0, int(seconds * 1000))}")


@contextmanager
def write_wait(seconds: float) -> Iterator[None]:
    """:func:`set_write_wait` for the block, then the wait the connection had before."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    before = int(connection.connection.execute("PRAGMA busy_timeout").fetchone()[0])
    set_write_wait(seconds)
    try:
        yield
    finally:
        if connection.connection is not None:
            connection.connection.execute(f"PRAGMA busy_timeout = {before}")
