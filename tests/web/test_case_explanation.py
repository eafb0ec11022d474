"""The case page explains the expiry step by step as `qingji deadline` does, from the case's stored events not
withdrawn and the calendar and settings in force, and ends on the expiry the snapshot stored (CaseState.expiry):
checked on the court system of conftest.py with events of every kind, and on generated cases (hypothesis)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.strategies import case_facts
from qingji.cases.models import Case, CaseEvent, CaseState
from qingji.cases.snapshot import do_snapshot
from qingji.core.events import CaseFacts
from qingji.courts.models import Person, Role
from qingji.web.case_basis import basis_words

pytestmark = pytest.mark.django_db
Login = Callable[..., Client]
AS_OF = date(2024, 12, 31)
GENERATED = "生成"
NUMBER = "（2024）甘1002民初2号"  # filed 2024-03-01, ordinary procedure: six months, to Monday 2024-09-02


def page(client: Client, number: str) -> str:
    response = client.get(reverse("web:case", args=[number]))
    assert response.status_code == 200
    return response.content.decode()


def final_date(html: str) -> str:
    """The date the explanation ends on (its last row, the expiry)."""
    found = re.search(r'<td class="final">([^<]*)</td>', html)
    assert found, "no final date"
    return found.group(1)


def add_events(case: Case) -> None:
    CaseEvent.objects.create(case=case, key="x1", event="extension", length_months=6, approved_by="院长",
                             approved_on=date(2024, 8, 20))  # fmt: skip
    CaseEvent.objects.create(case=case, key="d1", event="deduction", kind="鉴定", start=date(2024, 4, 1),
                             end=date(2024, 4, 30))  # fmt: skip


def test_the_explanation_ends_on_the_stored_expiry_and_names_every_step(login: Login) -> None:
    case = Case.objects.get(case_number=NUMBER)
    add_events(case)
    do_snapshot(AS_OF)
    stored = CaseState.objects.get(case=case)
    client = login("甘1002", Role.PRESIDENT)
    html = page(client, NUMBER)
    assert final_date(html) == str(stored.expiry) == "2025-03-31"
    steps = client.get(reverse("web:case", args=[NUMBER])).context["steps"]
    texts = [step.text for step in steps]
    # The rule and its article, the extension with its approver, the deduction with its kind and days, and the
    # rest day that moved the date — each a step, in Chinese.
    assert steps[0].basis == "《民事诉讼法》第152条" and "普通程序审限6个月，自2024-03-01次日起算" in texts[0]
    assert any("延长6个月" in text and "院长批准" in text for text in texts), texts
    assert any("鉴定" in text and "30日" in text for text in texts), texts
    assert [s.result for s in steps if s.result][-1] == stored.expiry
    assert "CPL 152" not in html.split('<table class="steps">')[1].split("</table>")[0]  # the law in words


def test_in_english_the_steps_and_the_basis_are_in_english(login: Login) -> None:
    case = Case.objects.get(case_number=NUMBER)
    add_events(case)
    do_snapshot(AS_OF)
    client = login("甘1002", Role.PRESIDENT)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = page(client, NUMBER)
    assert "How the expiry is computed" in html and "Civil Procedure Law, art. 152" in html
    assert "ordinary procedure period 6 months from the day after 2024-03-01" in html
    assert "extended by 6 months, approved by 院长" in html
    assert "Deduction: appraisal" in html  # the timeline's list names the kind in English
    assert "审限计算过程" not in html and "appeal_judgment" not in html and "ordinary period" not in html
    assert final_date(html) == "2025-03-31"


def test_a_withdrawn_event_is_not_counted_and_the_stored_expiry_is_kept(login: Login) -> None:
    case = Case.objects.get(case_number=NUMBER)
    add_events(case)
    CaseEvent.objects.filter(key="x1").update(withdrawn_at="2024-12-01T00:00:00Z")
    do_snapshot(AS_OF)
    html = page(login("甘1002", Role.PRESIDENT), NUMBER)
    assert final_date(html) == str(CaseState.objects.get(case=case).expiry) == "2024-10-08"
    assert "延长6个月" not in html.split('<table class="steps">')[1].split("</table>")[0]


def test_a_late_extension_is_explained_and_not_counted(login: Login) -> None:
    case = Case.objects.get(case_number=NUMBER)
    CaseEvent.objects.create(case=case, key="late", event="extension", length_months=6, approved_by="院长",
                             approved_on=date(2024, 10, 1))  # fmt: skip
    do_snapshot(AS_OF)
    client = login("甘1002", Role.PRESIDENT)
    html = page(client, NUMBER)
    assert final_date(html) == str(CaseState.objects.get(case=case).expiry) == "2024-09-02"
    assert "2024-10-01批准的延长晚于审限届满日2024-09-02，不计入（届满日不变）" in html
    assert (
        '<span class="tag">审限届满后才批准延长（未计入，隐形超审限）</span>' in html
    )  # the warning in words
    assert "extension_after_expiry" not in html


def test_the_page_says_so_when_the_settings_in_force_give_another_expiry(login: Login) -> None:
    case = Case.objects.get(case_number=NUMBER)
    CaseState.objects.filter(case=case).update(expiry=date(2024, 9, 1))  # as if computed with other settings
    html = page(login("甘1002", Role.PRESIDENT), NUMBER)
    assert "快照计算后本院设置" in html and final_date(html) == "2024-09-02"


def test_every_case_of_the_court_system_ends_on_its_stored_expiry(login: Login) -> None:
    client = login("甘10", Role.TRIAL_MANAGEMENT)
    for state in CaseState.objects.select_related("case"):
        html = page(client, state.case.case_number)
        assert final_date(html) == (state.expiry.isoformat() if state.expiry else "无法定审限")


def store(index: int, facts: CaseFacts) -> Case:
    """``facts`` as an import stores them: the case and its events, as codes."""
    case = Case.objects.create(
        case_number=f"（{facts.filed_on.year}）甘1002{facts.type_code}{9000 + index}号", court_code="甘1002",
        type_code=facts.type_code, procedure=facts.procedure.value if facts.procedure else "",
        filed_on=facts.filed_on, closed_on=facts.closed_on, in_custody=facts.in_custody, judge=GENERATED,
    )  # fmt: skip
    events = []
    for n, e in enumerate(facts.extensions):
        events.append(CaseEvent(case=case, key=f"x{n}", event="extension",
                                length_months=e.length.months if e.length else None,
                                length_days=e.length.days if e.length else None,
                                approved_by=e.approved_by or "", approved_on=e.approved_on))  # fmt: skip
    for n, d in enumerate(facts.deductions):
        events.append(
            CaseEvent(case=case, key=f"d{n}", event="deduction", kind=d.kind, start=d.start, end=d.end)
        )
    for n, c in enumerate(facts.conversions):
        events.append(CaseEvent(case=case, key=f"c{n}", event="conversion", procedure=c.procedure.value,
                                start=c.on))  # fmt: skip
    for n, r in enumerate(facts.restarts):
        events.append(CaseEvent(case=case, key=f"r{n}", event="restart", kind=r.reason, start=r.on))
    CaseEvent.objects.bulk_create(events)
    return case


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(
    batch=st.lists(case_facts(), min_size=1, max_size=25),
    as_of=st.dates(date(2016, 1, 1), date(2028, 12, 31)),
)
def test_generated_cases_end_on_their_stored_expiry(
    make_user: Callable[..., Person], batch: list[CaseFacts], as_of: date
) -> None:
    Case.objects.filter(judge=GENERATED).delete()  # the cases of the example before
    cases = [store(i, facts) for i, facts in enumerate(batch) if facts.filed_on <= as_of]
    do_snapshot(as_of)
    person = Person.objects.filter(user__username="office").first() or make_user(
        "office", name="审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT
    )
    client = Client()
    client.force_login(person.user)
    for case in cases:
        stored = CaseState.objects.get(case=case)
        html = client.get(f"/case/{quote(case.case_number)}/").content.decode()
        assert final_date(html) == (stored.expiry.isoformat() if stored.expiry else "无法定审限"), (
            case.case_number
        )


def test_the_basis_names_the_laws_in_words() -> None:
    assert basis_words("CrPL 105(4); C6", english=False) == (
        "《刑事诉讼法》第105条第4款；计算约定：期间届满日遇休息日顺延"
    )
    assert basis_words("2000-Prov Art. 9(2)", english=True) == (
        "SPC Provisions on Strictly Enforcing Trial Periods (2000), art. 9(2)"
    )
    assert basis_words("2000-Prov Art. 9(10)(11)", english=False).endswith("第9条第（10）（11）项")
    assert basis_words("no statutory period found (UNCONFIRMED)", english=False) == "未见法定审限 (待确认)"
