"""A court's own settings for its measures (docs/measures.md §4): score weights, time standards, age bands and
long-pending tiers, in a TOML file an administrator edits::

    long_pending_months = [12, 18, 24, 36]
    age_bands = [[0, 90], [91, 180], [181, 365], [366, 730], [731]]   # days; only the last is open
    disposition_net_of_deductions = false

    [time_standards]        # per family: a row of the Model Time Standards, or the court's own tiers
    criminal = "felony"
    civil = [[75, 180], [90, 365], [98, 540]]   # [percent, days], …

    [weights]               # the score's inputs (0 leaves an input out)
    on_time_rate = 40
    closed_to_filed = 30
    long_pending_share = 20
    overdue_share = 10

Every key is optional: what the file leaves out keeps its default. ``qingji stats --measures FILE`` and the
statistics page read it (the page from QINGJI_MEASURES). A file that cannot be used is refused whole, naming the
file, the key, the value and the reason.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qingji.core.scores import DEFAULT_SCORE_WEIGHTS, ScoreWeight
from qingji.core.time_standards import (
    DEFAULT_TIME_STANDARDS,
    MODEL_TIME_STANDARDS,
    AgeBand,
    Tier,
    TimeStandard,
    check_bands,
)
from qingji.core.typecodes import Family
from qingji.engine.stats import DEFAULT_STATS_SETTINGS, StatsSettings

ENVIRONMENT_VARIABLE = "QINGJI_MEASURES"
KEYS = frozenset(
    {"long_pending_months", "age_bands", "disposition_net_of_deductions", "time_standards", "weights"}
)
WEIGHT_MEASURES = {weight.measure: weight for weight in DEFAULT_SCORE_WEIGHTS}


class MeasureSettingsError(ValueError):
    """A measures file that cannot be used, with the place and the reason."""


# (key, value, reason in Chinese, reason in English) → the error to raise
Refuse = Callable[[str, object, str, str], MeasureSettingsError]


def read_measure_settings(path: Path) -> StatsSettings:
    """The settings in ``path`` over the defaults."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MeasureSettingsError(f"{path}: 无法读取 / cannot be read: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise MeasureSettingsError(f"{path}: 不是有效的 TOML / not valid TOML: {error}") from None
    return measure_settings(data, str(path))


def measure_settings(data: dict[str, Any], source: str = "") -> StatsSettings:
    """Settings from the parsed file ``data`` (``source`` names it in errors)."""

    def refuse(key: str, value: object, zh: str, en: str) -> MeasureSettingsError:
        return MeasureSettingsError(f"{source}: {key} = {value!r}: {zh} / {en}")

    unknown = sorted(set(data) - KEYS)
    if unknown:
        key = unknown[0]
        raise refuse(key, data[key], "未知的设置项", f"unknown setting (known: {', '.join(sorted(KEYS))})")
    counts = DEFAULT_STATS_SETTINGS.counts
    changes: dict[str, Any] = {}
    if "long_pending_months" in data:
        months = data["long_pending_months"]
        if not isinstance(months, list) or not months or not all(_positive_int(m) for m in months):
            raise refuse(
                "long_pending_months", months, "应为正整数月数的列表", "must be a list of positive months"
            )
        changes["long_pending_months"] = tuple(sorted(set(months)))
    if "age_bands" in data:
        changes["bands"] = _bands(data["age_bands"], refuse)
    if "disposition_net_of_deductions" in data:
        value = data["disposition_net_of_deductions"]
        if not isinstance(value, bool):
            raise refuse(
                "disposition_net_of_deductions", value, "应为 true 或 false", "must be true or false"
            )
        changes["disposition_net_of_deductions"] = value
    if "time_standards" in data:
        changes["standards"] = _standards(data["time_standards"], refuse)
    weights = score_weights(data["weights"], source) if "weights" in data else DEFAULT_STATS_SETTINGS.weights
    return StatsSettings(counts=dataclasses.replace(counts, **changes), weights=weights)


def settings_from_environment() -> StatsSettings:
    """The settings in the file named by QINGJI_MEASURES, else the defaults."""
    name = os.environ.get(ENVIRONMENT_VARIABLE)
    return read_measure_settings(Path(name)) if name else DEFAULT_STATS_SETTINGS


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _bands(value: object, refuse: Refuse) -> tuple[AgeBand, ...]:
    bands = []
    if not isinstance(value, list) or not value:
        raise refuse("age_bands", value, "应为区间列表", "must be a list of [low, high] day ranges")
    for item in value:
        numbers = item if isinstance(item, list) else None
        if not numbers or len(numbers) > 2 or not all(isinstance(n, int) and n >= 0 for n in numbers):
            raise refuse(
                "age_bands",
                item,
                "区间应为 [起, 止] 或 [起]（天数）",
                "a band is [low, high] or [low] in days",
            )
        bands.append(AgeBand(numbers[0], numbers[1] if len(numbers) == 2 else None))
    try:
        check_bands(tuple(bands))
    except ValueError as error:
        raise refuse("age_bands", value, "区间须自 0 起首尾相接", str(error)) from None
    return tuple(bands)


def _standards(value: object, refuse: Refuse) -> dict[Family, TimeStandard]:
    if not isinstance(value, dict):
        raise refuse("time_standards", value, "应为表", "must be a table of family = standard")
    standards = dict(DEFAULT_TIME_STANDARDS)
    for name, given in value.items():
        key = f"time_standards.{name}"
        try:
            family = Family(name)
        except ValueError:
            families = ", ".join(family.value for family in Family)
            raise refuse(key, given, "未知的案件类别", f"unknown family (known: {families})") from None
        if isinstance(given, str):
            if given not in MODEL_TIME_STANDARDS:
                rows = ", ".join(MODEL_TIME_STANDARDS)
                raise refuse(key, given, "没有该标准", f"no such Model Time Standard (known: {rows})")
            standards[family] = MODEL_TIME_STANDARDS[given]
            continue
        standards[family] = TimeStandard(f"{name} (court)", _tiers(key, given, refuse), "measures file")
    return standards


def _tiers(key: str, value: object, refuse: Refuse) -> tuple[Tier, ...]:
    tiers: list[Tier] = []
    if not isinstance(value, list) or not value:
        raise refuse(key, value, "应为 [百分比, 天数] 的列表", "must be a list of [percent, days]")
    for item in value:
        if (
            not isinstance(item, list) or len(item) != 2 or not all(_positive_int(n) for n in item)
            or item[0] > 100 or (tiers and (item[0] <= tiers[-1].percent or item[1] < tiers[-1].days))
        ):  # fmt: skip
            raise refuse(key, item, "每级为 [百分比, 天数]，百分比与天数逐级递增",
                         "each tier is [percent, days], both rising from tier to tier")  # fmt: skip
        tiers.append(Tier(item[0], item[1]))
    return tuple(tiers)


def score_weights(value: object, source: str = "") -> tuple[ScoreWeight, ...]:
    """The default weights with those in ``value`` (measure → weight) instead; the statistics page's form
    passes its fields here as the file's [weights] table is."""

    def refuse(key: str, given: object, zh: str, en: str) -> MeasureSettingsError:
        return MeasureSettingsError(f"{source}: {key} = {given!r}: {zh} / {en}")

    if not isinstance(value, dict):
        raise refuse("weights", value, "应为表", "must be a table of measure = weight")
    for name, weight in value.items():
        if name not in WEIGHT_MEASURES:
            raise refuse(
                f"weights.{name}",
                weight,
                "未知的得分项",
                f"unknown input (known: {', '.join(WEIGHT_MEASURES)})",
            )
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
            raise refuse(f"weights.{name}", weight, "权重应为非负数", "a weight is a number, 0 or more")
    weights = tuple(
        dataclasses.replace(default, weight=float(value.get(default.measure, default.weight)))
        for default in DEFAULT_SCORE_WEIGHTS
    )
    if not any(weight.weight > 0 for weight in weights):
        raise refuse("weights", value, "权重不能全为 0", "at least one weight must be above 0")
    return weights
