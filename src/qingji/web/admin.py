"""The admin site's user and group pages, audited: every account an administrator adds, changes (its fields,
groups and permissions, with before and after), gives a new password or deletes leaves an audit record, in the
admin's own transaction, as the commands' changes do (``qingji.courts.actions``). Passwords are never written to
the trail, only that one was set."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from qingji.audit.actions import audit
from qingji.courts.models import Person
from qingji.courts.selectors import visible_court_codes
from qingji.web.params import IdsField, parse_id

SECRET_FIELDS = frozenset({"password", "password1", "password2"})


def _shown(value: Any) -> Any:
    """A field's value as the audit trail keeps it: objects by name, sets sorted, dates as text."""
    if isinstance(value, QuerySet | list | tuple | set):
        return sorted(str(item) for item in value)
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, datetime):  # local time to the second, as the admin's form shows and posts it
        return (timezone.localtime(value) if timezone.is_aware(value) else value).isoformat(
            timespec="seconds"
        )
    if isinstance(value, date):
        return value.isoformat()
    return value


def court_of(obj: Any) -> str:
    """The court an admin record concerns: a user's court (their person's); a group belongs to no court, so its
    records are the administrators' alone."""
    if isinstance(obj, User):
        code = Person.objects.filter(user=obj).values_list("court__code", flat=True).first()
        return code or ""
    return ""


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Audits what the admin's forms change; ``object_type`` names the records (user, group)."""

    object_type = ""

    def response_action(self, request: HttpRequest, queryset: QuerySet[Any]) -> HttpResponse | None:
        """An action on the objects ticked in the list: a posted id that is no id is answered with a message
        (the admin site would put it into a query the database cannot run)."""
        for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
            parse_id(value, "admin_selected")
        return super().response_action(request, queryset)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        kwargs.setdefault("form_class", IdsField)  # a posted id beyond any id is an invalid choice
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm[Any], change: bool) -> None:
        super().save_model(request, obj, form, change)
        fields = [name for name in form.changed_data if name not in SECRET_FIELDS]
        after = {name: _shown(form.cleaned_data.get(name)) for name in fields}
        before = {name: _shown(form.initial.get(name)) for name in fields}
        if change:  # what truly changed (a time shown to the second is not a change)
            after = {name: value for name, value in after.items() if value != before[name]}
            before = {name: before[name] for name in after}
        if SECRET_FIELDS & set(form.changed_data):
            after["password"] = "（已设置 set）"
        if change:
            if after:
                audit(f"{self.object_type}_changed_in_admin", self.object_type, str(obj), actor=request.user,
                      court_code=court_of(obj), before=before, after=after)  # fmt: skip
        else:
            audit(f"{self.object_type}_added_in_admin", self.object_type, str(obj), actor=request.user,
                  court_code=court_of(obj), after=after)  # fmt: skip

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit(f"{self.object_type}_deleted_in_admin", self.object_type, str(obj), actor=request.user,
              court_code=court_of(obj))  # fmt: skip
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            audit(f"{self.object_type}_deleted_in_admin", self.object_type, str(obj), actor=request.user,
                  court_code=court_of(obj))  # fmt: skip
        super().delete_queryset(request, queryset)


class AuditedUserAdmin(AuditedAdmin, UserAdmin):  # type: ignore[type-arg]
    object_type = "user"
    # Kept by Django, not typed in: the form would otherwise post them back cut to the minute.
    readonly_fields = ("last_login", "date_joined")

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        """The accounts an administrator may see and change: those of the courts they may see, and accounts of
        no court that are not staff (a clerk just added). An administrator of a basic court therefore cannot
        give another court's president a new password and sign in as them; an account of no court (made by
        ``createsuperuser``) sees only accounts of no court."""
        users = super().get_queryset(request)
        if request.user.pk is None:
            return users.none()
        person = Person.objects.select_related("court").filter(user_id=request.user.pk).first()
        courtless = Q(person__isnull=True)
        if person is None:
            return users.filter(courtless)
        plain = courtless & Q(is_staff=False, is_superuser=False)
        return users.filter(Q(person__court__code__in=sorted(visible_court_codes(person))) | plain)

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302:  # the new password was saved
                user = User.objects.filter(pk=id).first()
                audit("user_password_set_in_admin", "user", str(user or id), actor=request.user,
                      court_code=court_of(user))  # fmt: skip
        return response


class AuditedGroupAdmin(AuditedAdmin, GroupAdmin):
    object_type = "group"


admin.site.unregister(User)
admin.site.unregister(Group)
admin.site.register(User, AuditedUserAdmin)
admin.site.register(Group, AuditedGroupAdmin)
