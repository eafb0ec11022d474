"""The site settings file (qingji.site.settings_file): every key read, every bad value refused naming the file,
the key, the value and the reason, and the values in force with their source."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from qingji.core.conventions import DEFAULT_CONVENTIONS
from qingji.engine.stats import DEFAULT_STATS_SETTINGS
from qingji.site.settings_file import DEFAULT_SOURCE, SiteSettingsError, read_site_settings

HOLIDAYS_2027 = """
[2027]
source = "国务院办公厅关于2027年部分节假日安排的通知（测试）"
holidays = ["2027-01-01..2027-01-03"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_every_default(tmp_path: Path) -> None:
    settings = read_site_settings(tmp_path / "absent.toml", environ={})
    assert settings.conventions == DEFAULT_CONVENTIONS
    assert settings.stats == DEFAULT_STATS_SETTINGS
    assert settings.nightly_at == time(2, 0)
    assert settings.holiday_file is None
    assert {s.source for s in settings.values} == {DEFAULT_SOURCE}
    assert settings.in_force()["conventions.count_late_acts"] is False


def test_every_section_is_read_with_its_source(tmp_path: Path) -> None:
    (tmp_path / "holidays.toml").write_text(HOLIDAYS_2027, encoding="utf-8")
    path = write(
        tmp_path,
        """
[conventions]
anchor_day_counted = true
grace_days = 3
count_late_acts = true
local_deduction_kinds = ["请示", "审委会"]
[warnings]
approaching_days = [7, 20]
age_warning_months = 9
[ages]
long_pending_months = [24, 12]
[measures]
disposition_net_of_deductions = true
[measures.weights]
on_time_rate = 60
[calendar]
holidays = "holidays.toml"
[nightly]
at = "03:30"
""",
    )
    settings = read_site_settings(path, environ={})
    conventions = settings.conventions
    assert conventions.anchor_day_counted and conventions.count_late_acts and conventions.grace_days == 3
    assert conventions.local_deduction_kinds == frozenset({"请示", "审委会"})
    assert conventions.approaching_days == (20, 7)
    assert conventions.age_warning_months == 9
    assert conventions.long_pending_tiers == (12, 24)
    assert settings.stats.counts.long_pending_months == (
        12,
        24,
    )  # one setting for the ledger and the measures
    assert settings.stats.counts.disposition_net_of_deductions is True
    assert {w.measure: w.weight for w in settings.stats.weights}["on_time_rate"] == 60
    assert settings.holiday_file == (tmp_path / "holidays.toml").resolve()
    assert [s.year for s in settings.holiday_schedules] == [2027]
    assert settings.nightly_at == time(3, 30)
    sources = {s.key: s.source for s in settings.values}
    assert sources["conventions.grace_days"] == str(path)
    assert sources["conventions.custody_exception"] == DEFAULT_SOURCE
    assert sources["measures.weights"] == str(path)
    assert sources["measures.age_bands"] == DEFAULT_SOURCE


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        ("[conventions]\ngrace_day = 1\n", "conventions.grace_day", "unknown setting"),
        ("[convention]\ngrace_days = 1\n", "convention", "unknown section"),
        ("[conventions]\ngrace_days = -1\n", "conventions.grace_days", "0 to 365"),
        ('[conventions]\ncount_late_acts = "yes"\n', "conventions.count_late_acts", "true or false"),
        ('[conventions]\nlocal_deduction_kinds = "请示"\n', "conventions.local_deduction_kinds", "list"),
        ("[warnings]\napproaching_days = [0]\n", "warnings.approaching_days", "1 to 366"),
        ("[warnings]\nage_warning_months = 12\n", "warnings.age_warning_months", "first long-pending tier"),
        ("[ages]\nlong_pending_months = []\n", "ages.long_pending_months", "positive months"),
        ("[measures]\nlong_pending_months = [6]\n", "measures.long_pending_months", "set in [ages]"),
        ("[measures.weights]\nspeed = 1\n", "weights.speed", "unknown input"),
        ('[calendar]\nholidays = "missing.toml"\n', "calendar.holidays", "cannot be read"),
        ('[nightly]\nat = "25:00"\n', "nightly.at", "local time"),
        ("conventions = 1\n", "conventions", "must be a table"),
        ("[conventions\n", "", "not valid TOML"),
    ],
)
def test_a_bad_value_is_refused_naming_file_key_and_reason(
    tmp_path: Path, text: str, key: str, reason: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SiteSettingsError) as refused:
        read_site_settings(path, environ={})
    message = str(refused.value)
    assert str(path) in message and key in message and reason in message


def test_a_bad_holiday_file_is_refused_with_its_own_reason(tmp_path: Path) -> None:
    (tmp_path / "holidays.toml").write_text('[2027]\nholidays = ["2027-13-01"]\n', encoding="utf-8")
    with pytest.raises(SiteSettingsError, match="2027-13-01"):
        read_site_settings(write(tmp_path, '[calendar]\nholidays = "holidays.toml"\n'), environ={})


def test_the_environment_variables_still_work_but_not_beside_the_file(tmp_path: Path) -> None:
    measures = tmp_path / "measures.toml"
    measures.write_text("[weights]\noverdue_share = 30\n", encoding="utf-8")
    settings = read_site_settings(tmp_path / "absent.toml", environ={"QINGJI_MEASURES": str(measures)})
    assert {w.measure: w.weight for w in settings.stats.weights}["overdue_share"] == 30
    assert {s.key: s.source for s in settings.values}["measures.weights"] == f"QINGJI_MEASURES={measures}"
    both = write(tmp_path, "[measures.weights]\noverdue_share = 5\n")
    with pytest.raises(SiteSettingsError, match="one place"):
        read_site_settings(both, environ={"QINGJI_MEASURES": str(measures)})


def test_the_fingerprint_follows_the_values_and_the_holiday_files_content(tmp_path: Path) -> None:
    holidays = tmp_path / "holidays.toml"
    holidays.write_text(HOLIDAYS_2027, encoding="utf-8")
    path = write(tmp_path, '[calendar]\nholidays = "holidays.toml"\n')
    first = read_site_settings(path, environ={}).fingerprint()
    assert read_site_settings(path, environ={}).fingerprint() == first
    holidays.write_text(HOLIDAYS_2027.replace("01-03", "01-04"), encoding="utf-8")
    assert read_site_settings(path, environ={}).fingerprint() != first
    changed = write(tmp_path, '[calendar]\nholidays = "holidays.toml"\n[conventions]\ngrace_days = 1\n')
    assert read_site_settings(changed, environ={}).fingerprint() != first
