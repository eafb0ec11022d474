"""What a campaign case should carry and what it misses: the four determinations (四定), the reason it is
unresolved and the four levels of the chain (四级包案), DESIGN.md §1. A blank one is flagged."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from qingji.campaigns.models import CampaignCase

# What every case of a campaign should carry: the four determinations (四定), the reason it is unresolved, and
# the four levels of the chain (四级包案). A blank one is flagged.
REQUIRED = (
    "responsible", "supervisor", "plan", "target_on", "reason",
    "president", "vice_president", "division_head", "judge",
)  # fmt: skip


def missing(entry: CampaignCase) -> list[str]:
    """The required fields the case leaves blank (nothing is missing once the case is closed)."""
    if entry.case.closed_on is not None:
        return []
    return [name for name in REQUIRED if not getattr(entry, name)]


def gaps(entries: Iterable[CampaignCase]) -> Counter[str]:
    """How many pending cases leave each required field blank."""
    counts: Counter[str] = Counter()
    for entry in entries:
        counts.update(missing(entry))
    return counts
