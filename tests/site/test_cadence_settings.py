"""The cadence in the site settings file (qingji.site.cadence_settings): every key read, every bad value refused
naming the file, the key, the value and the reason, and every key a value in force with its source."""

from __future__ import annotations

import dataclasses
import json
from datetime import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qingji.courts.models import Role
from qingji.site.cadence_settings import DEFAULT_CADENCE, ROLE_NAMES, CadenceSettings, read_cadence
from qingji.site.settings_file import DEFAULT_SOURCE, Setting, SiteSettingsError, read_site_settings

EVERY_KEY = """
[cadence]
reminders_at = "07:15"
reminder_workdays_only = false
lists_weekday = 5
lists_at = 16:00:00
bulletin_days = [25, 5, 15]
bulletin_at = "10:00"
report_day = 28
report_at = "11:45"
reminder_roles = ["judge"]
list_roles = ["division_head", "president"]
bulletin_roles = ["supervision"]
report_roles = ["president", "administrator"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def refuse(key: str, value: object, zh: str, en: str) -> SiteSettingsError:
    return SiteSettingsError(f"settings.toml: {key} = {value!r}: {zh} / {en}")


def test_the_roles_are_those_of_the_people() -> None:
    assert tuple(Role.values) == ROLE_NAMES


def test_no_section_means_every_default(tmp_path: Path) -> None:
    settings = read_site_settings(tmp_path / "absent.toml", environ={})
    assert settings.cadence == DEFAULT_CADENCE == CadenceSettings()
    assert DEFAULT_CADENCE.reminders_at == time(8, 0) and DEFAULT_CADENCE.reminder_workdays_only
    assert (DEFAULT_CADENCE.lists_weekday, DEFAULT_CADENCE.lists_at) == (1, time(8, 30))
    assert (DEFAULT_CADENCE.bulletin_days, DEFAULT_CADENCE.bulletin_at) == ((1, 11, 21), time(9, 0))
    assert (DEFAULT_CADENCE.report_day, DEFAULT_CADENCE.report_at) == (1, time(9, 30))
    assert DEFAULT_CADENCE.reminder_roles == ("judge", "assistant")
    assert DEFAULT_CADENCE.list_roles == ("president", "vice_president", "division_head")
    assert DEFAULT_CADENCE.report_roles == ("president", "vice_president", "trial_management")
    cadence = {s.key: s.source for s in settings.values if s.key.startswith("cadence.")}
    assert set(cadence.values()) == {DEFAULT_SOURCE}


def test_every_key_is_read_from_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, EVERY_KEY + '[nightly]\nat = "03:00"\n')
    settings = read_site_settings(path, environ={})
    assert settings.cadence == CadenceSettings(
        reminders_at=time(7, 15), reminder_workdays_only=False, lists_weekday=5, lists_at=time(16, 0),
        bulletin_days=(5, 15, 25), bulletin_at=time(10, 0), report_day=28, report_at=time(11, 45),
        reminder_roles=("judge",), list_roles=("division_head", "president"), bulletin_roles=("supervision",),
        report_roles=("president", "administrator"),
    )  # fmt: skip
    assert settings.nightly_at == time(3, 0)
    cadence = [s for s in settings.values if s.key.startswith("cadence.")]
    assert {s.source for s in cadence} == {str(path)}


def test_a_key_left_out_keeps_its_default_and_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, "[cadence]\nreport_day = 3\n")
    settings = read_site_settings(path, environ={})
    assert settings.cadence == CadenceSettings(report_day=3)
    sources = {s.key: s.source for s in settings.values}
    assert sources["cadence.report_day"] == str(path)
    assert sources["cadence.report_at"] == DEFAULT_SOURCE


def test_every_key_is_a_value_in_force_as_plain_json(tmp_path: Path) -> None:
    in_force = read_site_settings(write(tmp_path, EVERY_KEY), environ={}).in_force()
    cadence = {key: value for key, value in in_force.items() if key.startswith("cadence.")}
    assert cadence == {
        "cadence.reminders_at": "07:15",
        "cadence.reminder_workdays_only": False,
        "cadence.lists_weekday": 5,
        "cadence.lists_at": "16:00",
        "cadence.bulletin_days": [5, 15, 25],
        "cadence.bulletin_at": "10:00",
        "cadence.report_day": 28,
        "cadence.report_at": "11:45",
        "cadence.reminder_roles": ["judge"],
        "cadence.list_roles": ["division_head", "president"],
        "cadence.bulletin_roles": ["supervision"],
        "cadence.report_roles": ["president", "administrator"],
    }
    json.dumps(in_force, ensure_ascii=False)  # plain JSON, as `qingji settings check --json` prints it
    defaults = read_site_settings(tmp_path / "absent.toml", environ={}).in_force()
    assert defaults["cadence.bulletin_days"] == [1, 11, 21] and defaults["cadence.reminders_at"] == "08:00"


@pytest.mark.parametrize(
    ("line", "key", "value", "reason"),
    [
        ('reminders_at = "8 o\'clock"', "cadence.reminders_at", "8 o'clock", "local time"),
        ('lists_at = "24:00"', "cadence.lists_at", "24:00", "local time"),
        ("bulletin_at = 9", "cadence.bulletin_at", "9", "local time"),
        ("lists_weekday = 0", "cadence.lists_weekday", "0", "1 (Monday) to 7 (Sunday)"),
        ("lists_weekday = 8", "cadence.lists_weekday", "8", "1 (Monday) to 7 (Sunday)"),
        ("lists_weekday = 1.0", "cadence.lists_weekday", "1.0", "1 (Monday) to 7 (Sunday)"),
        ("bulletin_days = [1, 29]", "cadence.bulletin_days", "[1, 29]", "1 to 28"),
        ("bulletin_days = []", "cadence.bulletin_days", "[]", "non-empty list"),
        ("bulletin_days = [1, 11, 1]", "cadence.bulletin_days", "[1, 11, 1]", "named twice"),
        ("bulletin_days = [1.5]", "cadence.bulletin_days", "[1.5]", "1 to 28"),
        ("bulletin_days = 1", "cadence.bulletin_days", "1", "list"),
        ("report_day = 29", "cadence.report_day", "29", "1 to 28"),
        ("report_day = true", "cadence.report_day", "True", "1 to 28"),
        ('report_day = "1"', "cadence.report_day", "'1'", "1 to 28"),
        ('reminder_roles = ["judge", "clerk"]', "cadence.reminder_roles", "'clerk'", "unknown role 'clerk'"),
        ('list_roles = ["president", "president"]', "cadence.list_roles", "'president'", "named twice"),
        ("report_roles = []", "cadence.report_roles", "[]", "non-empty list of roles"),
        ('bulletin_roles = "president"', "cadence.bulletin_roles", "'president'", "list of roles"),
        ("reminder_workdays_only = 1", "cadence.reminder_workdays_only", "1", "true or false"),
        ('reminder_workdays_only = "yes"', "cadence.reminder_workdays_only", "'yes'", "true or false"),
        ('reminder_at = "08:00"', "cadence.reminder_at", "'08:00'", "unknown setting"),
    ],
)
def test_a_bad_value_is_refused_naming_file_key_value_and_reason(
    tmp_path: Path, line: str, key: str, value: str, reason: str
) -> None:
    path = write(tmp_path, f"[cadence]\n{line}\n")
    with pytest.raises(SiteSettingsError) as refused:
        read_site_settings(path, environ={})
    message = str(refused.value)
    assert str(path) in message and f"{key} = " in message and value in message and reason in message
    assert " / " in message  # in Chinese and in English


def test_the_section_must_be_a_table(tmp_path: Path) -> None:
    with pytest.raises(SiteSettingsError, match="must be a table"):
        read_site_settings(write(tmp_path, "cadence = 1\n"), environ={})


@given(st.lists(st.integers(1, 28), min_size=1, max_size=28, unique=True))
def test_any_distinct_days_are_read_sorted(days: list[int]) -> None:
    values: list[Setting] = []
    cadence = read_cadence({"cadence": {"bulletin_days": days}}, "settings.toml", refuse, values)
    assert cadence.bulletin_days == tuple(sorted(days))
    assert Setting("cadence.bulletin_days", tuple(sorted(days)), "settings.toml") in values


@given(
    st.lists(st.sampled_from(ROLE_NAMES), min_size=1, unique=True), st.sampled_from(["reminder", "report"])
)
def test_any_distinct_roles_are_read_in_their_order(roles: list[str], kind: str) -> None:
    values: list[Setting] = []
    cadence = read_cadence({"cadence": {f"{kind}_roles": roles}}, "settings.toml", refuse, values)
    assert getattr(cadence, f"{kind}_roles") == tuple(roles)
    assert [s.key for s in values] == [f"cadence.{f.name}" for f in dataclasses.fields(CadenceSettings)]


@given(st.times())
def test_any_local_time_is_read(at: time) -> None:
    values: list[Setting] = []
    cadence = read_cadence({"cadence": {"reminders_at": at.isoformat()}}, "settings.toml", refuse, values)
    assert cadence.reminders_at == at
