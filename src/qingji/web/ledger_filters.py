"""The ledger's filters (docs/pages.md "The ledger"; the parameters every page links to are fixed by the issue's
contract): read from a query, checked (a value the ledger cannot use is answered 400 with a message), and turned
into conditions on the stored states and counts.

The conditions on a state's own columns hold for StateCount rows too (the same column names), so that a filter
is counted from the stored counts exactly as it is listed from the states.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q

from qingji.cases.models import StateTag
from qingji.core.procedures import Procedure
from qingji.core.vocabulary import APPROACHING_PREFIX, AgeBucket, Status, Warning
from qingji.interchange.case_numbers import canonical_text
from qingji.web.params import BadParameter, query_text

# The ledger's status filter: the statuses themselves, and these groups. Pending cases are the default.
PENDING, CLOSED, ALL = "pending", "closed", "all"
STATUS_GROUPS = (PENDING, CLOSED, ALL)
STATUSES = frozenset((*STATUS_GROUPS, *(status.value for status in Status)))
PENDING_BUCKETS = tuple(bucket.value for bucket in AgeBucket)
WARNINGS = frozenset(warning.value for warning in Warning)
PROCEDURES = frozenset(procedure.value for procedure in Procedure)
_APPROACHING = re.compile(re.escape(APPROACHING_PREFIX) + r"[0-9]{1,3}")


def is_warning(code: str) -> bool:
    """A warning code: one of Warning, or a court's own approaching threshold (approaching_N)."""
    return code in WARNINGS or _APPROACHING.fullmatch(code) is not None


def _choice(query: Any, name: str, label: str, allowed: Any) -> str:
    value = query_text(query, name, label)
    if value and not (allowed(value) if callable(allowed) else value in allowed):
        raise BadParameter(label, value, "not_a_choice")
    return value


@dataclass(frozen=True)
class LedgerFilters:
    """The ledger's filters; each empty (or False) filter is no filter. Field names are the query's parameters,
    but ``type_code`` (the parameter ``type``: a type code, 类型代字); see :meth:`query`."""

    court: str = ""
    status: str = PENDING
    bucket: str = ""
    judge: str = ""
    q: str = ""
    type_code: str = ""
    procedure: str = ""
    division: str = ""
    warning: str = ""
    new_backlog: bool = False

    @classmethod
    def from_query(cls, query: Any) -> LedgerFilters:
        """The filters of a query; a value the ledger cannot use is answered with a message (400)."""
        backlog = _choice(query, "new_backlog", "ledger_new_backlog", ("0", "1"))
        return cls(
            court=query_text(query, "court", "court"),
            status=_choice(query, "status", "status", STATUSES) or PENDING,
            bucket=_choice(query, "bucket", "bucket", PENDING_BUCKETS),
            judge=query_text(query, "judge", "judge"),
            q=canonical_text(query_text(query, "q", "ledger_q")),
            type_code=query_text(query, "type", "type_code", limit=8),
            procedure=_choice(query, "procedure", "procedure", PROCEDURES),
            division=query_text(query, "division", "division"),
            warning=_choice(query, "warning", "ledger_warning", is_warning),
            new_backlog=backlog == "1",
        )

    def query(self) -> str:
        """The filters as the ledger's query string (the contract's parameters), without the defaults."""
        values = {
            "type" if key == "type_code" else key: value for key, value in asdict(self).items() if value
        }
        if values.get("status") == PENDING:
            del values["status"]
        if self.new_backlog:
            values["new_backlog"] = "1"
        return urlencode(values)

    def state_filter(self) -> Q:
        """The filters on a state's own columns (those of :meth:`tag_filter`, and type, procedure, division, new
        backlog): the same columns on CaseState and StateCount."""
        where = self.tag_filter()
        for field, value in (
            ("type_code", self.type_code),
            ("procedure", self.procedure),
            ("division", self.division),
        ):
            if value:
                where &= Q(**{field: value})
        if self.new_backlog:
            where &= Q(new_backlog=True)
        return where

    def tag_filter(self) -> Q:
        """The filters a StateTag row holds (court, status, age bucket), for reading a warning's cases in order."""
        where = Q()
        if self.court:
            where &= Q(court_code=self.court)
        if self.status == PENDING:
            where &= Q(age_bucket__in=PENDING_BUCKETS)
        elif self.status == CLOSED:
            where &= Q(age_bucket="")
        elif self.status != ALL:
            where &= Q(status=self.status)
        if self.bucket:
            where &= Q(age_bucket=self.bucket)
        return where

    @property
    def tag(self) -> str:
        """The StateTag the cases are read along: the warning, else new backlog, else none."""
        return self.warning or (StateTag.NEW_BACKLOG if self.new_backlog else "")

    @property
    def only_tag_columns(self) -> bool:
        """Whether every filter but the tag is on StateTag's own columns (court, status, age bucket)."""
        other = (self.type_code, self.procedure, self.division, self.judge, self.q)
        return not any(other) and not (self.warning and self.new_backlog)

    @property
    def live(self) -> bool:
        """Whether the count needs the cases themselves (judge, case number), not the stored counts."""
        return bool(self.judge or self.q)
