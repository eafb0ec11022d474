"""What the standing attack test (test_attack.py) looks at: the text of any response (a page, a CSV, the sheets of
an Excel file, a Word letter), and every row a page could change, with whom it belongs to."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from django.contrib.auth.models import User
from django.db.models import Model

from qingji.audit.models import AuditRecord
from qingji.cadence.models import Delivery
from qingji.campaigns.models import (
    Appraisal,
    Campaign,
    CampaignCase,
    LookBack,
    PlanStep,
    Referral,
    SupervisionAction,
)
from qingji.cases.models import Case, CaseEvent, ImportRecord
from qingji.courts.models import Court, Division, Grant, Person
from qingji.site.models import HolidayNotice, SettingsRecord

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
_ID = re.compile(r"#\d+")

# Each table a page could change, and the path from a row to the case (a number) or the court (a code) it
# belongs to. Rows that belong to nothing a user may change (courts, imports) are listed with no owner.
CASE_ROWS: dict[type[Model], str] = {
    Case: "case_number", CaseEvent: "case__case_number", CampaignCase: "case__case_number",
    PlanStep: "entry__case__case_number", Referral: "entry__case__case_number",
    Appraisal: "entry__case__case_number", LookBack: "entry__case__case_number",
}  # fmt: skip
COURT_ROWS: dict[Any, str] = {
    SupervisionAction: "court__code", Grant: "person__court__code", Person: "court__code",
    User: "person__court__code", User.groups.through: "user__person__court__code",
    User.user_permissions.through: "user__person__court__code", Campaign.courts.through: "court__code",
    Campaign: "courts__code", ImportRecord: "by__person__court__code", Court: "", Division: "",
    HolidayNotice: "", SettingsRecord: "", Delivery: "court_code",
}  # fmt: skip

Rows = dict[tuple[str, int], tuple[frozenset[str], tuple[tuple[str, Any], ...]]]


def response_text(response: Response) -> str:
    """Everything a response shows: its body (the XML of every part of an .xlsx or .docx, tags removed) and the
    headers that name things (a redirect's target, a download's file name)."""
    streamed = getattr(response, "streaming_content", None)
    body = b"".join(streamed) if response.streaming and streamed is not None else response.content
    if body.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            parts = [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
        text = html.unescape(re.sub(r"<[^>]+>", "", "\n".join(parts)))
    else:
        text = body.decode("utf-8", "replace")
    headers = " ".join(response.headers.get(name, "") for name in ("Location", "Content-Disposition"))
    return f"{text}\n{headers}"


def shown(number: str, text: str) -> bool:
    """Whether a case number is in the text, as written or as a URL writes it."""
    return number in text or quote(number, safe="") in text or quote(number) in text


def normalised(text: str, numbers: Iterable[str]) -> str:
    """The text with each of ``numbers`` (as written or in a URL) made one placeholder and the CSRF token
    removed: what an answer about one number would look like about another."""
    for number in numbers:
        for form in (number, quote(number, safe=""), quote(number)):
            text = text.replace(form, "⟨number⟩")
    return _ID.sub("#⟨id⟩", _CSRF.sub("", text))  # a record made by each of two requests has its own id


def dump_rows() -> Rows:
    """Every row a page could change: (table, id) → (the cases or courts it belongs to, its values)."""
    rows: Rows = {}
    for model, owner in [*CASE_ROWS.items(), *COURT_ROWS.items()]:
        owners: dict[int, set[str]] = {}
        if owner:
            for pk, code in model.objects.values_list("pk", owner):
                owners.setdefault(pk, set()).add(code or "")
        for values in model.objects.values():
            pk = values["id"]
            rows[(model._meta.label, pk)] = (frozenset(owners.get(pk, {""})), tuple(sorted(values.items())))
    return rows


def changed_rows(before: Rows, after: Rows, may_change: set[str]) -> list[str]:
    """The rows that changed, came or went although they belong to something outside ``may_change`` (the case
    numbers and court codes of the user)."""
    wrong = []
    for key in sorted(set(before) | set(after), key=str):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        owners = (old[0] if old else frozenset()) | (new[0] if new else frozenset())
        if not owners <= may_change:
            wrong.append(f"{key}: {old[1] if old else None} → {new[1] if new else None}")
    return wrong


def audit_ids() -> set[int]:
    return set(AuditRecord.objects.values_list("pk", flat=True))


def new_audit_problems(known: set[int], actor: int, forbidden: set[str]) -> list[str]:
    """The audit records written since ``known`` that are not the user's own or that name a case the user may
    not see; and records that went."""
    problems = [f"audit record {pk} went" for pk in known - audit_ids()]
    for record in AuditRecord.objects.exclude(pk__in=known):
        text = f"{record.object_id} {record.before} {record.after}"
        if record.actor_id != actor or any(number in text for number in forbidden):
            problems.append(f"audit {record.action} by {record.actor_id}: {text[:300]}")
    return problems
