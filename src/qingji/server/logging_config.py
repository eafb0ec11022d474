"""The log (issue 11, docs/operations.md "Logs"): one file in ``<QINGJI_HOME>/logs/``, rotated by size, and the
server's console.

:func:`logging_settings` builds Django's ``LOGGING`` from the environment:

| variable | default | meaning |
|---|---|---|
| QINGJI_LOG_LEVEL | INFO | the least a record of qingji's own must weigh to be written: DEBUG, INFO, WARNING, ERROR |
| QINGJI_LOG_MAX_MB | 10 | the size at which ``qingji.log`` is renamed ``qingji.log.1`` and a new one begun, in MB |
| QINGJI_LOG_KEEP | 10 | how many renamed files are kept (``qingji.log.1`` … ``.10``); the oldest is deleted |

So the log never takes more than ``(KEEP + 1) × MAX_MB`` (110 MB by default). The directory is made readable by
qingji's own user alone (0700) and the files are created 0600: the log names users, addresses and file names.

Every process that loads the settings writes to the file: the server (``qingji serve``) and the commands that use
the database (``qingji import``, ``snapshot``, ``backup``, ``restore``, ``init``, …). The console (standard error:
the journal under systemd) has the same lines, but only in the server (:func:`log_to_console`): a command prints
its own results to its terminal.

What is written: Django's refusals and errors (``django.request``: a 4xx answer at WARNING with its path, a server
error at ERROR with its traceback; ``django.security``: a CSRF failure, a host not allowed), each with the user and
the client's address when the request has them (:class:`RequestContext`); qingji's own records (the nightly run,
imports, refused uploads, the login throttle, the commands); waitress's warnings. Nothing personal: qingji's
records give counts and places (file, row, column), never a value of a court's file, a party's name or a password.
"""

from __future__ import annotations

import fcntl
import logging
import logging.handlers
import os
from pathlib import Path
from typing import Any

LOG_FILE = "qingji.log"
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_LEVEL = "INFO"
DEFAULT_COUNTS = {"QINGJI_LOG_MAX_MB": 10, "QINGJI_LOG_KEEP": 10}
MB = 1024 * 1024
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S%z"

_console = {"on": False}


def log_directory(home: Path) -> Path:
    return home / "logs"


def logging_settings(home: Path) -> dict[str, Any]:
    """Django's ``LOGGING`` for the installation in ``home``; makes ``<home>/logs`` (0700) when missing. Raises
    ValueError, in Chinese and English, for a setting that cannot be used."""
    level = _level()
    max_mb = _at_least_one("QINGJI_LOG_MAX_MB")
    keep = _at_least_one("QINGJI_LOG_KEEP")
    directory = log_directory(home)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    directory.chmod(0o700)
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": FORMAT, "datefmt": DATE_FORMAT}},
        "filters": {
            "request_context": {"()": RequestContext},
            "server_only": {"()": ServerConsole},
        },
        "handlers": {
            "file": {
                "class": "qingji.server.logging_config.PrivateRotatingFileHandler",
                "filename": str(directory / LOG_FILE),
                "maxBytes": max_mb * MB,
                "backupCount": keep,
                "encoding": "utf-8",
                "delay": True,
                "formatter": "plain",
                "filters": ["request_context"],
            },
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "plain",
                "filters": ["server_only", "request_context"],
            },
        },
        "root": {"handlers": ["file", "console"], "level": "WARNING"},
        "loggers": {
            "qingji": {"level": level, "handlers": [], "propagate": True},
            # Django's own handlers (the console while DEBUG, mail to ADMINS) give way to the file and console.
            "django": {"level": "WARNING", "handlers": [], "propagate": True},
            "waitress": {"level": "INFO", "handlers": [], "propagate": True},
        },
    }


def log_to_console() -> None:
    """Also write the log to standard error, from now on: the server's console (``qingji serve``)."""
    _console["on"] = True


class ServerConsole(logging.Filter):
    """Lets records through to the console once :func:`log_to_console` was called."""

    def filter(self, record: logging.LogRecord) -> bool:
        return _console["on"]


class RequestContext(logging.Filter):
    """Adds who and from where to a record about a request (Django's ``django.request`` and ``django.security``
    records carry it, and qingji's own about a request): the user name (or "anonymous") and the client's
    address (the proxy's client when ``QINGJI_TRUSTED_PROXY`` is set)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is None or getattr(record, "_qingji_context", False):
            return True
        meta = getattr(request, "META", None)
        address = meta.get("REMOTE_ADDR", "?") if isinstance(meta, dict) else "?"
        record.msg = f"{record.getMessage()} [user {_user_of(request)}, address {address}]"
        record.args = ()
        record._qingji_context = True
        return True


def _user_of(request: object) -> str:
    try:
        user = getattr(request, "user", None)  # read now if the request has not read it yet
        if user is None:
            return "-"
        return str(user.get_username()) if user.is_authenticated else "anonymous"
    except Exception:  # a log line never fails a request (a broken database, a request half built)
        return "?"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file created readable by its owner alone (0600), written by several processes at once: the
    server's worker processes (``qingji serve --workers``) and the commands. The file on disk decides, not what one
    process wrote: a process whose file another one has renamed writes on in the new file, and a rotation is done
    under an OS file lock on the logs directory by the one process that still writes the file that is too large."""

    def _open(self) -> Any:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        if self.stream is not None and self._renamed():
            self.stream.close()
            self.stream = self._open()
        return bool(super().shouldRollover(record))

    def doRollover(self) -> None:
        descriptor = os.open(os.path.dirname(self.baseFilename), os.O_RDONLY)  # the logs directory's lock
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            if self._renamed():  # another process rotated it meanwhile: write on in the new file
                if self.stream is not None:
                    self.stream.close()
                self.stream = self._open()
            else:
                super().doRollover()
        finally:
            os.close(descriptor)

    def _renamed(self) -> bool:
        """Whether the file this process writes is no longer the one under the log's name."""
        if self.stream is None:
            return True
        try:
            return os.stat(self.baseFilename).st_ino != os.fstat(self.stream.fileno()).st_ino
        except (FileNotFoundError, ValueError):  # no file under the name; this one closed
            return True


def _level() -> str:
    text = os.environ.get("QINGJI_LOG_LEVEL", "").strip().upper() or DEFAULT_LEVEL
    if text not in LEVELS:
        raise ValueError(
            f"QINGJI_LOG_LEVEL={text!r}：应为 {'、'.join(LEVELS)} 之一 / QINGJI_LOG_LEVEL={text!r}: expected one "
            f"of {', '.join(LEVELS)}"
        )
    return text


def _at_least_one(name: str) -> int:
    text = os.environ.get(name, "").strip()
    if not text:
        return DEFAULT_COUNTS[name]
    if not text.isdigit() or int(text) < 1:
        raise ValueError(
            f"{name}={text!r}：应为不小于 1 的整数 / {name}={text!r}: expected a whole number, 1 or more"
        )
    return int(text)
