"""How the pages write figures (qingji.web.templatetags.figures)."""

from __future__ import annotations

from qingji.web.templatetags.figures import change, decimal, percent


def test_percentages_changes_and_decimals() -> None:
    assert percent(0.7525, 2) == "75.25%"
    assert percent(1.0) == "100.0%"
    assert percent(None) == "—"
    assert change(-0.7525, 2) == "−75.25%"
    assert change(2.0) == "+200.0%"
    assert change(0.0) == "0.0%"
    assert change(None) == "—"
    assert decimal(112.0) == "112.0" and decimal(0.33333, 2) == "0.33" and decimal(None) == "—"
