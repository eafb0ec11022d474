"""Audit records of reads written later when the database is busy (issue 10): an export works during an import.

An export (the ledger's) changes nothing but is audited. On SQLite, while an import holds the write lock, its
audit record cannot be written; rather than refuse the export, :func:`audit_read` then keeps the record in a file
(``<QINGJI_HOME>/audit-pending.jsonl``, one JSON line each, written and synced to disk before the export is
sent) and :func:`write_deferred` writes the kept records into the audit trail, with the time of the export, as
soon as the database is free: at the start of the next page request (qingji.web.busy). If the record can be
neither written nor kept, the export fails. Changes are never deferred: they are written with their audit
record in one transaction, or not at all.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import OperationalError, transaction
from django.utils import timezone

from qingji.audit.actions import audit
from qingji.audit.models import AuditRecord
from qingji.db_wait import database_busy, write_wait

PENDING_NAME = "audit-pending.jsonl"
SHORT_WAIT = (
    0.2  # seconds a read's audit record, or the kept ones, wait for the database before being kept (again)
)
RETRY_SECONDS = 5  # after the database was found busy, the kept records are tried again this much later
_busy_until = [0.0]
_KEYS = {"at", "action", "object_type", "object_id", "actor_id", "court_code", "after"}
log = logging.getLogger(__name__)


def pending_path() -> Path:
    return Path(settings.HOME) / PENDING_NAME


def audit_read(
    action: str, object_type: str, object_id: str, *, actor: Any, court_code: str, after: dict[str, Any]
) -> bool:
    """Write the audit record of a read now, or keep it to be written when the database is free; True when
    written now."""
    try:
        with write_wait(SHORT_WAIT), transaction.atomic():
            audit(action, object_type, object_id, actor=actor, court_code=court_code, after=after)
        return True
    except OperationalError as error:
        if not database_busy(error):
            raise
    record = {
        "at": timezone.now().isoformat(), "action": action, "object_type": object_type, "object_id": object_id,
        "actor_id": getattr(actor, "pk", None), "court_code": court_code, "after": after,
    }  # fmt: skip
    line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
    path = pending_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        os.write(descriptor, line.encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)  # releases the lock
    log.info("%s of %s kept to be audited when the database is free", action, object_id)
    return False


def write_deferred() -> int:
    """Write the kept records into the audit trail (each once, with the time it was kept) and empty the file;
    returns how many. Leaves them for later when the database is still busy."""
    path = pending_path()
    try:
        if path.stat().st_size == 0 or time.monotonic() < _busy_until[0]:
            return 0
    except FileNotFoundError:
        return 0
    with path.open("r+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        records = _readable(handle.read().splitlines(), path)
        try:
            with write_wait(SHORT_WAIT), transaction.atomic():
                for record in records:
                    _write(record)
        except OperationalError as error:
            if not database_busy(error):
                raise
            _busy_until[0] = time.monotonic() + RETRY_SECONDS  # the pages are not slowed by trying at each
            return 0
        handle.seek(0)
        handle.truncate()
    log.info("audit records kept during a busy database written: %d", len(records))
    return len(records)


def _readable(lines: list[str], path: Path) -> list[dict[str, Any]]:
    """The records of ``lines``; a line that cannot be read (a disk that filled up mid-line) is moved aside to
    ``<file>.unreadable`` for a person to look at, never dropped."""
    records = []
    for line in filter(str.strip, lines):
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not record.keys() >= _KEYS:
                raise ValueError(line)
            records.append(record)
        except ValueError:
            log.error(
                "an audit record kept aside cannot be read; moved to %s.unreadable: %r", path.name, line
            )
            with path.with_name(path.name + ".unreadable").open("a", encoding="utf-8") as aside:
                aside.write(line + "\n")
    return records


def _write(record: dict[str, Any]) -> None:
    at = datetime.fromisoformat(str(record["at"]))
    fields = {k: record[k] for k in ("action", "object_type", "object_id", "actor_id", "court_code")}
    if AuditRecord.objects.filter(at=at, **fields).exists():
        return  # written before the file could be emptied (the process stopped in between)
    written = AuditRecord.objects.create(**fields, after=record["after"])
    AuditRecord.objects.filter(pk=written.pk).update(at=at)  # the time of the export, not of this write
