"""The record of the settings in force (issue 11): when a process that stores computed states starts — the server,
a snapshot — and finds the site settings changed since the last record, it writes a new record and an audit
record for every court with each changed value before and after; the snapshot is then out of date until it is
recomputed under them (``changed_since``)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from qingji.audit.actions import audit_per_court
from qingji.courts.models import Court
from qingji.site.in_force import site_settings
from qingji.site.models import HolidayNotice, SettingsRecord
from qingji.site.settings_file import SiteSettings


def record_settings_in_force(settings: SiteSettings | None = None) -> bool:
    """Record the settings in force when they differ from the last record; True when they did."""
    current = settings or site_settings()
    fingerprint = current.fingerprint()
    with transaction.atomic():
        last = SettingsRecord.objects.select_for_update().first()
        if last is not None and last.fingerprint == fingerprint:
            return False
        values = current.in_force()
        before = last.values if last is not None else {}
        changes = {
            key: [before.get(key), values.get(key)]
            for key in sorted(set(values) | set(before))
            if before.get(key) != values.get(key)
        }
        if last is not None and not changes:
            changes = {"calendar.holidays": [values.get("calendar.holidays"), "内容已更改 / content changed"]}
        SettingsRecord.objects.create(
            fingerprint=fingerprint, path=str(current.path), values=values, changes=changes
        )
        after = {"file": str(current.path), "changes": changes}
        courts = {code: after for code in Court.objects.values_list("code", flat=True)}
        audit_per_court("settings_changed", "site_settings", str(current.path)[-64:], courts=courts)
    return True


def changed_since(moment: datetime) -> bool:
    """Whether the settings in force or the loaded holiday notices changed after ``moment`` (a snapshot's
    computation time)."""
    return (
        SettingsRecord.objects.filter(recorded_at__gt=moment).exists()
        or HolidayNotice.objects.filter(loaded_at__gt=moment).exists()
    )
