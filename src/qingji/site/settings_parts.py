"""What the readers of the site settings file share (settings_file.py and its sections' own modules, such as
cadence_settings.py): a value in force and its source, the refusal, and the checks of a section's keys, of whole
numbers and of a local time. Django-free, and importing neither reader (the import-cycle contract)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any

DEFAULT_SOURCE = "默认 / default"


class SiteSettingsError(ValueError):
    """A settings file that cannot be used, with the place and the reason."""


@dataclass(frozen=True)
class Setting:
    """One value in force: its key in the file (``section.key``), the value, and where it came from."""

    key: str
    value: object
    source: str


# (key, value, reason in Chinese, reason in English) → the error to raise
Refuse = Callable[[str, object, str, str], SiteSettingsError]


def section_table(
    data: Mapping[str, Any], section: str, known: tuple[str, ...], refuse: Refuse
) -> dict[str, Any]:
    """The table ``[section]`` of the file (empty when absent); a key not in ``known`` is refused."""
    table: dict[str, Any] = data.get(section, {})
    for key in table:
        if key not in known:
            raise refuse(
                f"{section}.{key}", table[key], "未知的设置项", f"unknown setting (known: {', '.join(known)})"
            )
    return table


def local_time(key: str, given: object, refuse: Refuse, example: time) -> time:
    """The local time ``given`` ("HH:MM", or a TOML local time); else refused, with ``example`` as the example."""
    at = given if isinstance(given, time) else None
    if isinstance(given, str):
        try:
            at = time.fromisoformat(given.strip())
        except ValueError:
            at = None
    if at is None or at.tzinfo is not None:
        shown = example.strftime("%H:%M")
        raise refuse(key, given, f'应为当地时间，如 "{shown}"', f'must be a local time, e.g. "{shown}"')
    return at


def whole_list(
    table: Mapping[str, Any], section: str, key: str, high: int, refuse: Refuse, zh: str, en: str
) -> set[int]:
    """The distinct whole numbers, 1 to ``high``, of the non-empty list ``table[key]``; else refused."""
    given = table[key]
    if not isinstance(given, list) or not given or not all(whole(n, 1, high) for n in given):
        raise refuse(f"{section}.{key}", given, zh, en)
    return set(given)


def whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
