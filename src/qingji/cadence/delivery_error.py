"""A delivery that failed (issue 13 "Delivery"; docs/cadence.md "Delivery"): the reason in words, Chinese and
English, as the failures page shows it; ``permanent`` when sending it again cannot succeed."""

from __future__ import annotations


class DeliveryError(Exception):
    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
