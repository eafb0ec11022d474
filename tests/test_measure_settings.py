"""A court's measure settings file (qingji.measure_settings): what it changes, and every refusal naming the file,
the key, the value and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from qingji.core.scores import DEFAULT_SCORE_WEIGHTS
from qingji.core.time_standards import DEFAULT_AGE_BANDS, MODEL_TIME_STANDARDS, AgeBand, Tier
from qingji.core.typecodes import Family
from qingji.engine.stats import DEFAULT_STATS_SETTINGS
from qingji.measure_settings import (
    ENVIRONMENT_VARIABLE,
    MeasureSettingsError,
    read_measure_settings,
    score_weights,
    settings_from_environment,
)

FULL = """
long_pending_months = [24, 12, 12]
age_bands = [[0, 180], [181, 365], [366]]
disposition_net_of_deductions = true

[time_standards]
criminal = "misdemeanor"
civil = [[50, 90], [90, 365]]

[weights]
on_time_rate = 50
overdue_share = 0
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "measures.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_setting_is_read(tmp_path: Path) -> None:
    settings = read_measure_settings(write(tmp_path, FULL))
    counts = settings.counts
    assert counts.long_pending_months == (12, 24)
    assert counts.bands == (AgeBand(0, 180), AgeBand(181, 365), AgeBand(366, None))
    assert counts.disposition_net_of_deductions is True
    assert counts.standard(Family.CRIMINAL) == MODEL_TIME_STANDARDS["misdemeanor"]
    assert counts.standard(Family.CIVIL).tiers == (Tier(50, 90), Tier(90, 365))
    assert counts.standard(Family.ENFORCEMENT) == MODEL_TIME_STANDARDS["general_civil"]  # left as it was
    weights = {weight.measure: weight.weight for weight in settings.weights}
    assert weights == {
        "on_time_rate": 50,
        "closed_to_filed": 30,
        "long_pending_share": 20,
        "overdue_share": 0,
    }


def test_an_empty_file_keeps_the_defaults(tmp_path: Path) -> None:
    assert read_measure_settings(write(tmp_path, "")) == DEFAULT_STATS_SETTINGS
    assert DEFAULT_STATS_SETTINGS.counts.bands == DEFAULT_AGE_BANDS


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("colour = 1", "colour = 1"),
        ("long_pending_months = [0]", "long_pending_months = [0]"),
        ("long_pending_months = 12", "long_pending_months = 12"),
        ("age_bands = [[1, 90], [91]]", "age_bands"),
        ("age_bands = [[0, 90], [100]]", "age_bands"),
        ("age_bands = [[0], [91]]", "age_bands"),
        ("disposition_net_of_deductions = 'yes'", "disposition_net_of_deductions = 'yes'"),
        ("[time_standards]\nfamily_law = 'divorce'", "time_standards.family_law"),
        ("[time_standards]\ncivil = 'fast'", "time_standards.civil = 'fast'"),
        ("[time_standards]\ncivil = [[90, 365], [75, 180]]", "time_standards.civil = [75, 180]"),
        ("[time_standards]\ncivil = [[101, 30]]", "time_standards.civil = [101, 30]"),
        ("[weights]\nspeed = 3", "weights.speed = 3"),
        ("[weights]\non_time_rate = -1", "weights.on_time_rate = -1"),
        ("[weights]\non_time_rate = true", "weights.on_time_rate = True"),
        (
            "[weights]\non_time_rate = 0\nclosed_to_filed = 0\nlong_pending_share = 0\noverdue_share = 0",
            "weights = ",
        ),
        ("weights = [", "不是有效的 TOML"),
    ],
)
def test_a_bad_setting_is_refused_with_its_place(tmp_path: Path, text: str, place: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(MeasureSettingsError) as refused:
        read_measure_settings(path)
    message = str(refused.value)
    assert message.startswith(str(path)) and place in message and " / " in message


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MeasureSettingsError, match="cannot be read"):
        read_measure_settings(tmp_path / "nothing.toml")


def test_weights_from_a_form_keep_the_defaults_they_do_not_name() -> None:
    weights = score_weights({"closed_to_filed": 10.5})
    assert [(w.measure, w.weight) for w in weights] == [
        (w.measure, 10.5 if w.measure == "closed_to_filed" else w.weight) for w in DEFAULT_SCORE_WEIGHTS
    ]


def test_the_environment_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)
    assert settings_from_environment() == DEFAULT_STATS_SETTINGS
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(write(tmp_path, "long_pending_months = [18]")))
    assert settings_from_environment().counts.long_pending_months == (18,)
