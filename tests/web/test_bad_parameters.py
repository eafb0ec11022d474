"""Every parameter of every page answers a bad value with a clear message, never a server error (issue 10,
"Hardened"): every URL pattern the resolver knows (site_urls) is requested, as a user who may see it, with bad
values in each of its path parameters, each query parameter it reads and each field of each form it takes.

PAGES lists, per URL pattern, the query parameters and forms the view reads; a pattern missing from it fails
``test_every_url_pattern_is_in_the_table``, so a new page cannot go unchecked. Path parameters are read from the
pattern itself."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from site_urls import Route, all_routes

from court_cases import PASSWORD
from qingji.cadence.models import Delivery, Document, Message
from qingji.campaigns.actions import do_add_cases, do_add_step, do_create_campaign, do_record_supervision
from qingji.campaigns.casework import do_refer, do_request_appraisal
from qingji.campaigns.scope import ListedNumber
from qingji.cases.models import Case
from qingji.courts.actions import do_create_user
from qingji.courts.models import Person, Role

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db

# Bad values by kind of parameter. A value is sent alone, and each query parameter also twice and as bytes that
# are no UTF-8.
BAD: dict[str, tuple[Any, ...]] = {
    "day": ("9999-12-31", "0001-01-01", "2024-02-30", "²", "2024-12-31T00:00", "not a date", "\x00", " "),
    "id": ("²", "-1", "99999999999999999999999", "1.5", "x", "\x00", ""),
    "number": ("²", "-1", "1e999", "nan", "inf", "1e308", "x"),
    "text": ("\x00", "x" * 3000, "\u202e\ufeff", "' OR 1=1 --", "<script>"),
    "choice": ("bogus", "\x00", "x" * 300, ""),
    "file": ("not a file", "junk", "empty", "exe"),
}
NO_DAY = ("9999-12-31", "0001-01-01", "2024-02-30", "²")
PATH_BAD: dict[str, tuple[str, ...]] = {
    "int": ("99999999999999999999999", "0"),
    "text": ("\x00", "x" * 2000, "（2024）甘9999民初1号", "<script>"),
    "path": ("\x00", "x" * 2000, "1/../2", "99999999999999999999999"),
}
OVER = "（2023）甘1002民初7号"  # closed after more than a year pending: its look-back is due


@dataclass(frozen=True)
class Form:
    """A form a page takes: valid values, and the kind of each field to spoil."""

    base: Callable[[World], dict[str, Any]]
    fields: Mapping[str, str]


@dataclass(frozen=True)
class Page:
    get: Mapping[str, str] = field(default_factory=dict)
    forms: tuple[Form, ...] = ()
    user: str = "office"  # office (the intermediate court's trial management office), admin or anonymous


@dataclass
class World:
    campaign: int
    number: str
    referral: int
    appraisal: int
    letter: int
    user: int
    group: int


# fmt: off
LEDGER = {"court": "text", "status": "choice", "bucket": "choice", "judge": "text", "page": "id", "q": "text",
          "type": "text", "procedure": "choice", "division": "text", "warning": "choice", "new_backlog": "choice"}
AUDIT = {"action": "choice", "object_id": "text", "actor": "text", "court": "text", "since": "day", "until": "day"}
STATS = {"as_of": "day", "compare": "day", "since": "day", "court": "text", "w_on_time_rate": "number"}
INTEGRITY = {"check": "choice", "court": "text", "judge": "text", "page": "id"}
FORECAST = {"as_of": "day", "court": "text", "level": "choice", "division": "text", "judge": "text",
            "crossing": "choice", "within": "choice", "older": "choice", "page": "id"}
CAMPAIGN = {"as_of": "day", "supervise": "choice", "kind": "choice", "court": "text", "page": "id", "missing": "choice",
            "overdue_target": "choice", "whatif": "text", "more": "number", "close": "text", "close_by": "day"}
CAMPAIGN_VIEW = {"as_of": "day", "court": "text", "missing": "choice", "overdue_target": "choice"}
NEW_CAMPAIGN = {"name": "text", "start": "day", "target": "day", "scope": "choice", "older_than_months": "number",
                "scope_file": "file", "courts": "choice", "type_codes": "text"}
SUPERVISION = {"court": "choice", "kind": "choice", "on": "day", "by": "text", "to": "text", "agreed": "text",
               "follow_up": "day"}
ENTRY = {"responsible": "text", "supervisor": "text", "plan": "text", "target_on": "day", "reason": "choice",
         "reason_note": "text", "president": "text", "vice_president": "text", "division_head": "text",
         "judge": "text", "action": "choice"}
REFERRAL = {"body": "choice", "referred_on": "day", "referred_by": "text", "scheduled_on": "day"}
REFERRAL_UPDATE = {"scheduled_on": "day", "held_on": "day", "outcome": "text", "decided_on": "day"}
APPRAISAL = {"agency": "text", "requested_on": "day", "due_on": "day", "note": "text"}
APPRAISAL_UPDATE = {"agency": "text", "due_on": "day", "received_on": "day", "note": "text"}
FINDING = {"reviewed_on": "day", "reviewer": "text", "finding": "text", "verdict": "choice", "problem": "text"}
LOGIN = {"username": "text", "password": "text"}
ADMIN_LIST = {"q": "text", "o": "text", "p": "id", "e": "text", "_to_field": "choice", "is_staff__exact": "choice"}
USER_ADD = {"username": "text", "password1": "text", "password2": "text", "usable_password": "choice"}
USER_CHANGE = {"username": "text", "email": "text", "is_active": "choice", "groups": "id", "user_permissions": "id",
               "first_name": "text", "_continue": "choice"}
GROUP = {"name": "text", "permissions": "id"}
ACTION = {"action": "choice", "_selected_action": "id", "select_across": "choice", "index": "id"}
PASSWORD_CHANGE = {"old_password": "text", "new_password1": "text", "new_password2": "text"}
SET_PASSWORD = {"password1": "text", "password2": "text", "usable_password": "choice"}


def _new_campaign(world: World) -> dict[str, Any]:
    return {"name": "新行动", "start": "2024-09-02", "target": "2024-12-31", "scope": "rule", "older_than_months": "6",
            "courts": ["甘1002"], "type_codes": "民初"}


def _referral_update(w: World) -> dict[str, str]:
    return {f"referral-{w.referral}-outcome": "发回", f"referral-{w.referral}-decided_on": "2024-11-20",
            f"referral-{w.referral}-held_on": "2024-11-20"}


def _appraisal_update(w: World) -> dict[str, str]:
    return {f"appraisal-{w.appraisal}-agency": "鉴定所", f"appraisal-{w.appraisal}-due_on": "2024-12-01",
            f"appraisal-{w.appraisal}-received_on": "2024-11-28"}


PAGES: dict[str, Page] = {
    "web:home": Page(get={"show": "choice"}),  # read by the judges' and assistants' home (test_home_work.py)
    "web:login": Page(get={"next": "text"}, user="anonymous",
                      forms=(Form(lambda w: {"username": "nobody", "password": "x"}, LOGIN),)),
    "web:logout": Page(get={"next": "text"}, forms=(Form(lambda w: {}, {"next": "text"}),)),
    "web:set_language": Page(forms=(Form(lambda w: {"language": "en", "next": "/"},
                                         {"language": "choice", "next": "text"}),)),
    "web:ledger": Page(get=LEDGER),
    "web:ledger_export": Page(get={**LEDGER, "format": "choice"}),
    "web:case": Page(),
    "web:import": Page(forms=(Form(lambda w: {}, {"cases": "file", "events": "file"}),
                              Form(lambda w: {"token": "x"}, {"token": "text", "discard": "text"}))),
    "web:import_report": Page(),
    "web:audit": Page(get={**AUDIT, "page": "id"}),
    "web:audit_export": Page(get=AUDIT),
    "web:stats": Page(get=STATS),
    "web:forecast": Page(get=FORECAST),
    "web:integrity": Page(get=INTEGRITY),
    "web:integrity_export": Page(get={**INTEGRITY, "format": "choice"}),
    "web:inbox": Page(get={"page": "id"}),
    "web:inbox_message": Page(),
    "web:documents": Page(get={"page": "id"}),
    "web:document_file": Page(),
    "web:outbox": Page(get={"page": "id"}),
    "web:outbox_retry": Page(forms=(Form(lambda w: {}, {}),)),
    "web:holidays": Page(user="admin", forms=(Form(
        lambda w: {"text": "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日放假。", "year": "2027"},
        {"text": "text", "year": "number", "file": "file"}),)),
    "web:campaigns": Page(forms=(Form(_new_campaign, NEW_CAMPAIGN),)),
    "web:campaign": Page(get=CAMPAIGN, forms=(Form(
        lambda w: {"court": "甘1002", "kind": "phone", "on": "2024-12-01", "by": "督导组", "to": "院长",
                   "follow_up": "2024-12-15"}, SUPERVISION),)),
    "web:campaign_case": Page(get={"saved": "choice"}, forms=(
        Form(lambda w: {"action": "entry", "responsible": "李娜", "target_on": "2024-11-30"}, ENTRY),
        Form(lambda w: {"action": "step", "due_on": "2024-10-15", "description": "委托鉴定"},
             {"due_on": "day", "description": "text"}),
        Form(lambda w: {"action": "step_done", "step": "1"}, {"step": "id"}))),
    "web:campaign_letter": Page(),
    "web:campaign_print": Page(get=CAMPAIGN_VIEW),
    "web:campaign_determinations_export": Page(get=CAMPAIGN_VIEW),
    "web:campaign_ranking_export": Page(get={"as_of": "day"}),
    "web:campaign_new_backlog": Page(get={"as_of": "day", "court": "text", "page": "id"}),
    "web:campaign_green_channel": Page(get={"as_of": "day"}),
    "web:campaign_appraisals": Page(get={"as_of": "day"}),
    "web:campaign_lookback": Page(get={"as_of": "day"}, forms=(Form(lambda w: {}, {}),)),
    "web:case_referral_add": Page(forms=(Form(
        lambda w: {"body": "committee", "referred_on": "2024-11-01", "referred_by": "李娜"}, REFERRAL),)),
    "web:case_referral_update": Page(forms=(Form(_referral_update, REFERRAL_UPDATE),)),
    "web:case_appraisal_add": Page(forms=(Form(
        lambda w: {"agency": "鉴定所", "requested_on": "2024-11-01", "due_on": "2024-12-01"}, APPRAISAL),)),
    "web:case_appraisal_update": Page(forms=(Form(_appraisal_update, APPRAISAL_UPDATE),)),
    "web:case_lookback": Page(forms=(Form(
        lambda w: {"reviewed_on": "2024-11-01", "reviewer": "审管办", "finding": "无", "verdict": "no_problem"},
        FINDING),)),
    "web:favicon": Page(),
    "admin:index": Page(user="admin"),
    "admin:login": Page(get={"next": "text"}, user="anonymous",
                        forms=(Form(lambda w: {"username": "nobody", "password": "x"}, LOGIN),)),
    "admin:logout": Page(user="admin", forms=(Form(lambda w: {}, {"next": "text"}),)),
    "admin:password_change": Page(user="admin", forms=(Form(
        lambda w: {"old_password": "wrong", "new_password1": "x", "new_password2": "y"}, PASSWORD_CHANGE),)),
    "admin:password_change_done": Page(user="admin"),
    "admin:autocomplete": Page(user="admin", get={"app_label": "choice", "model_name": "choice",
                                                  "field_name": "choice", "term": "text", "page": "id"}),
    "admin:jsi18n": Page(user="admin"),
    "admin:view_on_site": Page(user="admin"),
    "admin:auth_user_password_change": Page(user="admin", forms=(Form(
        lambda w: {"password1": "x", "password2": "y", "usable_password": "true"}, SET_PASSWORD),)),
    "admin:auth_user_changelist": Page(user="admin", get=ADMIN_LIST, forms=(Form(
        lambda w: {"action": "delete_selected", "_selected_action": ["999999"]}, ACTION),)),
    "admin:auth_user_add": Page(user="admin", get={"_changelist_filters": "text", "_popup": "choice"}, forms=(Form(
        lambda w: {"username": "neu", "password1": "x", "password2": "y", "usable_password": "true"}, USER_ADD),)),
    "admin:auth_user_history": Page(user="admin", get={"p": "id"}),
    "admin:auth_user_delete": Page(user="admin", forms=(Form(lambda w: {"post": "no"}, {"post": "choice"}),)),
    "admin:auth_user_change": Page(user="admin", get={"_changelist_filters": "text"}, forms=(Form(
        lambda w: {"username": "neu", "is_active": "on", "groups": [str(w.group)]}, USER_CHANGE),)),
    "admin/auth/user/<path:object_id>/": Page(user="admin"),
    "admin:auth_group_changelist": Page(user="admin", get={"q": "text", "o": "text", "p": "id"}, forms=(Form(
        lambda w: {"action": "delete_selected", "_selected_action": [str(w.group)]}, ACTION),)),
    "admin:auth_group_add": Page(user="admin", forms=(Form(lambda w: {"name": "组二"}, GROUP),)),
    "admin:auth_group_history": Page(user="admin", get={"p": "id"}),
    "admin:auth_group_delete": Page(user="admin", forms=(Form(lambda w: {"post": "no"}, {"post": "choice"}),)),
    "admin:auth_group_change": Page(user="admin", forms=(Form(lambda w: {"name": "组"}, GROUP),)),
    "admin/auth/group/<path:object_id>/": Page(user="admin"),
    "admin:app_list": Page(user="admin"),
    "admin/(?P<url>.*)$": Page(user="admin"),
}
# fmt: on


def good_path_values(route: Route, world: World) -> dict[str, object]:
    """A value each path parameter takes that names something the user may see."""
    user_or_group = world.group if "group" in route.route else world.user
    values: dict[str, object] = {
        "pk": world.campaign,
        "case_number": OVER if route.key == "web:case_lookback" else world.number,
        "item": world.appraisal if "appraisal" in route.key else world.referral,
        "action_id": world.letter,
        "object_id": user_or_group,
        "id": world.user,
        "app_label": "auth",
        "url": "nothing/",
        "content_type_id": ContentType.objects.get_for_model(User).pk,
    }
    if route.key == "web:inbox_message":  # a message of the page's user (the office)
        office = Person.objects.get(user__username="office")
        values["message"] = Message.objects.create(key="reminder:office", person=office, kind="reminder",
                                                   on=date(2024, 12, 31), data={"items": [], "total": 0}).pk  # fmt: skip
    if route.key == "web:document_file":  # a bulletin of the campaign, which the office reads
        values["document"] = Document.objects.create(kind="bulletin", campaign_id=world.campaign, on=date(2024, 12, 21),
                                                     title="通报", docx=b"docx", pdf=b"pdf").pk  # fmt: skip
        values["fmt"] = "pdf"
    if route.key == "web:outbox_retry":  # a failed e-mail of the office's court
        at = datetime(2024, 12, 31, 8, 0, tzinfo=UTC)
        values["delivery"] = Delivery.objects.create(key="email:office", channel="email", recipient="a@court.local",
                                                     court_code="甘10", kind="reminder", on=at.date(),
                                                     status="failed", due_at=at, next_try_at=at).pk  # fmt: skip
    return {name: values[name] for name, _ in route.params}


@pytest.fixture
def world(cases: None, settings: Any, tmp_path: Any) -> World:
    """A campaign of the intermediate court's courts with a referral, an appraisal, a plan step, a letter and a
    case whose look-back is due; an administrator and a group for the admin site."""
    settings.HOME = tmp_path
    campaign = do_create_campaign(
        "年底清积", start=date(2024, 9, 2), target=date(2024, 12, 31), older_than_months=6
    )
    Case.objects.create(
        case_number=OVER,
        court_code="甘1002",
        type_code="民初",
        procedure="ordinary",
        judge="张伟",
        division="民一庭",
        filed_on=date(2023, 1, 10),
        closed_on=date(2024, 10, 8),
    )
    do_add_cases(campaign, [ListedNumber(2, OVER)], added_on=date(2024, 9, 2))
    number = "（2024）甘1002民初2号"
    entry = campaign.cases.get(case__case_number=number)
    referral = do_refer(entry, body="committee", referred_on=date(2024, 11, 1), referred_by="李娜")
    appraisal = do_request_appraisal(
        entry, agency="鉴定所", requested_on=date(2024, 11, 1), due_on=date(2024, 12, 1)
    )
    do_add_step(entry, due_on=date(2024, 10, 15), description="委托鉴定")
    letter = do_record_supervision(
        campaign, court_code="甘1002", kind="letter", on=date(2024, 12, 20), by="督导组"
    )
    user = do_create_user("judge1", PASSWORD, name="王芳", court_code="甘1002", role=Role.JUDGE).user
    return World(
        campaign.pk, number, referral.pk, appraisal.pk, letter.pk, user.pk, Group.objects.create(name="组").pk
    )


@pytest.fixture
def client_for(client: Client, world: World) -> Callable[[str], Client]:
    people = {
        "office": do_create_user(
            "office", PASSWORD, name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT
        ),
        "admin": do_create_user("root", PASSWORD, name="管理员", court_code="甘10", role=Role.ADMINISTRATOR),
    }

    def log_in(who: str) -> Client:
        if who in people:
            client.force_login(people[who].user)
        client.raise_request_exception = False  # a server error is a 500 response, counted below
        return client

    return log_in


def test_every_url_pattern_is_in_the_table() -> None:
    """A new page must say here which parameters it reads; one listed here that no longer exists goes too."""
    keys = [route.key for route in all_routes()]
    assert sorted(set(keys) - set(PAGES)) == [], (
        "pages missing from PAGES in tests/web/test_bad_parameters.py"
    )
    assert sorted(set(PAGES) - set(keys)) == []


def _upload(kind: str) -> object:
    files = {
        "junk": ("cases.xlsx", b"PK\x03\x04 not really a workbook"),
        "empty": ("cases.csv", b""),
        "exe": ("cases.exe", b"MZ"),
    }
    if kind not in files:
        return kind
    name, content = files[kind]
    return SimpleUploadedFile(name, content)


def _visible_message(response: Response) -> str:
    """The text of the error message a page shows (empty when it shows none)."""
    body = response.content.decode("utf-8", "replace")
    found = re.search(r'class="error[^"]*"[^>]*>(.*?)</(?:p|ul)>', body, re.S)
    return re.sub(r"<[^>]+>", " ", found.group(1)).strip() if found else ""


def check(response: Response, what: str, *, form_again: bool = False) -> None:
    """Never a server error; a refusal (400, or one of our forms shown again) says what was wrong."""
    status = response.status_code
    assert status < 500, f"{what}: {status}"
    body = response.content.decode("utf-8", "replace") if not response.streaming else ""
    assert "Traceback" not in body and "BadParameter" not in body, what
    if status == 400 or (form_again and status in (200, 409, 422)):
        assert _visible_message(response), f"{what}: {status} with no message"


def _request(
    client: Client, route: Route, url: str, what: str, data: Any = None, *, post: bool = False
) -> Response:
    response = client.post(url, data or {}) if post else client.get(url, data or {})
    check(response, what, form_again=post and route.key.startswith("web:"))
    return response


@pytest.mark.parametrize("key", sorted(PAGES))
def test_bad_values_are_answered_with_a_message(
    key: str, world: World, client_for: Callable[[str], Client]
) -> None:
    route = next(route for route in all_routes() if route.key == key)
    page = PAGES[key]
    client = client_for(page.user)
    good = good_path_values(route, world)
    url = route.url(**good)
    _request(client, route, url, f"{key} {url}")
    for name, kind in route.params:
        for value in PATH_BAD["path" if kind == "path" else kind]:
            bad_url = route.url(**{**good, name: value})
            _request(client, route, bad_url, f"{key} {name}={value[:20]!r}")
    for name, kind in page.get.items():
        for value in BAD[kind]:
            response = _request(client, route, url, f"{key} ?{name}={value[:20]!r}", {name: value})
            if kind == "day" and value in NO_DAY:  # the page itself (400) or its form says so
                assert _visible_message(response), (
                    f"{key} ?{name}={value}: {response.status_code} with no message"
                )
        _request(client, route, url, f"{key} ?{name} twice", {name: [BAD[kind][0], BAD[kind][-1]]})
        _request(client, route, f"{url}?{name}=%FF%FE%00", f"{key} ?{name} not UTF-8")
    for form in page.forms:
        base = form.base(world)
        prefix = next((f"{p}-" for p in ("referral", "appraisal") if f"{p}_update" in key), "")
        item = world.referral if prefix.startswith("referral") else world.appraisal
        for name, kind in form.fields.items():
            posted = f"{prefix}{item}-{name}" if prefix else name
            rest = {k: v for k, v in base.items() if k != posted}
            _request(client, route, url, f"{key} POST without {name}", rest, post=True)
            for value in BAD[kind]:
                data = {**rest, posted: _upload(value) if kind == "file" else value}
                _request(client, route, url, f"{key} POST {name}={value[:20]!r}", data, post=True)
        if not form.fields:
            _request(client, route, url, f"{key} POST", base, post=True)


def test_a_date_out_of_range_is_named_on_the_campaign_and_statistics_pages(
    world: World, client_for: Callable[[str], Client]
) -> None:
    client = client_for("office")
    for value in ("9999-12-31", "0001-01-01"):
        response = client.get(f"/campaigns/{world.campaign}/", {"as_of": value})
        assert response.status_code == 400
        assert _visible_message(response) == f"截至“{value}”无法使用：日期应在 1900-01-01 至 2099-12-31 之间"
        stats = client.get("/stats/", {"as_of": value})  # the page on the default date, with the form's error
        assert (
            stats.status_code == 200
            and "截至：日期应在 1900-01-01 至 2099-12-31 之间" in _visible_message(stats)
        )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(f"/campaigns/{world.campaign}/green-channel/", {"as_of": "9999-12-31"})
    assert _visible_message(response) == (
        "As of “9999-12-31” cannot be used: the date must lie between 1900-01-01 and 2099-12-31"
    )


def test_a_plan_step_that_is_no_number_is_named(world: World, client_for: Callable[[str], Client]) -> None:
    client = client_for("office")
    url = f"/campaigns/{world.campaign}/case/{world.number}/"
    response = client.post(url, {"action": "step_done", "step": "²"})
    assert response.status_code == 400 and _visible_message(response) == "步骤“²”无法使用：应为编号（数字）"
    assert client.post(url, {"action": "step_done", "step": "999999"}).status_code == 404
    form = client.post(url, {"action": "step", "due_on": "9999-12-31", "description": "x"})
    assert (
        form.status_code == 422
        and "计划日期：日期应在 1900-01-01 至 2099-12-31 之间" in form.content.decode()
    )
