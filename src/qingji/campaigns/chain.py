"""The four-level responsibility chain (四级包案, DESIGN.md §1): president first responsible, vice-president in
charge leading, division head directly responsible, judge specifically responsible — filled from the court's
people when a case enters a campaign, and editable afterwards."""

from __future__ import annotations

from qingji.cases.models import Case
from qingji.courts.models import Person, Role


class ChainBook:
    """The people of every court by role, read once for many cases."""

    def __init__(self) -> None:
        self.presidents: dict[str, str] = {}
        self.vice_presidents: dict[str, str] = {}
        self.division_heads: dict[tuple[str, str], str] = {}
        people = Person.objects.select_related("court", "division").order_by("court__code", "name")
        for person in people:
            code = person.court.code
            if person.role == Role.PRESIDENT:
                self.presidents.setdefault(code, person.name)
            elif person.role == Role.VICE_PRESIDENT:
                self.vice_presidents.setdefault(code, person.name)
            elif person.role == Role.DIVISION_HEAD and person.division is not None:
                self.division_heads.setdefault((code, person.division.name), person.name)

    def chain(self, case: Case) -> dict[str, str]:
        """The chain of one case; a level the court's people do not fill stays blank (and is flagged)."""
        code = case.court_code
        return {
            "president": self.presidents.get(code, ""),
            "vice_president": self.vice_presidents.get(code, ""),
            "division_head": self.division_heads.get((code, case.division), ""),
            "judge": case.judge,
        }
