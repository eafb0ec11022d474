"""Writing audit records: called by the action functions, inside their transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qingji.audit.models import AuditRecord


def audit_records(records: Iterable[AuditRecord]) -> None:
    """Write many audit records at once (an import writes one per changed case)."""
    AuditRecord.objects.bulk_create(list(records), batch_size=5000)


def audit(
    action: str,
    object_type: str,
    object_id: str,
    *,
    actor: Any = None,
    court_code: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditRecord:
    return AuditRecord.objects.create(
        action=action,
        object_type=object_type,
        object_id=object_id,
        actor=actor,
        court_code=court_code,
        before=before,
        after=after,
    )
