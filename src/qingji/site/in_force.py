"""The site settings in force in this process: read once, at the first use after the process starts (a changed
file takes effect at the next start, when the change is also recorded and audited: qingji.site.record)."""

from __future__ import annotations

import threading

from qingji.site.home import settings_path
from qingji.site.settings_file import SiteSettings, read_site_settings

_lock = threading.Lock()
_in_force: SiteSettings | None = None


def site_settings() -> SiteSettings:
    """The settings in force (raises SiteSettingsError when the file cannot be used)."""
    global _in_force
    with _lock:
        if _in_force is None:
            _in_force = read_site_settings(settings_path())
        return _in_force


def forget_site_settings() -> None:
    """Read the file again at the next use (the tests, which change it within one process)."""
    global _in_force
    with _lock:
        _in_force = None


def reload_site_settings() -> SiteSettings:
    """Read the file again now."""
    forget_site_settings()
    return site_settings()
