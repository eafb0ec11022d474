"""Control characters in a cell (issue 9): C0 controls and DEL, except tab, line feed and carriage return, which
are legitimate inside a cell (Excel's Alt+Enter, a tab pasted in); every other one is not text a person typed.

One set, three forms: a regex for the cells, a byte test for a whole UTF-8 file (these bytes are never part of
another character in UTF-8), and each character's picture (U+2400 on) for reports, since a workbook cannot hold it.
"""

from __future__ import annotations

CONTROL_CODES: frozenset[int] = frozenset({*range(0x00, 0x20), 0x7F}) - {0x09, 0x0A, 0x0D}

CONTROL_CHARACTERS = "[" + "".join(f"\\x{code:02x}" for code in sorted(CONTROL_CODES)) + "]"
_NOT_CONTROL = bytes(code for code in range(0x100) if code not in CONTROL_CODES)
_PICTURES = {code: 0x2421 if code == 0x7F else 0x2400 + code for code in CONTROL_CODES}


def has_control_characters(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a control character."""
    return bool(data.translate(None, _NOT_CONTROL))


def visible(text: str) -> str:
    """``text`` with each control character replaced by its picture (U+0000 by ␀): a problem report shows where it
    was."""
    return text.translate(_PICTURES)
