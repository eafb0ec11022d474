"""[integrity] in the site settings file: the thresholds in force, each refused with its key when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from qingji.integrity.thresholds import DEFAULT_THRESHOLDS
from qingji.site.settings_file import SiteSettingsError, site_settings_from


def test_defaults_without_the_section() -> None:
    assert site_settings_from({}, Path("s.toml")).integrity == DEFAULT_THRESHOLDS


def test_values_over_the_defaults() -> None:
    data = {
        "integrity": {
            "refile_days": 60, "burst_factor": 4, "outlier_min_gap": 0.2, "withdrawal_methods": ["撤诉"],
            "deduction_max_days": {"公告": 120}, "open_exempt_kinds": [],
        }
    }  # fmt: skip
    settings = site_settings_from(data, Path("s.toml"))
    thresholds = settings.integrity
    assert (
        thresholds.refile_days == 60 and thresholds.burst_factor == 4.0 and thresholds.outlier_min_gap == 0.2
    )
    assert thresholds.withdrawal_methods == ("撤诉",) and thresholds.open_exempt_kinds == ()
    assert thresholds.deduction_max_days == {"延期审理": 31, "更换辩护人": 15, "公告": 120}
    assert settings.in_force()["integrity.refile_days"] == 60


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("refile_days", 0), ("refile_days", "90"), ("burst_factor", 1), ("burst_method_share", 1.5),
        ("withdrawal_methods", []), ("withdrawal_methods", [""]), ("deduction_max_days", {"公告": 0}),
        ("expiry_tolerance_days", -1), ("unknown", 1), ("outlier_min_cases", True),
    ],
)  # fmt: skip
def test_a_bad_value_is_refused_with_its_key(key: str, value: object) -> None:
    with pytest.raises(SiteSettingsError, match=f"integrity.{key}"):
        site_settings_from({"integrity": {key: value}}, Path("s.toml"))
