"""The site settings file (DESIGN.md §4: a court changes configuration, not code).

One TOML file, ``QINGJI_HOME/settings.toml`` (or the file named by QINGJI_SETTINGS), read once when a process
starts; every key is optional and what the file leaves out keeps its documented default (docs/settings.md)::

    [conventions]                 # counting conventions C1–C10 (rules/trial-periods.md §4.2)
    grace_days = 0                # C8
    count_late_acts = false       # extensions, deductions, conversions after the expiry (docs/rules.md)
    local_deduction_kinds = ["请示"]   # rules §3.4, off by default

    [warnings]
    approaching_days = [30, 15, 7]     # early warnings before expiry
    age_warning_months = 10

    [ages]
    long_pending_months = [12, 18, 24, 36]   # 长期未结 tiers: the ledger and the statistics

    [measures]                    # the measures (docs/measures.md §4): age_bands, time_standards, weights …
    [measures.weights]
    on_time_rate = 40

    [calendar]
    holidays = "holidays.toml"    # a local holiday file (qingji.holidays), relative to the settings file

    [nightly]
    at = "02:00"                  # the nightly snapshot, local time

    [cadence]                     # when the reminders, lists, bulletins and reports are produced, and to whom
    lists_weekday = 1             # (qingji.site.cadence_settings, docs/cadence.md)

    [profiles."我院审判系统"]      # a court's own export layout (qingji.interchange.profiles, docs/profiles.md)
    base = "数据中心"

    [delivery]                    # e-mail and group robots besides the inbox, the outbox's retries
    site_url = "http://qingji.court.local:8000"   # (qingji.site.delivery_settings, docs/cadence.md "Delivery")

    [integrity]                   # the thresholds of the integrity checks (qingji.site.integrity_settings,
    refile_days = 90              # docs/integrity.md)

A file that cannot be used is refused whole, naming the file, the key, the value and the reason; nothing in it
is half applied. Django-free: the file commands (`qingji ledger`, `deadline`, `stats`) read it too.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from qingji.core.calendar import YearSchedule
from qingji.core.conventions import DEFAULT_CONVENTIONS, Conventions
from qingji.core.time_standards import DEFAULT_TIME_STANDARDS, MODEL_TIME_STANDARDS, TimeStandard
from qingji.engine.stats import DEFAULT_STATS_SETTINGS, StatsSettings
from qingji.holidays import ENVIRONMENT_VARIABLE as HOLIDAYS_VARIABLE
from qingji.holidays import HolidayFileError, load_schedules
from qingji.integrity.thresholds import DEFAULT_THRESHOLDS, Thresholds
from qingji.interchange.profiles import BUILTIN_PROFILES, HeaderProfile, ProfileError, parse_profiles
from qingji.measure_settings import ENVIRONMENT_VARIABLE as MEASURES_VARIABLE
from qingji.measure_settings import MeasureSettingsError, measure_settings, read_measure_settings
from qingji.site.cadence_settings import DEFAULT_CADENCE, CadenceSettings, read_cadence
from qingji.site.convention_keys import CONVENTION_KEYS
from qingji.site.delivery_settings import DEFAULT_DELIVERY, DeliverySettings, read_delivery
from qingji.site.integrity_settings import read_integrity
from qingji.site.settings_parts import DEFAULT_SOURCE as DEFAULT_SOURCE
from qingji.site.settings_parts import Refuse, local_time, section_table, whole, whole_list
from qingji.site.settings_parts import Setting as Setting
from qingji.site.settings_parts import SiteSettingsError as SiteSettingsError

DEFAULT_NIGHTLY_AT = time(2, 0)
SECTIONS = (
    "conventions", "warnings", "ages", "measures", "calendar", "nightly", "cadence", "profiles", "delivery",
    "integrity",
)  # fmt: skip


@dataclass(frozen=True)
class SiteSettings:
    path: Path
    conventions: Conventions = DEFAULT_CONVENTIONS
    stats: StatsSettings = DEFAULT_STATS_SETTINGS
    holiday_file: Path | None = None
    nightly_at: time = DEFAULT_NIGHTLY_AT
    values: tuple[Setting, ...] = ()
    holiday_schedules: tuple[YearSchedule, ...] = ()  # the holiday file's years
    holiday_digest: str = ""  # of the holiday file's bytes: a changed file is a changed setting
    # The header profiles in force: the built-in ones and the court's own ([profiles.NAME], parse_profiles).
    profiles: Mapping[str, HeaderProfile] = field(default_factory=lambda: dict(BUILTIN_PROFILES))
    cadence: CadenceSettings = DEFAULT_CADENCE  # [cadence] (positional use)
    delivery: DeliverySettings = DEFAULT_DELIVERY  # [delivery] (positional use)
    integrity: Thresholds = DEFAULT_THRESHOLDS  # [integrity]; the last field (positional use)

    def in_force(self) -> dict[str, object]:
        """Every value in force by key, as plain JSON values (the record of a change compares these)."""
        return {setting.key: _plain(setting.value) for setting in self.values}

    def fingerprint(self) -> str:
        """A digest of the values in force and of the holiday file's content."""
        text = json.dumps([self.in_force(), self.holiday_digest], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: object) -> object:
    if isinstance(value, frozenset | set):
        return sorted(value)
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, Path | time):
        return str(value) if isinstance(value, Path) else value.strftime("%H:%M")
    return value


def read_site_settings(path: Path, environ: Mapping[str, str] = os.environ) -> SiteSettings:
    """The settings in ``path`` (absent: all defaults) over the defaults; raises SiteSettingsError."""
    data: dict[str, Any] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise SiteSettingsError(f"{path}: 无法读取 / cannot be read: {error.strerror or error}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise SiteSettingsError(f"{path}: 不是有效的 TOML / not valid TOML: {error}") from None
    return site_settings_from(data, path, environ)


def site_settings_from(
    data: Mapping[str, Any], path: Path, environ: Mapping[str, str] = os.environ
) -> SiteSettings:
    """Settings from the parsed file ``data`` (``path`` names it in errors and anchors relative paths)."""

    def refuse(key: str, value: object, zh: str, en: str) -> SiteSettingsError:
        return SiteSettingsError(f"{path}: {key} = {value!r}: {zh} / {en}")

    for section, table in data.items():
        if section not in SECTIONS:
            raise refuse(section, table, "未知的设置节", f"unknown section (known: {', '.join(SECTIONS)})")
        if not isinstance(table, dict):
            raise refuse(section, table, "应为表，如 [conventions]", "must be a table, e.g. [conventions]")
    values: list[Setting] = []
    conventions = _conventions(data, str(path), refuse, values)
    stats = _stats(data, path, environ, refuse, values, conventions)
    holiday_file, digest = _holiday_file(data, path, environ, refuse, values)
    try:
        schedules = tuple(load_schedules(holiday_file)) if holiday_file else ()
    except HolidayFileError as error:
        raise SiteSettingsError(f"{path}: calendar.holidays: {error}") from None
    nightly_at = _nightly(data, str(path), refuse, values)
    cadence = read_cadence(data, str(path), refuse, values)
    profiles = _profiles(data, str(path), values)
    delivery = read_delivery(data, path, refuse, values)
    integrity = read_integrity(data, str(path), refuse, values)
    return SiteSettings(
        path, conventions, stats, holiday_file, nightly_at, tuple(values), schedules, digest, profiles, cadence,
        delivery, integrity,
    )  # fmt: skip


def _profiles(data: Mapping[str, Any], source: str, values: list[Setting]) -> dict[str, HeaderProfile]:
    """The built-in header profiles and the court's own, each of the court's a value in force (its table as
    written, under its name quoted as TOML needs it)."""
    tables: Mapping[str, Any] = data.get("profiles", {})
    try:
        own = parse_profiles(tables, source)
    except ProfileError as error:
        raise SiteSettingsError(str(error)) from None
    for name in own:
        values.append(Setting(f"profiles.{json.dumps(name, ensure_ascii=False)}", tables[name], source))
    return {**BUILTIN_PROFILES, **own}


def _conventions(data: Mapping[str, Any], source: str, refuse: Refuse, values: list[Setting]) -> Conventions:
    table = section_table(data, "conventions", (*CONVENTION_KEYS, "local_deduction_kinds"), refuse)
    warnings = section_table(data, "warnings", ("approaching_days", "age_warning_months"), refuse)
    ages = section_table(data, "ages", ("long_pending_months",), refuse)
    changes: dict[str, Any] = {}
    for key in CONVENTION_KEYS:
        given = table.get(key)
        if key == "grace_days":
            if given is not None and not whole(given, 0, 365):
                raise refuse(
                    f"conventions.{key}", given, "应为 0 至 365 的整数", "must be a whole number, 0 to 365"
                )
        elif given is not None and not isinstance(given, bool):
            raise refuse(f"conventions.{key}", given, "应为 true 或 false", "must be true or false")
        if given is not None:
            changes[key] = given
    if "local_deduction_kinds" in table:
        kinds = table["local_deduction_kinds"]
        if not isinstance(kinds, list) or not all(isinstance(k, str) and k.strip() for k in kinds):
            raise refuse("conventions.local_deduction_kinds", kinds, "应为扣除类型名称的列表，如 [\"请示\"]",
                         'must be a list of deduction kinds, e.g. ["请示"]')  # fmt: skip
        changes["local_deduction_kinds"] = frozenset(k.strip() for k in kinds)
    if "approaching_days" in warnings:
        days = whole_list(warnings, "warnings", "approaching_days", 366, refuse,
                           "应为 1 至 366 天的列表", "must be a list of days, 1 to 366")  # fmt: skip
        changes["approaching_days"] = tuple(sorted(days, reverse=True))
    if "long_pending_months" in ages:
        months = whole_list(ages, "ages", "long_pending_months", 600, refuse,
                             "应为正整数月数的列表", "must be a list of positive months")  # fmt: skip
        changes["long_pending_tiers"] = tuple(sorted(months))
    if "age_warning_months" in warnings:
        months = warnings["age_warning_months"]
        if not whole(months, 1, 600):
            raise refuse(
                "warnings.age_warning_months", months, "应为正整数月数", "must be a positive number of months"
            )
        changes["age_warning_months"] = months
    conventions = dataclasses.replace(DEFAULT_CONVENTIONS, **changes)
    if conventions.age_warning_months >= min(conventions.long_pending_tiers):
        raise refuse("warnings.age_warning_months", conventions.age_warning_months,
                     f"应早于最短的长期未结档（{min(conventions.long_pending_tiers)} 个月）",
                     f"must come before the first long-pending tier ({min(conventions.long_pending_tiers)} months)")  # fmt: skip
    placed = {
        **{key: f"conventions.{key}" for key in (*CONVENTION_KEYS, "local_deduction_kinds")},
        "approaching_days": "warnings.approaching_days",
        "age_warning_months": "warnings.age_warning_months",
        "long_pending_tiers": "ages.long_pending_months",
    }
    for name, key in placed.items():
        values.append(Setting(key, getattr(conventions, name), source if name in changes else DEFAULT_SOURCE))
    return conventions


def _stats(
    data: Mapping[str, Any], path: Path, environ: Mapping[str, str], refuse: Refuse, values: list[Setting],
    conventions: Conventions,
) -> StatsSettings:  # fmt: skip
    table = dict(data.get("measures", {}))
    named = environ.get(MEASURES_VARIABLE, "").strip()
    if named and table:
        raise refuse("measures", named, f"措施设置只能在一处：设置文件的 [measures] 或 {MEASURES_VARIABLE}",
                     f"the measures are set in one place: the file's [measures] or {MEASURES_VARIABLE}")  # fmt: skip
    if "long_pending_months" in table:
        raise refuse("measures.long_pending_months", table["long_pending_months"], "长期未结档在 [ages] 中设置",
                     "the long-pending tiers are set in [ages]")  # fmt: skip
    table["long_pending_months"] = list(conventions.long_pending_tiers)
    try:
        stats = (
            read_measure_settings(Path(named)) if named else measure_settings(table, f"{path}: [measures]")
        )
    except MeasureSettingsError as error:
        raise SiteSettingsError(str(error)) from None
    if named:
        stats = dataclasses.replace(
            stats,
            counts=dataclasses.replace(stats.counts, long_pending_months=conventions.long_pending_tiers),
        )
    source = f"{MEASURES_VARIABLE}={named}" if named else str(path)
    counts = stats.counts
    given = (
        set(table)
        if not named
        else {"age_bands", "disposition_net_of_deductions", "time_standards", "weights"}
    )
    for key, value in (
        (
            "age_bands",
            [[band.low, band.high] if band.high is not None else [band.low] for band in counts.bands],
        ),
        ("disposition_net_of_deductions", counts.disposition_net_of_deductions),
        (
            "time_standards",
            {
                family.value: _standard(standard)
                for family, standard in (counts.standards or DEFAULT_TIME_STANDARDS).items()
            },
        ),
        ("weights", {weight.measure: weight.weight for weight in stats.weights}),
    ):
        values.append(Setting(f"measures.{key}", value, source if key in given else DEFAULT_SOURCE))
    return stats


def _standard(standard: TimeStandard) -> object:
    """A time standard as the file writes it: a Model Time Standard's name, or the court's own tiers."""
    if MODEL_TIME_STANDARDS.get(standard.name) == standard:
        return standard.name
    return [[tier.percent, tier.days] for tier in standard.tiers]


def _holiday_file(
    data: Mapping[str, Any], path: Path, environ: Mapping[str, str], refuse: Refuse, values: list[Setting]
) -> tuple[Path | None, str]:
    table = section_table(data, "calendar", ("holidays",), refuse)
    named = environ.get(HOLIDAYS_VARIABLE, "").strip()
    given = table.get("holidays")
    if given is not None and not isinstance(given, str):
        raise refuse("calendar.holidays", given, "应为节假日文件的路径", "must be the path of a holiday file")
    given = (given or "").strip()
    if named and given:
        raise refuse("calendar.holidays", given, f"节假日文件只能在一处指定：设置文件或 {HOLIDAYS_VARIABLE}",
                     f"the holiday file is named in one place: the settings file or {HOLIDAYS_VARIABLE}")  # fmt: skip
    chosen = Path(named) if named else (path.parent / given if given else None)
    digest = ""
    if chosen is not None:
        try:
            digest = hashlib.sha256(chosen.read_bytes()).hexdigest()
        except OSError as error:
            raise refuse("calendar.holidays", str(chosen), "节假日文件无法读取",
                         f"the holiday file cannot be read: {error.strerror or error}") from None  # fmt: skip
    source = f"{HOLIDAYS_VARIABLE}={named}" if named else (str(path) if given else DEFAULT_SOURCE)
    values.append(Setting("calendar.holidays", str(chosen.resolve()) if chosen else "", source))
    return (chosen.resolve() if chosen else None), digest


def _nightly(data: Mapping[str, Any], source: str, refuse: Refuse, values: list[Setting]) -> time:
    table = section_table(data, "nightly", ("at",), refuse)
    given = table.get("at")
    if given is None:
        values.append(Setting("nightly.at", DEFAULT_NIGHTLY_AT, DEFAULT_SOURCE))
        return DEFAULT_NIGHTLY_AT
    at = local_time("nightly.at", given, refuse, DEFAULT_NIGHTLY_AT)
    values.append(Setting("nightly.at", at, source))
    return at
