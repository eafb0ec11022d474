"""A page's parameters read one way everywhere: a date between FIRST_DAY and LAST_DAY (the years a court's export
may hold, as the importer reads them), an id of plain digits, and a value the page cannot use answered with a
clear message in the user's language (HTTP 400, the page ``400.html``; a form shows it on its field) — never a
server error, never a name from the code."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import register_converter

from qingji.web import labels as lb

FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2099, 12, 31)
LARGEST_ID = 2**63 - 1  # a database id (BigAutoField)
_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_ID = re.compile(r"[0-9]{1,19}")


class BadParameter(BadRequest):
    """A parameter the page cannot use: which (its words on the page) and why (web/param_labels.py), both
    keys of labels.TEXTS, and the value given."""

    def __init__(self, label: str, value: object, reason: str) -> None:
        super().__init__(f"{label}: {reason}")
        self.label, self.value, self.reason = label, str(value)[:100], reason

    def message(self) -> str:
        """What was wrong, in the user's language (a value that cannot be printed is left out)."""
        value = self.value if self.value.isprintable() else ""
        return lb.text("bad_value").format(
            label=lb.text(self.label), value=value, reason=lb.text(self.reason)
        )


def parse_day(value: str) -> date:
    """A date written YYYY-MM-DD within FIRST_DAY … LAST_DAY; ValueError with the key of the reason."""
    match = _DAY.fullmatch(value.strip())
    if match is None:
        raise ValueError("not_a_day")
    try:
        day = date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValueError("no_such_day") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError("day_range")
    return day


def query_day(query: Mapping[str, Any], name: str, label: str) -> date | None:
    """The date parameter ``name`` (None when missing or blank); a bad one is BadParameter."""
    value = str(query.get(name) or "")
    if not value.strip():
        return None
    try:
        return parse_day(value)
    except ValueError as error:
        raise BadParameter(label, value, str(error)) from None


def is_id(value: object) -> bool:
    """Plain digits (not ``²``, not a sign) within the database's ids."""
    return _ID.fullmatch(str(value)) is not None and int(str(value)) <= LARGEST_ID


def parse_id(value: object, label: str) -> int:
    """An id (:func:`is_id`); else BadParameter."""
    text_value = str(value or "").strip()
    if not is_id(text_value):
        raise BadParameter(label, text_value, "not_an_id")
    return int(text_value)


class IdConverter:
    """``<id:name>`` in a URL: an id as :func:`is_id` reads it; a longer number matches no page (404) instead of
    reaching the database, which takes no integer beyond 64 bits."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


class CaseNumberConverter:
    """``<case:name>`` in a URL: a case number, without a control character (no database takes a NUL), so that
    such a path matches no page (404) as a number of no case does."""

    regex = r"[^/\x00-\x1f\x7f]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(IdConverter, "id")
register_converter(CaseNumberConverter, "case")  # before the patterns: web.urls imports this (campaign_views)


def query_text(query: Mapping[str, Any], name: str, label: str, *, limit: int = 64) -> str:
    """A free-text parameter, cut to ``limit``; one with a NUL or another control character is BadParameter
    (a database refuses it)."""
    value = str(query.get(name) or "").strip()[:limit]
    if not value.isprintable():
        raise BadParameter(label, value, "bad_text")
    return value


class DayField(forms.DateField):
    """A form's date within FIRST_DAY … LAST_DAY (far dates overflow the date arithmetic of the reports)."""

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and not FIRST_DAY <= value <= LAST_DAY:
            raise ValidationError(lb.text("day_range"), code="day_range")


class IdsField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Objects chosen by id (the admin site's groups and permissions): an id that is no id is an invalid choice,
    not a query the database cannot run (SQLite takes no integer beyond 64 bits)."""

    def _check_values(self, value: Any) -> Any:
        for item in value:
            if not is_id(item):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": item}
                )
        return super()._check_values(value)  # type: ignore[misc]


class NamedForm(forms.Form):
    """A form whose fields are named in the page's words (``LABELS``: field → key of labels.TEXTS), so that an
    error names the field as the page does (web/form_errors.html), never by its name in the code."""

    LABELS: ClassVar[dict[str, str]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field, key in self.LABELS.items():
            self.fields[field].label = lb.text(key)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 400 page (handler400): what was wrong, when a page said so."""
    message = exception.message() if isinstance(exception, BadParameter) else lb.text("bad_request_text")
    return render(request, "400.html", {"message": message}, status=400)
