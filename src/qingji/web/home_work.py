"""A judge's or an assistant's home: my work, most urgent first."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from qingji.courts.models import Person
from qingji.web.views import summary_home


def work_home(request: HttpRequest, person: Person | None) -> HttpResponse:
    return summary_home(request, person)
