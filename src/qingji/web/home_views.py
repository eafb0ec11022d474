"""The home page: each person's own (issue 12, docs/pages.md). Leaders see how the courts stand and who lags;
judges and assistants see their work, most urgent first; the trial management office sees its to-do list."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from qingji.courts.models import Person, Role
from qingji.web import home_leader, home_office, home_work
from qingji.web.views import person_of

# Whose home is "my work": the people who carry cases.
WORK_ROLES = frozenset({Role.JUDGE, Role.ASSISTANT})
# Whose home is the office's to-do list.
OFFICE_ROLES = frozenset({Role.TRIAL_MANAGEMENT})


def home_kind(person: Person | None) -> str:
    """Which home a person gets: "work", "office" or "leader" (everyone else who sees courts)."""
    if person is not None and person.role in WORK_ROLES:
        return "work"
    if person is not None and person.role in OFFICE_ROLES:
        return "office"
    return "leader"


@login_required
def home(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    kind = home_kind(person)
    if kind == "work":
        return home_work.work_home(request, person)
    if kind == "office":
        return home_office.office_home(request, person)
    return home_leader.leader_home(request, person)
