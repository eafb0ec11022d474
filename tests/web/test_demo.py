"""`qingji demo` builds the court system on the embedded database: cases, a user for every role, the snapshot."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from qingji.courts.models import Role


def test_demo_builds_the_database(tmp_path: Path) -> None:
    qingji = str(Path(sys.executable).with_name("qingji"))
    env = {
        key: value for key, value in os.environ.items() if key not in ("QINGJI_HOME", "QINGJI_DATABASE_URL")
    }
    for _ in range(2):  # a second run changes nothing and does not fail
        result = subprocess.run(
            [qingji, "demo", "--dir", str(tmp_path), "--cases", "400", "--no-serve"],
            env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
    assert "qingji-demo-2026" in result.stdout
    database = sqlite3.connect(tmp_path / "qingji.sqlite3")
    # 400 cases and the few the anomalies add (a withdrawn case filed again, one dispute filed as several)
    written = len((tmp_path / "cases.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert 400 <= written <= 420 and (tmp_path / "labels.csv").exists()
    assert database.execute("select count(*) from cases_case").fetchone() == (written,)
    assert database.execute("select count(*) from cases_casestate").fetchone() == (written,)
    roles = {row[0] for row in database.execute("select role from courts_person")}
    assert roles == set(Role.values)
    hashes = [row[0] for row in database.execute("select password from auth_user")]
    assert hashes and all(h.startswith("argon2") for h in hashes)
    assert database.execute("select count(*) from cases_importrecord").fetchone() == (2,)
    assert database.execute("pragma journal_mode").fetchone() == ("wal",)
    assert (tmp_path / "ledger.xlsx").exists()
    assert database.execute("select count(*) from campaigns_campaign").fetchone() == (1,)  # once, not twice
    (in_scope,) = database.execute("select count(*) from campaigns_campaigncase").fetchone()
    assert in_scope > 0 and "半年清积（演示）" in result.stdout
    # Its work begun: four cases in five determined, supervision of every court, and the lagging court phoned
    # and sent a letter; nothing of it twice.
    (determined,) = database.execute(
        "select count(*) from campaigns_campaigncase where responsible != ''"
    ).fetchone()
    assert determined == in_scope - (in_scope + 4) // 5
    kinds = dict(
        database.execute("select kind, count(*) from campaigns_supervisionaction group by kind").fetchall()
    )
    (courts,) = database.execute(
        "select count(distinct court_code) from campaigns_campaigncase join cases_case on cases_case.id = case_id"
    ).fetchone()
    assert kinds["weekly_supervision"] == courts and kinds.get("letter", 0) <= 1
    actions = {row[0] for row in database.execute("select action from audit_auditrecord")}
    assert {"campaign_created", "campaign_demo_determined", "supervision_recorded"} <= actions
    # every record names the court it concerns, so that each court's auditors see theirs (issue 10)
    nameless = database.execute(
        "select distinct action from audit_auditrecord where court_code = ''"
    ).fetchall()
    assert nameless == []
    # The inboxes as the schedule would have filled them: the last three weeks' lists, today's reminders; each
    # run once (the second demo run produced nothing more).
    (messages,) = database.execute("select count(*) from cadence_message").fetchone()
    runs = database.execute('select kind, "on", count(*) from cadence_run group by kind, "on"').fetchall()
    assert runs and all(count == 1 for _, _, count in runs)
    # three weeks hold at least two bulletin days (the 1st, 11th, 21st); the monthly report only if its day fell in them
    assert (
        {"reminder", "list", "bulletin"}
        <= {kind for kind, _, _ in runs}
        <= {"reminder", "list", "bulletin", "report"}
    )
    (bulletins,) = database.execute(
        "select count(*) from cadence_document where kind = 'bulletin'"
    ).fetchone()
    assert bulletins == sum(
        1 for kind, _, _ in runs if kind == "bulletin"
    )  # one campaign: one bulletin a day
    assert f"收件箱 inboxes: {messages} " in result.stdout  # a demo of 400 cases may leave them empty


def test_the_demo_runs_again_on_a_later_day(tmp_path: Path) -> None:
    """A later day's export brings closures and corrected events to many cases at once: the demo's own export is
    the truth of its court system, so the second run imports it (a court's import would ask for a confirmation)."""
    env = {
        key: value for key, value in os.environ.items() if key not in ("QINGJI_HOME", "QINGJI_DATABASE_URL")
    }
    run_on = (
        "import sys, datetime, time_machine\n"
        "time_machine.travel(datetime.datetime.fromisoformat(sys.argv[1]), tick=False).start()\n"
        "from qingji.cli.app import app\n"
        "app(sys.argv[2:])\n"
    )
    for day in ("2026-09-01", "2026-12-01"):
        result = subprocess.run(
            [sys.executable, "-c", run_on, day, "demo", "--dir", str(tmp_path), "--cases", "400", "--no-serve"],
            env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
    database = sqlite3.connect(tmp_path / "qingji.sqlite3")
    outcomes = [row[0] for row in database.execute("select outcome from cases_importrecord order by id")]
    assert outcomes == ["imported", "imported"]
    (changed,) = database.execute(
        "select events_changed + events_withdrawn + updated from cases_importrecord order by id desc limit 1"
    ).fetchone()
    assert changed > 20  # more than a court's import passes without a confirmation
