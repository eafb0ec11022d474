"""The header profiles qingji brings (issue 11): today the data centre's layout (:mod:`.data_centre`)."""

from __future__ import annotations

from qingji.interchange.data_centre import DATA_CENTRE, DATA_CENTRE_PROFILE
from qingji.interchange.header_profile import HeaderProfile

BUILTIN_PROFILES: dict[str, HeaderProfile] = {DATA_CENTRE: DATA_CENTRE_PROFILE}
