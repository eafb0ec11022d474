"""The menu shows only what the role may use (issue 12): for every role, every item of its menu opens (200), and
every page of the menu that refuses the role (403) is left out of its menu."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from court_cases import PASSWORD
from qingji.cadence.models import Message
from qingji.courts.actions import do_create_user
from qingji.courts.models import Role
from qingji.web.menu import MENU, items_for

pytestmark = pytest.mark.django_db
NAV = re.compile(r"<nav>(.*?)</nav>", re.S)
LINK = re.compile(r'<a href="([^"]+)"')

# What each role has in its menu, besides home, the inbox, ledger, campaigns, statistics, the forecast and the
# integrity checks (which every role has: each reads what they may see).
EXTRA = {
    Role.PRESIDENT: {"web:documents", "web:audit"},
    Role.VICE_PRESIDENT: {"web:documents", "web:audit"},
    Role.DIVISION_HEAD: set(),
    Role.JUDGE: set(),
    Role.ASSISTANT: set(),
    Role.TRIAL_MANAGEMENT: {"web:documents", "web:import", "web:audit", "web:outbox"},
    Role.SUPERVISION: {"web:documents", "web:audit"},
    Role.HIGHER_COURT_READER: {"web:documents"},
    Role.ADMINISTRATOR: {"web:import", "web:audit", "web:outbox", "web:holidays", "admin:index"},
}
EVERYONE = {
    "web:home",
    "web:inbox",
    "web:ledger",
    "web:campaigns",
    "web:stats",
    "web:forecast",
    "web:integrity",
}


def menu_of(client: Client) -> list[str]:
    page = client.get(reverse("web:ledger")).content.decode()
    found = NAV.search(page)
    assert found is not None
    return LINK.findall(found.group(1))


@pytest.mark.parametrize("role", list(Role))
def test_every_item_opens_and_no_refused_page_is_in_the_menu(cases: None, client: Client, role: Role) -> None:
    person = do_create_user(f"user-{role.value}", PASSWORD, name="某人", court_code="甘1002", role=role)
    client.force_login(person.user)
    expected = EVERYONE | EXTRA[role]
    assert {item.url_name for item in items_for(person)} == expected
    shown = menu_of(client)
    assert shown == [reverse(item.url_name) for item in MENU if item.url_name in expected]  # in menu order
    for url in shown:
        assert client.get(url).status_code == 200, (role, url)
    for item in MENU:
        url = reverse(item.url_name)
        if url in shown:
            continue
        status = client.get(url).status_code
        # left out: refused (403; the admin site sends a non-staff user to its login), or only read (holidays; the
        # archive, which shows anyone the documents sent to them: none, by default, to these roles)
        assert status in (403, 302) or item.url_name in ("web:holidays", "web:documents"), (role, url, status)


def test_the_page_shown_is_marked_in_the_menu(cases: None, client: Client) -> None:
    person = do_create_user("judge", PASSWORD, name="李娜", court_code="甘1002", role=Role.JUDGE)
    client.force_login(person.user)
    nav = NAV.search(client.get("/ledger/").content.decode())
    assert nav is not None
    assert '<a href="/ledger/" aria-current="page">台账</a>' in nav.group(1)
    assert '<a href="/">首页</a>' in nav.group(1)


def test_the_menu_counts_the_unread_messages(cases: None, client: Client) -> None:
    person = do_create_user("judge", PASSWORD, name="李娜", court_code="甘1002", role=Role.JUDGE)
    client.force_login(person.user)
    assert '<a href="/inbox/">收件箱</a>' in menu_html(client)
    for day in (1, 2):
        Message.objects.create(key=f"reminder:{day}", person=person, kind="reminder", on=date(2024, 12, day))
    assert '<a href="/inbox/">收件箱 (2)</a>' in menu_html(client)
    Message.objects.filter(on=date(2024, 12, 1)).update(read_at=timezone.now())
    assert '<a href="/inbox/">收件箱 (1)</a>' in menu_html(client)


def menu_html(client: Client) -> str:
    nav = NAV.search(client.get("/ledger/").content.decode())
    assert nav is not None
    return nav.group(1)


def test_an_account_of_no_court_sees_the_pages_that_show_it_nothing(db: None, client: Client) -> None:
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("clerk", password=PASSWORD))
    shown = menu_of(client)
    assert shown == ["/", "/inbox/", "/ledger/", "/campaigns/", "/stats/", "/forecast/"]
    for url in shown:
        assert client.get(url).status_code == 200, url
    # the integrity page is left out of its menu: it would show nothing, and says why
    page = client.get("/integrity/")
    assert page.status_code == 200 and "该账号未分配法院" in page.content.decode()


def test_a_role_outside_the_import_and_audit_roles_is_refused_there(cases: None, client: Client) -> None:
    person = do_create_user("judge", PASSWORD, name="李娜", court_code="甘1002", role=Role.JUDGE)
    client.force_login(person.user)
    assert client.get("/import/").status_code == 403
    assert client.get("/audit/").status_code == 403
    assert client.get("/audit/export.csv").status_code == 403
