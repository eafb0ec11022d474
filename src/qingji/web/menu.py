"""The menu: the pages a role may use, and only those (issue 12). One table says which role sees which item; the
role sets are qingji.courts.roles' (the same sets the pages ask before they accept a change), so that the menu
and the pages cannot disagree. A page left out of a role's menu either refuses the role (HTTP 403: the import
page, the audit trail) or only reads what everyone may read (the holidays page shows every user the years the
calendar knows; loading a notice is the administrator's, so only the administrator has it in the menu).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from qingji.cadence.inbox import unread_count
from qingji.courts.models import Person, Role
from qingji.courts.roles import AUDIT_ROLES, IMPORT_ROLES, OUTBOX_ROLES
from qingji.web import labels as lb

EVERYONE = frozenset(Role)
# The holidays page in the menu: for whoever loads a year's notice (qingji.cases.calendar_change decides which
# administrator may; the page shows the others why not).
HOLIDAY_ROLES = frozenset({Role.ADMINISTRATOR})
# The archive of bulletins and reports: the roles they are sent to by default (docs/cadence.md; the page shows
# anyone what was sent to them).
DOCUMENT_ROLES = frozenset(
    {Role.PRESIDENT, Role.VICE_PRESIDENT, Role.TRIAL_MANAGEMENT, Role.SUPERVISION, Role.HIGHER_COURT_READER}
)
# The admin site (accounts and groups): administrators are its only staff (qingji.courts.actions).
ADMIN_SITE_ROLES = frozenset({Role.ADMINISTRATOR})


@dataclass(frozen=True)
class MenuItem:
    url_name: str  # the page, by its URL name
    label: str  # the key of its words in labels.TEXTS
    roles: frozenset[Role]


# In the order of the menu.
MENU: tuple[MenuItem, ...] = (
    MenuItem("web:home", "home", EVERYONE),
    MenuItem("web:inbox", "inbox", EVERYONE),
    MenuItem("web:documents", "documents", DOCUMENT_ROLES),
    MenuItem("web:ledger", "ledger", EVERYONE),
    MenuItem("web:campaigns", "campaigns", EVERYONE),
    MenuItem("web:stats", "stats", EVERYONE),
    MenuItem("web:forecast", "forecast", EVERYONE),  # as the statistics: each over the cases they may see
    MenuItem("web:integrity", "integrity", EVERYONE),  # each reads the findings of what they may see
    MenuItem("web:import", "import", IMPORT_ROLES),
    MenuItem("web:audit", "audit", AUDIT_ROLES),
    MenuItem("web:outbox", "outbox", OUTBOX_ROLES),
    MenuItem("web:holidays", "holidays", HOLIDAY_ROLES),
    MenuItem("admin:index", "admin_site", ADMIN_SITE_ROLES),
)
# What an account of no court (a clerk just added, Django's createsuperuser) sees: the pages that show it nothing.
NO_COURT = frozenset({"web:home", "web:ledger", "web:campaigns", "web:stats", "web:forecast", "web:inbox"})


def items_for(person: Person | None) -> list[MenuItem]:
    """The menu items of a person, in menu order."""
    if person is None:
        return [item for item in MENU if item.url_name in NO_COURT]
    return [item for item in MENU if person.role in item.roles]


@dataclass(frozen=True)
class Link:
    url: str
    text: str
    current: bool


def menu_links(request: HttpRequest) -> list[Link]:
    """The signed-in user's menu as links in the page's language, the page being shown marked."""
    if not request.user.is_authenticated:
        return []
    person = Person.objects.filter(user_id=request.user.pk).only("role").first()
    language = getattr(request, "LANGUAGE_CODE", None)
    links = []
    for item in items_for(person):
        url = reverse(item.url_name)
        here = request.path == url if url == "/" else request.path.startswith(url)
        words = lb.text(item.label, language)
        if item.url_name == "web:inbox" and person is not None and (unread := unread_count(person)):
            words = f"{words} ({unread})"  # the unread messages, in the menu of every page
        links.append(Link(url, words, here))
    return links
