"""Login throttling, and the admin site for administrators only."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Role
from qingji.web.throttle import FAILURES_ALLOWED

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def people() -> None:
    cache.clear()
    do_ensure_courts()
    do_create_user("judge", "right-password-1", name="张伟", court_code="甘1002", role=Role.JUDGE)
    do_create_user("admin", "right-password-2", name="管理员", court_code="甘10", role=Role.ADMINISTRATOR)


def login(client: Client, username: str, password: str) -> int:
    return client.post("/login/", {"username": username, "password": password}).status_code


def test_too_many_failures_lock_the_user_name_even_with_the_right_password(client: Client) -> None:
    for _ in range(FAILURES_ALLOWED):
        assert login(client, "judge", "wrong") == 200  # the form again, with an error
    response = client.post("/login/", {"username": "judge", "password": "right-password-1"})
    assert response.status_code == 429
    assert "15分钟" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another user name from the same address is not locked.
    assert login(client, "admin", "right-password-2") == 302


def test_the_admin_login_is_throttled_and_counts_with_the_login_page(client: Client) -> None:
    """Guesses at /admin/login/ count as at /login/: after the limit the right password lets in on neither."""
    for _ in range(FAILURES_ALLOWED):
        response = client.post("/admin/login/", {"username": "admin", "password": "wrong", "next": "/admin/"})
        assert response.status_code == 200
    right = {"username": "admin", "password": "right-password-2", "next": "/admin/"}
    assert client.post("/admin/login/", right).status_code == 200  # the form again: not let in
    assert "_auth_user_id" not in client.session
    assert login(client, "admin", "right-password-2") == 429


@pytest.mark.parametrize("written", ["ｊudge", "𝗃udge", "JUDGE", " judge"])
def test_other_unicode_forms_of_a_name_share_its_count(client: Client, written: str) -> None:
    """Django signs in with the NFKC form of a name (ｊudge is judge): every form counts for the one name."""
    for _ in range(FAILURES_ALLOWED):
        login(client, written, "wrong")
    assert login(client, "judge", "right-password-1") == 429
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_clears_the_count(client: Client) -> None:
    for _ in range(FAILURES_ALLOWED - 1):
        login(client, "judge", "wrong")
    assert login(client, "judge", "right-password-1") == 302
    client.post("/logout/")
    for _ in range(FAILURES_ALLOWED - 1):
        login(client, "judge", "wrong")
    assert login(client, "judge", "right-password-1") == 302


def test_the_admin_site_is_for_administrators_only(client: Client) -> None:
    assert login(client, "judge", "right-password-1") == 302
    assert client.get("/admin/").status_code == 302  # sent to the admin login: a judge is not staff
    client.post("/logout/")
    assert login(client, "admin", "right-password-2") == 302
    assert client.get("/admin/").status_code == 200


def test_what_an_administrator_changes_in_the_admin_site_is_audited(client: Client) -> None:
    from django.contrib.auth.models import Group, User

    from qingji.audit.models import AuditRecord

    assert login(client, "admin", "right-password-2") == 302
    judge = User.objects.get(username="judge")
    group = Group.objects.create(name="审管办")
    page = client.get(f"/admin/auth/user/{judge.pk}/change/")
    assert page.status_code == 200
    assert 'name="date_joined_0"' not in page.content.decode()  # shown, not typed in
    form = {
        "username": "judge", "first_name": "", "last_name": "", "email": "zhang@court.example",
        "is_active": "", "groups": [str(group.pk)],
    }  # fmt: skip
    assert client.post(f"/admin/auth/user/{judge.pk}/change/", form).status_code == 302
    record = AuditRecord.objects.get(action="user_changed_in_admin")
    assert record.object_id == "judge" and record.actor is not None and record.actor.username == "admin"
    assert record.court_code == judge.person.court.code  # the judge's court's auditors see it (issue 10)
    assert record.before == {"email": "", "is_active": True, "groups": []}
    assert record.after == {"email": "zhang@court.example", "is_active": False, "groups": ["审管办"]}

    password = {"password1": "a-new-password-9", "password2": "a-new-password-9", "usable_password": "true"}
    assert client.post(f"/admin/auth/user/{judge.pk}/password/", password).status_code == 302
    record = AuditRecord.objects.get(action="user_password_set_in_admin")
    assert record.object_id == "judge" and "a-new-password-9" not in str(record.after)
    assert record.court_code == judge.person.court.code

    added = {"username": "clerk", "password1": "a-new-password-9", "password2": "a-new-password-9",
             "usable_password": "true"}  # fmt: skip
    assert client.post("/admin/auth/user/add/", added).status_code == 302
    record = AuditRecord.objects.get(action="user_added_in_admin")
    assert record.object_id == "clerk" and record.after == {"username": "clerk", "password": "（已设置 set）"}

    assert client.post(f"/admin/auth/group/{group.pk}/delete/", {"post": "yes"}).status_code == 302
    assert AuditRecord.objects.filter(action="group_deleted_in_admin", object_id="审管办").count() == 1
    # Nothing about the password itself is ever written to the trail.
    assert not any("a-new-password-9" in str(r.after) + str(r.before) for r in AuditRecord.objects.all())
