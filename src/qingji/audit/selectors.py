"""Reading the audit trail: the records of some courts, narrowed by the audit page's filters. Which courts'
records a person may read is qingji.courts.selectors.visible_audit's to say."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from qingji.audit.models import AuditRecord


@dataclass(frozen=True)
class AuditFilters:
    action: str = ""
    object_id: str = ""  # a part of the object's id
    actor: str = ""  # a user name
    court: str = ""
    since: date | None = None
    until: date | None = None


def court_records(court_codes: Collection[str], *, unattached: bool = False) -> QuerySet[AuditRecord]:
    """The records of these courts, with their actors; ``unattached``: also the records that belong to no court
    (accounts of no court, changes that concern no court yet)."""
    codes = [*court_codes, ""] if unattached else court_codes
    return AuditRecord.objects.select_related("actor").filter(court_code__in=codes)


def filtered(records: QuerySet[AuditRecord], filters: AuditFilters) -> QuerySet[AuditRecord]:
    """``records`` narrowed by the filters (never widened), newest first."""
    if filters.action:
        records = records.filter(action=filters.action)
    if filters.object_id:
        records = records.filter(object_id__contains=filters.object_id)
    if filters.actor:
        records = records.filter(actor__username=filters.actor)
    if filters.court:
        records = records.filter(court_code=filters.court)
    if filters.since:
        records = records.filter(at__date__gte=filters.since)
    if filters.until:
        records = records.filter(at__date__lte=filters.until)
    return records.order_by("-at", "-id")
