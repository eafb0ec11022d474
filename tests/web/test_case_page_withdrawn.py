"""The case page shows the events a later export withdrew apart from those counted, with when and by which
import, in Chinese and in English (issue 9, "Corrections in a later export")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from qingji.cases.models import Case, CaseEvent, ImportRecord
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db

NUMBER = "（2024）甘1002民初2号"


def test_withdrawn_events_are_listed_apart(login: Callable[..., Client]) -> None:
    case = Case.objects.get(case_number=NUMBER)
    record = ImportRecord.objects.create(
        file_name="更正案件.csv", sha256="0" * 64, events_file_name="更正事项.csv"
    )
    CaseEvent.objects.create(
        case=case, key="kept", event="deduction", kind="鉴定", start=date(2024, 5, 1), end=date(2024, 6, 30)
    )
    CaseEvent.objects.create(
        case=case, key="gone", event="extension", length_months=6, approved_by="院长",
        approved_on=date(2024, 8, 20), note="误录", withdrawn_at=timezone.now(), withdrawn_by=record,
    )  # fmt: skip
    client = login("甘1002", Role.PRESIDENT)
    html = client.get(reverse("web:case", args=[NUMBER])).content.decode()
    counted, withdrawn = html.split("被后来的导出撤回的事项（保留备查，不计入审限）")
    assert "2024-06-30" in counted and "2024-08-20" not in counted and "误录" not in counted
    assert "<del>延长审限</del>" in withdrawn and "<del>2024-08-20</del>" in withdrawn
    assert f"导入记录 #{record.pk}" in withdrawn and "更正案件.csv / 更正事项.csv" in withdrawn
    assert "extension" not in html  # no internal code on the page

    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get(reverse("web:case", args=[NUMBER])).content.decode()
    assert "Events withdrawn by a later export (kept for the record, not counted)" in english
    assert "Withdrawn by import" in english and f"Import #{record.pk}" in english
    # the event types and the case's procedure in English words, never their codes
    assert "<del>Extension</del>" in english and "Deduction" in english
    assert ">extension<" not in english and ">deduction<" not in english
    assert case.procedure and f">{case.procedure}<" not in english


def test_a_case_without_withdrawn_events_has_no_such_list(login: Callable[..., Client]) -> None:
    client = login("甘1002", Role.PRESIDENT)
    html = client.get(reverse("web:case", args=[NUMBER])).content.decode()
    assert "被后来的导出撤回的事项" not in html
