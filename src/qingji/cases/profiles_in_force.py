"""The header profiles in force (issue 11): the built-in ones and the court's own from the site settings.

:func:`court_profiles` is the one place the command line and the upload page get them from: the site settings in
force (``QINGJI_HOME/settings.toml``, its ``[profiles.NAME]`` tables, read and checked by
:func:`qingji.interchange.profiles.parse_profiles` when the file is read; docs/profiles.md).
"""

from __future__ import annotations

from qingji.interchange.profiles import HeaderProfile
from qingji.site.in_force import site_settings


def court_profiles() -> dict[str, HeaderProfile]:
    """Every header profile a court's export may be read by, by name: the built-in ones first. Raises
    SiteSettingsError when the site settings file cannot be used."""
    return dict(site_settings().profiles)
