"""Who approved an extension, and whether that is high enough (rules §2).

An export names the approver as free text: 院长, 副院长, a court's name (庆阳市中级人民法院), 上级法院. The text
is turned into an authority on one scale: within a court, vice-president below president; any higher court
above both; the Supreme People's Court highest.
"""

from __future__ import annotations

from qingji.core.courts import CourtLevel, court_by_name, court_level, is_valid_court_code
from qingji.core.periods import Approver


def _court_authority(level: int) -> int:
    return level * 10 + 5


def own_level(court_code: str | None) -> int:
    """The case's court level; unknown courts are taken as basic courts."""
    if court_code and (court_code == "最高法" or is_valid_court_code(court_code)):
        return int(court_level(court_code))
    return int(CourtLevel.BASIC)


def approver_authority(text: str, court_code: str | None) -> int | None:
    """The authority of the approver named by ``text`` for a case of ``court_code``; None if not recognised."""
    name = "".join(text.split())
    level = own_level(court_code)
    if not name:
        return None
    known = court_by_name(name)
    if known is not None:
        return _court_authority(int(known.level))
    if "最高" in name:
        return _court_authority(int(CourtLevel.SUPREME))
    if "高级人民法院" in name or "高级法院" in name or "高院" in name:
        return _court_authority(int(CourtLevel.HIGH))
    if "中级人民法院" in name or "中级法院" in name or "中院" in name:
        return _court_authority(int(CourtLevel.INTERMEDIATE))
    if "上级" in name:
        return _court_authority(level + 1)
    if "副院长" in name:
        return level * 10 + 1
    if "院长" in name:
        return level * 10 + 2
    if name.endswith("人民法院") or name.endswith("法院"):
        return _court_authority(int(CourtLevel.BASIC))
    return None


def required_authority(approver: Approver, court_code: str | None) -> int:
    level = own_level(court_code)
    match approver:
        case Approver.VICE_PRESIDENT:
            return level * 10 + 1
        case Approver.PRESIDENT:
            return level * 10 + 2
        case Approver.NEXT_HIGHER_COURT:
            return _court_authority(level + 1)
        case Approver.HIGH_COURT:
            # A High Court's own cases go to the SPC (ALL 81).
            return _court_authority(max(int(CourtLevel.HIGH), level + 1))
        case Approver.SUPREME_COURT:
            return _court_authority(int(CourtLevel.SUPREME))
