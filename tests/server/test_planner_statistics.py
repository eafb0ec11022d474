"""The query planner's statistics: computed again by every snapshot and after a migration, so that the pages'
queries take the right index (the audit page read along the newest-first index of a million records sharing one
time, not a sort of them: docs/benchmarks.md, "Every page under load")."""

from __future__ import annotations

import pytest
from django.db import connection

from qingji.audit.models import AuditRecord
from qingji.cases.snapshot import refresh_planner_statistics
from qingji.server.setup import migrate_database

pytestmark = pytest.mark.django_db
TABLE = AuditRecord._meta.db_table
COURT = "测试院"  # the court of every record made here: in PostgreSQL's statistics once they are computed


def known_to_the_planner() -> set[str]:
    """SQLite: the audit trail's indexes the planner has statistics of; PostgreSQL: its courts' codes the
    statistics hold as the commonest."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = %s", [TABLE])
            return {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT most_common_vals::text FROM pg_stats WHERE tablename = %s AND attname = 'court_code'",
            [TABLE],
        )
        row = cursor.fetchone()
        return {COURT} if row and COURT in (row[0] or "") else set()


def test_the_statistics_of_the_audit_trail_are_computed_again() -> None:
    AuditRecord.objects.bulk_create(
        AuditRecord(action="case_created", object_type="case", object_id=str(n), court_code=COURT)
        for n in range(1000)
    )
    if connection.vendor == "sqlite":  # what a rebuilt table (SQLite's way of altering a column) leaves
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = %s", [TABLE])
    assert not known_to_the_planner()
    refresh_planner_statistics()
    expected = {"audit_at", "audit_court_at", "audit_action_at"} if connection.vendor == "sqlite" else {COURT}
    assert expected <= known_to_the_planner()


def test_nothing_to_migrate_is_said() -> None:
    """The test database is migrated: migrate_database has nothing to apply (and so does not analyse)."""
    assert migrate_database() is False
