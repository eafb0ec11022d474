"""The integrity checks as the campaigns see them (docs/integrity.md, docs/cadence.md): the campaigns' start and
target dates, before which the closure-burst check looks (besides the bulletin days), and the ten-day bulletin's
section of findings per court and check.

The bulletin's findings are those of its own day: the stored ones when the newest run is of that day (the nightly
run before the bulletin's hour), else the checks run for that day (a bulletin caught up after a stop, or made by
hand for a past day; qingji.cases.integrity_run.findings_on). The cases it lists carry their parties masked
(qingji.core.masking): the bulletin goes to every court of the campaign.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from qingji.campaigns.bulletin import LISTED_FINDINGS, IntegrityCase, IntegrityLine, IntegritySection
from qingji.campaigns.models import Campaign
from qingji.cases.integrity_findings import CHECK_ORDER
from qingji.cases.integrity_run import findings_on
from qingji.cases.models import Case
from qingji.core.masking import mask_parties

TOTAL = "合计"


def campaign_dates() -> list[date]:
    """Every campaign's start and target date (the checks keep those of the year before their date)."""
    dates: set[date] = set()
    for start, target in Campaign.objects.values_list("start", "target"):
        dates.update((start, target))
    return sorted(dates)


def integrity_section(campaign: Campaign, on: date, listed: int = LISTED_FINDINGS) -> IntegritySection:
    """The findings of the campaign's courts on ``on``: counted per court and check, and the first ``listed``
    findings of cases (by check, court and case number), their parties masked."""
    courts = dict(campaign.courts.order_by("code").values_list("code", "name"))
    found = [item for item in findings_on(on, campaign_dates=campaign_dates()) if item.court_code in courts]
    counts: dict[str, Counter[str]] = {code: Counter() for code in courts}
    for item in found:
        counts[item.court_code][item.check] += 1
    lines = [IntegrityLine(code, name, _ordered(counts[code])) for code, name in courts.items()]
    overall = IntegrityLine("", TOTAL, _ordered(sum(counts.values(), Counter())))
    of_cases = sorted(
        (item for item in found if item.case_number),
        key=lambda item: (CHECK_ORDER.get(item.check, len(CHECK_ORDER)), item.court_code, item.case_number),
    )
    first = of_cases[:listed]
    parties = dict(
        Case.objects.filter(case_number__in=[item.case_number for item in first]).values_list(
            "case_number", "parties"
        )
    )
    cases = [
        IntegrityCase(
            item.check,
            item.case_number,
            courts.get(item.court_code, item.court_code),
            item.judge,
            mask_parties(parties.get(item.case_number, "")),
        )
        for item in first
    ]
    return IntegritySection(on, lines, overall, cases, len(of_cases))


def _ordered(counts: Counter[str]) -> dict[str, int]:
    """The checks found, in the order of the checks."""
    return {
        check: n
        for check, n in sorted(counts.items(), key=lambda item: CHECK_ORDER.get(item[0], len(CHECK_ORDER)))
        if n
    }
