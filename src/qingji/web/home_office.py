"""The trial management office's home: its to-do list."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from qingji.courts.models import Person
from qingji.web.views import summary_home


def office_home(request: HttpRequest, person: Person | None) -> HttpResponse:
    return summary_home(request, person)
