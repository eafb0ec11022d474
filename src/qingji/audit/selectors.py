"""Reading the audit trail: the records of some courts, narrowed by the audit page's filters. Which courts'
records a person may read is qingji.courts.selectors.visible_audit's to say."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from typing import overload

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


# The audit trail counts its records up to this many: beyond, the page says "more than" and offers the filters
# (counting two million records took a third of a second a page; the newest are read along an index).
COUNT_AT_MOST = 10_000


class CountedAtMost:
    """Records as a paginator reads them, counted up to ``limit`` + 1: ``capped`` says whether there are more
    than ``limit``. Pages past the limit are not offered; every record stays in the export."""

    def __init__(self, records: QuerySet[AuditRecord], limit: int = COUNT_AT_MOST) -> None:
        self.records = records
        self.limit = limit
        found = records[: limit + 1].count()
        self.capped = found > limit
        self.total = min(found, limit)

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[AuditRecord]:
        return iter(self.records[: self.total])

    @overload
    def __getitem__(self, index: int) -> AuditRecord: ...
    @overload
    def __getitem__(self, index: slice) -> list[AuditRecord]: ...
    def __getitem__(self, index: int | slice) -> AuditRecord | list[AuditRecord]:
        if isinstance(index, int):
            return self.records[index]
        return list(self.records[index])
