"""Where a court's installation keeps its files: QINGJI_HOME (default ./var), and the site settings file in it."""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "QINGJI_HOME"
SETTINGS_VARIABLE = "QINGJI_SETTINGS"  # another settings file than <QINGJI_HOME>/settings.toml
SETTINGS_FILE_NAME = "settings.toml"


def qingji_home() -> Path:
    """QINGJI_HOME, absolute."""
    return Path(os.environ.get(HOME_VARIABLE, "var")).resolve()


def settings_path() -> Path:
    """The site settings file: QINGJI_SETTINGS if set, else <QINGJI_HOME>/settings.toml (which may not exist:
    then every value is its default)."""
    named = os.environ.get(SETTINGS_VARIABLE, "").strip()
    return Path(named).resolve() if named else qingji_home() / SETTINGS_FILE_NAME
