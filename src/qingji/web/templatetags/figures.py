"""How the pages write figures: fractions as percentages, days with one decimal, a dash for no value."""

from __future__ import annotations

from django import template

register = template.Library()
NONE = "—"


@register.filter
def percent(value: float | None, places: int = 1) -> str:
    """0.7525 → "75.3%" (``places`` decimals); −0.7525 → "−75.3%"; None → "—"."""
    if value is None:
        return NONE
    return f"{value * 100:.{places}f}%".replace("-", "−")


@register.filter
def decimal(value: float | None, places: int = 1) -> str:
    """A number with ``places`` decimals; None → "—"."""
    return NONE if value is None else f"{value:.{places}f}"


@register.filter
def change(value: float | None, places: int = 1) -> str:
    """A change as a signed percentage: 2.0 → "+200.0%", −0.7525 → "−75.3%", 0 → "0.0%"; None → "—"."""
    if value is None or value <= 0:
        return percent(value, places)
    return "+" + percent(value, places)
