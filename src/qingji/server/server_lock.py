"""Whether `qingji serve` runs on this SQLite database: a restore waits for no one and replaces the file, so it
refuses while a server has it open (issue 11, docs/operations.md "Backup and restore").

Each `qingji serve` holds a shared OS file lock (``flock``) on ``<database>-server.lock`` beside the database for
as long as it serves; `qingji restore` takes the same lock exclusively for the whole restore. So a restore is
refused while a server runs, and a server does not start during a restore. The kernel releases the lock when the
process ends, killed or not: there is nothing to clear by hand. A PostgreSQL database needs no such lock: qingji
restores only into a new, empty database (qingji.backup.postgres).
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection


class ServerRunning(Exception):
    """A `qingji serve` has the database open."""

    def __init__(self) -> None:
        super().__init__(
            "qingji 服务器正在使用此数据库，请先停止服务器（如 systemctl stop qingji）再恢复 / a qingji server is "
            "running on this database: stop it first (e.g. systemctl stop qingji), then restore"
        )


class RestoreRunning(Exception):
    """A `qingji restore` is replacing the database."""

    def __init__(self) -> None:
        super().__init__(
            "正在恢复数据库，恢复完成后再启动服务器 / the database is being restored: start the server when the "
            "restore is done"
        )


def server_lock_path() -> Path | None:
    """The lock file of the SQLite database file in use, or None (PostgreSQL, a database in memory)."""
    name = str(connection.settings_dict["NAME"])
    if connection.vendor != "sqlite" or name == ":memory:" or "mode=memory" in name:
        return None
    return Path(f"{name}-server.lock")


@contextmanager
def serving() -> Iterator[None]:
    """Held by `qingji serve` while it serves; raises RestoreRunning when a restore holds the database."""
    with _flock(fcntl.LOCK_SH, RestoreRunning):
        yield


@contextmanager
def no_server() -> Iterator[None]:
    """Held by `qingji restore`; raises ServerRunning when a server has the database open."""
    with _flock(fcntl.LOCK_EX, ServerRunning):
        yield


@contextmanager
def _flock(kind: int, refused: type[Exception]) -> Iterator[None]:
    path = server_lock_path()
    if path is None:
        yield
        return
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, kind | fcntl.LOCK_NB)
        except BlockingIOError:
            raise refused() from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
