"""A pytest plugin for every test (pyproject: -p site_settings_plugin): the site settings are the defaults (no
settings file of the developer's QINGJI_HOME applies), unless a test writes its own (the ``site_file`` fixture, or
QINGJI_SETTINGS in a command's environment)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from qingji.site.in_force import forget_site_settings

NO_FILE = Path(__file__).parent / "no-site-settings.toml"  # never created
os.environ["QINGJI_SETTINGS"] = str(NO_FILE)


@pytest.fixture(autouse=True)
def default_site_settings() -> Iterator[None]:
    forget_site_settings()
    yield
    os.environ["QINGJI_SETTINGS"] = str(NO_FILE)
    forget_site_settings()


@pytest.fixture
def site_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write ``text`` as the site settings file in force for this test (read again at once)."""

    def write(text: str) -> Path:
        path = tmp_path / "settings.toml"
        path.write_text(text, encoding="utf-8")
        os.environ["QINGJI_SETTINGS"] = str(path)
        forget_site_settings()
        return path

    return write
