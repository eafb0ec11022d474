"""The integrity checks over the database (qingji.cases.integrity_run): the findings of a run stored (replacing the
previous run's) with the run's record and an audit record per court, in one transaction; the nightly job running
them after the snapshot when the stored findings are stale; the findings a person may see
(qingji.cases.integrity_findings); the bulletin's findings of a day other than the stored run's computed anew."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from court_cases import AS_OF, PASSWORD, create_court_system
from integrity_world import PLANTED, REFILED, SPLIT, WITHDRAWN, plant_integrity_cases
from qingji.audit.models import AuditRecord
from qingji.cases.integrity_findings import FindingFilters, counts_by_court, hidden_numbers, visible_findings
from qingji.cases.integrity_run import (
    do_integrity_run,
    findings_on,
    integrity_date,
    integrity_stale,
    latest_run,
)
from qingji.cases.models import Case, IntegrityFinding, IntegrityRun
from qingji.cases.snapshot import do_snapshot
from qingji.courts.actions import do_create_user, do_grant
from qingji.courts.models import Division, Person, Role
from qingji.server.nightly import refresh_integrity

pytestmark = pytest.mark.django_db


@pytest.fixture
def planted(db: None) -> None:
    create_court_system()
    plant_integrity_cases()


def stored() -> list[tuple[str, str, str, str]]:
    return sorted(IntegrityFinding.objects.values_list("check_code", "case_number", "court_code", "judge"))


def person(court: str, role: Role, name: str = "某人", division: str | None = None) -> Person:
    made = do_create_user(f"u{Person.objects.count()}", PASSWORD, name=name, court_code=court, role=role)
    if division is not None:
        made.division = Division.objects.get_or_create(court=made.court, name=division)[0]
        made.save()
    return made


def test_a_run_stores_the_planted_findings_with_its_record_and_audit(planted: None) -> None:
    run = do_integrity_run(AS_OF)
    assert stored() == sorted(PLANTED)
    # each finding of a case points at it; the evidence and the sentence are kept as the checks wrote them
    refiled = IntegrityFinding.objects.get(case_number=REFILED)
    assert refiled.case == Case.objects.get(case_number=REFILED) and refiled.as_of == AS_OF
    assert refiled.evidence["earlier_case"] == WITHDRAWN and refiled.evidence["days_between"] == 22
    assert WITHDRAWN in refiled.zh and "filed again" in refiled.en and "2019-Prov Art. 8" in refiled.rule
    assert run == latest_run() and run.as_of == AS_OF and run.findings == len(PLANTED)
    assert run.cases == Case.objects.filter(filed_on__lte=AS_OF).count()
    assert run.by_check["split_filing"] == 2 and run.by_check["outlier_share"] == 0
    assert run.thresholds["refile_days"] == 90 and run.started_at <= run.finished_at
    # one audit record per court with cases: its own count, no other court's case
    records = {r.court_code: r.after for r in AuditRecord.objects.filter(action="integrity_checked")}
    assert records == {"甘1002": {"findings": 5}, "甘1027": {"findings": 1}}
    assert set(
        AuditRecord.objects.filter(action="integrity_checked").values_list("object_id", flat=True)
    ) == {AS_OF.isoformat()}


def test_a_run_replaces_the_findings_of_the_one_before(planted: None) -> None:
    do_integrity_run(AS_OF)
    Case.objects.filter(case_number=SPLIT[1]).update(parties="另一人;丁公司")  # no longer the same dispute
    later = do_integrity_run(AS_OF + timedelta(days=1))
    assert [row for row in stored() if row[0] == "split_filing"] == []
    assert len(stored()) == len(PLANTED) - 2 == later.findings
    assert set(IntegrityFinding.objects.values_list("as_of", flat=True)) == {AS_OF + timedelta(days=1)}
    assert IntegrityRun.objects.count() == 2 and latest_run() == later


def test_the_nightly_job_runs_the_checks_when_they_are_stale(planted: None) -> None:
    """On the snapshot's day, once; again when a snapshot is computed after them (an import) or on a new day."""
    assert integrity_date() == AS_OF and integrity_stale(AS_OF)
    assert refresh_integrity() is True
    assert latest_run() is not None and latest_run().as_of == AS_OF  # type: ignore[union-attr]
    assert refresh_integrity() is False and IntegrityRun.objects.count() == 1
    do_snapshot(AS_OF)  # an import's snapshot: the findings are older
    assert integrity_stale(AS_OF) and refresh_integrity() is True and IntegrityRun.objects.count() == 2
    next_day = AS_OF + timedelta(days=1)
    do_snapshot(next_day)
    assert integrity_date() == next_day and refresh_integrity() is True
    assert latest_run().as_of == next_day  # type: ignore[union-attr]


def test_with_no_case_there_is_nothing_to_check(db: None) -> None:
    assert not integrity_stale(date(2024, 12, 31))


def test_the_findings_of_another_day_are_computed_not_stored(planted: None) -> None:
    do_integrity_run(AS_OF)
    on_the_day = findings_on(AS_OF)
    assert sorted((f.check, f.case_number, f.court_code, f.judge) for f in on_the_day) == sorted(PLANTED)
    # before the refiled case was filed (2024-06-01), and before the split filing: fewer findings, none kept
    earlier = findings_on(date(2024, 6, 15))
    assert {f.case_number for f in earlier} == {REFILED}
    assert stored() == sorted(PLANTED) and IntegrityRun.objects.count() == 1


def test_who_sees_which_findings(planted: None) -> None:
    do_integrity_run(AS_OF)
    # a judge's finding and a court's (outlier_share: no case), planted beside the run's
    for judge in ("张伟", ""):
        IntegrityFinding.objects.create(
            as_of=AS_OF,
            check_code="outlier_share",
            court_code="甘1002",
            judge=judge,
            zh="占比",
            en="share",
            evidence={"top_cases": [SPLIT[0]]},
        )

    def seen(reader: Person) -> set[tuple[str, str]]:
        return set(visible_findings(reader).values_list("case_number", "judge"))

    of_1002 = {(number, judge) for _, number, court, judge in PLANTED if court == "甘1002"}
    units = {("", "张伟"), ("", "")}
    assert seen(person("甘1002", Role.PRESIDENT)) == of_1002 | units
    assert seen(person("甘10", Role.TRIAL_MANAGEMENT)) == of_1002 | units | {
        ("（2024）甘1027民初101号", "赵磊")
    }
    assert seen(person("甘1027", Role.PRESIDENT)) == {("（2024）甘1027民初101号", "赵磊")}
    zhang = person("甘1002", Role.JUDGE, "张伟")
    assert seen(zhang) == {(n, j) for n, j in of_1002 if j == "张伟"} | {("", "张伟")}
    li = person("甘1002", Role.JUDGE, "李娜")
    assert seen(li) == {(REFILED, "李娜")}
    # the case withdrawn before, 张伟's, is another case to 李娜
    assert hidden_numbers(li, visible_findings(li)) == {WITHDRAWN}
    assert hidden_numbers(zhang, visible_findings(zhang)) == set()
    # a division head sees the division's cases and its judges' own findings, not the court's
    head = person("甘1002", Role.DIVISION_HEAD, "庭长", division="民一庭")
    assert seen(head) == of_1002 | {("", "张伟")}
    # an assistant granted 李娜's cases sees hers
    assistant = person("甘1002", Role.ASSISTANT, "助理")
    do_grant(assistant.user.username, court_code="甘1002", judge="李娜", reason="协助")
    assert seen(assistant) == {(REFILED, "李娜")}
    assert seen(person("甘1002", Role.ASSISTANT, "另一助理")) == set()


def test_filters_and_counts(planted: None) -> None:
    do_integrity_run(AS_OF)
    office = person("甘10", Role.TRIAL_MANAGEMENT)
    findings = visible_findings(office)
    assert counts_by_court(findings) == {
        "甘1002": {
            "deduction_without_ground": 1,
            "withdraw_refile": 1,
            "split_filing": 2,
            "expiry_mismatch": 1,
        },
        "甘1027": {"deduction_without_ground": 1},
    }
    assert FindingFilters(check="deduction_without_ground").apply(findings).count() == 2
    assert FindingFilters(court="甘1002", judge="张伟").apply(findings).count() == 4
    assert FindingFilters(check="split_filing").query() == {"check": "split_filing"}
