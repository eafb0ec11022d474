"""Explanations: every computed date says which rule, extension, deduction or rest day moved it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a computation: its legal basis, what it did (Chinese, English) and the date it reached."""

    basis: str
    zh: str
    en: str
    result: date | None = None

    def line_zh(self) -> str:
        tail = f" → {self.result.isoformat()}" if self.result else ""
        source = f"（{self.basis}）" if self.basis else ""
        return f"{self.zh}{source}{tail}"

    def line_en(self) -> str:
        tail = f" → {self.result.isoformat()}" if self.result else ""
        source = f" ({self.basis})" if self.basis else ""
        return f"{self.en}{source}{tail}"


def basis_head(source: str | None, base_label: str | None) -> str:
    """The first part of a basis: the rule and its base period."""
    if source is None:
        return "无审限规则"
    if base_label is None:
        return f"{source} 无法定审限"
    return f"{source} {base_label}"


def basis_summary(
    *,
    source: str | None,
    base_label: str | None,
    converted_label: str | None,
    restarted_on: date | None,
    extended_label: str | None,
    deducted_days: int,
    rolled_to: date | None,
    provisional: bool,
) -> str:
    """The one-line basis in a ledger row, e.g. ``CPL 152 6个月；延长6个月；扣除30日；顺延至2024-04-15``.

    The columnar engine builds the same text column by column; keep the two in step (tests compare them).
    """
    parts = [basis_head(source, base_label)]
    if converted_label:
        parts.append(f"转{converted_label}")
    if restarted_on:
        parts.append(f"重新计算{restarted_on.isoformat()}")
    if extended_label:
        parts.append(f"延长{extended_label}")
    if deducted_days:
        parts.append(f"扣除{deducted_days}日")
    if rolled_to:
        parts.append(f"顺延至{rolled_to.isoformat()}")
    if provisional:
        parts.append("暂定")
    return "；".join(parts)
