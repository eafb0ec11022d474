"""The words about the supervision letter (督办函) on the campaign page, Chinese first (merged into labels.TEXTS)."""

from __future__ import annotations

LETTER_TEXTS: dict[str, tuple[str, str]] = {
    "letter_download": ("下载督办函", "Download letter"),
}
