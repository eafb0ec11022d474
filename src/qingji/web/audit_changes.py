"""An audit record's before and after told field by field, in words (docs/pages.md "The audit trail"): the field's
name, the value before → the value after, coded values (a role, a status, a supervision kind …) in words.

A field the record holds on one side only is what was created (after) or removed (before); a field with the same
value on both sides says which object the change is about (a referral's number). The filters of a ledger export
and the counts of a restore are told one by one; the site settings' changes keep their keys and values as the
settings file writes them (docs/settings.md), marked as such on the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from qingji.web import labels as lb
from qingji.web.audit_labels import ACTION_FIELD_LABELS, FIELD_LABELS, VALUE_LABELS
from qingji.web.choice_labels import choice_label

MISSING = object()
LIST_SHOWN = 12  # items of a list shown before "… N in all"
HIDDEN_FIELDS = frozenset(
    {"key"}
)  # an event's key: the import's own identity of the row, no reader's concern
SETTINGS_CHANGES = ("settings_changed", "changes")

# The vocabulary of each field whose values are codes (choice_labels.VOCABULARIES).
_VOCABULARY = {"role": "role", "body": "body", "verdict": "verdict", "reason": "reason", "scope": "scope",
               "level": "court_level", "check": "integrity_check"}  # fmt: skip
_LEDGER_STATUS = {"pending": "pending_cases", "closed": "closed_cases", "all": "all_cases"}


@dataclass(frozen=True)
class Change:
    """One line of a record: ``before`` and ``after`` as text, None for a side the record does not hold;
    ``literal`` when the field and its values are written as the settings file writes them."""

    field: str
    before: str | None
    after: str | None
    literal: bool = False

    @property
    def changed(self) -> bool:
        return self.before is not None and self.after is not None and self.before != self.after

    def text(self) -> str:
        """The line as plain text (the CSV export)."""
        if self.changed:
            return f"{self.field}: {self.before or '—'} → {self.after or '—'}"
        return f"{self.field}: {self.after if self.after is not None else self.before}"


@dataclass(frozen=True)
class AuditWords:
    """What telling a record needs beside the record: the language and the courts' names."""

    language: str
    courts: Mapping[str, str]  # code → name
    court_ids: Mapping[int, str]  # id → code

    @property
    def english(self) -> bool:
        return lb.is_english(self.language)

    def pick(self, pair: tuple[str, str]) -> str:
        return pair[1] if self.english else pair[0]

    def field(self, name: str, action: str = "") -> str:
        pair = ACTION_FIELD_LABELS.get((action, name)) or FIELD_LABELS.get(name)
        return self.pick(pair) if pair else name

    def court(self, code: object) -> str:
        text = str(code)
        name = self.courts.get(text)
        return f"{text} {name}" if name else text


def changes(action: str, before: object, after: object, words: AuditWords) -> list[Change]:
    """The lines of one record."""
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}
    lines: list[Change] = []
    for name in [*old, *(key for key in new if key not in old)]:
        if name in HIDDEN_FIELDS:
            continue
        was, now = old.get(name, MISSING), new.get(name, MISSING)
        if (action, name) == SETTINGS_CHANGES:
            lines += _settings(now if isinstance(now, dict) else {})
        elif isinstance(was, dict) or isinstance(now, dict):
            lines += _nested(action, name, was, now, words)
        else:
            line = _line(action, name, words.field(name, action), was, now, words)
            if line is not None:
                lines.append(line)
    return lines


def _line(action: str, name: str, label: str, was: object, now: object, words: AuditWords) -> Change | None:
    if was is MISSING and now is MISSING:
        return None
    one_sided = was is MISSING or now is MISSING
    if one_sided and _empty(now if was is MISSING else was):
        return None  # a blank field of an object created or removed says nothing
    return Change(label, None if was is MISSING else value_text(action, name, was, words),
                  None if now is MISSING else value_text(action, name, now, words))  # fmt: skip


def _nested(action: str, name: str, was: object, now: object, words: AuditWords) -> Iterator[Change]:
    """A dict of values (a ledger export's filters, a restore's counts): one line each, named "field · key"."""
    old = was if isinstance(was, dict) else {}
    new = now if isinstance(now, dict) else {}
    for key in [*old, *(k for k in new if k not in old)]:
        line = _line(action, key, f"{words.field(name)} · {words.field(key)}", old.get(key, MISSING),
                     new.get(key, MISSING), words)  # fmt: skip
        if line is not None and (line.changed or not _blank_filter(name, line)):
            yield line


def _blank_filter(name: str, line: Change) -> bool:
    return name == "filters" and not (line.after or line.before)


def _settings(changed: Mapping[str, Any]) -> Iterator[Change]:
    """The site settings' changes, {key: [before, after]}, as the settings file writes them."""
    for key, pair in changed.items():
        was, now = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
        yield Change(key, _literal(was), _literal(now), literal=True)


def _literal(value: object) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def value_text(action: str, name: str, value: object, words: AuditWords) -> str:
    """One value in words: a code in its vocabulary's words, yes or no, a list joined, a date as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return lb.text("yes" if value else "no", words.language)
    if isinstance(value, list):
        items = [value_text(action, name, item, words) for item in value]
        shown = ("、" if not words.english else ", ").join(items[:LIST_SHOWN])
        if len(items) > LIST_SHOWN:
            shown += lb.text("audit_more", words.language).format(count=len(items))
        return shown
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return _word(action, name, value, words)


def _word(action: str, name: str, value: object, words: AuditWords) -> str:
    text = str(value)
    language = words.language
    if name in _VOCABULARY and not (
        name == "reason" and action.startswith("grant_")
    ):  # a grant's reason is text
        return choice_label(_VOCABULARY[name], text, language)
    if name == "kind" and action == "supervision_recorded":
        return choice_label("supervision_kind", text, language)
    if name == "event":
        return lb.event_label(text, language)
    if name == "procedure":
        return lb.procedure_label(text, language)
    if name == "status":
        return (
            lb.text(_LEDGER_STATUS[text], language)
            if text in _LEDGER_STATUS
            else lb.status_label(text, language)
        )
    if name == "bucket":
        return lb.bucket_label(text, language)
    if name == "warning":
        return lb.warning_text(text, language)
    if name in ("court", "court_code", "parent") and not isinstance(value, int):
        return words.court(text)
    if name == "court_id" and isinstance(value, int):
        return words.court(words.court_ids.get(value, text))
    if name == "fields":
        return words.field(text)
    if name == "new_backlog":
        return lb.text("yes", language)
    if name in ("template",) and text in VALUE_LABELS:
        return words.pick(VALUE_LABELS[text])
    return text
