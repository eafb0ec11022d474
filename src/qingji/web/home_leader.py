"""Leaders' home: the campaign's tiles, the ranking and the heat map."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from qingji.courts.models import Person
from qingji.web.views import summary_home


def leader_home(request: HttpRequest, person: Person | None) -> HttpResponse:
    return summary_home(request, person)
