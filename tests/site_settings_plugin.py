"""A pytest plugin for every test (pyproject: -p site_settings_plugin): the site settings are the defaults (no
settings file of the developer's QINGJI_HOME applies), unless a test writes its own (the ``site_file`` fixture, or
QINGJI_SETTINGS in a command's environment); the cache is the installation's shared file cache, in a directory of
this test run's own (not the developer's ``<QINGJI_HOME>/cache``, which outlives a run)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from qingji.site.in_force import forget_site_settings

NO_FILE = Path(__file__).parent / "no-site-settings.toml"  # never created
os.environ["QINGJI_SETTINGS"] = str(NO_FILE)
_CACHE = tempfile.mkdtemp(prefix="qingji-test-cache-")


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": _CACHE}}


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)


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
