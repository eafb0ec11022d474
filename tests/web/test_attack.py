"""The standing attack test (issue 10, "Hardened"): every URL pattern the resolver knows (site_urls), requested by
every role of one basic court (甘1002) and of the intermediate court (甘10), with the ids of objects of other
courts and other judges (attack_world) in its path, other courts in its query, and forged ids in every POST.

It fails on any response (page, CSV, Excel sheets, Word letter, redirect, file name) that shows a case number the
user may not see (every case outside ``visible_cases(person)``), on an answer about such a case that differs
from the answer about a number that does not exist (a 403 beside a 404 tells that the case exists), on any row
of a case or court outside the user's that changed (attack_checks.dump_rows), and on an audit record that is not
the user's own or names such a case. ATTACKS (attack_table) says, per URL pattern, which queries and forged POSTs
to send; a pattern missing from it fails ``test_every_url_pattern_is_attacked``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pytest
from attack_checks import (
    audit_ids,
    changed_rows,
    dump_rows,
    new_audit_problems,
    normalised,
    response_text,
    shown,
)
from attack_table import ATTACKS, PATHS, Context, Data, twin
from attack_world import World, build_world, make_attacker
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from site_urls import Route, all_routes

from qingji.cases.models import Case
from qingji.cases.selectors import visible_cases
from qingji.courts.models import Role
from qingji.courts.selectors import visible_court_codes

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db
ATTACKERS = [(court, role) for court in ("甘1002", "甘10") for role in Role]


def test_every_url_pattern_is_attacked() -> None:
    keys = {route.key for route in all_routes()}
    assert sorted(keys - set(ATTACKS)) == [], "pages missing from ATTACKS in tests/web/attack_table.py"
    assert sorted(set(ATTACKS) - keys) == []
    kinds = {tuple(name for name, _ in route.params) for route in all_routes()}
    assert sorted(kinds - set(PATHS)) == [], "path parameters with no objects to try in PATHS"


@pytest.fixture
def world(db: None, settings: Any, tmp_path: Any) -> World:
    settings.HOME = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_world()


class Attacker:
    """One user's requests, each checked as it is answered."""

    def __init__(self, client: Client, ctx: Context) -> None:
        self.client, self.ctx = client, ctx
        self.failures: list[str] = []
        self.twins: dict[str, tuple[int, str]] = {}
        self.not_allowed: set[tuple[str, str]] = set()

    def send(self, method: str, url: str, data: Data) -> Response:
        if method == "GET":
            return self.client.get(url, data)
        files = {k: SimpleUploadedFile(v[0], v[1]) if isinstance(v, tuple) else v for k, v in data.items()}
        return self.client.post(url, files)

    def probe(self, key: str, method: str, url: str, data: Data) -> None:
        if (key, method) in self.not_allowed:
            return  # a page that takes no such request (405) takes none for any object
        response = self.send(method, url, data)
        if response.status_code == 405:
            self.not_allowed.add((key, method))
        text = response_text(response)
        asked = f"{url} {_flat(data)}"
        named = {n for n in self.ctx.forbidden if shown(n, asked)}
        what = f"{method} {url} {_flat(data)[:200]}"
        if response.status_code >= 500:
            self.failures.append(f"{what}: {response.status_code}")
        leaked = sorted(n for n in self.ctx.forbidden - named if shown(n, text))
        if leaked:
            self.failures.append(f"{what}: shows {leaked}")
        if named:
            self._compare(method, url, data, named, response.status_code, text, what)

    def _compare(
        self, method: str, url: str, data: Data, named: set[str], status: int, text: str, what: str
    ) -> None:
        """The answer about a case the user may not see is the answer about a number that does not exist."""
        other_url, other_data = _replaced(url, named), {k: _replaced(v, named) for k, v in data.items()}
        key = f"{method} {other_url} {_flat(other_data)}"
        if key not in self.twins:  # the same question about the same missing number: the same answer
            response = self.send(method, other_url, other_data)
            self.twins[key] = (response.status_code, response_text(response))
        other_status, other_text = self.twins[key]
        if status != other_status:
            self.failures.append(f"{what}: {status}, but {other_status} for a number that does not exist")
        elif normalised(text, named) != normalised(other_text, {twin(n) for n in named}):
            self.failures.append(f"{what}: answers otherwise than for a number that does not exist")


def _replaced(value: Any, numbers: set[str]) -> Any:
    if isinstance(value, tuple):
        return (value[0], _replaced(value[1].decode(), numbers).encode())
    if isinstance(value, list):
        return [_replaced(item, numbers) for item in value]
    if isinstance(value, str):
        for number in numbers:
            value = value.replace(number, twin(number)).replace(
                quote(number, safe=""), quote(twin(number), safe="")
            )
    return value


def _flat(data: Data) -> str:
    return " ".join(f"{k}={v[1].decode() if isinstance(v, tuple) else v}" for k, v in data.items())


def _requests(ctx: Context) -> Iterator[tuple[Route, str, str, Data]]:
    for route in all_routes():
        attack = ATTACKS[route.key]
        for path in PATHS[tuple(name for name, _ in route.params)](ctx, route):
            url = route.url(**path)
            for query in attack.queries(ctx, path):
                yield route, "GET", url, query
            for body in attack.posts(ctx, path) if attack.posts else []:
                yield route, "POST", url, body


@pytest.mark.parametrize(("court", "role"), ATTACKERS, ids=[f"{c}-{r.value}" for c, r in ATTACKERS])
def test_no_page_shows_or_changes_what_the_user_may_not_see(
    court: str, role: Role, world: World, client: Client
) -> None:
    person = make_attacker(court, role)
    client.force_login(person.user)
    client.raise_request_exception = False
    numbers = sorted(Case.objects.values_list("case_number", flat=True))
    visible = set(visible_cases(person).values_list("case_number", flat=True))
    courts = sorted({*Case.objects.values_list("court_code", flat=True), ""})  # with cases, and none
    ctx = Context(world, person, numbers, visible, courts)
    may_change = visible | visible_court_codes(person)
    attacker = Attacker(client, ctx)
    before, audited = dump_rows(), audit_ids()
    posted = ""
    for route, method, url, data in [*_requests(ctx), (None, "", "", {})]:
        if posted and (route is None or posted != route.key):  # the rows after each page's POSTs
            after = dump_rows()
            attacker.failures += [
                f"{posted} changed {row}" for row in changed_rows(before, after, may_change)
            ]
            before, posted = after, ""
        if route is not None:
            attacker.probe(route.key, method, url, data)
            posted = route.key if method == "POST" else posted
    attacker.failures += new_audit_problems(audited, person.user.pk, ctx.forbidden)
    assert ctx.forbidden and not attacker.failures, "\n".join(sorted(set(attacker.failures))[:40])


def test_an_administrator_changes_only_the_accounts_of_their_courts(world: World, client: Client) -> None:
    """The admin site lists, changes, gives passwords to and deletes the accounts of the administrator's courts
    only: a basic court's administrator cannot take over another court's president (found by the test above)."""
    client.force_login(make_attacker("甘1002", Role.ADMINISTRATOR).user)
    own, other = User.objects.get(username="target甘1002"), User.objects.get(username="target甘1027")
    listed = client.get("/admin/auth/user/").content.decode()
    assert ">target甘1002<" in listed and ">target甘1027<" not in listed and ">target甘10<" not in listed
    password = {"password1": "Hijack-pass-9876", "password2": "Hijack-pass-9876", "usable_password": "true"}
    assert client.post(f"/admin/auth/user/{other.pk}/password/", password).status_code == 404
    assert client.post(f"/admin/auth/user/{own.pk}/password/", password).status_code == 302
    other.refresh_from_db()
    own.refresh_from_db()
    assert not other.check_password("Hijack-pass-9876") and own.check_password("Hijack-pass-9876")
    client.post(f"/admin/auth/user/{other.pk}/delete/", {"post": "yes"})
    assert User.objects.filter(pk=other.pk).exists()
