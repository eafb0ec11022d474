"""Writing audit records: called by the action functions, inside their transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


def audit_per_court(
    action: str,
    object_type: str,
    object_id: str,
    *,
    courts: Mapping[str, dict[str, Any]],
    actor: Any = None,
    before: dict[str, Any] | None = None,
) -> None:
    """One record of ``action`` for each court it concerns, with that court's own ``after`` (its cases, its
    counts), so that each court's auditors see what concerns their court and nothing of another court's cases
    (issue 10). An action that concerns no court yet (nothing in scope) gets one record without a court, which
    administrators see."""
    if not courts:
        audit(action, object_type, object_id, actor=actor, before=before, after={})
        return
    audit_records(
        AuditRecord(action=action, object_type=object_type, object_id=object_id, actor=actor, court_code=court,
                    before=before, after=after)
        for court, after in sorted(courts.items())
    )  # fmt: skip
