"""Header profiles (issue 11): how a court's own export layout maps onto the interchange format.

- :class:`HeaderProfile` (:mod:`.header_profile`): one layout, its columns, value tables, kinds of table;
- :data:`BUILTIN_PROFILES`: the layouts qingji knows, today ``数据中心`` (:mod:`.data_centre`);
- :func:`parse_profiles` and :class:`ProfileError` (:mod:`.profile_parsing`): a court's own, from the
  ``[profiles.NAME]`` tables of the site settings file.

Reading a table by a profile is the interchange readers' work (:mod:`.reading`, :mod:`.export_reading`).
docs/profiles.md describes the built-in layout and how a court writes its own.
"""

from __future__ import annotations

from qingji.interchange.builtin_profiles import BUILTIN_PROFILES
from qingji.interchange.data_centre import DATA_CENTRE
from qingji.interchange.header_profile import BUILT_IN, HeaderProfile, TableKind
from qingji.interchange.profile_parsing import ProfileError, parse_profiles

__all__ = [
    "BUILTIN_PROFILES",
    "BUILT_IN",
    "DATA_CENTRE",
    "HeaderProfile",
    "ProfileError",
    "TableKind",
    "parse_profiles",
]
