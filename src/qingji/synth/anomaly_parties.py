"""Parties (当事人) compared as the integrity checks compare them, and written the way another clerk would.

Two cases have the same parties when their names form the same set after normalisation: NFKC (full-width letters,
digits and punctuation folded), no white space, one kind of bracket, role prefixes such as 原告：/被告： dropped, and a
mask 某 or 某某 read alike (张某 = 张某某: the export masks a name with one or two characters, rules §5 practice
(d) is about the same people coming back). A re-filed or split case's parties are written again with such
variations, so that a check that compares the text as written misses them.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

ROLE_PREFIXES: tuple[str, ...] = (
    "原告", "被告", "第三人", "上诉人", "被上诉人", "原审原告", "原审被告", "原审第三人", "申请人", "被申请人",
    "申请执行人", "被执行人", "案外人", "公诉机关", "被告人", "自诉人", "附带民事诉讼原告人",
)  # fmt: skip
SEPARATORS = ";；、,，/"
_SPLIT = re.compile(f"[{re.escape(SEPARATORS)}]")
_ROLE = re.compile("^(?:" + "|".join(sorted(ROLE_PREFIXES, key=len, reverse=True)) + "):")
_BRACKETS = str.maketrans(
    {"（": "(", "）": ")", "〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")"}
)
_MASK = re.compile("某+")
_PERSON = re.compile("^([^某])(某{1,2})$")


def party_names(text: str | None) -> frozenset[str]:
    """The set of normalised names in a 当事人 cell."""
    if not text:
        return frozenset()
    names = set()
    for part in _SPLIT.split(unicodedata.normalize("NFKC", text)):
        name = "".join(part.split()).translate(_BRACKETS)
        name = _MASK.sub("某", _ROLE.sub("", name))
        if name:
            names.add(name)
    return frozenset(names)


def party_key(text: str | None) -> str | None:
    """The names of :func:`party_names` sorted and joined: equal keys, same parties (None when there are none)."""
    names = party_names(text)
    return "|".join(sorted(names)) if names else None


def _roles(enforcement: bool) -> tuple[str, str]:
    return ("申请执行人", "被执行人") if enforcement else ("原告", "被告")


def vary_parties(rng: np.random.Generator, text: str, *, enforcement: bool = False) -> str:
    """``text`` written differently with the same :func:`party_key`: other order, the other mask (王某 ↔ 王某某),
    role prefixes with a full-width colon, a full-width or other separator, a space inside a name."""
    names = [name for name in re.split(f"[{re.escape(SEPARATORS)}]", text) if name]
    for _ in range(8):
        parts = list(names)
        if len(parts) > 1 and rng.random() < 0.6:
            parts = [parts[i] for i in rng.permutation(len(parts))]
        parts = [_other_mask(p) if _PERSON.match(p) and rng.random() < 0.5 else p for p in parts]
        if rng.random() < 0.4:
            first, other = _roles(enforcement)
            parts = [f"{first if i == 0 else other}：{p}" for i, p in enumerate(parts)]
        if rng.random() < 0.3:
            i = int(rng.integers(len(parts)))
            cut = max(1, len(parts[i]) // 2)
            parts[i] = parts[i][:cut] + ("\u3000" if rng.random() < 0.5 else " ") + parts[i][cut:]
        separator = str(rng.choice(["；", "、", ";"]))
        varied = separator.join(parts)
        if varied != text and party_key(varied) == party_key(text):
            return varied
    # Always something different: the other mask on the first person, else a full-width separator.
    return "；".join(names) if len(names) > 1 else "原告：" + text


def _other_mask(name: str) -> str:
    match = _PERSON.match(name)
    if match is None:
        return name
    return match[1] + ("某某" if match[2] == "某" else "某")
