"""The page texts in every template, Django's own error pages included (settings: TEMPLATES context_processors)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from qingji.web import labels as lb


def texts(request: HttpRequest) -> dict[str, Any]:
    language = getattr(request, "LANGUAGE_CODE", None)
    return {"t": lb.labels(language), "english": lb.is_english(language)}
