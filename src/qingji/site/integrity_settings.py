"""The thresholds of the integrity checks in the site settings file (docs/integrity.md, docs/settings.md)::

    [integrity]
    refile_days = 90                 # withdraw_refile: a new case of the same parties within these days
    split_min_cases = 2              # split_filing
    burst_window_days = 5            # mass_closure: the days before a bulletin or campaign date …
    burst_min_closures = 10
    burst_factor = 3.0               # … times the usual count
    burst_baseline_days = 180
    burst_method_share = 0.5         # … of them by withdrawal, transfer or enforcement ended for now
    burst_methods = ["撤诉", "撤回", "移送", "终结本次执行"]
    withdrawal_methods = ["撤诉", "撤回"]
    expiry_tolerance_days = 0        # expiry_mismatch
    outlier_z = 3.5                  # outlier_share: the modified z-score among peers
    outlier_min_gap = 0.10
    outlier_min_cases = 20
    outlier_months = 12
    open_deduction_days = 365        # deduction_after_cause
    open_exempt_kinds = ["中止"]
    special_notice_days = 380
    stay_months_without_approval = 3 # deduction_without_ground
    [integrity.deduction_max_days]
    延期审理 = 31
    更换辩护人 = 15
    公告 = 90

Django-free (the file commands read the settings file).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from qingji.integrity.thresholds import DEFAULT_THRESHOLDS, Thresholds
from qingji.site.settings_parts import DEFAULT_SOURCE, Refuse, Setting, section_table, whole

KEYS = tuple(field.name for field in dataclasses.fields(Thresholds))
_SHARES = ("burst_method_share", "outlier_min_gap")  # fractions, 0 to 1
_FACTORS = ("burst_factor", "outlier_z")  # more than 1
_DAYS_UP_TO = 3650


def read_integrity(data: Mapping[str, Any], source: str, refuse: Refuse, values: list[Setting]) -> Thresholds:
    """The file's ``[integrity]`` over the defaults, every key a value in force in ``values``; a bad value
    refused with its key and the reason."""
    table = section_table(data, "integrity", KEYS, refuse)
    changes: dict[str, Any] = {}
    for key, given in table.items():
        name, default = f"integrity.{key}", getattr(DEFAULT_THRESHOLDS, key)
        if key in _SHARES:
            if not _number(given) or not 0 <= given <= 1:
                raise refuse(
                    name, given, "应为 0 至 1 之间的数，如 0.5", "must be a number from 0 to 1, e.g. 0.5"
                )
            changes[key] = float(given)
        elif key in _FACTORS:
            if not _number(given) or given <= 1:
                raise refuse(name, given, "应为大于 1 的数，如 3.0", "must be a number above 1, e.g. 3.0")
            changes[key] = float(given)
        elif isinstance(default, tuple):
            if (
                not isinstance(given, list)
                or not all(isinstance(x, str) and x.strip() for x in given)
                or (not given and key != "open_exempt_kinds")
            ):
                raise refuse(
                    name, given, '应为文字的列表，如 ["撤诉"]', 'must be a list of words, e.g. ["撤诉"]'
                )
            changes[key] = tuple(x.strip() for x in given)
        elif isinstance(default, dict):
            if not isinstance(given, dict) or not all(whole(days, 1, _DAYS_UP_TO) for days in given.values()):
                raise refuse(name, given, "应为「类别 = 日数」的表，日数 1 至 3650",
                             "must be a table of kind = days, days 1 to 3650")  # fmt: skip
            changes[key] = {**default, **given}
        else:
            low = 0 if key == "expiry_tolerance_days" else 1
            if not whole(given, low, _DAYS_UP_TO):
                raise refuse(
                    name,
                    given,
                    f"应为 {low} 至 {_DAYS_UP_TO} 的整数",
                    f"must be a whole number from {low} to {_DAYS_UP_TO}",
                )
            changes[key] = given
    thresholds = dataclasses.replace(DEFAULT_THRESHOLDS, **changes)
    for key in KEYS:
        values.append(
            Setting(
                f"integrity.{key}", getattr(thresholds, key), source if key in changes else DEFAULT_SOURCE
            )
        )
    return thresholds


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
