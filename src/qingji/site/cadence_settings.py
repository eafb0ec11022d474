"""The cadence in the site settings file (docs/settings.md, docs/cadence.md): when the daily reminders, the weekly
supervision lists, the ten-day bulletins and the monthly reports are produced, and to whom, by role::

    [cadence]
    reminders_at = "08:00"           # the daily reminder (日提醒), local time
    reminder_workdays_only = true    # … on the court's working days only
    lists_weekday = 1                # the weekly supervision list (周督办): 1 = Monday … 7 = Sunday
    lists_at = "08:30"
    bulletin_days = [1, 11, 21]      # the ten-day bulletin (通报): days of the month, 1 to 28
    bulletin_at = "09:00"
    report_day = 1                   # the monthly report of the month before: a day of the month, 1 to 28
    report_at = "09:30"
    reminder_roles = ["judge", "assistant"]
    list_roles = ["president", "vice_president", "division_head"]
    bulletin_roles = ["president", "vice_president", "trial_management", "supervision", "higher_court_reader"]
    report_roles = ["president", "vice_president", "trial_management"]

Django-free (the file commands read the settings file): the roles are the values of qingji.courts.models.Role,
written out here (tests/site/test_cadence_settings.py keeps the two equal).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any

from qingji.site.settings_parts import (
    DEFAULT_SOURCE,
    Refuse,
    Setting,
    local_time,
    section_table,
    whole,
    whole_list,
)

ROLE_NAMES: tuple[str, ...] = (
    "president", "vice_president", "division_head", "judge", "assistant", "trial_management", "supervision",
    "higher_court_reader", "administrator",
)  # fmt: skip


@dataclass(frozen=True)
class CadenceSettings:
    reminders_at: time = time(8, 0)  # the daily reminder (日提醒), local time
    reminder_workdays_only: bool = True  # … only on the court's working days (the calendar in force)
    lists_weekday: int = 1  # the weekly supervision list (周督办): 1 = Monday … 7 = Sunday
    lists_at: time = time(8, 30)
    # the ten-day bulletin (通报): days of the month, 1–28 (every month has them), distinct, sorted
    bulletin_days: tuple[int, ...] = (1, 11, 21)
    bulletin_at: time = time(9, 0)
    report_day: int = 1  # the monthly report of the month before: a day of the month, 1–28
    report_at: time = time(9, 30)
    # who receives each, by role (ROLE_NAMES)
    reminder_roles: tuple[str, ...] = ("judge", "assistant")
    list_roles: tuple[str, ...] = ("president", "vice_president", "division_head")
    bulletin_roles: tuple[str, ...] = (
        "president", "vice_president", "trial_management", "supervision", "higher_court_reader",
    )  # fmt: skip
    report_roles: tuple[str, ...] = ("president", "vice_president", "trial_management")


DEFAULT_CADENCE = CadenceSettings()
CADENCE_KEYS = tuple(field.name for field in dataclasses.fields(CadenceSettings))


def read_cadence(
    data: Mapping[str, Any], source: str, refuse: Refuse, values: list[Setting]
) -> CadenceSettings:
    """The file's ``[cadence]`` over the defaults, every key a value in force in ``values``; a bad key refused."""
    table = section_table(data, "cadence", CADENCE_KEYS, refuse)
    changes: dict[str, Any] = {}
    for key, given in table.items():
        name, default = f"cadence.{key}", getattr(DEFAULT_CADENCE, key)
        if isinstance(default, time):
            changes[key] = local_time(name, given, refuse, default)
        elif isinstance(default, bool):
            if not isinstance(given, bool):
                raise refuse(name, given, "应为 true 或 false", "must be true or false")
            changes[key] = given
        elif key == "lists_weekday":
            if not whole(given, 1, 7):
                raise refuse(
                    name, given, "应为 1（星期一）至 7（星期日）", "must be 1 (Monday) to 7 (Sunday)"
                )
            changes[key] = given
        elif key == "report_day":
            if not whole(given, 1, 28):
                raise refuse(name, given, "应为每月的 1 至 28 日", "must be a day of the month, 1 to 28")
            changes[key] = given
        elif key == "bulletin_days":
            changes[key] = _days(table, refuse)
        else:
            changes[key] = _roles(name, given, refuse)
    cadence = dataclasses.replace(DEFAULT_CADENCE, **changes)
    for key in CADENCE_KEYS:
        values.append(
            Setting(f"cadence.{key}", getattr(cadence, key), source if key in changes else DEFAULT_SOURCE)
        )
    return cadence


def _days(table: Mapping[str, Any], refuse: Refuse) -> tuple[int, ...]:
    """The bulletin's days of the month, sorted: distinct whole numbers 1 to 28 (every month has them)."""
    days = whole_list(table, "cadence", "bulletin_days", 28, refuse, "应为每月 1 至 28 日的非空列表",
                      "must be a non-empty list of days of the month, 1 to 28")  # fmt: skip
    if len(days) != len(table["bulletin_days"]):
        raise refuse("cadence.bulletin_days", table["bulletin_days"], "有重复的日期", "a day is named twice")
    return tuple(sorted(days))


def _roles(key: str, given: object, refuse: Refuse) -> tuple[str, ...]:
    """The roles ``given``: a non-empty list of ROLE_NAMES, each once, in the order written."""
    if not isinstance(given, list) or not given or not all(isinstance(role, str) for role in given):
        raise refuse(
            key,
            given,
            '应为角色的非空列表，如 ["judge"]',
            'must be a non-empty list of roles, e.g. ["judge"]',
        )
    unknown = [role for role in given if role not in ROLE_NAMES]
    if unknown:
        raise refuse(key, given, f"未知的角色 {unknown[0]!r}（可用：{'、'.join(ROLE_NAMES)}）",
                     f"unknown role {unknown[0]!r} (known: {', '.join(ROLE_NAMES)})")  # fmt: skip
    if len(set(given)) != len(given):
        raise refuse(key, given, "有重复的角色", "a role is named twice")
    return tuple(given)
