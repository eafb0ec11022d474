"""The parties of a case as a key that compares equal however the export wrote them (withdraw_refile,
split_filing): full- and half-width forms alike (NFKC), no spaces, brackets of every shape alike, role prefixes
such as 原告： dropped, and a masked name 张某 equal to 张某某 (the masks of rules §5 and qingji.core.masking)."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[;；,，、/|\n]+")
_SPACES = re.compile(r"\s+")
_ROLE = re.compile(
    r"^(?:原审)?(?:原告|被告|第三人|上诉人|被上诉人|申请人|被申请人|申请执行人|被执行人|再审申请人|公诉机关|被告人|"
    r"自诉人|起诉人|利害关系人|案外人|异议人|复议申请人|赔偿请求人|赔偿义务机关)(?:[（(][^）)]*[）)])?[:：]"
)
_OPEN = str.maketrans({"［": "(", "[": "(", "【": "(", "〔": "(", "{": "(", "）": ")", "]": ")", "】": ")",
                       "〕": ")", "}": ")", "（": "("})  # fmt: skip
_MASK = re.compile(r"某+")


def party_name(text: str) -> str:
    """One party's name in its compared form: 'Ａ公司（原 B 公司）' → 'A公司(原B公司)', '张某某' → '张某'."""
    name = unicodedata.normalize("NFKC", text)
    name = _SPACES.sub("", name).translate(_OPEN)
    name = _ROLE.sub("", name)
    return _MASK.sub("某", name).casefold()


def parties_key(text: str | None) -> str | None:
    """The parties of a case as one key: their compared names, each once, sorted; None when there are none."""
    if not text:
        return None
    names = sorted({name for part in _SEPARATORS.split(text) if (name := party_name(part))})
    return "|".join(names) or None


def identifiable(key: str | None) -> bool:
    """Whether a parties key can tell one dispute from another: at least one of its names is not masked. A list
    of masked names only (某银行, 张某) fits a great many people, and matching on it finds coincidences, not the
    same parties."""
    return key is not None and any("某" not in name for name in key.split("|"))


def cause_key(text: str | None) -> str | None:
    """A 案由 in its compared form (NFKC, no spaces); None when blank."""
    if not text:
        return None
    cause = _SPACES.sub("", unicodedata.normalize("NFKC", text))
    return cause or None
