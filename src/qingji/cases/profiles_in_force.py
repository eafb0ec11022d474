"""The header profiles in force (issue 11): the built-in ones and the court's own from the site settings.

:func:`court_profiles` is the one place the command line and the upload page get them from. Until the site
settings file is read by qingji (``QINGJI_HOME/settings.toml``, its ``[profiles.NAME]`` tables), the built-in
profiles alone are in force.
"""

from __future__ import annotations

from qingji.interchange.profiles import BUILTIN_PROFILES, HeaderProfile


def court_profiles() -> dict[str, HeaderProfile]:
    """Every header profile a court's export may be read by, by name: the built-in ones first."""
    return dict(BUILTIN_PROFILES)


def profile_named(name: str) -> HeaderProfile | None:
    """The profile called ``name``, or None."""
    return court_profiles().get(name.strip())
