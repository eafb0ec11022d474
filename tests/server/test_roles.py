"""Which roles may do what: the table of docs/access.md is the module qingji.courts.roles, each question asked of
the set it names."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from qingji.courts import roles
from qingji.courts.models import Person, Role

DOCS = Path(__file__).resolve().parents[2] / "docs" / "access.md"
PREDICATES: dict[str, Callable[[Person | None], bool]] = {
    "IMPORT_ROLES": roles.may_import,
    "CAMPAIGN_CREATE_ROLES": roles.may_create_campaigns,
    "CASEWORK_ROLES": roles.may_change_casework,
    "SUPERVISE_ROLES": roles.may_supervise,
    "AUDIT_ROLES": roles.may_read_audit,
}


def documented() -> dict[str, set[str]]:
    """The set name → the role codes of each row of the table in docs/access.md."""
    rows = re.findall(r"^\| [^|]+ \| ([^|]+) \| ([A-Z_]+) \|$", DOCS.read_text(encoding="utf-8"), re.M)
    # "division_head (without a division)": the code, its condition aside
    return {
        name: {code.strip() for code in re.sub(r"\([^)]*\)", "", codes).split(",")} for codes, name in rows
    }


def test_the_documented_table_is_the_module() -> None:
    table = documented()
    assert set(table) == {"COURT_WIDE_ROLES", *PREDICATES}
    for name, codes in table.items():
        assert {role.value for role in getattr(roles, name)} == codes, name


@pytest.mark.parametrize("role", list(Role))
def test_each_question_is_asked_of_the_role(role: Role) -> None:
    person = Person(role=role)
    for name, may in PREDICATES.items():
        assert may(person) == (role in getattr(roles, name)), name
    assert not any(may(None) for may in PREDICATES.values())  # an account of no court may do none of it
