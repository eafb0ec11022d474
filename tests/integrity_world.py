"""Cases with integrity findings planted by hand, in the database beside court_cases.py's (tests/cases, tests/web,
tests/browser, tests/campaigns): two basic courts, each finding of a known case and judge on AS_OF."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from court_cases import AS_OF
from qingji.cases.models import Case, CaseEvent, IntegrityFinding, IntegrityRun

# The findings planted, (check, case number, court, judge), as the checks find them on AS_OF.
REFILED = "（2024）甘1002民初102号"  # withdrawn as 101号 and filed again 22 days later
WITHDRAWN = "（2024）甘1002民初101号"
AUCTION = "（2024）甘1002民初103号"  # a deduction a civil first instance case may not have
SPLIT = ("（2024）甘1002民初104号", "（2024）甘1002民初105号")  # one dispute filed as two cases the same day
MISMATCH = "（2024）甘1002民初106号"  # the court system's expiry two months after the law's
OTHER_COURT = "（2024）甘1027民初101号"  # another basic court's deduction without ground
PLANTED = [
    ("withdraw_refile", REFILED, "甘1002", "李娜"),
    ("deduction_without_ground", AUCTION, "甘1002", "张伟"),
    ("split_filing", SPLIT[0], "甘1002", "张伟"),
    ("split_filing", SPLIT[1], "甘1002", "张伟"),
    ("expiry_mismatch", MISMATCH, "甘1002", "张伟"),
    ("deduction_without_ground", OTHER_COURT, "甘1027", "赵磊"),
]
OTHER_PARTIES = "赵六;丙公司"


def _case(
    number: str, court: str, judge: str, filed: date, closed: date | None = None, **more: object
) -> Case:
    fields = {"cause": "买卖合同纠纷", "parties": f"{number}原告;{number}被告", **more}
    return Case.objects.create(
        case_number=number,
        court_code=court,
        type_code="民初",
        procedure="ordinary",
        judge=judge,
        division="民一庭",
        filed_on=filed,
        closed_on=closed,
        **fields,
    )


def plant_integrity_cases() -> None:
    """The cases above (the courts exist: court_cases.create_court_system)."""
    _case(
        WITHDRAWN,
        "甘1002",
        "张伟",
        date(2024, 3, 1),
        date(2024, 5, 10),
        closure_method="撤诉",
        parties="张三;甲公司",
    )
    _case(REFILED, "甘1002", "李娜", date(2024, 6, 1), parties="张三;甲公司")
    auction = _case(AUCTION, "甘1002", "张伟", date(2024, 8, 1))
    CaseEvent.objects.create(
        case=auction,
        key="d1",
        event="deduction",
        kind="拍卖变卖",
        start=date(2024, 9, 1),
        end=date(2024, 9, 20),
    )
    for number in SPLIT:
        _case(number, "甘1002", "张伟", date(2024, 9, 2), cause="借款合同纠纷", parties="王五;乙公司")
    _case(MISMATCH, "甘1002", "张伟", date(2024, 7, 1), cms_expiry=date(2025, 3, 3))
    other = _case(OTHER_COURT, "甘1027", "赵磊", date(2024, 8, 1), parties=OTHER_PARTIES)
    CaseEvent.objects.create(
        case=other,
        key="d1",
        event="deduction",
        kind="拍卖变卖",
        start=date(2024, 9, 1),
        end=date(2024, 9, 20),
    )


def plant_findings_of_every_case() -> None:
    """Stored findings over whatever cases the database holds (the attack test's world), once: for each case one
    naming another case of its court (as a case withdrawn and filed again names the earlier one), and for each
    judge and each court a share of deducted time naming their cases (as outlier_share does)."""
    if IntegrityFinding.objects.exists():
        return
    by_court: dict[str, list[Case]] = {}
    for case in Case.objects.order_by("case_number"):
        by_court.setdefault(case.court_code, []).append(case)
    findings = []
    for court, cases in by_court.items():
        numbers = [case.case_number for case in cases]
        for index, case in enumerate(cases):
            earlier = numbers[index - 1] if len(numbers) > 1 else case.case_number
            findings.append(
                IntegrityFinding(
                    as_of=AS_OF,
                    check_code="withdraw_refile",
                    case=case,
                    case_number=case.case_number,
                    court_code=court,
                    judge=case.judge,
                    rule="rules §5 (d)",
                    zh=f"{earlier}撤诉后重新立案",
                    en=f"{earlier} withdrawn and filed again",
                    evidence={"earlier_case": earlier, "parties": case.parties},
                )
            )
        for judge in sorted({case.judge for case in cases} - {""}):
            own = [case.case_number for case in cases if case.judge == judge]
            findings.append(
                IntegrityFinding(
                    as_of=AS_OF,
                    check_code="outlier_share",
                    court_code=court,
                    judge=judge,
                    zh=f"{judge}：{'、'.join(own)}",
                    en=f"{judge}: {', '.join(own)}",
                    evidence={"top_cases": own, "share": 0.5},
                )
            )
        findings.append(
            IntegrityFinding(
                as_of=AS_OF,
                check_code="outlier_share",
                court_code=court,
                zh=f"{court}：{'、'.join(numbers)}",
                en=f"{court}: {', '.join(numbers)}",
                evidence={"top_cases": numbers, "share": 0.5},
            )
        )
    IntegrityFinding.objects.bulk_create(findings)
    IntegrityRun.objects.create(
        as_of=AS_OF, started_at=timezone.now(), finished_at=timezone.now(), cases=0, findings=len(findings)
    )


__all__ = ["AS_OF", "PLANTED", "plant_findings_of_every_case", "plant_integrity_cases"]
