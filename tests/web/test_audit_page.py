"""The audit page and its export: filtered, and limited to the courts the reader may see."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from qingji.audit.actions import audit
from qingji.courts.actions import do_create_user, do_ensure_courts
from qingji.courts.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def records() -> None:
    do_ensure_courts()
    do_create_user(
        "office10", "password-10", name="中院审管办", court_code="甘10", role=Role.TRIAL_MANAGEMENT
    )
    do_create_user(
        "office1002", "password-1002", name="西峰审管办", court_code="甘1002", role=Role.TRIAL_MANAGEMENT
    )
    do_create_user("judge", "password-judge", name="张伟", court_code="甘1002", role=Role.JUDGE)
    audit(
        "case_updated",
        "case",
        "（2024）甘1002民初1号",
        court_code="甘1002",
        before={"closed_on": None},
        after={"closed_on": "2024-05-06"},
    )
    audit(
        "case_updated",
        "case",
        "（2024）甘1027民初1号",
        court_code="甘1027",
        before={"judge": "赵磊"},
        after={"judge": "钱明"},
    )


def signed_in(client: Client, username: str, password: str) -> Client:
    assert client.post("/login/", {"username": username, "password": password}).status_code == 302
    return client


def test_a_basic_court_reads_only_its_own_records(client: Client) -> None:
    page = signed_in(client, "office1002", "password-1002").get("/audit/").content.decode()
    assert "（2024）甘1002民初1号" in page
    assert "（2024）甘1027民初1号" not in page
    # Asking for another court's records by parameter gives nothing.
    other = client.get("/audit/", {"court": "甘1027"}).content.decode()
    assert "（2024）甘1027民初1号" not in other


def test_the_intermediate_court_reads_its_basic_courts_and_filters(client: Client) -> None:
    signed_in(client, "office10", "password-10")
    page = client.get("/audit/", {"object_id": "甘1027"}).content.decode()
    assert "（2024）甘1027民初1号" in page and "（2024）甘1002民初1号" not in page
    export = client.get("/audit/export.csv", {"action": "case_updated"})
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0][2] == "操作 action"
    numbers = {row[4] for row in rows[1:]}
    assert {"（2024）甘1002民初1号", "（2024）甘1027民初1号"} <= numbers
    assert any("钱明" in row[7] for row in rows[1:])


def test_a_judge_cannot_read_the_audit_trail(client: Client) -> None:
    signed_in(client, "judge", "password-judge")
    response = client.get("/audit/")
    assert response.status_code == 403
    assert "（2024）甘1002民初1号" not in response.content.decode()
    export = client.get("/audit/export.csv")
    assert export.status_code == 403
    assert "（2024）甘1002民初1号" not in export.content.decode()


def test_anonymous_readers_are_sent_to_login(client: Client) -> None:
    assert client.get("/audit/").status_code == 302
    assert client.get("/audit/export.csv").status_code == 302


def test_the_export_quotes_text_a_spreadsheet_would_run(client: Client) -> None:
    """A value from a court's export that begins like a formula (OWASP "CSV Injection") is written behind a single
    quote in the audit CSV, so that Excel or WPS shows it and never runs it."""
    from qingji.audit.models import AuditRecord

    AuditRecord.objects.create(
        action="case_updated", object_type="case", object_id="@SUM(1+1)*cmd|' /C calc'!A0", court_code="甘1002",
        before={"parties": "甲"}, after={"parties": "=HYPERLINK(\"http://x\")"},
    )  # fmt: skip
    signed_in(client, "office10", "password-10")
    rows = list(csv.reader(io.StringIO(client.get("/audit/export.csv").content.decode("utf-8-sig"))))
    [row] = [row for row in rows if "SUM(1+1)" in row[4]]
    assert row[4] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_a_long_trail_is_counted_up_to_a_limit_and_the_export_keeps_every_record(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting millions of records a page is not done: past the limit the page says "more than" and lists the
    newest; the export still holds every one."""
    from qingji.audit import selectors

    for n in range(2, 7):
        audit(
            "case_updated", "case", f"（2024）甘1002民初{n}号", court_code="甘1002", after={"judge": "张伟"}
        )
    monkeypatch.setattr(selectors, "COUNT_AT_MOST", 3)
    monkeypatch.setattr(selectors.CountedAtMost.__init__, "__defaults__", (3,))
    signed_in(client, "office1002", "password-1002")
    page = client.get("/audit/").content.decode()
    assert "超过 3 条记录" in page
    assert "（2024）甘1002民初6号" in page and "（2024）甘1002民初2号" not in page  # the newest first
    rows = list(csv.reader(io.StringIO(client.get("/audit/export.csv").content.decode("utf-8-sig"))))
    numbers = {row[4] for row in rows[1:]}
    assert {f"（2024）甘1002民初{n}号" for n in range(1, 7)} <= numbers and len(rows) > 1 + 3
    few = client.get("/audit/", {"object_id": "民初1号"}).content.decode()
    assert "超过" not in few and "1 条记录" in few


def test_the_page_tells_each_change_in_words(client: Client) -> None:
    """An action in words, and its before and after field by field: the field's name, old → new, codes in words."""
    audit("campaign_case_updated", "campaign_case", "（2024）甘1002民初1号", court_code="甘1002",
          before={"reason": "appraisal", "target_on": None}, after={"reason": "public_notice", "target_on": "2024-06-30"})  # fmt: skip
    audit("supervision_recorded", "campaign", "半年清积", court_code="甘1002",
          after={"kind": "phone", "on": "2024-05-01", "by": "督导组", "to": "", "follow_up": None})  # fmt: skip
    signed_in(client, "office10", "password-10")
    page = client.get("/audit/").content.decode()
    assert "四定更新" in page and "记录督导" in page
    assert "未结原因" in page and "<del>鉴定</del> → <ins>公告送达</ins>" in page
    assert "化解期限" in page and "<ins>2024-06-30</ins>" in page
    assert "督办方式</span>：电话提醒" in page  # created: the value alone; a blank field ("to") left out
    assert "对象</span>" not in page
    assert "<del>2024-05-06" not in page and "结案日期" in page  # case_updated: closed_on None → date
    for code in ("appraisal", "public_notice", "phone", "campaign_case_updated", "target_on", "{"):
        assert code not in page.split("<tbody>")[1], code
    client.cookies["django_language"] = "en"
    english = client.get("/audit/").content.decode()
    assert "Determinations updated" in english and "Reason unresolved" in english
    assert "<del>appraisal</del> → <ins>service by public notice</ins>" in english
    assert "Kind of supervision</span>：phone reminder" in english


def test_the_export_keeps_its_columns_and_adds_words(client: Client) -> None:
    signed_in(client, "office10", "password-10")
    rows = list(csv.reader(io.StringIO(client.get("/audit/export.csv").content.decode("utf-8-sig"))))
    assert rows[0][:8] == ["时间 at", "操作人 actor", "操作 action", "对象 object", "编号 id", "法院 court",
                           "之前 before", "之后 after"]  # fmt: skip
    assert rows[0][8:] == [
        "操作（文字） action in words",
        "对象（文字） object in words",
        "变更内容 what changed",
    ]
    [row] = [row for row in rows[1:] if row[4] == "（2024）甘1027民初1号"]
    assert row[2] == "case_updated" and row[7] == '{"judge": "钱明"}'  # the code and the JSON, as before
    assert row[8:] == ["案件更新（导入）", "案件", "承办法官: 赵磊 → 钱明"]


def test_every_action_written_has_words() -> None:
    """Each action the code writes to the trail (audit(…), audit_per_court(…), audit_read(…), Audits.write(…)) has
    its words on the audit page; the admin site's actions are told from their kind and verb."""
    import re
    from pathlib import Path

    from qingji.web.labels import audit_action_label

    source = Path(__file__).parents[2] / "src" / "qingji"
    call = re.compile(r"""(?:audit|audit_per_court|audit_read|audits\.write)\(\s*"([a-z_]+)\"""")
    actions = {
        name for path in source.rglob("*.py") for name in call.findall(path.read_text(encoding="utf-8"))
    }
    assert {"case_created", "supervision_recorded", "ledger_exported", "event_withdrawn"} <= actions
    actions |= {
        f"{kind}_{verb}_in_admin" for kind in ("user", "group") for verb in ("added", "changed", "deleted")
    }
    assert all(audit_action_label(a, "zh-hans") != a and audit_action_label(a, "en") != a for a in actions), [
        a for a in actions if audit_action_label(a) == a
    ]
